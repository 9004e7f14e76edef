import { useState } from 'react';
import { Alert, Empty, Modal } from 'antd';
import type { VoucherOffer, VoucherView } from '@huanxin/shared';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '@/components/ui/page-title';
import { ErrorState, LoadingState } from '@/components/ui/query-state';
import { localized } from '@/lib/i18n';
import { errorMessage } from '@/lib/error-message';
import { useCancelVoucher, useVoucherOffers, useVouchers } from '@/features/vouchers/api/vouchers';
import { TakeVoucherForm } from '@/features/vouchers/components/take-voucher-form';
import { VoucherCard } from '@/features/vouchers/components/voucher-card';
import { VoucherQr } from '@/features/vouchers/components/voucher-qr';
import { useNow } from '@/features/vouchers/lib/countdown';
import { ResidentLottery } from '@/features/lottery/components/resident-lottery';

/** `/vouchers`: take a point-of-sale voucher, show it at the till, cancel it (phone first). */
export function VouchersPage() {
  const { t, i18n } = useTranslation(['vouchers', 'errors']);
  const offers = useVoucherOffers();
  const vouchers = useVouchers();
  const cancel = useCancelVoucher();
  const now = useNow();
  const [shown, setShown] = useState<string | null>(null);
  const [cancelling, setCancelling] = useState<string | null>(null);
  /** The last outcome, announced politely (taken, cancelled, or why a cancel failed). */
  const [notice, setNotice] = useState<{ type: 'success' | 'error'; text: string } | null>(null);

  const labels = labelsOf(offers.data ?? [], i18n.language);
  const categoryLabel = (v: VoucherView) =>
    labels.category.get(`${v.programCode}:${v.category}`) ?? v.category;
  const shownVoucher = vouchers.data?.find((v) => v.id === shown) ?? null;

  return (
    <div className="hx-page hx-page--narrow">
      <PageTitle title={t('title')} />
      <h1 className="hx-page__title">{t('title')}</h1>
      <p className="hx-lead">{t('intro')}</p>

      <section className="hx-card hx-gap" aria-labelledby="voucher-take-title">
        <h2 id="voucher-take-title" className="hx-card-title">
          {t('take.title')}
        </h2>
        {offers.isPending ? <LoadingState /> : null}
        {offers.isError ? <ErrorState error={offers.error} onRetry={() => void offers.refetch()} /> : null}
        {offers.data && offers.data.length === 0 ? <p className="hx-note">{t('take.noOffers')}</p> : null}
        {offers.data && offers.data.length > 0 ? (
          <TakeVoucherForm
            offers={offers.data}
            onTaken={(voucher) => {
              setNotice({ type: 'success', text: t('take.done') });
              setShown(voucher.id);
            }}
          />
        ) : null}
      </section>

      {(offers.data ?? [])
        .filter((offer) => offer.allocationMode === 'lottery')
        .map((offer) => (
          <div key={offer.programCode} className="hx-gap">
            <h2 className="hx-section__title">{localized(offer.title, i18n.language)}</h2>
            <ResidentLottery
              programCode={offer.programCode}
              categories={offer.categories}
              canEnter
              signInHref={null}
              headingLevel={3}
              showVouchersLink={false}
            />
          </div>
        ))}

      {notice ? (
        <Alert
          className="hx-gap"
          type={notice.type}
          showIcon
          role={notice.type === 'error' ? 'alert' : 'status'}
          title={notice.text}
          closable={{ onClose: () => setNotice(null) }}
        />
      ) : null}

      <section className="hx-gap" aria-labelledby="voucher-list-title">
        <h2 id="voucher-list-title" className="hx-section__title">
          {t('list.title')}
        </h2>
        {vouchers.isPending ? <LoadingState /> : null}
        {vouchers.isError ? (
          <ErrorState error={vouchers.error} onRetry={() => void vouchers.refetch()} />
        ) : null}
        {vouchers.data && vouchers.data.length === 0 ? <Empty description={t('list.empty')} /> : null}
        {vouchers.data && vouchers.data.length > 0 ? (
          <ul className="hx-voucher-list" aria-labelledby="voucher-list-title">
            {vouchers.data.map((voucher) => (
              <VoucherCard
                key={voucher.id}
                voucher={voucher}
                now={now}
                programTitle={labels.program.get(voucher.programCode) ?? voucher.programCode}
                categoryLabel={categoryLabel(voucher)}
                onShow={() => setShown(voucher.id)}
                onCancel={() => setCancelling(voucher.id)}
              />
            ))}
          </ul>
        ) : null}
      </section>

      <VoucherQr
        voucher={shownVoucher}
        now={now}
        categoryLabel={shownVoucher ? categoryLabel(shownVoucher) : ''}
        onClose={() => setShown(null)}
      />
      <Modal
        open={cancelling !== null}
        title={t('card.cancelOk')}
        okText={t('card.cancelOk')}
        cancelText={t('card.keep')}
        okButtonProps={{ danger: true, disabled: cancel.isPending }}
        onCancel={() => setCancelling(null)}
        onOk={() => {
          if (!cancelling) return;
          cancel.mutate(cancelling, {
            onSuccess: () => setNotice({ type: 'success', text: t('card.cancelled') }),
            onError: (error) => setNotice({ type: 'error', text: errorMessage(t, error) }),
            onSettled: () => setCancelling(null),
          });
        }}
      >
        <p>{t('card.cancelConfirm')}</p>
      </Modal>
    </div>
  );
}

/** Program titles and category labels in the page's language, from the offers. */
function labelsOf(offers: readonly VoucherOffer[], language: string) {
  const program = new Map<string, string>();
  const category = new Map<string, string>();
  for (const offer of offers) {
    program.set(offer.programCode, localized(offer.title, language));
    for (const c of offer.categories)
      category.set(`${offer.programCode}:${c.value}`, localized(c.label, language));
  }
  return { program, category };
}
