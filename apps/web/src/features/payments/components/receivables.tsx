import { Table } from 'antd';
import { formatFen, type ReceivableView } from '@huanxin/shared';
import { useTranslation } from 'react-i18next';
import { ErrorState, LoadingState } from '@/components/ui/query-state';
import { moneyLocale } from '@/lib/i18n';
import { useReceivables } from '../api/batches';
import { formatDateTime } from '../lib/format';

/**
 * Money to recover from payees (sampling clawbacks, sales returned after payout), with what
 * dealer batches netted and the due date (overdue, a dealer's new payouts are held).
 */
export function ReceivablesTable() {
  const { t, i18n } = useTranslation('payments');
  const receivables = useReceivables();
  if (receivables.isPending) return <LoadingState />;
  if (receivables.isError)
    return <ErrorState error={receivables.error} onRetry={() => void receivables.refetch()} />;
  const money = (fen: number) => formatFen(fen, moneyLocale(i18n.language));
  return (
    <Table<ReceivableView>
      rowKey="id"
      size="small"
      data-testid="receivables"
      pagination={false}
      dataSource={receivables.data}
      locale={{ emptyText: t('receivables.empty') }}
      scroll={{ x: 1000 }}
      columns={[
        {
          title: t('receivables.created'),
          dataIndex: 'createdAt',
          render: (at: string) => formatDateTime(at, i18n.language),
        },
        { title: t('lines.code'), dataIndex: 'applicationCode' },
        {
          title: t('lines.payee'),
          key: 'payee',
          render: (_v, r) => `${t(`payee.${r.payee}`)} ${r.payeeNameMasked}`,
        },
        { title: t('receivables.amount'), dataIndex: 'amountFen', align: 'right', render: money },
        { title: t('receivables.netted'), dataIndex: 'nettedFen', align: 'right', render: money },
        {
          title: t('receivables.source.title'),
          dataIndex: 'source',
          render: (source: string) => t(`receivables.source.${source}`),
        },
        { title: t('receivables.dueOn'), dataIndex: 'dueOn' },
        { title: t('receivables.reason'), dataIndex: 'reason' },
        {
          title: t('lines.status'),
          dataIndex: 'status',
          render: (s: string) => t(`receivables.status.${s}`),
        },
      ]}
    />
  );
}
