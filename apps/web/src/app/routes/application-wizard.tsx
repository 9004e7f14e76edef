/**
 * The guided application (`/programs/:code/apply`, `/applications/:id/edit`): one step per fact group, a
 * preview with the same engine as the server, the documents, "check your answers", and submit. Composes the
 * eligibility feature (generated fact inputs, instant evaluation) and the applications feature (draft, upload,
 * submit with an Idempotency-Key).
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { Alert, Button } from 'antd';
import {
  ArrowLeftOutlined,
  ArrowRightOutlined,
  EditOutlined,
  SaveOutlined,
  SendOutlined,
} from '@ant-design/icons';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router';
import { useForm } from 'react-hook-form';
import {
  formatFen,
  type ApplicationDetail,
  type ClauseResult,
  type FactField,
  type ProgramDetail,
} from '@huanxin/shared';
import { useTranslation } from 'react-i18next';
import { Form, FormAlert, SubmitButton } from '@/components/ui/form';
import { isApiError } from '@/lib/api-client';
import { errorMessage } from '@/lib/error-message';
import { localized, moneyLocale } from '@/lib/i18n';
import {
  useApplicationDocuments,
  useCreateApplication,
  useUpdateApplication,
} from '@/features/applications/api/applications';
import { DocumentList } from '@/features/applications/components/document-upload';
import { useSubmitWithKey } from '@/features/applications/hooks/use-submit';
import { ClauseResults } from '@/features/eligibility/components/clause-results';
import { FactGroupFields } from '@/features/eligibility/components/fact-group-fields';
import { ResultSummary } from '@/features/eligibility/components/result-summary';
import {
  defaultFactValues,
  fieldLabel,
  getPath,
  groupFactFields,
  useFactEvaluation,
  validationDefinition,
  valuesFromFacts,
  type FactFormValues,
} from '@/features/eligibility/hooks/use-fact-form';

type Step =
  | { kind: 'facts'; group: string; fields: FactField[] }
  | { kind: 'preview' }
  | { kind: 'documents' }
  | { kind: 'review' };

/** JSON with object keys sorted, to compare facts whatever order the server keeps them in. */
function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

const serverFieldName = (key: string) => (key.startsWith('facts.') ? key.slice('facts.'.length) : undefined);

/** Where a submit refusal sends the resident. */
function submitProblem(
  error: unknown,
): { code: string; factPath?: string; missingKinds: string[]; clauses: ClauseResult[] } | null {
  if (!isApiError(error)) return error ? { code: 'GENERIC', missingKinds: [], clauses: [] } : null;
  const missingKinds = Object.keys(error.fields)
    .filter((k) => k.startsWith('documents.'))
    .map((k) => k.slice('documents.'.length));
  const factPath = Object.keys(error.fields).map(serverFieldName).find(Boolean);
  const body = error.body as { error?: { clauses?: ClauseResult[] } } | undefined;
  const clauses = Array.isArray(body?.error?.clauses) ? body.error.clauses : [];
  return { code: error.code, ...(factPath ? { factPath } : {}), missingKinds, clauses };
}

