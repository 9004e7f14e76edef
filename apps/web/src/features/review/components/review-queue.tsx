import { useState } from 'react';
import { Alert, Button, Select, Table, type TableProps } from 'antd';
import { ReloadOutlined, ThunderboltOutlined } from '@ant-design/icons';
import { Link, useNavigate, useSearchParams } from 'react-router';
import {
  formatFen,
  REVIEW_STAGES,
  RISK_SIGNALS,
  type ReviewQueueItem,
  type ReviewSort,
  type ReviewStage,
} from '@huanxin/shared';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '@/components/ui/query-state';
import { moneyLocale } from '@/lib/i18n';
import { errorMessage } from '@/lib/error-message';
import { claimCase } from '../api/lease';
import { DEFAULT_QUEUE_FILTERS, useReviewQueue, type ReviewQueueFilters } from '../api/queue';
import { isLostLease } from '../lib/review-error';
import { formatDateTime } from '../lib/format';
import { FlagChips, RiskScore, SlaTag, useFlagTitle } from './review-tags';

const SORTS: ReviewSort[] = ['age', 'due', 'amount', 'risk'];
/** The sum of the column widths: the content pane's width at 1366 px (minus the menu and margins). */
const QUEUE_TABLE_WIDTH = 1056;
/** Statuses a reviewer filters the queue by. */
export const QUEUE_STATUSES = ['in_review', 'returned', 'approved', 'rejected'] as const;

export interface ProgramOption {
  code: string;
  title: string;
}

/** The filters as kept in the address (`?program=&status=&stage=&flag=&sort=&page=`), so a reload keeps them. */
function readFilters(search: URLSearchParams, fixedStage: ReviewStage | undefined): ReviewQueueFilters {
  const sort = search.get('sort');
  const stage = search.get('stage');
  const page = Number(search.get('page'));
  return {
    ...DEFAULT_QUEUE_FILTERS,
    program: search.get('program') ?? undefined,
    status: search.get('status') ?? undefined,
    flag: search.get('flag') ?? undefined,
    stage: fixedStage ?? (REVIEW_STAGES.find((s) => s === stage) || undefined),
    sort: SORTS.find((s) => s === sort) ?? 'age',
    page: Number.isInteger(page) && page > 0 ? page : 1,
  };
}

/**
 * The queue: filters, sort, SLA tags, flags, risk, pagination, and "take next case" (the first row nobody
 * else holds, taken and opened). `stage` fixes the stage (the approvers' second-approval queue).
 */
