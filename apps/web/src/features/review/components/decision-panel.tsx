import { useImperativeHandle, useRef, type RefObject } from 'react';
import { Alert, Checkbox, Input, Radio, Select } from 'antd';
import { CheckOutlined, CloseOutlined, RollbackOutlined, SendOutlined } from '@ant-design/icons';
import { useForm, useWatch } from 'react-hook-form';
import type {
  ReviewDecisionKind,
  ReviewDecisionRequest,
  ReviewDecisionResult,
  ReviewReason,
} from '@huanxin/shared';
import { useTranslation } from 'react-i18next';
import { fieldErrorKeys, Form, FormAlert, FormField, SubmitButton } from '@/components/ui/form';
import { isApiError } from '@/lib/api-client';
import { localized } from '@/lib/i18n';
import { useDecision } from '../api/decision';
import { isLostLease } from '../lib/review-error';

export interface DecisionValues {
  decision: ReviewDecisionKind | '';
  reasonCode: string;
  fields: string[];
  note: string;
  override: boolean;
}

export interface FieldOption {
  value: string;
  label: string;
}

/** Handles the panel's keyboard shortcuts (A / R / X) hand to the page. */
export interface DecisionPanelHandle {
  choose: (decision: ReviewDecisionKind) => void;
}

/** What react-hook-form focuses for a Select: its search input, looked up when needed (never a stale node). */
const focusById = (id: string) => ({ focus: () => document.getElementById(id)?.focus() });

const stableJson = (value: unknown) => JSON.stringify(value, Object.keys(value as object).sort());

/** The request for the form's values: only what the chosen decision carries. */
export function decisionRequest(values: DecisionValues, hasConflicts: boolean): ReviewDecisionRequest {
  const note = values.note.trim();
  const request: ReviewDecisionRequest = { decision: values.decision as ReviewDecisionKind };
  if (values.decision !== 'approve') request.reasonCode = values.reasonCode;
  if (values.decision === 'return') request.fields = values.fields;
  if (values.decision === 'approve' && hasConflicts && values.override) request.override = true;
  if (note) request.note = note;
  return request;
}

/**
 * Approve, reject or return: the reason from the published list (reject and return), the fields to fix
 * (return), a note, and the override of a conflict (approve). One Idempotency-Key per attempt: sending the
 * same decision again after a network failure or a busy answer reuses it, any change makes a new one.
 */