export function ApplicationWizard({
  program,
  application,
}: {
  program: ProgramDetail;
  application?: ApplicationDetail;
}) {
  const { t, i18n } = useTranslation(['applications', 'eligibility']);
  const lang = i18n.language;
  const navigate = useNavigate();
  const [search, setSearch] = useSearchParams();
  const { factFields, definition } = program;
  const def = useMemo(() => validationDefinition(factFields, definition), [factFields, definition]);
  const groups = useMemo(() => groupFactFields(factFields), [factFields]);
  const [initial] = useState(() =>
    application ? valuesFromFacts(factFields, application.facts) : defaultFactValues(factFields),
  );
  const form = useForm<FactFormValues>({ mode: 'onChange', defaultValues: initial });
  const evaluation = useFactEvaluation(form.control, definition, def);

  const applicationId = application?.id;
  const create = useCreateApplication();
  const update = useUpdateApplication();
  const saving = create.isPending || update.isPending;
  const saveError = update.error ?? create.error;
  const location = useLocation();
  // A new draft continues at its own address (a new page): it says there that it was saved.
  const [savedAt, setSavedAt] = useState<Date | null>(() => {
    const at = (location.state as { savedAt?: unknown } | null)?.savedAt;
    return typeof at === 'number' ? new Date(at) : null;
  });
  /** The facts the server has (so submit can first save answers changed without "save and continue"). */
  const [savedFacts, setSavedFacts] = useState(() => stableJson(application?.facts));
  const documents = useApplicationDocuments(applicationId);
  const submit = useSubmitWithKey(applicationId);
  const problem = submitProblem(submit.error);

  const steps: Step[] = useMemo(
    () => [
      ...groups.map((g) => ({ kind: 'facts' as const, ...g })),
      { kind: 'preview' },
      { kind: 'documents' },
      { kind: 'review' },
    ],
    [groups],
  );
  const stepParam = search.get('step') ?? '0';
  const named = steps.findIndex((s) => s.kind !== 'facts' && s.kind === stepParam);
  const stepIndex = named >= 0 ? named : Math.min(Math.max(Number(stepParam) || 0, 0), steps.length - 1);
  const step = steps[stepIndex] as Step;
  const stepTitle = (s: Step) =>
    s.kind === 'facts'
      ? t(`eligibility:groups.${s.group}`, { defaultValue: s.group })
      : t(`applications:steps.${s.kind}`);

  const headingRef = useRef<HTMLHeadingElement>(null);
  const firstRender = useRef(true);
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    headingRef.current?.focus();
    window.scrollTo?.({ top: 0 });
  }, [stepIndex]);

  const goTo = (index: number) => {
    const next = new URLSearchParams(search);
    next.set('step', String(index));
    setSearch(next);
  };

  /** Saves the answered, valid facts: a new draft the first time, then PATCH. */
  const save = async (): Promise<string | undefined> => {
    const facts = evaluation.facts;
    try {
      if (applicationId) {
        const updated = await update.mutateAsync({ id: applicationId, facts });
        setSavedAt(new Date());
        setSavedFacts(stableJson(updated.facts));
        return applicationId;
      }
      const created = await create.mutateAsync({ programCode: program.code, facts });
      setSavedAt(new Date());
      setSavedFacts(stableJson(created.facts));
      return created.id;
    } catch {
      return undefined;
    }
  };

  const saveAndGo = async (index: number) => {
    const id = await save();
    if (!id) return;
    if (!applicationId) {
      // The draft exists now: continue at its own address (it resumes there, on any device).
      void navigate(`/applications/${id}/edit?step=${index}`, {
        replace: true,
        state: { savedAt: Date.now() },
      });
      return;
    }
    if (index !== stepIndex) goTo(index);
  };

  const submitting = useRef(false);
  const onSubmitClaim = async () => {
    if (submitting.current) return; // a double tap
    submitting.current = true;
    try {
      // Answers changed since the last save (e.g. "change", then back without "save and continue"): save them first.
      if (stableJson(evaluation.facts) !== savedFacts && !(await save())) return;
      const result = await submit.submit();
      if (result && applicationId) void navigate(`/applications/${applicationId}?submitted=1`);
    } finally {
      submitting.current = false;
    }
  };

  const factText = (field: FactField): string => {
    const fact = getPath(evaluation.facts, field.path);
    if (fact === undefined) return t('applications:review.unanswered');
    if (field.type === 'money' && typeof fact === 'number') return formatFen(fact, moneyLocale(lang));
    if (field.type === 'boolean') return fact ? t('eligibility:boolean.yes') : t('eligibility:boolean.no');
    if (field.type === 'enum')
      return localized(field.options?.find((o) => o.value === fact)?.label, lang) || String(fact);
    return String(fact);
  };

  const requiredDocs = program.documents.filter((d) => d.required);
  const uploadedKinds = new Set((documents.data ?? []).map((d) => d.kind));
  const missingDocs = requiredDocs.filter((d) => !uploadedKinds.has(d.kind));
  const missingKinds = problem?.missingKinds ?? [];
  const factStepOf = (path: string) =>
    steps.findIndex((s) => s.kind === 'facts' && s.fields.some((f) => f.path === path));

  const savedNote = savedAt ? (
    <p className="hx-note" role="status" data-testid="draft-saved">
      {t('applications:draft.saved', {
        time: savedAt.toLocaleTimeString(lang === 'en' ? 'en-GB' : 'zh-CN', {
          hour: '2-digit',
          minute: '2-digit',
        }),
      })}
    </p>
  ) : null;

  const nav = (backLabel?: string) => (
    <div className="hx-wizard__nav">
      {stepIndex > 0 ? (
        <Button size="large" icon={<ArrowLeftOutlined aria-hidden />} onClick={() => goTo(stepIndex - 1)}>
          {backLabel ?? t('applications:nav.back')}
        </Button>
      ) : null}
      {step.kind !== 'review' ? (
        <Button
          type="primary"
          size="large"
          onClick={() => goTo(stepIndex + 1)}
          icon={<ArrowRightOutlined aria-hidden />}
          iconPlacement="end"
        >
          {t('applications:nav.next')}
        </Button>
      ) : null}
    </div>
  );

  let body;
  if (step.kind === 'facts') {
    const stepError =
      saveError ??
      (problem?.factPath && factStepOf(problem.factPath) === stepIndex ? submit.error : undefined);
    body = (
      <Form
        key={stepIndex}
        form={form}
        onSubmit={() => void saveAndGo(stepIndex + 1)}
        pending={saving}
        serverError={stepError}
        serverFieldName={serverFieldName}
        aria-label={stepTitle(step)}
      >
        <FactGroupFields group={step.group} fields={step.fields} def={def} warnings={evaluation.warnings} />
        <FormAlert />
        {savedNote}
        <div className="hx-wizard__nav">
          {stepIndex > 0 ? (
            <Button size="large" icon={<ArrowLeftOutlined aria-hidden />} onClick={() => goTo(stepIndex - 1)}>
              {t('applications:nav.back')}
            </Button>
          ) : null}
          <Button
            size="large"
            icon={<SaveOutlined aria-hidden />}
            disabled={saving}
            onClick={() =>
              void form
                .trigger(step.fields.map((f) => f.path))
                .then((ok) => (ok ? saveAndGo(stepIndex) : undefined))
            }
          >
            {t('applications:draft.save')}
          </Button>
          <SubmitButton size="large" icon={<ArrowRightOutlined aria-hidden />}>
            {t('applications:nav.saveAndNext')}
          </SubmitButton>
        </div>
      </Form>
    );
  } else if (step.kind === 'preview') {
    body = (
      <section aria-live="polite">
        <p className="hx-note">{t('applications:preview.intro')}</p>
        {evaluation.result ? (
          <>
            <ResultSummary result={evaluation.result} testId="preview-result" />
            <ClauseResults
              clauses={evaluation.result.clauses}
              titleOf={(id) => localized(program.clauses.find((c) => c.id === id)?.title, lang) || id}
              factLabel={(path) => {
                const field = factFields.find((f) => f.path === path);
                return field
                  ? fieldLabel(field, lang)
                  : t(`eligibility:derivedFacts.${path}`, { defaultValue: path });
              }}
            />
          </>
        ) : (
          <Alert type="info" showIcon title={t('eligibility:result.unavailable')} />
        )}
        <p className="hx-note">{t('applications:preview.history')}</p>
        {nav()}
      </section>
    );
  } else if (step.kind === 'documents') {
    body = (
      <section>
        <p className="hx-note">{t('applications:documents.intro')}</p>
        {applicationId ? (
          <DocumentList
            applicationId={applicationId}
            requirements={program.documents}
            documents={documents.data ?? []}
            missingKinds={missingKinds}
          />
        ) : (
          <Alert type="info" showIcon title={t('applications:documents.saveFirst')} />
        )}
        {nav()}
      </section>
    );
  } else {
    const amount = evaluation.result?.amountFen;
    body = (
      <section>
        <p className="hx-note">{t('applications:review.intro')}</p>
        {steps.map((s, index) =>
          s.kind === 'facts' ? (
            <section key={s.group} className="hx-panel hx-review" aria-labelledby={`review-${s.group}`}>
              <div className="hx-review__head">
                <h3 id={`review-${s.group}`} className="hx-review__title">
                  {stepTitle(s)}
                </h3>
                <Button type="link" icon={<EditOutlined aria-hidden />} onClick={() => goTo(index)}>
                  {t('applications:review.change')}
                  <span className="hx-visually-hidden">{stepTitle(s)}</span>
                </Button>
              </div>
              <dl className="hx-dl">
                {s.fields.map((field) => (
                  <div key={field.path} className="hx-dl__row">
                    <dt>{fieldLabel(field, lang)}</dt>
                    <dd>{factText(field)}</dd>
                  </div>
                ))}
              </dl>
            </section>
          ) : null,
        )}
        <section className="hx-panel hx-review" aria-labelledby="review-docs">
          <div className="hx-review__head">
            <h3 id="review-docs" className="hx-review__title">
              {t('applications:steps.documents')}
            </h3>
            <Button
              type="link"
              icon={<EditOutlined aria-hidden />}
              onClick={() => goTo(steps.findIndex((s) => s.kind === 'documents'))}
            >
              {t('applications:review.change')}
              <span className="hx-visually-hidden">{t('applications:steps.documents')}</span>
            </Button>
          </div>
          <p data-testid="review-docs">
            {t('applications:review.documents', {
              uploaded: requiredDocs.length - missingDocs.length,
              total: requiredDocs.length,
            })}
          </p>
          {missingDocs.length > 0 ? (
            <Alert
              type="warning"
              showIcon
              title={t('applications:review.missingDocs', {
                list: missingDocs.map((d) => localized(d.title, lang)).join('、'),
              })}
            />
          ) : null}
        </section>
        {amount !== undefined ? (
          <p className="hx-review__amount">
            {t('applications:review.amount')} <strong>{formatFen(amount, moneyLocale(lang))}</strong>
          </p>
        ) : null}
        <p className="hx-note">{t('applications:review.declaration')}</p>
        {saveError ? (
          <Alert className="hx-gap" type="error" showIcon role="alert" title={errorMessage(t, saveError)} />
        ) : null}
        <SubmitProblem
          problem={problem}
          error={submit.error}
          applicationId={applicationId}
          goToDocuments={() => goTo(steps.findIndex((s) => s.kind === 'documents'))}
          goToFact={(path) => goTo(Math.max(0, factStepOf(path)))}
          titleOf={(id) => localized(program.clauses.find((c) => c.id === id)?.title, lang) || id}
          factLabel={(path) => {
            const field = factFields.find((f) => f.path === path);
            return field
              ? fieldLabel(field, lang)
              : t(`eligibility:derivedFacts.${path}`, { defaultValue: path });
          }}
        />
        <div className="hx-wizard__nav">
          <Button size="large" icon={<ArrowLeftOutlined aria-hidden />} onClick={() => goTo(stepIndex - 1)}>
            {t('applications:nav.back')}
          </Button>
          <Button
            type="primary"
            size="large"
            icon={<SendOutlined aria-hidden />}
            disabled={submit.pending || saving || !applicationId}
            aria-busy={submit.pending || saving || undefined}
            onClick={() => void onSubmitClaim()}
            data-testid="submit-claim"
          >
            {submit.pending
              ? t('applications:submit.pending')
              : submit.key
                ? t('applications:submit.retry')
                : t('applications:submit.button')}
          </Button>
        </div>
      </section>
    );
  }

  return (
    <div className="hx-wizard">
      <ol className="hx-wsteps" aria-label={t('applications:steps.label')}>
        {steps.map((s, index) => (
          <li
            key={s.kind === 'facts' ? s.group : s.kind}
            className={index === stepIndex ? 'is-current' : index < stepIndex ? 'is-done' : undefined}
            {...(index === stepIndex ? { 'aria-current': 'step' as const } : {})}
          >
            <span className="hx-wsteps__num" aria-hidden>
              {index + 1}
            </span>
            <span className="hx-wsteps__title">{stepTitle(s)}</span>
          </li>
        ))}
      </ol>
      <p className="hx-wsteps__count">
        {t('applications:steps.count', { current: stepIndex + 1, total: steps.length })}
      </p>
      <h2
        className="hx-section__title hx-focus-target"
        tabIndex={-1}
        ref={headingRef}
        data-testid="step-title"
      >
        {stepTitle(step)}
      </h2>
      {application?.status === 'returned' ? (
        <Alert className="hx-gap" type="warning" showIcon title={t('applications:detail.returned')} />
      ) : null}
      {body}
    </div>
  );
}

