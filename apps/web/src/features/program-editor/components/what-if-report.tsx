/**
 * The what-if of a draft: how many claims were evaluated, how many change (by status), the cost
 * difference, and each changed claim before → after. A large program answers with a job: its progress
 * is shown until the report is ready.
 */
import { useEffect, useState } from 'react';
import { Alert, Button, Descriptions, Progress, Table, Tag } from 'antd';
import { formatFen } from '@huanxin/shared';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '@/components/ui/query-state';
import { moneyLocale } from '@/lib/i18n';
import {
  useStartWhatIf,
  useWhatIfJob,
  type ClaimFigures,
  type WhatIfChange,
  type WhatIfResult,
} from '../api/versions';

export interface StatusLine {
  status: string;
  count: number;
  deltaFen: number;
}

/** Changed claims grouped by status, with each status's cost difference (after − before). */
export function byStatus(changed: readonly WhatIfChange[]): StatusLine[] {
  const lines = new Map<string, StatusLine>();
  for (const c of changed) {
    const line = lines.get(c.status) ?? { status: c.status, count: 0, deltaFen: 0 };
    line.count++;
    line.deltaFen += c.after.amountFen - c.before.amountFen;
    lines.set(c.status, line);
  }
  return [...lines.values()];
}

export function WhatIfReport({
  code,
  version,
  onResult,
}: {
  code: string;
  version: number;
  /** Told the report, e.g. for the publish step's budget effect. */
  onResult?: (result: WhatIfResult) => void;
}) {
  const { t } = useTranslation('editor');
  const start = useStartWhatIf(code, version);
  const [jobId, setJobId] = useState<string | undefined>();
  const [result, setResult] = useState<WhatIfResult | null>(null);
  const job = useWhatIfJob(code, version, jobId);
  const jobResult = job.data?.result;
  // The job's report is told once it arrives (a synchronous one is told where it is received).
  useEffect(() => {
    if (jobResult) onResult?.(jobResult);
    // onResult is usually inline; the job's result is what changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [jobResult]);
  const report = result ?? jobResult ?? null;

  const run = async () => {
    setResult(null);
    setJobId(undefined);
    const answer = await start.mutateAsync().catch(() => null);
    if (!answer) return;
    if ('jobId' in answer) setJobId(answer.jobId);
    else {
      setResult(answer);
      onResult?.(answer);
    }
  };

  const progress = job.data?.progress;
  const failed = job.data?.state === 'failed';
  return (
    <section aria-labelledby="what-if-heading" className="hx-what-if">
      <h2 id="what-if-heading">{t('whatIf.title')}</h2>
      <p className="hx-note">{t('whatIf.intro')}</p>
      <Button
        onClick={() => void run()}
        disabled={start.isPending || (jobId !== undefined && !report && !failed)}
        data-testid="what-if-run"
      >
        {report ? t('whatIf.again') : t('whatIf.run')}
      </Button>
      {start.error ? <ErrorState error={start.error} title={t('whatIf.failed')} /> : null}
      {job.error ? <ErrorState error={job.error} title={t('whatIf.failed')} /> : null}
      {failed ? <Alert type="error" showIcon role="alert" title={t('whatIf.jobFailed')} /> : null}
      {jobId && !report && !failed ? (
        <div role="status" aria-live="polite" data-testid="what-if-progress">
          <Progress
            percent={progress && progress.total > 0 ? Math.floor((progress.done / progress.total) * 100) : 0}
            aria-label={t('whatIf.progressLabel')}
          />
          <span>{t('whatIf.progress', { done: progress?.done ?? 0, total: progress?.total ?? 0 })}</span>
        </div>
      ) : null}
      {report ? <Report report={report} /> : null}
    </section>
  );
}

function Figures({ figures }: { figures: ClaimFigures }) {
  const { t, i18n } = useTranslation('editor');
  return (
    <span>
      {figures.eligible ? t('whatIf.eligible') : t('whatIf.notEligible')} ·{' '}
      {formatFen(figures.amountFen, moneyLocale(i18n.language))}
    </span>
  );
}

function Report({ report }: { report: WhatIfResult }) {
  const { t, i18n } = useTranslation(['editor', 'applications']);
  const money = (fen: number) => formatFen(fen, moneyLocale(i18n.language));
  const statusName = (s: string) => t(`applications:status.${s}`, { defaultValue: s });
  const lines = byStatus(report.changed);
  return (
    <div data-testid="what-if-report">
      <Descriptions
        size="small"
        column={3}
        items={[
          { key: 'evaluated', label: t('whatIf.evaluated'), children: report.evaluated },
          { key: 'changed', label: t('whatIf.changed'), children: report.changed.length },
          {
            key: 'delta',
            label: t('whatIf.delta'),
            children: <strong data-testid="what-if-delta">{money(report.deltaFen)}</strong>,
          },
        ]}
      />
      {lines.length ? (
        <ul className="hx-what-if__by-status" aria-label={t('whatIf.byStatus')}>
          {lines.map((l) => (
            <li key={l.status}>
              <Tag>{statusName(l.status)}</Tag>
              {t('whatIf.statusLine', { count: l.count, delta: money(l.deltaFen) })}
            </li>
          ))}
        </ul>
      ) : (
        <p className="hx-note">{t('whatIf.noChange')}</p>
      )}
      {report.changed.length ? (
        <Table<WhatIfChange>
          size="small"
          rowKey="applicationCode"
          data-testid="what-if-table"
          dataSource={report.changed}
          pagination={report.changed.length > 20 ? { pageSize: 20 } : false}
          caption={t('whatIf.tableCaption')}
          columns={[
            { title: t('whatIf.code'), dataIndex: 'applicationCode', key: 'code' },
            { title: t('whatIf.status'), key: 'status', render: (_, c) => statusName(c.status) },
            { title: t('whatIf.before'), key: 'before', render: (_, c) => <Figures figures={c.before} /> },
            { title: t('whatIf.after'), key: 'after', render: (_, c) => <Figures figures={c.after} /> },
            {
              title: t('whatIf.difference'),
              key: 'difference',
              render: (_, c) => money(c.after.amountFen - c.before.amountFen),
            },
          ]}
        />
      ) : null}
    </div>
  );
}
