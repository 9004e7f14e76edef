import { useRef, useState, type ReactNode } from 'react';
import { Alert, Button, Tag } from 'antd';
import { LockOutlined, ReloadOutlined } from '@ant-design/icons';
import {
  CERTIFICATE_SCAN_KIND,
  formatFen,
  type ClauseResult,
  type ReviewDecisionKind,
  type ReviewDecisionResult,
} from '@huanxin/shared';
import { useTranslation } from 'react-i18next';
import { ErrorState, LoadingState } from '@/components/ui/query-state';
import { localized, moneyLocale } from '@/lib/i18n';
import { errorMessage } from '@/lib/error-message';
import { reviewDocumentUrl, useReviewCase, useReviewReasons } from '../api/case';
import { useCaseLease, type LeaseState } from '../hooks/use-case-lease';
import { useShortcuts } from '../hooks/use-shortcuts';
import { flattenFacts, formatDateTime } from '../lib/format';
import { reviewErrorCode } from '../lib/review-error';
import {
  DecisionList,
  FactList,
  FieldMatrix,
  FlagList,
  HistoryList,
  type FactLabel,
  type FactTypeOf,
} from './case-panels';
import { DecisionPanel, type DecisionPanelHandle, type FieldOption } from './decision-panel';
import { DocumentViewer } from './document-viewer';

function LeaseBanner({ state, onRetake }: { state: LeaseState; onRetake: () => void }) {
  const { t, i18n } = useTranslation('review');
  if (state.phase === 'taking')
    return (
      <p className="hx-note" role="status">
        {t('lease.taking')}
      </p>
    );
  if (state.phase === 'held')
    return (
      <p className="hx-note hx-case__lease" role="status" data-testid="lease-held">
        <LockOutlined aria-hidden />{' '}
        {t('lease.held', { until: formatDateTime(state.leaseUntil, i18n.language) })}
      </p>
    );
  const code = reviewErrorCode(state.error);
  return (
    <Alert
      type={state.phase === 'lost' ? 'warning' : 'error'}
      showIcon
      role="alert"
      data-testid="lease-lost"
      title={
        state.phase === 'lost'
          ? t(code === 'CASE_HELD' ? 'lease.heldByOther' : 'lease.expired')
          : errorMessage(t, state.error)
      }
      description={state.phase === 'lost' ? t('lease.lostNote') : undefined}
      action={
        <Button icon={<ReloadOutlined aria-hidden />} onClick={onRetake} data-testid="lease-retake">
          {t('lease.retake')}
        </Button>
      }
    />
  );
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="hx-panel hx-case__section" aria-labelledby={id}>
      <h2 id={id} className="hx-section__title">
        {title}
      </h2>
      {children}
    </section>
  );
}

/**
 * The case screen: the case's facts, clause trace, field matrix, flags, history and decisions on the left;
 * the documents and the decision on the right. The lease is taken on open and kept while the page is open.
 */