export function DecisionPanel({
  applicationId,
  reasons,
  fieldOptions,
  hasConflicts,
  disabled,
  onDecided,
  onLeaseLost,
  handleRef,
}: {
  applicationId: string;
  reasons: readonly ReviewReason[];
  fieldOptions: readonly FieldOption[];
  hasConflicts: boolean;
  /** No lease: nothing can be sent. */
  disabled: boolean;
  onDecided: (result: ReviewDecisionResult, decision: ReviewDecisionKind) => void;
  onLeaseLost: (error: unknown) => void;
  handleRef?: RefObject<DecisionPanelHandle | null>;
}) {
  const { t, i18n } = useTranslation('review');
  const form = useForm<DecisionValues>({
    mode: 'onSubmit',
    reValidateMode: 'onChange',
    defaultValues: { decision: '', reasonCode: '', fields: [], note: '', override: false },
  });
  const decision = useWatch({ control: form.control, name: 'decision' });
  const override = useWatch({ control: form.control, name: 'override' });
  const mutation = useDecision();
  const attempt = useRef<{ key: string; body: string } | null>(null);
  const submitRef = useRef<HTMLDivElement>(null);

  useImperativeHandle(
    handleRef,
    () => ({
      choose: (kind: ReviewDecisionKind) => {
        form.setValue('decision', kind);
        form.clearErrors();
        // Approve goes straight to the send button; reject and return to the reason.
        setTimeout(() => {
          if (kind === 'approve') submitRef.current?.querySelector('button')?.focus();
          else form.setFocus('reasonCode');
        }, 0);
      },
    }),
    [form],
  );

  const onSubmit = (values: DecisionValues) => {
    const body = decisionRequest(values, hasConflicts);
    const json = stableJson(body);
    const retryable =
      attempt.current?.body === json &&
      (!isApiError(mutation.error) ||
        mutation.error.status === 0 ||
        mutation.error.status >= 500 ||
        mutation.error.status === 429);
    const key = retryable && attempt.current ? attempt.current.key : crypto.randomUUID();
    attempt.current = { key, body: json };
    mutation.mutate(
      { id: applicationId, key, body },
      {
        onSuccess: (result) => {
          attempt.current = null;
          onDecided(result, body.decision);
        },
        onError: (error) => {
          if (isLostLease(error)) onLeaseLost(error);
        },
      },
    );
  };

  const kindOf = decision === 'reject' ? 'reject' : 'return';
  const reasonOptions = reasons
    .filter((r) => r.kind === kindOf)
    .map((r) => ({ value: r.code, label: localized(r.title, i18n.language) }));
  const message = (code: string) => t(fieldErrorKeys(code, `decide.error.${code}`));
  const serverError = isLostLease(mutation.error) ? undefined : mutation.error;

  return (
    <Form<DecisionValues>
      form={form}
      onSubmit={onSubmit}
      pending={mutation.isPending}
      serverError={serverError}
      // `fields.2` (one unknown field of a return) goes on the field picker.
      serverFieldName={(key) =>
        (['decision', 'reasonCode', 'fields', 'note', 'override'] as const).find(
          (f) => f === key.split('.')[0],
        )
      }
      className="hx-decision"
      aria-label={t('decide.title')}
    >
      <FormField<DecisionValues, 'decision'>
        name="decision"
        label={t('decide.decision')}
        errorMessage={message}
        rules={{ validate: (v) => (v ? true : 'DECISION_REQUIRED') }}
      >
        {({ field, inputProps, labelId }) => (
          <Radio.Group
            id={inputProps.id}
            aria-labelledby={labelId}
            aria-invalid={inputProps['aria-invalid']}
            aria-describedby={inputProps['aria-describedby']}
            value={field.value}
            onChange={(e) => {
              field.onChange(e.target.value);
              form.clearErrors();
            }}
            optionType="button"
            buttonStyle="solid"
            disabled={disabled}
            data-testid="decision-choice"
          >
            <Radio.Button value="approve" aria-keyshortcuts="A">
              <CheckOutlined aria-hidden /> {t('decision.approve')} <kbd>A</kbd>
            </Radio.Button>
            <Radio.Button value="return" aria-keyshortcuts="R">
              <RollbackOutlined aria-hidden /> {t('decision.return')} <kbd>R</kbd>
            </Radio.Button>
            <Radio.Button value="reject" aria-keyshortcuts="X">
              <CloseOutlined aria-hidden /> {t('decision.reject')} <kbd>X</kbd>
            </Radio.Button>
          </Radio.Group>
        )}
      </FormField>

      {decision === 'reject' || decision === 'return' ? (
        <FormField<DecisionValues, 'reasonCode'>
          name="reasonCode"
          label={t('decide.reason')}
          errorMessage={message}
          rules={{ validate: (v) => (v ? true : 'REASON_REQUIRED') }}
        >
          {({ field, inputProps }) => (
            <Select
              {...inputProps}
              ref={(select) => field.ref(select ? focusById(inputProps.id) : null)}
              value={field.value || null}
              onChange={(v: string) => field.onChange(v)}
              onBlur={field.onBlur}
              options={reasonOptions}
              placeholder={t('decide.reasonPlaceholder')}
              disabled={disabled}
              data-testid="reason-select"
            />
          )}
        </FormField>
      ) : null}

      {decision === 'return' ? (
        <FormField<DecisionValues, 'fields'>
          name="fields"
          label={t('decide.fields')}
          help={t('decide.fieldsHelp')}
          errorMessage={message}
          rules={{ validate: (v) => (v.length > 0 ? true : 'FIELDS_REQUIRED') }}
        >
          {({ field, inputProps }) => (
            <Select
              {...inputProps}
              ref={(select) => field.ref(select ? focusById(inputProps.id) : null)}
              mode="multiple"
              value={field.value}
              onChange={(v: string[]) => field.onChange(v)}
              onBlur={field.onBlur}
              options={fieldOptions.map((o) => ({ value: o.value, label: o.label }))}
              optionFilterProp="label"
              placeholder={t('decide.fieldsPlaceholder')}
              disabled={disabled}
              data-testid="fields-select"
            />
          )}
        </FormField>
      ) : null}

      {decision === 'approve' && hasConflicts ? (
        <FormField<DecisionValues, 'override'>
          name="override"
          label={t('decide.overrideLabel')}
          errorMessage={message}
          rules={{ validate: (v) => (v ? true : 'OVERRIDE_REQUIRED') }}
        >
          {({ field, inputProps }) => (
            <Checkbox
              id={inputProps.id}
              aria-invalid={inputProps['aria-invalid']}
              aria-describedby={inputProps['aria-describedby']}
              checked={field.value}
              onChange={(e) => field.onChange(e.target.checked)}
              disabled={disabled}
            >
              {t('decide.override')}
            </Checkbox>
          )}
        </FormField>
      ) : null}

      <FormField<DecisionValues, 'note'>
        name="note"
        label={t('decide.note')}
        errorMessage={message}
        rules={{
          validate: (v, all) =>
            all.decision === 'approve' && hasConflicts && all.override && !v.trim() ? 'NOTE_REQUIRED' : true,
        }}
      >
        {({ textInputProps }) => (
          <Input.TextArea {...textInputProps} rows={2} maxLength={1000} disabled={disabled} />
        )}
      </FormField>

      {decision === 'approve' && hasConflicts && override ? (
        <Alert type="warning" showIcon title={t('decide.secondApprovalNote')} />
      ) : null}
      <FormAlert />
      <div ref={submitRef} className="hx-decision__send">
        <SubmitButton
          icon={<SendOutlined aria-hidden />}
          disabled={disabled || !decision}
          data-testid="decide-submit"
        >
          {decision ? t(`decide.send.${decision}`) : t('decide.choose')}
        </SubmitButton>
      </div>
    </Form>
  );
}
