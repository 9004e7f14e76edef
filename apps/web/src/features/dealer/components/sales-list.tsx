import { useState } from 'react';
import { Button, Grid, Pagination, Table, Tag } from 'antd';
import { RollbackOutlined } from '@ant-design/icons';
import { formatFen } from '@huanxin/shared';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '@/components/ui/query-state';
import { useProducts } from '../api/products';
import { moneyLocale } from '@/lib/i18n';
import { SALES_PAGE_SIZE, useSales, type DealerSaleView } from '../api/sales';
import { ReturnDialog } from './return-dialog';

/** The sale's reported return (`return`, with the return's outcome); null while it is not returned. */
const returnOf = (s: DealerSaleView) => s.return;

/** The organisation's sales, newest first, each with the status of the claim it backs. */
export function SalesList({
  programTitle,
  categoryLabel,
  writable = false,
}: {
  programTitle: (code: string) => string;
  categoryLabel: (category: string) => string;
  /** The organisation may write (active): each recorded sale offers "return". */
  writable?: boolean;
}) {
  const { t, i18n } = useTranslation('dealer');
  const [page, setPage] = useState(1);
  const [returning, setReturning] = useState<DealerSaleView | null>(null);
  const sales = useSales(page);
  const products = useProducts();
  // A phone at the counter gets one card per sale; a desktop the table.
  const narrow = !Grid.useBreakpoint().md;
  const item = (s: DealerSaleView) => {
    if (s.kind === 'car') return s.vin;
    const product = products.data?.find((p) => p.id === s.productId);
    const category = s.category ? categoryLabel(s.category) : '';
    return product ? `${product.brand} ${product.model} · ${category}` : category || '—';
  };
  if (sales.isError) return <ErrorState error={sales.error} onRetry={() => void sales.refetch()} />;
  const returnButton = (s: DealerSaleView) =>
    writable && s.status !== 'returned' ? (
      <Button
        size="small"
        icon={<RollbackOutlined aria-hidden />}
        onClick={() => setReturning(s)}
        aria-label={`${t('returns.action')} ${item(s) ?? ''} ${s.invoiceNo}`}
        data-testid="sale-return"
      >
        {t('returns.action')}
      </Button>
    ) : null;
  const dialog = (
    <ReturnDialog
      sale={returning}
      itemLabel={returning ? (item(returning) ?? '') : ''}
      onClose={() => setReturning(null)}
    />
  );
  // A return after payment: what is owed back, and by when (the ledger's receivable of the sale).
  const owed = (s: DealerSaleView) =>
    s.money?.state === 'receivable' ? (
      <div className="hx-note" data-testid="sale-receivable">
        {t('returns.receivableDue', {
          amount: formatFen(s.money.amountFen, moneyLocale(i18n.language)),
          date: s.money.expectedOn ?? '—',
        })}
      </div>
    ) : null;
  const claimOf = (s: DealerSaleView) => (
    <>
      {s.status === 'returned' ? (
        <Tag color="red" data-testid="sale-returned">
          {t('sales.returned')}
          {returnOf(s)?.returnedOn ? ` ${returnOf(s)!.returnedOn}` : ''}
        </Tag>
      ) : null}
      {s.claim ? (
        <>
          <Tag>{t(`applications:status.${s.claim.status}`)}</Tag>
          <span className="hx-note">{s.claim.code}</span>
        </>
      ) : (
        <span className="hx-note">{t('sales.noClaim')}</span>
      )}
      {owed(s)}
    </>
  );
  if (narrow)
    return (
      <section className="hx-section" aria-labelledby="dealer-sales-title">
        <h2 id="dealer-sales-title" className="hx-section__title">
          {t('sales.title')}
        </h2>
        {sales.isLoading ? null : (sales.data?.items ?? []).length === 0 ? (
          <p className="hx-note">{t('sales.empty')}</p>
        ) : (
          <ul className="hx-sale-cards" data-testid="sales-list">
            {(sales.data?.items ?? []).map((s) => (
              <li key={s.id} className="hx-sale-card">
                <div className="hx-sale-card__head">
                  <strong>{item(s)}</strong>
                  <span>{formatFen(s.priceFen)}</span>
                </div>
                {s.serialNo ? <div className="hx-note">{s.serialNo}</div> : null}
                <div className="hx-note">
                  {t('sale.invoice')} {s.invoiceNo} · {s.invoiceDate} · {s.buyerNameMasked}
                </div>
                <div className="hx-sale-card__claim">{claimOf(s)}</div>
                {returnButton(s) ? <div className="hx-sale-card__actions">{returnButton(s)}</div> : null}
              </li>
            ))}
          </ul>
        )}
        <Pagination
          current={page}
          pageSize={SALES_PAGE_SIZE}
          total={sales.data?.total ?? 0}
          hideOnSinglePage
          simple
          onChange={setPage}
        />
        {dialog}
      </section>
    );
  return (
    <section className="hx-section" aria-labelledby="dealer-sales-title">
      <h2 id="dealer-sales-title" className="hx-section__title">
        {t('sales.title')}
      </h2>
      <Table<DealerSaleView>
        rowKey="id"
        size="small"
        scroll={{ x: true }}
        loading={sales.isLoading}
        dataSource={sales.data?.items ?? []}
        pagination={{
          current: page,
          pageSize: SALES_PAGE_SIZE,
          total: sales.data?.total ?? 0,
          hideOnSinglePage: true,
          showSizeChanger: false,
          onChange: setPage,
        }}
        locale={{ emptyText: t('sales.empty') }}
        data-testid="sales-list"
        columns={[
          {
            title: t('sales.item'),
            render: (_, s) => (
              <>
                <strong>{item(s)}</strong>
                {s.serialNo ? <div className="hx-note">{s.serialNo}</div> : null}
                <div className="hx-note">{programTitle(s.programCode)}</div>
              </>
            ),
          },
          {
            title: t('sale.invoice'),
            render: (_, s) => (
              <>
                {s.invoiceNo}
                <div className="hx-note">{s.invoiceDate}</div>
              </>
            ),
          },
          { title: t('sale.buyer'), dataIndex: 'buyerNameMasked' },
          {
            title: t('sale.fields.price'),
            render: (_, s) => (
              <>
                {formatFen(s.priceFen)}
                {s.subsidyFen > 0 ? (
                  <div className="hx-note">{t('sales.tillSubsidy', { amount: formatFen(s.subsidyFen) })}</div>
                ) : null}
              </>
            ),
          },
          {
            title: t('sales.claim'),
            render: (_, s) => claimOf(s),
          },
          ...(writable
            ? [
                {
                  title: t('sales.actions'),
                  key: 'actions',
                  render: (_: unknown, s: DealerSaleView) => returnButton(s),
                },
              ]
            : []),
        ]}
      />
      {dialog}
    </section>
  );
}
