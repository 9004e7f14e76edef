import { useState } from 'react';
import { Alert, Button, Input, InputNumber, Radio, Select, Switch } from 'antd';
import { ExperimentOutlined, SaveOutlined } from '@ant-design/icons';
import { useForm } from 'react-hook-form';
import { formatFen, type ReviewSampleItemDetail, type SampleOutcome } from '@huanxin/shared';
import { useTranslation } from 'react-i18next';
import { Form, FormAlert, FormField, SubmitButton } from '@/components/ui/form';
import { ErrorState } from '@/components/ui/query-state';
import { errorMessage } from '@/lib/error-message';
import { moneyLocale } from '@/lib/i18n';
import { useCreateSample, useRecordOutcome, useSample, useSamples } from '../api/samples';
import { formatDateTime } from '../lib/format';
import type { ProgramOption } from './review-queue';

interface SampleValues {
  programCode: string;
  size: number | null;
  riskWeighted: boolean;
  seed: string;
}

function SampleItem({ sampleId, item }: { sampleId: string; item: ReviewSampleItemDetail }) {
  const { t, i18n } = useTranslation('review');
  const { applicationId } = item;
  return (
    <li className="hx-sample__item" data-application={applicationId}>
      <span className="hx-case__code">{item.code}</span>
      <span>{formatFen(item.amountFen, moneyLocale(i18n.language))}</span>
      <span>{t('sampling.risk', { score: item.riskScore })}</span>
      {item.outcome ? (
        <span className="hx-sample__saved" data-outcome={item.outcome}>
          {t(`sampling.${item.outcome}`)}
          {item.note ? ` · ${item.note}` : ''}
        </span>
      ) : (
        <SampleOutcomeForm sampleId={sampleId} applicationId={applicationId} />
      )}
    </li>
  );
}

function SampleOutcomeForm({ sampleId, applicationId }: { sampleId: string; applicationId: string }) {
  const { t } = useTranslation('review');
  const record = useRecordOutcome();
  const [outcome, setOutcome] = useState<SampleOutcome | null>(null);
  const [note, setNote] = useState('');
  const [missing, setMissing] = useState(false);
  const noteId = `note-${applicationId}`;
  const save = () => {
    if (!outcome || (outcome === 'clawback' && !note.trim())) {
      setMissing(true);
      return;
    }
    setMissing(false);
    record.mutate({ sampleId, applicationId, outcome, note: note.trim() });
  };
  return (
    <>
      <Radio.Group
        value={outcome}
        onChange={(e) => setOutcome(e.target.value as SampleOutcome)}
        aria-label={t('sampling.outcome')}
        disabled={record.isSuccess}
      >
        <Radio value="confirmed">{t('sampling.confirmed')}</Radio>
        <Radio value="clawback">{t('sampling.clawback')}</Radio>
      </Radio.Group>
      <label htmlFor={noteId} className="hx-visually-hidden">
        {t('sampling.note')}
      </label>
      <Input
        id={noteId}
        value={note}
        onChange={(e) => setNote(e.target.value)}
        placeholder={t('sampling.note')}
        maxLength={500}
        disabled={record.isSuccess}
        aria-invalid={missing || undefined}
      />
      <Button
        icon={<SaveOutlined aria-hidden />}
        onClick={save}
        disabled={record.isPending || record.isSuccess}
      >
        {t('sampling.save')}
      </Button>
      {record.isSuccess ? (
        <span role="status" className="hx-sample__saved">
          {t('sampling.saved')}
        </span>
      ) : null}
      {missing ? (
        <span role="alert" className="hx-field__error">
          {t(outcome ? 'sampling.noteRequired' : 'sampling.outcomeRequired')}
        </span>
      ) : null}
      {record.isError ? (
        <span role="alert" className="hx-field__error">
          {errorMessage(t, record.error)}
        </span>
      ) : null}
    </>
  );
}

