import { Button, Result } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import { formatFen, formatVoucherCode, type ProductView } from '@huanxin/shared';
import { useTranslation } from 'react-i18next';
import { moneyLocale } from '@/lib/i18n';
import { useSales } from '../api/sales';

/** What the receipt prints: the sale as sent, with the till's subsidy from its answer. */
export interface ReceiptFacts {
  product: ProductView;
  serialNo: string;
  imei?: string;
  priceFen: number;
  otherDiscountFen: number;
  /** The till's answer (`201 { subsidyFen }`), not the estimate. */
  subsidyFen: number;
  /** price − subsidy − other discount: what the resident paid. */
  paidFen: number;
  voucherCode: string;
  invoiceNo: string;
  /** When the till accepted it (ISO). */
  at: string;
}

/** The sale's claim code: the sales list carries it (the 201 gives only the claim's id). */
function useClaimCode(saleId: string): string | null {
  const sales = useSales(1);
  return sales.data?.items.find((s) => s.id === saleId)?.claim?.code ?? null;
}

/**
 * The receipt after a redemption, narrow like a till slip: shop, product, serial, price, the subsidy
 * the till granted, what the resident paid, the claim's code and the time. `Print` prints only the
 * slip (see `.hx-receipt` in the print styles); on a phone it reads as it is.
 */
export function RedeemReceipt({
  shop,
  saleId,
  facts,
  categoryLabel,
  onNext,
}: {
  shop: string;
  saleId: string;
  facts: ReceiptFacts;
  categoryLabel: (product: ProductView) => string;
  onNext: () => void;
}) {
  const { t, i18n } = useTranslation('dealer');
  const locale = moneyLocale(i18n.language);
  const yuan = (fen: number) => formatFen(fen, locale);
  const claimCode = useClaimCode(saleId);
  const at = new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'zh-CN', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hour12: false,
  }).format(new Date(facts.at));
  const rows: Array<[string, string, string?]> = [
    [t('counter.receipt.product'), `${facts.product.brand} ${facts.product.model}`],
    [t('counter.receipt.category'), categoryLabel(facts.product)],
    [t('counter.receipt.serial'), facts.serialNo],
    ...(facts.imei ? ([[t('counter.receipt.imei'), facts.imei]] as Array<[string, string]>) : []),
    [t('counter.receipt.invoice'), facts.invoiceNo],
    [t('counter.receipt.price'), yuan(facts.priceFen), 'price'],
    [t('counter.receipt.subsidy'), `− ${yuan(facts.subsidyFen)}`, 'subsidy'],
    ...(facts.otherDiscountFen > 0
      ? ([[t('counter.receipt.other'), `− ${yuan(facts.otherDiscountFen)}`]] as Array<[string, string]>)
      : []),
  ];
  return (
    <section className="hx-section hx-counter__step" aria-labelledby="counter-receipt-title">
      <Result status="success" title={t('counter.receipt.done')} className="hx-counter__result" />
      <article className="hx-receipt" data-testid="receipt" aria-labelledby="counter-receipt-title">
        <h2 id="counter-receipt-title" className="hx-receipt__shop" tabIndex={-1}>
          {shop}
        </h2>
        <p className="hx-receipt__kind">{t('counter.receipt.title')}</p>
        <dl className="hx-receipt__rows">
          {rows.map(([label, value, id]) => (
            <div key={label} {...(id ? { 'data-testid': `receipt-${id}` } : {})}>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
          <div className="hx-receipt__total" data-testid="receipt-paid">
            <dt>{t('counter.receipt.paid')}</dt>
            <dd>{yuan(facts.paidFen)}</dd>
          </div>
        </dl>
        <dl className="hx-receipt__rows hx-receipt__meta">
          <div>
            <dt>{t('counter.receipt.voucher')}</dt>
            <dd className="hx-counter__mono">{formatVoucherCode(facts.voucherCode)}</dd>
          </div>
          <div data-testid="receipt-claim">
            <dt>{t('counter.receipt.claim')}</dt>
            <dd className="hx-counter__mono">{claimCode ?? t('counter.receipt.claimPending')}</dd>
          </div>
          <div>
            <dt>{t('counter.receipt.time')}</dt>
            <dd>
              <time dateTime={facts.at}>{at}</time>
            </dd>
          </div>
        </dl>
        <p className="hx-receipt__note">{t('counter.receipt.note')}</p>
      </article>
      <div className="hx-form-actions hx-receipt__actions">
        <Button
          icon={<PrinterOutlined aria-hidden />}
          onClick={() => window.print()}
          data-testid="receipt-print"
        >
          {t('counter.receipt.print')}
        </Button>
        <Button type="primary" onClick={onNext} data-testid="receipt-next">
          {t('counter.receipt.next')}
        </Button>
      </div>
    </section>
  );
}
