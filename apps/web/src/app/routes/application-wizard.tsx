/**
 * The guided application (`/programs/:code/apply`, `/applications/:id/edit`): one step per fact group, a
 * preview with the same engine as the server, the documents, "check your answers", and submit. Composes the
 * eligibility feature (generated fact inputs, instant evaluation) and the applications feature (steps, draft,
 * upload, submit with an Idempotency-Key); features do not import each other, so they meet here.
 */
import { useMemo, useState } from 'react';
import { Alert } from 'antd';
import { useForm } from 'react-hook-form';
import type { ApplicationDetail, ClauseResult, ProgramDetail } from '@huanxin/shared';
import { useTranslation } from 'react-i18next';
import { localized } from '@/lib/i18n';
import { useApplicationDocuments } from '@/features/applications/api/applications';
import { CorrectionNotice, correctionTargets } from '@/features/applications/components/correction-notice';
import { DocumentsStep } from '@/features/applications/components/wizard/documents-step';
import { DraftSavedNote } from '@/features/applications/components/wizard/draft-saved-note';
import { FactsStep } from '@/features/applications/components/wizard/facts-step';
import { PreviewStep } from '@/features/applications/components/wizard/preview-step';
import { ReviewStep } from '@/features/applications/components/wizard/review-step';
import { SubmitProblem } from '@/features/applications/components/wizard/submit-problem';
import { WizardProgress } from '@/features/applications/components/wizard/wizard-progress';
import { useClaimSubmit } from '@/features/applications/hooks/use-claim-submit';
import { useDraft } from '@/features/applications/hooks/use-draft';
import { useStepTitle, useWizardSteps } from '@/features/applications/hooks/use-wizard-steps';
import { ClauseResults } from '@/features/eligibility/components/clause-results';
import { FactGroupFields } from '@/features/eligibility/components/fact-group-fields';
import { ResultSummary } from '@/features/eligibility/components/result-summary';
import {
  defaultFactValues,
  fieldLabel,
  groupFactFields,
  useFactEvaluation,
  validationDefinition,
  valuesFromFacts,
  type FactFormValues,
} from '@/features/eligibility/hooks/use-fact-form';

