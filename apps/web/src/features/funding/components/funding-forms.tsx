/**
 * The two forms of a program's funding page: a tranche (finance or admin) and a pause (admin).
 * Both go through the one form wrapper: checked as you type, the server's 422 `fields` on the
 * input they name, anything else (409 DUPLICATE_DOCUMENT_NO, PROGRAM_ALREADY_PAUSED) announced.
 */
import { useState, type ReactNode } from 'react';
import { Alert, Input } from 'antd';
import { TRANCHE_SOURCES, yuanToFen, type TrancheSource } from '@huanxin/shared';
import { useForm, type FieldPath, type FieldValues } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Form, FormAlert, FormField, SubmitButton } from '@/components/ui/form';
import { NativeSelect } from '@/components/ui/native-select';
import { usePauseProgram, useAddTranche } from '../api/funding';

export interface ProgramChoice {
  code: string;
  title: string;
}

/** A yuan amount in fen, or null when it is not one (at most 2 decimals, above zero). */
export function parseYuan(value: string): number | null {
  try {
    const fen = yuanToFen(value);
    return fen > 0 && Number.isSafeInteger(fen) ? fen : null;
  } catch {
    return null;
  }
}

/** `2026-07-01T00:00` typed in Beijing time → an ISO instant with its offset (the API wants one). */
export function beijingInstant(local: string): string {
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(local) ? `${local}:00+08:00` : local;
}

const required = (value: string): true | string => value.trim() !== '' || 'REQUIRED';

function SelectField<T extends FieldValues, N extends FieldPath<T>>({
  name,
  label,
  options,
}: {
  name: N;
  label: ReactNode;
  options: { value: string; label: string }[];
}) {
  const { t } = useTranslation('funding');
  return (
    <FormField<T, N> name={name} label={label} rules={{ validate: required }}>
      {({ field, inputProps }) => (
        <NativeSelect field={field} inputProps={inputProps} placeholder={t('choose')} options={options} />
      )}
    </FormField>
  );
}

interface TrancheValues {
  programCode: string;
  amount: string;
  source: TrancheSource | '';
  effectiveOn: string;
  documentNo: string;
}

