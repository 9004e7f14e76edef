import { useMemo, useRef, useState } from 'react';
import { Alert, Button, Tag } from 'antd';
import { CloudServerOutlined, UndoOutlined, CheckOutlined, WarningOutlined } from '@ant-design/icons';
import { useForm } from 'react-hook-form';
import { formatFen, type FactField, type ProgramDefinition } from '@huanxin/shared';
import { useTranslation } from 'react-i18next';
import { Form, FormField, FormSection, SubmitButton } from '@/components/ui/form';
import { ErrorState, LoadingState } from '@/components/ui/query-state';
import { isApiError } from '@/lib/api-client';
import { localized, moneyLocale } from '@/lib/i18n';
import { useCheckEligibility } from '../api/check-eligibility';
import { compareResults } from '../lib/compare-results';
import { useInView } from '../hooks/use-in-view';
import {
  defaultFactValues,
  fieldLabel,
  groupFactFields,
  useFactEvaluation,
  validateFactInput,
  validationDefinition,
  type FactFormValues,
} from '../hooks/use-fact-form';
import { ClauseResults } from './clause-results';
import { FactInput } from './fact-input';
import { ResultSummary, verdictOf } from './result-summary';

/** What the check needs to know about a program (the route passes it from the programs API). */
export interface EligibilityProgram {
  code: string;
  factFields: FactField[];
  clauses: Array<{ id: string; title: { zh: string; en: string } }>;
  definition?: ProgramDefinition;
}

const serverFieldName = (key: string) => (key.startsWith('facts.') ? key.slice('facts.'.length) : undefined);

