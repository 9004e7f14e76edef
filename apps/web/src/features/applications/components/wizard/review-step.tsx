import type { ReactNode } from 'react';
import { Alert, Button } from 'antd';
import { ArrowLeftOutlined, EditOutlined, SendOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { formatFen, type DocumentRequirement, type FactField } from '@huanxin/shared';
import { errorMessage } from '@/lib/error-message';
import { fieldLabel, getPath } from '@/lib/fact-fields';
import { localized, moneyLocale } from '@/lib/i18n';
import { useStepTitle, type WizardStep } from '../../hooks/use-wizard-steps';

/** "Check your answers": each group's answers with a way back to change them, the documents, the amount. */
export function ReviewStep({
  steps,
  facts,
  requirements,
  uploadedKinds,
  amountFen,
  saveError,
  goTo,
  onBack,
  onSubmit,
  submitState,
  problem,
}: {
  steps: WizardStep[];
  /** The facts as the form has them now. */
  facts: Record<string, unknown>;
  requirements: DocumentRequirement[];
  uploadedKinds: ReadonlySet<string>;
  amountFen: number | undefined;
  saveError: unknown;
  goTo: (index: number) => void;
  onBack: () => void;
  onSubmit: () => void;
  submitState: { pending: boolean; saving: boolean; retry: boolean; canSubmit: boolean };
  /** The refusal of the last submit, if any. */
  problem: ReactNode;
}) {
  const { t, i18n } = useTranslation(['applications', 'eligibility']);
  const lang = i18n.language;
  const stepTitle = useStepTitle();

  const factText = (field: FactField): string => {
    const fact = getPath(facts, field.path);
    if (fact === undefined) return t('applications:review.unanswered');
    if (field.type === 'money' && typeof fact === 'number') return formatFen(fact, moneyLocale(lang));
    if (field.type === 'boolean') return fact ? t('eligibility:boolean.yes') : t('eligibility:boolean.no');
    if (field.type === 'enum')
      return localized(field.options?.find((o) => o.value === fact)?.label, lang) || String(fact);
    return String(fact);
  };

  const requiredDocs = requirements.filter((d) => d.required);
  const missingDocs = requiredDocs.filter((d) => !uploadedKinds.has(d.kind));
  const documentsStep = steps.findIndex((s) => s.kind === 'documents');
  const busy = submitState.pending || submitState.saving;

  return (
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
          <Button type="link" icon={<EditOutlined aria-hidden />} onClick={() => goTo(documentsStep)}>
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
      {amountFen !== undefined ? (
        <p className="hx-review__amount">
          {t('applications:review.amount')} <strong>{formatFen(amountFen, moneyLocale(lang))}</strong>
        </p>
      ) : null}
      <p className="hx-note">{t('applications:review.declaration')}</p>
      {saveError ? (
        <Alert className="hx-gap" type="error" showIcon role="alert" title={errorMessage(t, saveError)} />
      ) : null}
      {problem}
      <div className="hx-wizard__nav">
        <Button size="large" icon={<ArrowLeftOutlined aria-hidden />} onClick={onBack}>
          {t('applications:nav.back')}
        </Button>
        <Button
          type="primary"
          size="large"
          icon={<SendOutlined aria-hidden />}
          disabled={busy || !submitState.canSubmit}
          aria-busy={busy || undefined}
          onClick={onSubmit}
          data-testid="submit-claim"
        >
          {submitState.pending
            ? t('applications:submit.pending')
            : submitState.retry
              ? t('applications:submit.retry')
              : t('applications:submit.button')}
        </Button>
      </div>
    </section>
  );
}