export function ApplicationWizard({
  program,
  application,
}: {
  program: ProgramDetail;
  application?: ApplicationDetail;
}) {
  const { t, i18n } = useTranslation(['applications', 'eligibility']);
  const lang = i18n.language;
  const { factFields, definition } = program;
  const def = useMemo(() => validationDefinition(factFields, definition), [factFields, definition]);
  const groups = useMemo(() => groupFactFields(factFields), [factFields]);
  const [initial] = useState(() =>
    application ? valuesFromFacts(factFields, application.facts) : defaultFactValues(factFields),
  );
  const form = useForm<FactFormValues>({ mode: 'onChange', defaultValues: initial });
  const evaluation = useFactEvaluation(form.control, definition, def);

  const { steps, step, stepIndex, goTo, indexOf, factStepOf, headingRef } = useWizardSteps(groups);
  const stepTitle = useStepTitle();
  const draft = useDraft({ programCode: program.code, application, facts: evaluation.facts });
  const { applicationId } = draft;
  const documents = useApplicationDocuments(applicationId);
  const { onSubmit, submit, busy, problem } = useClaimSubmit({
    applicationId,
    unsaved: draft.unsaved,
    save: draft.save,
  });

  const titleOf = (id: string) => localized(program.clauses.find((c) => c.id === id)?.title, lang) || id;
  const factLabel = (path: string) => {
    const field = factFields.find((f) => f.path === path);
    return field ? fieldLabel(field, lang) : t(`eligibility:derivedFacts.${path}`, { defaultValue: path });
  };
  const clauses = (list: ClauseResult[]) => (
    <ClauseResults clauses={list} titleOf={titleOf} factLabel={factLabel} />
  );
  // A returned claim: what the reviewer asked to fix, marked in the form until it is resubmitted.
  const correction = application?.status === 'returned' ? application.correction : null;
  const toFix = useMemo(() => correctionTargets(correction), [correction]);
  const documentTitle = (kind: string) =>
    localized(program.documents.find((d) => d.kind === kind)?.title, lang) || kind;
  const goToField = (field: string) =>
    field.startsWith('document:') ? goTo(indexOf('documents')) : goTo(Math.max(0, factStepOf(field)));
  const back = stepIndex > 0 ? () => goTo(stepIndex - 1) : undefined;
  const next = () => goTo(stepIndex + 1);

  let body;
  if (step.kind === 'facts') {
    const stepError =
      draft.saveError ??
      (problem?.factPath && factStepOf(problem.factPath) === stepIndex ? submit.error : undefined);
    body = (
      <FactsStep
        key={stepIndex}
        form={form}
        fieldPaths={step.fields.map((f) => f.path)}
        title={stepTitle(step)}
        saving={draft.saving}
        error={stepError}
        onSave={() => void draft.saveAndGo(stepIndex, goTo, stepIndex)}
        onSaveAndNext={() => void draft.saveAndGo(stepIndex + 1, goTo, stepIndex)}
        onBack={back}
        savedNote={<DraftSavedNote savedAt={draft.savedAt} />}
      >
        <FactGroupFields
          group={step.group}
          fields={step.fields}
          def={def}
          warnings={evaluation.warnings}
          highlighted={toFix.facts}
          highlightNote={t('applications:correction.fix')}
        />
      </FactsStep>
    );
  } else if (step.kind === 'preview') {
    body = (
      <PreviewStep onBack={() => goTo(stepIndex - 1)} onNext={next}>
        {evaluation.result ? (
          <>
            <ResultSummary result={evaluation.result} testId="preview-result" />
            {clauses(evaluation.result.clauses)}
          </>
        ) : (
          <Alert type="info" showIcon title={t('eligibility:result.unavailable')} />
        )}
      </PreviewStep>
    );
  } else if (step.kind === 'documents') {
    body = (
      <DocumentsStep
        applicationId={applicationId}
        requirements={program.documents}
        documents={documents.data ?? []}
        missingKinds={problem?.missingKinds ?? []}
        toFixKinds={toFix.documents}
        onBack={() => goTo(stepIndex - 1)}
        onNext={next}
      />
    );
  } else {
    body = (
      <ReviewStep
        steps={steps}
        facts={evaluation.facts}
        requirements={program.documents}
        uploadedKinds={new Set((documents.data ?? []).map((d) => d.kind))}
        amountFen={evaluation.result?.amountFen}
        saveError={draft.saveError}
        goTo={goTo}
        onBack={() => goTo(stepIndex - 1)}
        onSubmit={() => void onSubmit()}
        submitState={{
          pending: submit.pending,
          saving: draft.saving,
          retry: Boolean(submit.key),
          canSubmit: Boolean(applicationId),
        }}
        problem={
          busy ? (
            <Alert
              className="hx-gap"
              type="info"
              showIcon
              role="status"
              data-testid="submit-busy"
              title={t('applications:submit.busy')}
              description={t('applications:submit.busyNote', { seconds: Math.ceil(busy.seconds) })}
            />
          ) : (
            <SubmitProblem
              problem={problem}
              error={submit.error}
              applicationId={applicationId}
              goToDocuments={() => goTo(indexOf('documents'))}
              goToFact={(path) => goTo(Math.max(0, factStepOf(path)))}
              factLabel={factLabel}
              renderClauses={clauses}
            />
          )
        }
      />
    );
  }

  return (
    <div className="hx-wizard">
      <WizardProgress steps={steps} stepIndex={stepIndex} headingRef={headingRef} />
      {correction ? (
        <CorrectionNotice
          correction={correction}
          fieldLabel={factLabel}
          documentTitle={documentTitle}
          onGoTo={goToField}
        />
      ) : application?.status === 'returned' ? (
        <Alert className="hx-gap" type="warning" showIcon title={t('applications:detail.returned')} />
      ) : null}
      {body}
    </div>
  );
}