/** Draw a post-approval sample (random or weighted by risk, seeded) and record each case's outcome. */
export function SamplingPanel({ programs }: { programs: readonly ProgramOption[] }) {
  const programTitle = (code: string) => programs.find((p) => p.code === code)?.title ?? code;
  const { t } = useTranslation('review');
  const { i18n } = useTranslation();
  const create = useCreateSample();
  const samples = useSamples();
  const [selected, setSelected] = useState<string | null>(null);
  const sample = useSample(selected);
  const form = useForm<SampleValues>({
    mode: 'onChange',
    defaultValues: { programCode: programs[0]?.code ?? '', size: 10, riskWeighted: true, seed: '' },
  });
  const onSubmit = (values: SampleValues) => {
    const seed = values.seed.trim();
    create.mutate(
      {
        programCode: values.programCode,
        size: values.size ?? 0,
        riskWeighted: values.riskWeighted,
        ...(seed ? { seed } : {}),
      },
      { onSuccess: (drawn) => setSelected(drawn.id) },
    );
  };
  return (
    <div className="hx-sampling">
      <Form<SampleValues>
        form={form}
        onSubmit={onSubmit}
        pending={create.isPending}
        serverError={create.error}
        className="hx-sampling__form"
        aria-label={t('sampling.create')}
      >
        <FormField<SampleValues, 'programCode'>
          name="programCode"
          label={t('sampling.program')}
          rules={{ validate: (v) => (v ? true : 'REQUIRED') }}
        >
          {({ field, inputProps }) => (
            <Select
              {...inputProps}
              ref={field.ref}
              value={field.value || null}
              onChange={(v: string) => field.onChange(v)}
              options={programs.map((p) => ({ value: p.code, label: p.title }))}
              showSearch={{ optionFilterProp: 'label' }}
            />
          )}
        </FormField>
        <FormField<SampleValues, 'size'>
          name="size"
          label={t('sampling.size')}
          rules={{ validate: (v) => (v && Number.isInteger(v) && v > 0 ? true : 'EXPECTED_INTEGER') }}
        >
          {({ field, inputProps }) => (
            <InputNumber
              {...inputProps}
              ref={field.ref}
              min={1}
              max={1000}
              precision={0}
              value={field.value}
              onChange={(v) => field.onChange(v)}
            />
          )}
        </FormField>
        <FormField<SampleValues, 'riskWeighted'> name="riskWeighted" label={t('sampling.riskWeighted')}>
          {({ field, inputProps }) => (
            <Switch
              id={inputProps.id}
              checked={field.value}
              onChange={(v) => field.onChange(v)}
              checkedChildren={t('sampling.weighted')}
              unCheckedChildren={t('sampling.random')}
            />
          )}
        </FormField>
        <FormField<SampleValues, 'seed'> name="seed" label={t('sampling.seed')} help={t('sampling.seedHelp')}>
          {({ textInputProps }) => <Input {...textInputProps} maxLength={64} />}
        </FormField>
        <FormAlert />
        <SubmitButton icon={<ExperimentOutlined aria-hidden />}>{t('sampling.draw')}</SubmitButton>
      </Form>
      {sample.data ? (
        <section className="hx-panel" aria-labelledby="sample-title" data-testid="sample">
          <h2 id="sample-title" className="hx-section__title">
            {t('sampling.drawn', { count: sample.data.items.length })}
          </h2>
          <p className="hx-note">
            {t('sampling.seedIs', { seed: sample.data.seed })} ·{' '}
            {t('sampling.population', { count: sample.data.population })}
          </p>
          {sample.data.items.length === 0 ? (
            <Alert type="info" showIcon title={t('sampling.emptySample')} />
          ) : (
            <ol className="hx-sample">
              {sample.data.items.map((item) => (
                <SampleItem key={item.applicationId} sampleId={sample.data.id} item={item} />
              ))}
            </ol>
          )}
        </section>
      ) : null}
      {sample.isError ? <ErrorState error={sample.error} onRetry={() => void sample.refetch()} /> : null}
      <section className="hx-panel" aria-labelledby="samples-title">
        <h2 id="samples-title" className="hx-section__title">
          {t('sampling.history')}
        </h2>
        {samples.data && samples.data.length === 0 ? <p className="hx-note">{t('sampling.none')}</p> : null}
        <ul className="hx-case__list" data-testid="samples">
          {(samples.data ?? []).map((s) => (
            <li key={s.id}>
              <Button
                type="link"
                onClick={() => setSelected(s.id)}
                aria-current={s.id === selected || undefined}
              >
                {formatDateTime(s.createdAt, i18n.language)} · {programTitle(s.programCode)}
              </Button>
              {t('sampling.summary', {
                size: s.size,
                decided: s.decided,
                clawbacks: s.clawbacks,
                seed: s.seed,
              })}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
