import { Table, Tag } from 'antd';
import { formatFen } from '@huanxin/shared';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '@/components/ui/query-state';
import { useSales, type SaleView } from '../api/sales';

/** The organisation's sales, newest first, each with the status of the resident's claim that names it. */
export function SalesList({ programTitle }: { programTitle: (code: string) => string }) {
  const { t } = useTranslation('dealer');
  const sales = useSales();
  if (sales.isError) return <ErrorState error={sales.error} onRetry={() => void sales.refetch()} />;
  return (
    <section className="hx-section" aria-labelledby="dealer-sales-title">
      <h2 id="dealer-sales-title" className="hx-section__title">
        {t('sales.title')}
      </h2>
      <Table<SaleView>
        rowKey="id"
        size="small"
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        scroll={{ x: true }}
        loading={sales.isLoading}
        dataSource={sales.data ?? []}
        locale={{ emptyText: t('sales.empty') }}
        data-testid="sales-list"
        columns={[
          {
            title: t('sales.item'),
            render: (_, s) => (
              <>
                <strong>{s.vin ?? [s.brand, s.model].filter(Boolean).join(' ')}</strong>
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
          { title: t('sale.fields.price'), render: (_, s) => formatFen(s.priceFen) },
          {
            title: t('sale.subsidy'),
            render: (_, s) => (s.subsidyFen === null ? '—' : formatFen(s.subsidyFen)),
          },
          {
            title: t('sales.claim'),
            render: (_, s) =>
              s.claimStatus ? (
                <>
                  <Tag>{t(`applications:status.${s.claimStatus}`)}</Tag>
                  {s.applicationCode ? <div className="hx-note">{s.applicationCode}</div> : null}
                </>
              ) : (
                <span className="hx-note">{t('sales.noClaim')}</span>
              ),
          },
        ]}
      />
    </section>
  );
}
