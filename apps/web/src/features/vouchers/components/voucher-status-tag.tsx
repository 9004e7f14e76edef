import { Tag } from 'antd';
import type { VoucherStatus } from '@huanxin/shared';
import { useTranslation } from 'react-i18next';

const COLORS: Record<VoucherStatus, string> = {
  issued: 'success',
  redeemed: 'blue',
  expired: 'default',
  cancelled: 'default',
};

/** A voucher's status in words (never the raw code). */
export function VoucherStatusTag({ status }: { status: VoucherStatus }) {
  const { t } = useTranslation('vouchers');
  return (
    <Tag color={COLORS[status]} data-status={status}>
      {t(`status.${status}`)}
    </Tag>
  );
}