export function TrancheForm({ programs }: { programs: readonly ProgramChoice[] }) {
  const { t } = useTranslation('funding');
  const add = useAddTranche();
  const [serverError, setServerError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const blank: TrancheValues = { programCode: '', amount: '', source: '', effectiveOn: '', documentNo: '' };
  const form = useForm<TrancheValues>({ mode: 'onChange', defaultValues: blank });
  const onSubmit = async (values: TrancheValues) => {
    setServerError(null);
    setDone(null);
    try {
      await add.mutateAsync({
        programCode: values.programCode,
        amountFen: parseYuan(values.amount)!,
        source: values.source as TrancheSource,
        effectiveOn: values.effectiveOn,
        documentNo: values.documentNo.trim(),
      });
      setDone(t('tranche.done', { documentNo: values.documentNo.trim(), date: values.effectiveOn }));
      form.reset(blank);
    } catch (error) {
      setServerError(error);
    }
  };
  return (
    <Form
      form={form}
      onSubmit={onSubmit}
      pending={add.isPending}
      serverError={serverError}
      serverFieldName={(key) =>
        key === 'amountFen'
          ? 'amount'
          : (['effectiveOn', 'documentNo', 'source'] as const).find((f) => f === key)
      }
      serverCodeField={{ DUPLICATE_DOCUMENT_NO: 'documentNo' }}
      aria-labelledby="funding-tranche"
      className="hx-profile-form"
    >
      <h2 id="funding-tranche">{t('tranche.title')}</h2>
      <p className="hx-note">{t('tranche.intro')}</p>
      <SelectField<TrancheValues, 'programCode'>
        name="programCode"
        label={t('fields.program')}
        options={programs.map((p) => ({ value: p.code, label: p.title }))}
      />
      <FormField<TrancheValues, 'amount'>
        name="amount"
        label={t('fields.amount')}
        rules={{ validate: (v: string) => parseYuan(v) !== null || 'INVALID_FORMAT' }}
      >
        {({ textInputProps }) => (
          <Input {...textInputProps} inputMode="decimal" maxLength={16} suffix={t('yuan')} />
        )}
      </FormField>
      <SelectField<TrancheValues, 'source'>
        name="source"
        label={t('fields.source')}
        options={TRANCHE_SOURCES.map((s) => ({ value: s, label: t(`source.${s}`) }))}
      />
      <FormField<TrancheValues, 'effectiveOn'>
        name="effectiveOn"
        label={t('fields.effectiveOn')}
        help={t('tranche.effectiveHelp')}
        rules={{ validate: (v: string) => /^\d{4}-\d{2}-\d{2}$/.test(v) || 'INVALID_DATE' }}
      >
        {({ textInputProps }) => <Input {...textInputProps} type="date" />}
      </FormField>
      <FormField<TrancheValues, 'documentNo'>
        name="documentNo"
        label={t('fields.documentNo')}
        rules={{ validate: required }}
      >
        {({ textInputProps }) => (
          <Input {...textInputProps} maxLength={100} placeholder="济财预〔2026〕12号" />
        )}
      </FormField>
      <FormAlert />
      {done ? <Alert type="success" showIcon role="status" title={done} data-testid="tranche-done" /> : null}
      <div className="hx-form-actions">
        <SubmitButton data-testid="tranche-submit">{t('tranche.submit')}</SubmitButton>
      </div>
    </Form>
  );
}

interface PauseValues {
  programCode: string;
  pausesAt: string;
  noticeZh: string;
  noticeEn: string;
  graceDays: string;
}

export function PauseForm({ programs }: { programs: readonly ProgramChoice[] }) {
  const { t } = useTranslation('funding');
  const pause = usePauseProgram();
  const [serverError, setServerError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const blank: PauseValues = { programCode: '', pausesAt: '', noticeZh: '', noticeEn: '', graceDays: '30' };
  const form = useForm<PauseValues>({ mode: 'onChange', defaultValues: blank });
  const notice = (v: string): true | string =>
    v.trim() === '' ? 'REQUIRED' : v.length <= 2000 || 'TOO_LONG';
  const onSubmit = async (values: PauseValues) => {
    setServerError(null);
    setDone(null);
    try {
      await pause.mutateAsync({
        programCode: values.programCode,
        pausesAt: beijingInstant(values.pausesAt),
        notice: { zh: values.noticeZh.trim(), en: values.noticeEn.trim() },
        graceDays: Number(values.graceDays),
      });
      setDone(t('pause.done', { at: values.pausesAt.replace('T', ' ') }));
      form.reset(blank);
    } catch (error) {
      setServerError(error);
    }
  };
  const fieldOf: Record<string, FieldPath<PauseValues>> = {
    pausesAt: 'pausesAt',
    graceDays: 'graceDays',
    'notice.zh': 'noticeZh',
    'notice.en': 'noticeEn',
  };
  return (
    <Form
      form={form}
      onSubmit={onSubmit}
      pending={pause.isPending}
      serverError={serverError}
      serverFieldName={(key) => fieldOf[key]}
      serverCodeField={{ PROGRAM_ALREADY_PAUSED: 'programCode' }}
      aria-labelledby="funding-pause"
      className="hx-profile-form"
    >
      <h2 id="funding-pause">{t('pause.title')}</h2>
      <p className="hx-note">{t('pause.intro')}</p>
      <SelectField<PauseValues, 'programCode'>
        name="programCode"
        label={t('fields.program')}
        options={programs.map((p) => ({ value: p.code, label: p.title }))}
      />
      <FormField<PauseValues, 'pausesAt'>
        name="pausesAt"
        label={t('fields.pausesAt')}
        help={t('pause.pausesAtHelp')}
        rules={{ validate: (v: string) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(v) || 'INVALID_DATE' }}
      >
        {({ textInputProps }) => <Input {...textInputProps} type="datetime-local" />}
      </FormField>
      <FormField<PauseValues, 'noticeZh'>
        name="noticeZh"
        label={t('fields.noticeZh')}
        rules={{ validate: notice }}
      >
        {({ textInputProps }) => <Input.TextArea {...textInputProps} rows={3} maxLength={2000} />}
      </FormField>
      <FormField<PauseValues, 'noticeEn'>
        name="noticeEn"
        label={t('fields.noticeEn')}
        rules={{ validate: notice }}
      >
        {({ textInputProps }) => <Input.TextArea {...textInputProps} rows={3} maxLength={2000} />}
      </FormField>
      <FormField<PauseValues, 'graceDays'>
        name="graceDays"
        label={t('fields.graceDays')}
        help={t('pause.graceHelp')}
        rules={{
          validate: (v: string) => (/^\d{1,3}$/.test(v) && Number(v) <= 365) || 'OUT_OF_RANGE',
        }}
      >
        {({ textInputProps }) => <Input {...textInputProps} inputMode="numeric" maxLength={3} />}
      </FormField>
      <FormAlert />
      {done ? <Alert type="success" showIcon role="status" title={done} data-testid="pause-done" /> : null}
      <div className="hx-form-actions">
        <SubmitButton data-testid="pause-submit">{t('pause.submit')}</SubmitButton>
      </div>
    </Form>
  );
}
