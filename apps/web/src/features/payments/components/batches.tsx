import { useState } from 'react';
import { Alert, Button, Select, Space, Table, Tag } from 'antd';
import { CheckCircleOutlined, DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { formatFen, type PaymentBatchSummary, type PaymentLineView } from '@huanxin/shared';
import { useTranslation } from 'react-i18next';
import { ErrorState, LoadingState } from '@/components/ui/query-state';
import { errorMessage } from '@/lib/error-message';
import { moneyLocale } from '@/lib/i18n';
import { bankFileHref, useBatch, useBatches, useBuildBatch, useReleaseBatch } from '../api/batches';
import { formatDateTime } from '../lib/format';
import { ReconcileForm } from './reconcile-form';

export interface ProgramOption {
  code: string;
  title: string;
}

const LINE_COLOURS: Record<string, string> = { pending: 'processing', paid: 'success', failed: 'error' };

/** Build a draft batch of one program's approved, payable claims. */
export function BuildBatchForm({
  programs,
  onBuilt,
}: {
  programs: readonly ProgramOption[];
  onBuilt: (id: string) => void;
}) {
  const { t } = useTranslation('payments');
  const [programCode, setProgramCode] = useState<string | undefined>(undefined);
  const build = useBuildBatch();
  return (
    <div className="hx-gap" data-testid="build-batch">
      <Space wrap>
        <label htmlFor="batch-program">{t('build.program')}</label>
        <Select
          id="batch-program"
          style={{ minWidth: 260 }}
          value={programCode}
          onChange={setProgramCode}
          placeholder={t('build.choose')}
          options={programs.map((p) => ({ value: p.code, label: p.title }))}
        />
        <Button
          type="primary"
          icon={<PlusOutlined aria-hidden />}
          disabled={!programCode || build.isPending}
          loading={build.isPending}
          onClick={() =>
            programCode && build.mutate(programCode, { onSuccess: (batch) => onBuilt(batch.id) })
          }
        >
          {t('build.submit')}
        </Button>
      </Space>
      {build.isError ? (
        <Alert className="hx-gap" type="warning" showIcon role="alert" title={errorMessage(t, build.error)} />
      ) : null}
    </div>
  );
}

/** Every batch, newest first; choosing one opens it. */
export function BatchList({
  selected,
  onSelect,
  programTitle = (code) => code,
}: {
  selected: string | null;
  onSelect: (id: string) => void;
  programTitle?: (code: string) => string;
}) {
  const { t, i18n } = useTranslation('payments');
  const batches = useBatches();
  if (batches.isPending) return <LoadingState />;
  if (batches.isError) return <ErrorState error={batches.error} onRetry={() => void batches.refetch()} />;
  return (
    <Table<PaymentBatchSummary>
      rowKey="id"
      size="small"
      data-testid="batch-list"
      pagination={false}
      dataSource={batches.data}
      locale={{ emptyText: t('list.empty') }}
      rowClassName={(batch) => (batch.id === selected ? 'hx-row--selected' : '')}
      onRow={(batch) => ({ onClick: () => onSelect(batch.id) })}
      columns={[
        {
          title: t('list.created'),
          dataIndex: 'createdAt',
          render: (at: string, batch) => (
            <Button type="link" onClick={() => onSelect(batch.id)}>
              {formatDateTime(at, i18n.language)}
            </Button>
          ),
        },
        { title: t('list.program'), dataIndex: 'programCode', render: (code: string) => programTitle(code) },
        {
          title: t('list.status'),
          dataIndex: 'status',
          render: (status: string) => (
            <Tag color={status === 'released' ? 'green' : 'gold'}>{t(`status.${status}`)}</Tag>
          ),
        },
        {
          title: t('list.total'),
          dataIndex: 'totalFen',
          align: 'right',
          render: (fen: number) => formatFen(fen, moneyLocale(i18n.language)),
        },
        {
          title: t('list.lines'),
          key: 'counts',
          render: (_v, batch) =>
            t('list.counts', {
              pending: batch.counts.pending,
              paid: batch.counts.paid,
              failed: batch.counts.failed,
            }),
        },
        { title: t('list.createdBy'), key: 'by', render: (_v, batch) => batch.createdBy.displayName },
        {
          title: t('list.releasedBy'),
          key: 'rel',
          render: (_v, batch) => batch.releasedBy?.displayName ?? '—',
        },
      ]}
    />
  );
}

/** One batch: its lines (payees masked), release by a second finance user, the bank file, the result import. */
export function BatchDetail({
  id,
  userId,
  programTitle = (code) => code,
}: {
  id: string;
  userId: string | undefined;
  programTitle?: (code: string) => string;
}) {
  const { t, i18n } = useTranslation('payments');
  const batch = useBatch(id);
  const release = useReleaseBatch();
  if (batch.isPending) return <LoadingState />;
  if (batch.isError) return <ErrorState error={batch.error} onRetry={() => void batch.refetch()} />;
  const data = batch.data;
  const money = (fen: number) => formatFen(fen, moneyLocale(i18n.language));
  const ownBatch = data.createdBy.id === userId;
  return (
    <section
      className="hx-gap"
      data-testid="batch-detail"
      data-status={data.status}
      aria-labelledby="batch-heading"
    >
      <h2 id="batch-heading">
        {t('detail.heading', { program: programTitle(data.programCode), total: money(data.totalFen) })}{' '}
        <Tag color={data.status === 'released' ? 'green' : 'gold'}>{t(`status.${data.status}`)}</Tag>
      </h2>
      <p className="hx-note">
        {t('detail.builtBy', {
          name: data.createdBy.displayName,
          at: formatDateTime(data.createdAt, i18n.language),
        })}
        {data.releasedBy && data.releasedAt
          ? ` · ${t('detail.releasedBy', { name: data.releasedBy.displayName, at: formatDateTime(data.releasedAt, i18n.language) })}`
          : ''}
      </p>
      {data.status === 'draft' ? (
        <div className="hx-gap">
          <Button
            type="primary"
            icon={<CheckCircleOutlined aria-hidden />}
            disabled={ownBatch || release.isPending}
            loading={release.isPending}
            onClick={() => release.mutate(id)}
            data-testid="release"
          >
            {t('detail.release')}
          </Button>
          {ownBatch ? <p className="hx-note">{t('detail.ownBatch')}</p> : null}
          {release.isError ? (
            <Alert type="error" showIcon role="alert" title={errorMessage(t, release.error)} />
          ) : null}
        </div>
      ) : (
        <Space wrap className="hx-gap">
          <Button
            icon={<DownloadOutlined aria-hidden />}
            href={bankFileHref(id, 'csv')}
            data-testid="file-csv"
          >
            {t('detail.downloadCsv')}
          </Button>
          <Button
            icon={<DownloadOutlined aria-hidden />}
            href={bankFileHref(id, 'xlsx')}
            data-testid="file-xlsx"
          >
            {t('detail.downloadXlsx')}
          </Button>
        </Space>
      )}
      <Table<PaymentLineView>
        rowKey="lineId"
        size="small"
        pagination={data.lines.length > 50 ? { pageSize: 50 } : false}
        dataSource={data.lines}
        scroll={{ x: 900 }}
        columns={[
          { title: t('lines.lineId'), dataIndex: 'lineId' },
          { title: t('lines.code'), dataIndex: 'applicationCode' },
          { title: t('lines.payee'), dataIndex: 'payee', render: (kind: string) => t(`payee.${kind}`) },
          { title: t('lines.name'), dataIndex: 'payeeNameMasked' },
          {
            title: t('lines.account'),
            key: 'account',
            render: (_v, line) => `${line.bankName} ${line.accountMasked}`,
          },
          { title: t('lines.amount'), dataIndex: 'amountFen', align: 'right', render: money },
          {
            title: t('lines.status'),
            key: 'status',
            render: (_v, line) => (
              <span data-line-status={line.status}>
                <Tag color={LINE_COLOURS[line.status]}>{t(`lineStatus.${line.status}`)}</Tag>
                {line.reason ?? ''}
              </span>
            ),
          },
        ]}
      />
      {data.status === 'released' ? <ReconcileForm batchId={id} /> : null}
    </section>
  );
}
