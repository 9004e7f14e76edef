/**
 * The proofs the log was not rewritten: the hash chain recomputed (first bad sequence number and
 * chain position), and the database checked against the anchors the worker wrote outside it. Each
 * result says in words whether it passed — the colour only repeats it.
 */
import { Alert, Button, Table } from 'antd';
import {
  CheckCircleOutlined,
  ExclamationCircleOutlined,
  CloseCircleOutlined,
  SafetyCertificateOutlined,
  FileProtectOutlined,
} from '@ant-design/icons';
import type { AuditAnchorsResponse, AuditVerifyReport } from '@huanxin/shared';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '@/components/ui/query-state';
import { useCheckAnchors, useVerifyChain } from '../api/audit';
import { shortHash, useAuditTime } from '../lib/format';

function Verdict({
  ok,
  title,
  children,
  testId,
  nothingToCheck = false,
}: {
  ok: boolean;
  title: string;
  children?: React.ReactNode;
  testId: string;
  /** Passed only because there was nothing to compare with (no anchors yet): said so, not green. */
  nothingToCheck?: boolean;
}) {
  const { t } = useTranslation('audit');
  const state = !ok ? 'failed' : nothingToCheck ? 'nothing' : 'passed';
  const look = {
    failed: { type: 'error', icon: <CloseCircleOutlined aria-hidden /> },
    nothing: { type: 'warning', icon: <ExclamationCircleOutlined aria-hidden /> },
    passed: { type: 'success', icon: <CheckCircleOutlined aria-hidden /> },
  } as const;
  return (
    <Alert
      type={look[state].type}
      showIcon
      icon={look[state].icon}
      role={ok ? 'status' : 'alert'}
      title={
        <span>
          <strong className="hx-audit__verdict">{t(`verify.${state}`)}</strong> {title}
        </span>
      }
      description={children}
      data-testid={testId}
      data-ok={ok}
      data-state={state}
    />
  );
}

/** The chain report in words: ok, or where it breaks; then the rows the sequencer has not reached. */
export function VerifyReport({ report }: { report: AuditVerifyReport }) {
  const { t } = useTranslation('audit');
  const time = useAuditTime();
  const broken = report.firstBadSeq !== undefined;
  const title = broken
    ? t('verify.brokenAt', { seq: report.firstBadSeq, position: report.firstBadPosition })
    : report.staleUnchained > 0
      ? t('verify.stale', { count: report.staleUnchained })
      : t('verify.intact', { count: report.checked });
  return (
    <Verdict ok={report.ok} title={title} testId="audit-verify-report">
      <ul className="hx-audit__facts">
        <li>{t('verify.checked', { count: report.checked })}</li>
        {broken ? <li>{t('verify.brokenHint', { position: report.firstBadPosition })}</li> : null}
        <li data-testid="audit-verify-unchained">
          {t('verify.unchained', { count: report.unchained })}
          {report.oldestUnchainedAt ? ` ${t('verify.oldest', { at: time(report.oldestUnchainedAt) })}` : ''}
        </li>
        <li data-testid="audit-verify-stale">{t('verify.staleCount', { count: report.staleUnchained })}</li>
      </ul>
    </Verdict>
  );
}

export function VerifyPanel() {
  const { t } = useTranslation('audit');
  const verify = useVerifyChain();
  return (
    <section aria-labelledby="audit-verify-title" className="hx-audit__panel">
      <h2 id="audit-verify-title" className="hx-audit__h2">
        {t('verify.title')}
      </h2>
      <p className="hx-note">{t('verify.intro')}</p>
      <Button
        type="primary"
        icon={<SafetyCertificateOutlined aria-hidden />}
        onClick={() => verify.mutate()}
        loading={verify.isPending}
        data-testid="audit-verify"
      >
        {t('verify.run')}
      </Button>
      <div className="hx-audit__result" aria-live="polite">
        {verify.data ? <VerifyReport report={verify.data} /> : null}
        {verify.error ? <ErrorState error={verify.error} onRetry={() => verify.mutate()} /> : null}
      </div>
    </section>
  );
}

