import { useState } from 'react';
import { Alert, Button, Input, InputNumber, Radio, Select, Switch } from 'antd';
import { ExperimentOutlined, SaveOutlined } from '@ant-design/icons';
import { useForm } from 'react-hook-form';
import type { ReviewSample, SampleOutcome } from '@huanxin/shared';
import { useTranslation } from 'react-i18next';
import { Form, FormAlert, FormField, SubmitButton } from '@/components/ui/form';
import { errorMessage } from '@/lib/error-message';
import { useCreateSample, useRecordOutcome } from '../api/samples';
import type { ProgramOption } from './review-queue';

interface SampleValues {
  programCode: string;
  size: number | null;
  riskWeighted: boolean;
  seed: string;
}

function SampleItem({ sampleId, applicationId }: { sampleId: string; applicationId: string }) {
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
    <li className="hx-sample__item" data-application={applicationId}>
      <span className="hx-sample__id">{applicationId}</span>
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
    </li>
  );
}

/** Draw a post-approval sample (random or weighted by risk, seeded) and record each case's outcome. */
export function SamplingPanel({ programs }: { programs: readonly ProgramOption[] }) {
  const { t } = useTranslation('review');
  const create = useCreateSample();
  const [sample, setSample] = useState<ReviewSample | null>(null);
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
      { onSuccess: setSample },
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
      {sample ? (
        <section className="hx-panel" aria-labelledby="sample-title" data-testid="sample">
          <h2 id="sample-title" className="hx-section__title">
            {t('sampling.drawn', { count: sample.items.length })}
          </h2>
          <p className="hx-note">{t('sampling.seedIs', { seed: sample.seed })}</p>
          {sample.items.length === 0 ? (
            <Alert type="info" showIcon title={t('sampling.emptySample')} />
          ) : (
            <ol className="hx-sample">
              {sample.items.map((item) => (
                <SampleItem
                  key={item.applicationId}
                  sampleId={sample.id}
                  applicationId={item.applicationId}
                />
              ))}
            </ol>
          )}
        </section>
      ) : null}
    </div>
  );
}