export function ReviewQueue({
  stage,
  programs,
  currentUserId,
  casePath,
}: {
  stage?: ReviewStage;
  programs: readonly ProgramOption[];
  currentUserId: string | undefined;
  casePath: (id: string) => string;
}) {
  const { t, i18n } = useTranslation(['review', 'applications']);
  const lang = i18n.language;
  const navigate = useNavigate();
  const [search, setSearch] = useSearchParams();
  const filters = readFilters(search, stage);
  const queue = useReviewQueue(filters);
  const flagTitle = useFlagTitle();
  const [taking, setTaking] = useState(false);
  const [takeError, setTakeError] = useState<unknown>(null);

  const setFilter = (key: keyof ReviewQueueFilters, value: string | number | undefined) => {
    const next = new URLSearchParams(search);
    if (value === undefined || value === '') next.delete(key);
    else next.set(key, String(value));
    if (key !== 'page') next.delete('page');
    setSearch(next);
  };

  const takeNext = async () => {
    setTaking(true);
    setTakeError(null);
    const rows = (queue.data?.items ?? []).filter((r) => !r.assignee || r.assignee.id === currentUserId);
    try {
      for (const row of rows) {
        try {
          await claimCase(row.id);
          void navigate(casePath(row.id));
          return;
        } catch (error) {
          // Taken by someone else since the page loaded: try the next one.
          if (!isLostLease(error)) throw error;
        }
      }
      setTakeError('none');
      void queue.refetch();
    } catch (error) {
      setTakeError(error);
    } finally {
      setTaking(false);
    }
  };

  const programTitle = (code: string) => programs.find((p) => p.code === code)?.title ?? code;
  const columns: TableProps<ReviewQueueItem>['columns'] = [
    {
      title: t('queue.col.code'),
      dataIndex: 'code',
      width: 130,
      render: (code: string, row) => (
        <Link to={casePath(row.id)} data-testid="queue-open">
          {code}
        </Link>
      ),
    },
    { title: t('queue.col.program'), dataIndex: 'programCode', width: 118, render: programTitle },
    { title: t('queue.col.applicant'), dataIndex: 'applicantNameMasked', width: 64 },
    {
      title: t('queue.col.amount'),
      dataIndex: 'amountFen',
      width: 104,
      align: 'right',
      render: (fen: number) => formatFen(fen, moneyLocale(lang)),
    },
    {
      title: t('queue.col.completeAt'),
      dataIndex: 'completeAt',
      width: 96,
      render: (iso: string) => <time dateTime={iso}>{formatDateTime(iso, lang)}</time>,
    },
    {
      title: t('queue.col.due'),
      dataIndex: 'dueAt',
      width: 104,
      render: (iso: string, row) => (
        <span className="hx-queue__due">
          <SlaTag state={row.slaState} />
          <time dateTime={iso}>{formatDateTime(iso, lang)}</time>
        </span>
      ),
    },
    {
      title: t('queue.col.flags'),
      dataIndex: 'flags',
      width: 160,
      render: (flags: string[]) => <FlagChips flags={flags} />,
    },
    {
      title: t('queue.col.risk'),
      dataIndex: 'riskScore',
      width: 72,
      align: 'right',
      render: (score: number) => <RiskScore score={score} />,
    },
    {
      title: t('queue.col.stage'),
      dataIndex: 'stage',
      width: 64,
      render: (s: ReviewStage) => t(`stage.${s}`),
    },
    {
      title: t('queue.col.assignee'),
      dataIndex: 'assignee',
      width: 80,
      render: (a: ReviewQueueItem['assignee']) =>
        a ? (a.id === currentUserId ? t('queue.you') : a.displayName) : t('queue.unassigned'),
    },
    { title: t('queue.col.payee'), dataIndex: 'payee', width: 64, render: (p: string) => t(`payee.${p}`) },
  ];

  const filter = (
    key: 'program' | 'status' | 'stage' | 'flag',
    label: string,
    options: { value: string; label: string }[],
  ) => (
    <label className="hx-queue__filter">
      <span>{label}</span>
      <Select
        allowClear
        placeholder={t('queue.all')}
        value={filters[key] ?? null}
        options={options}
        onChange={(value: string | null | undefined) => setFilter(key, value ?? undefined)}
        aria-label={label}
        popupMatchSelectWidth={false}
        data-testid={`filter-${key}`}
      />
    </label>
  );

  return (
    <section className="hx-queue" aria-label={t('queue.label')}>
      <div className="hx-queue__toolbar" role="search">
        {filter(
          'program',
          t('queue.filter.program'),
          programs.map((p) => ({ value: p.code, label: p.title })),
        )}
        {filter(
          'status',
          t('queue.filter.status'),
          QUEUE_STATUSES.map((s) => ({ value: s, label: t(`applications:status.${s}`) })),
        )}
        {stage
          ? null
          : filter(
              'stage',
              t('queue.filter.stage'),
              REVIEW_STAGES.map((s) => ({ value: s, label: t(`stage.${s}`) })),
            )}
        {filter(
          'flag',
          t('queue.filter.flag'),
          Object.keys(RISK_SIGNALS).map((code) => ({ value: code, label: flagTitle(code) })),
        )}
        <label className="hx-queue__filter">
          <span>{t('queue.sort.label')}</span>
          <Select
            value={filters.sort}
            options={SORTS.map((s) => ({ value: s, label: t(`queue.sort.${s}`) }))}
            onChange={(value: ReviewSort) => setFilter('sort', value === 'age' ? undefined : value)}
            aria-label={t('queue.sort.label')}
            popupMatchSelectWidth={false}
          />
        </label>
        <span className="hx-queue__actions">
          <Button icon={<ReloadOutlined aria-hidden />} onClick={() => void queue.refetch()}>
            {t('queue.refresh')}
          </Button>
          <Button
            type="primary"
            icon={<ThunderboltOutlined aria-hidden />}
            onClick={() => void takeNext()}
            disabled={taking || !queue.data}
            aria-busy={taking || undefined}
            data-testid="take-next"
          >
            {t('queue.takeNext')}
          </Button>
        </span>
      </div>
      {takeError ? (
        <Alert
          className="hx-gap"
          type={takeError === 'none' ? 'info' : 'error'}
          showIcon
          role="alert"
          title={takeError === 'none' ? t('queue.noneFree') : errorMessage(t, takeError)}
        />
      ) : null}
      {queue.isError ? <ErrorState error={queue.error} onRetry={() => void queue.refetch()} /> : null}
      <Table<ReviewQueueItem>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={queue.data?.items ?? []}
        loading={queue.isFetching}
        // Column widths that add up to the pane at 1366 px (the last column, the payee, in view); on a
        // narrower screen the table scrolls sideways rather than squeeze them.
        tableLayout="fixed"
        scroll={{ x: QUEUE_TABLE_WIDTH }}
        locale={{ emptyText: t('queue.empty') }}
        rowClassName={(row) => `is-sla-${row.slaState}`}
        pagination={{
          current: filters.page,
          pageSize: filters.pageSize,
          total: queue.data?.total ?? 0,
          showSizeChanger: false,
          showTotal: (total) => t('queue.total', { count: total }),
          onChange: (page) => setFilter('page', page === 1 ? undefined : page),
        }}
      />
    </section>
  );
}