function SubmitProblem({
  problem,
  error,
  applicationId,
  goToDocuments,
  goToFact,
  titleOf,
  factLabel,
}: {
  problem: ReturnType<typeof submitProblem>;
  error: unknown;
  applicationId: string | undefined;
  goToDocuments: () => void;
  goToFact: (path: string) => void;
  titleOf: (id: string) => string;
  factLabel: (path: string) => string;
}) {
  const { t } = useTranslation(['applications', 'errors']);
  if (!problem) return null;
  const common = { className: 'hx-gap', showIcon: true, role: 'alert' as const };
  switch (problem.code) {
    case 'NOT_ELIGIBLE':
      return (
        <Alert
          {...common}
          type="error"
          data-testid="submit-not-eligible"
          title={t('applications:submit.notEligible')}
          description={<ClauseResults clauses={problem.clauses} titleOf={titleOf} factLabel={factLabel} />}
        />
      );
    case 'MISSING_DOCUMENTS':
      return (
        <Alert
          {...common}
          type="error"
          title={t('errors:MISSING_DOCUMENTS')}
          action={<Button onClick={goToDocuments}>{t('applications:submit.toDocuments')}</Button>}
        />
      );
    case 'DUPLICATE_CLAIM':
      return (
        <Alert
          {...common}
          type="error"
          title={t('errors:DUPLICATE_CLAIM')}
          {...(problem.factPath ? { description: factLabel(problem.factPath) } : {})}
          action={
            problem.factPath ? (
              <Button onClick={() => goToFact(problem.factPath as string)}>
                {t('applications:submit.toField')}
              </Button>
            ) : undefined
          }
        />
      );
    case 'BUDGET_EXHAUSTED':
      return (
        <Alert
          {...common}
          type="error"
          data-testid="submit-budget"
          title={t('applications:submit.budgetExhausted')}
          description={t('applications:submit.budgetExhaustedNote')}
        />
      );
    case 'PROFILE_REQUIRED': {
      const next = applicationId ? `/applications/${applicationId}/edit?step=review` : '/applications';
      return (
        <Alert
          {...common}
          type="warning"
          title={t('errors:PROFILE_REQUIRED')}
          action={
            <Link to={`/me/profile?next=${encodeURIComponent(next)}`}>
              {t('applications:submit.toProfile')}
            </Link>
          }
        />
      );
    }
    default: {
      const retryable = !isApiError(error) || error.status === 0 || error.status >= 500;
      return (
        <Alert
          {...common}
          type="error"
          title={errorMessage(t, error)}
          {...(retryable ? { description: t('applications:submit.retryNote') } : {})}
        />
      );
    }
  }
}
