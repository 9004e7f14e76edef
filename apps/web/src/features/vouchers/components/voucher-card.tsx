import { Alert, Button } from 'antd';
import { QrcodeOutlined } from '@ant-design/icons';
import { formatFen, type VoucherView } from '@huanxin/shared';
import { useTranslation } from 'react-i18next';
import { moneyLocale } from '@/lib/i18n';
import { formatRemaining, remaining } from '../lib/countdown';
import { formatVoucherTime } from '../lib/format';
import { VoucherStatusTag } from './voucher-status-tag';

/** One voucher in the holder's list: what for, how much, how long; show and cancel while live. */
export function VoucherCard({
  voucher,
  now,
  programTitle,
  categoryLabel,
  onShow,
  onCancel,
}: {
  voucher: VoucherView;
  now: number;
  programTitle: string;
  categoryLabel: string;
  onShow: () => void;
  onCancel: () => void;
}) {
  const { t, i18n } = useTranslation('vouchers');
  const left = remaining(voucher.expiresAt, now);
  const live = voucher.status === 'issued' && !left.expired;
  return (
    <li className="hx-voucher-card" data-testid="voucher-card" data-status={voucher.status}>
      <div className="hx-voucher-card__top">
        <span className="hx-voucher-card__title">{categoryLabel}</span>
        <VoucherStatusTag status={voucher.status} />
      </div>
      <span className="hx-voucher-card__program">{programTitle}</span>
      <span>
        {t('card.maxSubsidy', { amount: formatFen(voucher.maxSubsidyFen, moneyLocale(i18n.language)) })}
      </span>
      <span className="hx-voucher-card__meta">
        {t('card.expiresAt', { at: formatVoucherTime(voucher.expiresAt, i18n.language) })}
      </span>
      {live ? (
        <>
          <span
            className={`hx-voucher-card__left${left.urgent ? ' is-urgent' : ''}`}
            role="timer"
            aria-live="off"
          >
            {t('card.left', { time: formatRemaining(left, t('dayUnit')) })}
          </span>
          {left.urgent ? (
            <Alert type="warning" showIcon title={t('card.soon')} data-testid="voucher-soon" />
          ) : null}
          <div className="hx-voucher-card__actions">
            <Button type="primary" size="large" icon={<QrcodeOutlined aria-hidden />} onClick={onShow}>
              {t('card.show')}
            </Button>
            <Button size="large" onClick={onCancel}>
              {t('card.cancel')}
            </Button>
          </div>
        </>
      ) : null}
    </li>
  );
}
