/**
 * The log's filters: a time window (Beijing time), the actor's user id, the action, and the record a
 * row is about (kind + id). Checked as typed with the API's own rules; the server's 422 `fields`
 * land on the same inputs.
 */
import { useEffect } from 'react';
import { Button, Input } from 'antd';
import { ClearOutlined, SearchOutlined } from '@ant-design/icons';
import { useForm, type FieldPath } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Form, FormAlert, FormField, SubmitButton, type TextInputBinding } from '@/components/ui/form';
import { EMPTY_FILTER_VALUES, filterErrors, KNOWN_OBJECT_TYPES, type AuditFilterValues } from '../lib/filter';

const FIELDS: readonly FieldPath<AuditFilterValues>[] = [
  'from',
  'to',
  'actor',
  'action',
  'objectType',
  'objectId',
];

export function AuditFilterForm({
  onApply,
  pending,
  serverError,
}: {
  onApply: (values: AuditFilterValues) => void;
  pending: boolean;
  serverError: unknown;
}) {
  const { t } = useTranslation('audit');
  const form = useForm<AuditFilterValues>({ mode: 'onChange', defaultValues: EMPTY_FILTER_VALUES });
  const rule = (name: keyof AuditFilterValues, deps?: FieldPath<AuditFilterValues>[]) => ({
    validate: (_: string, all: AuditFilterValues) => filterErrors(all)[name] ?? true,
    ...(deps ? { deps } : {}),
  });
  // A 422 from the server for a field the auditor has since corrected should not linger.
  useEffect(() => {
    if (serverError == null) form.clearErrors();
  }, [serverError, form]);
  /** A FormField's render function: an antd input bound to the field, with these attributes. */
  const text =
    (extra: Record<string, unknown> = {}) =>
    ({ textInputProps }: { textInputProps: TextInputBinding }) => <Input {...textInputProps} {...extra} />;
  return (
    <Form
      form={form}
      onSubmit={onApply}
      pending={pending}
      serverError={serverError}
      serverFieldName={(key) => FIELDS.find((f) => f === key)}
      aria-labelledby="audit-filters-title"
      className="hx-audit-filters"
    >
      <h2 id="audit-filters-title" className="hx-audit__h2">
        {t('filters.title')}
      </h2>
      <div className="hx-audit-filters__grid">
        <FormField<AuditFilterValues, 'from'>
          name="from"
          label={t('filters.from')}
          help={t('filters.timeHelp')}
          rules={rule('from')}
        >
          {text({ type: 'datetime-local' })}
        </FormField>
        <FormField<AuditFilterValues, 'to'> name="to" label={t('filters.to')} rules={rule('to', ['from'])}>
          {text({ type: 'datetime-local' })}
        </FormField>
        <FormField<AuditFilterValues, 'actor'>
          name="actor"
          label={t('filters.actor')}
          help={t('filters.actorHelp')}
          rules={rule('actor')}
        >
          {text({ maxLength: 36, spellCheck: false, autoComplete: 'off' })}
        </FormField>
        <FormField<AuditFilterValues, 'action'>
          name="action"
          label={t('filters.action')}
          help={t('filters.actionHelp')}
          rules={rule('action')}
        >
          {text({ maxLength: 64, spellCheck: false, autoComplete: 'off', placeholder: 'auth.login' })}
        </FormField>
        <FormField<AuditFilterValues, 'objectType'>
          name="objectType"
          label={t('filters.objectType')}
          help={t('filters.objectTypeHelp')}
          rules={rule('objectType', ['objectId'])}
        >
          {text({ maxLength: 64, spellCheck: false, autoComplete: 'off', list: 'hx-audit-object-types' })}
        </FormField>
        <FormField<AuditFilterValues, 'objectId'>
          name="objectId"
          label={t('filters.objectId')}
          rules={rule('objectId')}
        >
          {text({ maxLength: 128, spellCheck: false, autoComplete: 'off' })}
        </FormField>
      </div>
      <datalist id="hx-audit-object-types">
        {KNOWN_OBJECT_TYPES.map((type) => (
          <option key={type} value={type} />
        ))}
      </datalist>
      <FormAlert />
      <div className="hx-form-actions">
        <SubmitButton icon={<SearchOutlined aria-hidden />} data-testid="audit-apply">
          {t('filters.apply')}
        </SubmitButton>
        <Button
          icon={<ClearOutlined aria-hidden />}
          onClick={() => {
            form.reset(EMPTY_FILTER_VALUES);
            onApply(EMPTY_FILTER_VALUES);
          }}
        >
          {t('filters.clear')}
        </Button>
      </div>
    </Form>
  );
}