export function AnchorsReport({ data }: { data: AuditAnchorsResponse }) {
  const { t } = useTranslation('audit');
  const time = useAuditTime();
  const { report } = data;
  const mismatch = report.firstMismatch;
  const title = !data.fileFound
    ? t('anchors.noFile')
    : mismatch
      ? t('anchors.mismatch', { line: mismatch.line, position: mismatch.chainSeq })
      : report.brokenLines.length
        ? t('anchors.brokenLines', { lines: report.brokenLines.join(', ') })
        : !report.chain.ok
          ? t('anchors.chainFailed')
          : t('anchors.allMatched', { count: report.anchorsMatched });
  return (
    <>
      <Verdict
        ok={report.ok}
        title={title}
        testId="audit-anchors-report"
        nothingToCheck={report.anchors === 0}
      >
        <ul className="hx-audit__facts">
          <li>
            {t('anchors.file')} <code className="hx-audit__mono hx-audit__break">{data.file}</code>
          </li>
          <li>{t('anchors.matched', { matched: report.anchorsMatched, total: report.anchors })}</li>
          {mismatch ? (
            <li>
              {t('anchors.expected')}{' '}
              <code className="hx-audit__mono">{shortHash(mismatch.expectedHash)}</code> {t('anchors.found')}{' '}
              <code className="hx-audit__mono">
                {mismatch.foundHash ? shortHash(mismatch.foundHash) : t('anchors.gone')}
              </code>
            </li>
          ) : null}
          {report.brokenLines.length && mismatch ? (
            <li>{t('anchors.brokenLines', { lines: report.brokenLines.join(', ') })}</li>
          ) : null}
          <li>{report.chain.ok ? t('anchors.chainOk') : t('anchors.chainFailed')}</li>
        </ul>
      </Verdict>
      {data.anchors.length ? (
        <Table
          className="hx-audit__anchors"
          size="small"
          rowKey="line"
          pagination={false}
          aria-label={t('anchors.listTitle')}
          dataSource={[...data.anchors].reverse()}
          columns={[
            { key: 'line', title: t('anchors.line'), dataIndex: 'line', width: 70 },
            { key: 'chainSeq', title: t('log.chainSeq'), dataIndex: 'chainSeq', width: 110 },
            {
              key: 'hash',
              title: t('detail.hash'),
              dataIndex: 'hash',
              render: (hash: string) => (
                <code className="hx-audit__mono" title={hash}>
                  {shortHash(hash, 12)}
                </code>
              ),
            },
            {
              key: 'anchoredAt',
              title: t('anchors.anchoredAt'),
              dataIndex: 'anchoredAt',
              width: 190,
              render: (at: string) => time(at),
            },
            {
              key: 'state',
              title: t('anchors.state'),
              width: 130,
              render: (_: unknown, a) =>
                mismatch?.line === a.line ? (
                  <span className="hx-audit__bad">
                    <CloseCircleOutlined aria-hidden /> {t('anchors.rowMismatch')}
                  </span>
                ) : report.brokenLines.includes(a.line) ? (
                  <span className="hx-audit__bad">
                    <CloseCircleOutlined aria-hidden /> {t('anchors.rowBroken')}
                  </span>
                ) : !mismatch || report.anchors - report.anchorsMatched === 1 ? (
                  <span className="hx-audit__good">
                    <CheckCircleOutlined aria-hidden /> {t('anchors.rowMatched')}
                  </span>
                ) : (
                  // The report names the first mismatch only; with more than one, the rest are not told apart.
                  <span>{t('anchors.rowUnknown')}</span>
                ),
            },
          ]}
        />
      ) : null}
    </>
  );
}

export function AnchorsPanel() {
  const { t } = useTranslation('audit');
  const check = useCheckAnchors();
  return (
    <section aria-labelledby="audit-anchors-title" className="hx-audit__panel">
      <h2 id="audit-anchors-title" className="hx-audit__h2">
        {t('anchors.title')}
      </h2>
      <p className="hx-note">{t('anchors.intro')}</p>
      <Button
        icon={<FileProtectOutlined aria-hidden />}
        onClick={() => check.mutate()}
        loading={check.isPending}
        data-testid="audit-anchors"
      >
        {t('anchors.run')}
      </Button>
      <div className="hx-audit__result" aria-live="polite">
        {check.data ? <AnchorsReport data={check.data} /> : null}
        {check.error ? <ErrorState error={check.error} onRetry={() => check.mutate()} /> : null}
      </div>
    </section>
  );
}