export function EligibilityCheck({ program }: { program: EligibilityProgram }) {
  const { t, i18n } = useTranslation('eligibility');
  const lang = i18n.language;
  const { factFields, definition } = program;
  const def = useMemo(() => validationDefinition(factFields, definition), [factFields, definition]);
  const groups = useMemo(() => groupFactFields(factFields), [factFields]);
  const defaults = useMemo(() => defaultFactValues(factFields), [factFields]);

  const form = useForm<FactFormValues>({ mode: 'onChange', defaultValues: defaults });
  const evaluation = useFactEvaluation(form.control, definition, def);
  const server = useCheckEligibility();
  const [submittedKey, setSubmittedKey] = useState<string | null>(null);
  const resultRef = useRef<HTMLElement>(null);
  const resultInView = useInView(resultRef);
  const currentKey = JSON.stringify({ facts: evaluation.facts, asOf: evaluation.asOf });

  const fieldByPath = useMemo(() => new Map(factFields.map((f) => [f.path, f])), [factFields]);
  const titles = useMemo(() => new Map(program.clauses.map((c) => [c.id, c.title])), [program.clauses]);
  const titleOf = (id: string) => localized(titles.get(id), lang) || id;
  const factLabel = (path: string) => {
    const field = fieldByPath.get(path);
    if (field) return fieldLabel(field, lang);
    return t(`derivedFacts.${path}`, { defaultValue: path });
  };
  const warningText = (path: string) => {
    const code = evaluation.warnings[path];
    return code ? t([`warning.${code}`, 'warning.GENERIC']) : undefined;
  };

  const onSubmit = () => {
    setSubmittedKey(currentKey);
    server.mutate({ code: program.code, facts: evaluation.facts, asOf: evaluation.asOf });
  };
  const onReset = () => {
    form.reset(defaults);
    server.reset();
    setSubmittedKey(null);
  };

  const stale = submittedKey !== null && submittedKey !== currentKey;
  const serverData = server.data;
  const differences = serverData && evaluation.result ? compareResults(evaluation.result, serverData) : [];

  return (
    <div className="hx-check">
      <div className="hx-check__form">
        <p className="hx-note">{t('intro')}</p>
        <Form
          form={form}
          onSubmit={onSubmit}
          pending={server.isPending}
          serverError={server.error}
          serverFieldName={serverFieldName}
          aria-label={t('formLabel')}
        >
          {groups.map(({ group, fields }) => (
            <FormSection key={group} title={t(`groups.${group}`, { defaultValue: group })}>
              {fields.map((field) => (
                <FormField<FactFormValues, string>
                  key={field.path}
                  name={field.path}
                  label={fieldLabel(field, lang)}
                  help={field.help ? localized(field.help, lang) : undefined}
                  requiredMark={field.required === true}
                  rules={{ validate: (raw: unknown) => validateFactInput(def, field, raw) }}
                  warning={warningText(field.path)}
                >
                  {({ field: control, inputProps, labelId }) => (
                    <FactInput field={field} control={control} inputProps={inputProps} labelId={labelId} />
                  )}
                </FormField>
              ))}
            </FormSection>
          ))}
          <div className="hx-check__actions">
            <SubmitButton icon={<CloudServerOutlined aria-hidden />} size="large">
              {t('server.submit')}
            </SubmitButton>
            <Button icon={<UndoOutlined aria-hidden />} onClick={onReset} size="large">
              {t('reset')}
            </Button>
          </div>
          <p className="hx-note">{t('server.explain')}</p>
        </Form>
      </div>

      <aside className="hx-check__result" aria-labelledby="result-title" id="result" ref={resultRef}>
        <h2 id="result-title" className="hx-section__title">
          {t('result.title')}
        </h2>
        {evaluation.result ? (
          <>
            <ResultSummary result={evaluation.result} live testId="instant-result" />
            <p className="hx-note">{t('result.asOf', { date: evaluation.asOf })}</p>
            <ClauseResults clauses={evaluation.result.clauses} titleOf={titleOf} factLabel={factLabel} />
          </>
        ) : (
          <Alert type="info" showIcon title={t('result.unavailable')} />
        )}

        <section className="hx-server" aria-labelledby="server-title">
          <h3 id="server-title" className="hx-server__title">
            <CloudServerOutlined aria-hidden /> {t('server.title')}
          </h3>
          {server.isPending ? <LoadingState label={t('server.pending')} /> : null}
          {server.isError ? (
            isApiError(server.error) && Object.keys(server.error.fields).length > 0 ? (
              <Alert type="error" showIcon title={t('server.fieldErrors')} />
            ) : (
              <ErrorState error={server.error} title={t('server.failed')} />
            )
          ) : null}
          {serverData ? (
            <div data-testid="server-result">
              {stale ? <Alert type="warning" showIcon title={t('server.stale')} /> : null}
              <ResultSummary result={serverData} testId="server-summary" />
              {!stale && evaluation.result ? (
                differences.length === 0 ? (
                  <Tag icon={<CheckOutlined aria-hidden />} className="hx-match" data-testid="server-match">
                    {t('server.match')}
                  </Tag>
                ) : (
                  <Alert
                    type="warning"
                    showIcon
                    icon={<WarningOutlined aria-hidden />}
                    data-testid="server-mismatch"
                    title={t('server.mismatch')}
                    description={differences
                      .map((d) => (d.startsWith('clause:') ? titleOf(d.slice(7)) : t(`server.diff.${d}`)))
                      .join('；')}
                  />
                )
              ) : null}
              {!evaluation.result ? (
                <ClauseResults clauses={serverData.clauses} titleOf={titleOf} factLabel={factLabel} />
              ) : null}
            </div>
          ) : null}
          {!serverData && !server.isPending && !server.isError ? (
            <p className="hx-note">{t('server.notYet')}</p>
          ) : null}
        </section>
      </aside>

      {evaluation.result && !resultInView ? (
        <a className="hx-check__bar" href="#result">
          <span>
            {t(`verdict.short.${verdictOf(evaluation.result)}`)}
            {verdictOf(evaluation.result) !== 'ineligible' && evaluation.result.amountComplete
              ? ` · ${formatFen(evaluation.result.amountFen, moneyLocale(lang))}`
              : ''}
          </span>
          <span className="hx-check__bar-link">{t('result.jump')}</span>
        </a>
      ) : null}
    </div>
  );
}
