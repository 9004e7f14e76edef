/**
 * The reviewer's console pages: the queue, the approvers' second-approval queue, the case screen and the
 * sampling page. The review feature draws them; the programs feature names programs, fields and documents
 * and the eligibility feature draws the clause trace — features do not import each other, so they meet here.
 */
import { Alert, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import {
  CERTIFICATE_SCAN_KIND,
  type ClauseResult,
  type ProgramDetail,
  type ReviewDecisionKind,
  type ReviewDecisionResult,
} from '@huanxin/shared';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '@/components/ui/page-title';
import { localized } from '@/lib/i18n';
import { useSession } from '@/features/auth/hooks/use-session';
import { ClauseResults } from '@/features/eligibility/components/clause-results';
import { fieldLabel } from '@/features/eligibility/hooks/use-fact-form';
import { programQueryOptions } from '@/features/programs/api/get-program';
import { usePrograms } from '@/features/programs/api/get-programs';
import { useReviewCase } from '@/features/review/api/case';
import { CaseView } from '@/features/review/components/case-view';
import { ReviewQueue, type ProgramOption } from '@/features/review/components/review-queue';
import { SamplingPanel } from '@/features/review/components/sampling';
import { ReviewStatsPanel } from '@/features/review/components/stats-panel';

export const REVIEW_PATH = '/console/review';
export const casePath = (id: string) => `${REVIEW_PATH}/${encodeURIComponent(id)}`;

function useProgramOptions(): { options: ProgramOption[]; title: (code: string) => string } {
  const { i18n } = useTranslation();
  const programs = usePrograms();
  const options = (programs.data ?? []).map((p) => ({
    code: p.code,
    title: localized(p.title, i18n.language),
  }));
  return { options, title: (code) => options.find((p) => p.code === code)?.title ?? code };
}

interface DecidedState {
  decided?: { code: string; decision: ReviewDecisionKind; stage: string | null };
}

function DecidedNotice() {
  const { t } = useTranslation('review');
  const location = useLocation();
  const decided = (location.state as DecidedState | null)?.decided;
  if (!decided) return null;
  const key =
    decided.decision === 'approve' && decided.stage === 'second_approval'
      ? 'approveSecond'
      : decided.decision;
  return (
    <Alert
      className="hx-gap"
      type="success"
      showIcon
      role="status"
      data-testid="decided"
      title={t(`pages.decided.${key}`, { code: decided.code })}
    />
  );
}

function QueuePage({
  heading,
  intro,
  stage,
}: {
  heading: string;
  intro?: string;
  stage?: 'second_approval';
}) {
  const { user } = useSession();
  const programs = useProgramOptions();
  return (
    <section aria-labelledby="console-heading" className="hx-console-page">
      <PageTitle title={heading} />
      <Typography.Title level={1} id="console-heading" className="hx-console-page__title">
        {heading}
      </Typography.Title>
      {intro ? <p className="hx-note">{intro}</p> : null}
      <DecidedNotice />
      <ReviewQueue
        {...(stage ? { stage } : {})}
        programs={programs.options}
        currentUserId={user?.id}
        casePath={casePath}
      />
    </section>
  );
}

/** `/console/review`: every case in review, oldest complete claim first. */
export function ReviewQueuePage() {
  const { t } = useTranslation('review');
  return <QueuePage heading={t('pages.queue')} />;
}

/** `/console/approvals`: the cases waiting for an approver's second approval. */
export function SecondApprovalPage() {
  const { t } = useTranslation('review');
  return (
    <QueuePage
      heading={t('pages.secondApproval')}
      intro={t('pages.secondApprovalIntro')}
      stage="second_approval"
    />
  );
}

/** `/console/review/:id`: the case screen. Leaving it releases the case. */
export function ReviewCasePage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation(['review', 'eligibility']);
  const lang = i18n.language;
  const navigate = useNavigate();
  const reviewCase = useReviewCase(id);
  const programCode = reviewCase.data?.application.programCode ?? '';
  const program = useQuery({ ...programQueryOptions(programCode), enabled: programCode !== '' });
  const programs = useProgramOptions();
  const def: ProgramDetail | undefined = program.data;
  const factLabel = (path: string) => {
    const field = def?.factFields.find((f) => f.path === path);
    return field ? fieldLabel(field, lang) : t(`eligibility:derivedFacts.${path}`, { defaultValue: path });
  };
  const factType = (path: string) => def?.factFields.find((f) => f.path === path)?.type;
  const kindTitle = (kind: string) =>
    kind === CERTIFICATE_SCAN_KIND
      ? t('documents.certificateScan')
      : localized(def?.documents.find((d) => d.kind === kind)?.title, lang) || kind;
  const clauseTitle = (clauseId: string) =>
    localized(def?.clauses.find((c) => c.id === clauseId)?.title, lang) || clauseId;
  const back = reviewCase.data?.application.stage === 'second_approval' ? '/console/approvals' : REVIEW_PATH;
  const onDecided = (result: ReviewDecisionResult, decision: ReviewDecisionKind, code: string) => {
    void navigate(back, {
      state: { decided: { code, decision, stage: result.stage } } satisfies DecidedState,
    });
  };
  const heading = reviewCase.data?.application.code ?? t('pages.case');
  return (
    <section aria-labelledby="console-heading" className="hx-console-page hx-console-page--wide">
      <PageTitle title={heading} />
      <p className="hx-case__back">
        <Link to={back}>
          <ArrowLeftOutlined aria-hidden /> {t('pages.backToQueue')}
        </Link>
      </p>
      <Typography.Title level={1} id="console-heading" className="hx-console-page__title">
        {t('pages.case')} {reviewCase.data?.application.code ?? ''}
      </Typography.Title>
      <CaseView
        key={id}
        id={id}
        factLabel={factLabel}
        factType={factType}
        kindTitle={kindTitle}
        programTitle={programs.title}
        documentKinds={def?.documents.map((d) => d.kind) ?? []}
        renderClauses={(clauses: ClauseResult[]) => (
          <ClauseResults clauses={clauses} titleOf={clauseTitle} factLabel={factLabel} />
        )}
        onDecided={onDecided}
      />
    </section>
  );
}

/** `/console/sampling`: post-approval samples and their outcomes. */
export function SamplingPage() {
  const { t } = useTranslation('review');
  const programs = useProgramOptions();
  return (
    <section aria-labelledby="console-heading" className="hx-console-page">
      <PageTitle title={t('pages.sampling')} />
      <Typography.Title level={1} id="console-heading" className="hx-console-page__title">
        {t('pages.sampling')}
      </Typography.Title>
      <p className="hx-note">{t('pages.samplingIntro')}</p>
      {programs.options.length > 0 ? <SamplingPanel programs={programs.options} /> : null}
    </section>
  );
}

/** The review figures on the console home (reviewers and approvers). */
export function ReviewStatsOnHome() {
  const programs = useProgramOptions();
  return <ReviewStatsPanel programTitle={programs.title} />;
}
