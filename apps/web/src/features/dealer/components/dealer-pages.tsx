import { useState, type ReactNode } from 'react';
import { Alert, Segmented } from 'antd';
import type { DealerMeView, OrganizationKind } from '@huanxin/shared';
import { organizationMayWrite } from '@huanxin/shared';
import { useTranslation } from 'react-i18next';
import { ErrorState, LoadingState } from '@/components/ui/query-state';
import { useDealerMe } from '../api/dealer-me';
import { useProducts } from '../api/products';
import { Certificates } from './certificates';
import { DealerNav } from './dealer-nav';
import { RecyclingReceipts } from './recycling-receipts';
import { RedeemCounter } from '../counter/redeem-counter';
import { CarSaleForm, GoodsSaleForm, type SaleProgramChoice } from './sale-form';
import { SalesImport } from './sales-import';
import { SalesList } from './sales-list';

/**
 * The frame of every dealer page: the organisation (loaded once), its tabs, and the page — or, for a
 * page the organisation's kind does not do, a note instead of a form the server would refuse.
 */
export function DealerFrame({
  kinds,
  children,
}: {
  kinds?: readonly OrganizationKind[];
  children: (me: DealerMeView, writable: boolean) => ReactNode;
}) {
  const { t } = useTranslation('dealer');
  const me = useDealerMe();
  if (me.isPending) return <LoadingState />;
  if (me.isError) return <ErrorState error={me.error} onRetry={() => void me.refetch()} />;
  const { organization } = me.data;
  const writable = organizationMayWrite(organization.status);
  const allowed = !kinds || kinds.some((k) => organization.kinds.includes(k));
  return (
    <>
      <DealerNav kinds={organization.kinds} />
      {!writable ? (
        <Alert
          type={organization.status === 'pending' ? 'info' : 'warning'}
          showIcon
          className="hx-section"
          title={t(`statusNote.${organization.status}`)}
          data-testid="dealer-readonly"
        />
      ) : null}
      {allowed ? children(me.data, writable) : <Alert type="info" showIcon title={t('nav.notForKind')} />}
    </>
  );
}

/** Record a sale: goods (retailers) or a car (car dealers); an organisation that does both picks. */
export function NewSale({ programs }: { programs: SaleProgramChoice[] }) {
  const { t } = useTranslation('dealer');
  const products = useProducts();
  const [choice, setChoice] = useState<'goods' | 'car' | null>(null);
  return (
    <DealerFrame kinds={['retailer', 'car_dealer']}>
      {(me, writable) => {
        const joined = programs.filter((p) => me.organization.programs.includes(p.code));
        const goodsPrograms = joined.filter((p) => !p.kind.startsWith('car'));
        const carPrograms = joined.filter((p) => p.kind.startsWith('car'));
        const sells = {
          goods: me.organization.kinds.includes('retailer') && goodsPrograms.length > 0,
          car: me.organization.kinds.includes('car_dealer') && carPrograms.length > 0,
        };
        const mode = choice ?? (sells.goods ? 'goods' : 'car');
        if (!writable) return null;
        if (!sells.goods && !sells.car) return <Alert type="info" showIcon title={t('sale.noPrograms')} />;
        return (
          <section className="hx-section">
            {sells.goods && sells.car ? (
              <Segmented<'goods' | 'car'>
                value={mode}
                onChange={setChoice}
                options={[
                  { value: 'goods', label: t('sale.goodsTitle') },
                  { value: 'car', label: t('sale.carTitle') },
                ]}
                aria-label={t('sale.kind')}
              />
            ) : null}
            {mode === 'goods' ? (
              products.isError ? (
                <ErrorState error={products.error} onRetry={() => void products.refetch()} />
              ) : products.isPending ? (
                <LoadingState />
              ) : (products.data ?? []).length === 0 ? (
                <Alert type="info" showIcon title={t('sale.noProducts')} />
              ) : (
                <GoodsSaleForm products={products.data} programs={goodsPrograms} />
              )
            ) : (
              <CarSaleForm programs={carPrograms} />
            )}
          </section>
        );
      }}
    </DealerFrame>
  );
}

/**
 * The counter's redeem screen: a retailer's goods programs and products; a read-only organisation
 * sees the status note only (the till would refuse the sale).
 */
export function Redeem({ programs }: { programs: SaleProgramChoice[] }) {
  const { t } = useTranslation('dealer');
  const products = useProducts();
  return (
    <DealerFrame kinds={['retailer']}>
      {(me, writable) => {
        if (!writable) return null;
        const goodsPrograms = programs.filter(
          (p) => me.organization.programs.includes(p.code) && !p.kind.startsWith('car'),
        );
        if (goodsPrograms.length === 0) return <Alert type="info" showIcon title={t('sale.noPrograms')} />;
        if (products.isError)
          return <ErrorState error={products.error} onRetry={() => void products.refetch()} />;
        if (products.isPending) return <LoadingState />;
        const mine = products.data.filter((p) => goodsPrograms.some((g) => g.code === p.programCode));
        if (mine.length === 0) return <Alert type="info" showIcon title={t('sale.noProducts')} />;
        return <RedeemCounter me={me} products={mine} programs={goodsPrograms} />;
      }}
    </DealerFrame>
  );
}

export function Sales({ programs }: { programs: SaleProgramChoice[] }) {
  const programTitle = (code: string) => programs.find((p) => p.code === code)?.title ?? code;
  const categoryLabel = (category: string) =>
    programs.flatMap((p) => p.categories).find((c) => c.value === category)?.label ?? category;
  return (
    <DealerFrame kinds={['retailer', 'car_dealer']}>
      {(_, writable) => (
        <SalesList programTitle={programTitle} categoryLabel={categoryLabel} writable={writable} />
      )}
    </DealerFrame>
  );
}

export function Import() {
  return (
    <DealerFrame kinds={['retailer']}>{(_, writable) => (writable ? <SalesImport /> : null)}</DealerFrame>
  );
}

export function CertificatesPage() {
  return (
    <DealerFrame kinds={['dismantler']}>{(_, writable) => <Certificates writable={writable} />}</DealerFrame>
  );
}

export function ReceiptsPage({ categories }: { categories: { value: string; label: string }[] }) {
  return (
    <DealerFrame kinds={['recycler']}>
      {(_, writable) => <RecyclingReceipts categories={categories} writable={writable} />}
    </DealerFrame>
  );
}
