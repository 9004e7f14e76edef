import { Alert, Button, Modal } from 'antd';
import { formatVoucherCode, type VoucherView } from '@huanxin/shared';
import { useTranslation } from 'react-i18next';
import { formatRemaining, remaining } from '../lib/countdown';

/**
 * The voucher at the till, full screen: the QR code for the cashier's camera, the code in large
 * groups of 4-3-3 to read aloud when the camera fails, what it is for, and the time left.
 */
export function VoucherQr({
  voucher,
  now,
  categoryLabel,
  onClose,
}: {
  voucher: VoucherView | null;
  now: number;
  categoryLabel: string;
  onClose: () => void;
}) {
  const { t } = useTranslation('vouchers');
  const left = voucher ? remaining(voucher.expiresAt, now) : null;
  return (
    <Modal
      open={voucher !== null}
      title={t('qr.title')}
      onCancel={onClose}
      width="100%"
      rootClassName="hx-voucher-qr"
      footer={
        <Button block size="large" onClick={onClose}>
          {t('qr.close')}
        </Button>
      }
    >
      {voucher && left ? (
        <div className="hx-voucher-qr__body" data-testid="voucher-qr">
          <p className="hx-voucher-qr__category">{categoryLabel}</p>
          {voucher.qr && !left.expired ? (
            <>
              <img
                className="hx-voucher-qr__image"
                src={voucher.qr}
                alt={`${t('qr.code')} ${formatVoucherCode(voucher.code)}`}
              />
              <p className="hx-voucher-qr__hint">{t('qr.hint')}</p>
              <p className="hx-voucher-qr__label">{t('qr.code')}</p>
              <p
                className="hx-voucher-qr__code"
                data-testid="voucher-code"
                aria-label={voucher.code.split('').join(' ')}
              >
                {formatVoucherCode(voucher.code)}
              </p>
              <p className={`hx-voucher-qr__left${left.urgent ? ' is-urgent' : ''}`} role="timer">
                {t('card.left', { time: formatRemaining(left, t('dayUnit')) })}
              </p>
              {left.urgent ? <Alert type="warning" showIcon title={t('card.soon')} /> : null}
            </>
          ) : (
            <Alert type="warning" showIcon title={t('qr.expired')} />
          )}
        </div>
      ) : null}
    </Modal>
  );
}