export function CaseView({
  id,
  factLabel,
  factType,
  kindTitle,
  programTitle,
  documentKinds,
  renderClauses,
  onDecided,
}: {
  id: string;
  factLabel: FactLabel;
  factType: FactTypeOf;
  kindTitle: (kind: string) => string;
  programTitle: (code: string) => string;
  /** The program's document kinds, offered as `document:<kind>` when returning. */
  documentKinds: readonly string[];
  renderClauses: (clauses: ClauseResult[]) => ReactNode;
  onDecided: (result: ReviewDecisionResult, decision: ReviewDecisionKind, code: string) => void;
}) {
  const { t, i18n } = useTranslation(['review', 'applications']);
  const lang = i18n.language;
  const reviewCase = useReviewCase(id);
  const reasons = useReviewReasons();
  const lease = useCaseLease(id);
  const [docIndex, setDocIndex] = useState(0);
  const panel = useRef<DecisionPanelHandle>(null);
  const data = reviewCase.data;
  const docCount = data?.documents.length ?? 0;
  const held = lease.state.phase === 'held';

  useShortcuts({
    j: () => setDocIndex((i) => Math.min(i + 1, Math.max(docCount - 1, 0))),
    k: () => setDocIndex((i) => Math.max(i - 1, 0)),
    a: () => (held ? panel.current?.choose('approve') : undefined),
    r: () => (held ? panel.current?.choose('return') : undefined),
    x: () => (held ? panel.current?.choose('reject') : undefined),
  });

  if (reviewCase.isError)
    return <ErrorState error={reviewCase.error} onRetry={() => void reviewCase.refetch()} />;
  if (!data) return <LoadingState />;
  const { application, evaluation, documents, matrix, flags, riskScore, history, decisions } = data;
  const hasConflicts = matrix.some((row) => row.result === 'conflict');
  const conflicts = matrix.filter((row) => row.result === 'conflict').length;
  const reasonTitle = (code: string) =>
    localized(reasons.data?.find((r) => r.code === code)?.title, lang) || code;
  const fieldOptions: FieldOption[] = [
    ...flattenFacts(application.facts).map(([path]) => ({ value: path, label: factLabel(path) })),
    // The dismantler's certificate scan is a dealer's record: the resident cannot be asked to fix it.
    ...[...new Set([...documentKinds, ...documents.map((d) => d.kind)])]
      .filter((kind) => kind !== CERTIFICATE_SCAN_KIND)
      .map((kind) => ({
        value: `document:${kind}`,
        label: `${t('decide.documentPrefix')}${kindTitle(kind)}`,
      })),
  ];

  return (
    <article className="hx-case" data-testid="review-case">
      <header className="hx-case__head">
        <p className="hx-case__meta">
          <span className="hx-case__code">{application.code}</span>
          <Tag>{t(`applications:status.${application.status}`)}</Tag>
          {application.stage ? <Tag color="blue">{t(`stage.${application.stage}`)}</Tag> : null}
          <span>{programTitle(application.programCode)}</span>
          <span>{t('case.version', { version: application.programVersion })}</span>
          <strong>{formatFen(application.amountFen, moneyLocale(lang))}</strong>
        </p>
        <LeaseBanner state={lease.state} onRetake={lease.retake} />
      </header>
      <div className="hx-case__panes">
        <div className="hx-case__left">
          <Section id="case-matrix" title={t('case.matrix')}>
            {conflicts > 0 ? (
              <p className="hx-case__conflicts" role="note">
                {t('matrix.conflicts', { count: conflicts })}
              </p>
            ) : null}
            <FieldMatrix rows={matrix} factLabel={factLabel} factType={factType} />
          </Section>
          <Section id="case-flags" title={t('case.flags')}>
            <FlagList flags={flags} riskScore={riskScore} />
          </Section>
          <Section id="case-facts" title={t('case.facts')}>
            <FactList facts={application.facts} factLabel={factLabel} factType={factType} />
          </Section>
          <Section id="case-clauses" title={t('case.clauses', { version: application.programVersion })}>
            {renderClauses(evaluation.clauses)}
          </Section>
          <Section id="case-history" title={t('case.history')}>
            <HistoryList history={history} />
          </Section>
          <Section id="case-decisions" title={t('case.decisions')}>
            <DecisionList decisions={decisions} reasonTitle={reasonTitle} />
          </Section>
        </div>
        <div className="hx-case__right">
          <DocumentViewer
            documents={documents}
            index={Math.min(docIndex, Math.max(documents.length - 1, 0))}
            onIndex={setDocIndex}
            urlOf={(docId) => reviewDocumentUrl(id, docId)}
            kindTitle={kindTitle}
          />
          <section className="hx-panel" aria-labelledby="decide-title">
            <h2 id="decide-title" className="hx-section__title">
              {t('decide.title')}
            </h2>
            <DecisionPanel
              applicationId={id}
              reasons={reasons.data ?? []}
              fieldOptions={fieldOptions}
              hasConflicts={hasConflicts}
              disabled={!held}
              handleRef={panel}
              onDecided={(result, decision) => {
                lease.forget();
                onDecided(result, decision, application.code);
              }}
              onLeaseLost={lease.markLost}
            />
            <p className="hx-shortcuts" aria-label={t('shortcuts.label')}>
              {t('shortcuts.label')}: <kbd>J</kbd>/<kbd>K</kbd> {t('shortcuts.docs')} · <kbd>A</kbd>{' '}
              {t('decision.approve')} · <kbd>R</kbd> {t('decision.return')} · <kbd>X</kbd>{' '}
              {t('decision.reject')}
            </p>
          </section>
        </div>
      </div>
    </article>
  );
}
