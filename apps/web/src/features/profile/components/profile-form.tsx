import { useState } from 'react';
import { Button, Checkbox, Input } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import {
  PRIVACY_CONSENT_VERSION,
  ZHANGQIU_STREETS,
  ZHANGQIU_STREET_CODES,
  validateBankCard,
  validateResidentId,
} from '@huanxin/shared';
import { useForm, useWatch, type FieldPath } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import {
  fieldErrorKeys,
  Form,
  FormAlert,
  FormField,
  FormSection,
  SubmitButton,
  type ErrorMessageFor,
} from '@/components/ui/form';
import { NativeSelect } from '@/components/ui/native-select';
import { isApiError } from '@/lib/api-client';
import { localized } from '@/lib/i18n';
import type { MaskedProfile } from '../api/get-profile';
import { useSaveProfile } from '../api/save-profile';
import { sendPayoutCode } from '../api/send-payout-code';

export interface ProfileFormValues {
  name: string;
  idNumber: string;
  street: string;
  address: string;
  bankName: string;
  bankAccount: string;
  consent: boolean;
  otpCode: string;
}

const PROFILE_FIELDS: ReadonlyArray<FieldPath<ProfileFormValues>> = [
  'name',
  'idNumber',
  'street',
  'address',
  'bankName',
  'bankAccount',
  'consent',
  'otpCode',
];

const text =
  (min: number, max: number) =>
  (value: string): true | string => {
    const length = Array.from(value.trim()).length;
    if (length === 0) return 'REQUIRED';
    if (length < min) return 'TOO_SHORT';
    return length > max ? 'TOO_LONG' : true;
  };

/** Rules shared with the API's DTO (same lengths, same identifier validators). */
export const profileRules = {
  name: text(2, 40),
  address: text(2, 200),
  bankName: text(2, 60),
  idNumber: (value: string): true | string => {
    const checked = validateResidentId(value);
    return checked.ok || (checked.errors[0] ?? 'INVALID_FORMAT');
  },
  bankAccount: (value: string): true | string => {
    const checked = validateBankCard(value);
    return checked.ok || (checked.errors[0] ?? 'INVALID_FORMAT');
  },
  street: (value: string): true | string =>
    value === '' ? 'REQUIRED' : ZHANGQIU_STREET_CODES.includes(value) || 'NOT_IN_OPTIONS',
  consent: (value: boolean): true | string => value === true || 'CONSENT_REQUIRED',
};

const blank: ProfileFormValues = {
  name: '',
  idNumber: '',
  street: '',
  address: '',
  bankName: '',
  bankAccount: '',
  consent: false,
  otpCode: '',
};

/**
 * Whether the typed payout details differ from the saved (masked) ones. The form sees only the
 * masks, so a change that keeps the visible digits is caught by the server (422 on otpCode), which
 * then shows the code block too.
 */
function payoutChanged(current: MaskedProfile, idNumber: string, bankAccount: string): boolean {
  const card = validateBankCard(bankAccount);
  const id = validateResidentId(idNumber);
  const cardChanged = card.ok && !current.bankAccountMasked.endsWith(card.value.slice(-4));
  const idChanged =
    id.ok &&
    !(
      current.idNumberMasked.startsWith(id.value.slice(0, 4)) &&
      current.idNumberMasked.endsWith(id.value.slice(-4))
    );
  return cardChanged || idChanged;
}

/**
 * The real-name form. Full ID and card numbers exist only in this form's state and the PUT request: the
 * form is cleared after a save, and the mutation leaves the cache at once (no web storage, ever).
 * The separate consent (PIPL Art. 29) is its own block, unticked, with its version shown.
 */
export function ProfileForm({
  current,
  onSaved,
  onCancel,
}: {
  /** The saved (masked) profile, when editing: street and bank name come back unmasked and are prefilled. */
  current?: MaskedProfile | null;
  onSaved?: (profile: MaskedProfile) => void;
  onCancel?: () => void;
}) {
  const { t, i18n } = useTranslation('profile');
  const save = useSaveProfile();
  const [serverError, setServerError] = useState<unknown>(null);
  const [challengeId, setChallengeId] = useState<string | null>(null);
  const [codeAsked, setCodeAsked] = useState(false);
  const [sending, setSending] = useState(false);
  const [sendError, setSendError] = useState<unknown>(null);
  const form = useForm<ProfileFormValues>({
    mode: 'onChange',
    defaultValues: { ...blank, street: current?.street ?? '', bankName: current?.bankName ?? '' },
  });
  const [idNumber, bankAccount] = useWatch({ control: form.control, name: ['idNumber', 'bankAccount'] });
  const needsCode = Boolean(current) && (codeAsked || payoutChanged(current!, idNumber, bankAccount));
  const sendCode = async () => {
    setSending(true);
    setSendError(null);
    try {
      setChallengeId((await sendPayoutCode()).challengeId);
    } catch (error) {
      setSendError(error);
    } finally {
      setSending(false);
    }
  };
  const idWarning = idNumber ? validateResidentId(idNumber).warnings[0] : undefined;
  const cardWarning =
    bankAccount && validateBankCard(bankAccount).ok ? validateBankCard(bankAccount).warnings[0] : undefined;

  const fieldMessage =
    (field: string): ErrorMessageFor =>
    (code) =>
      t(fieldErrorKeys(code, `profile:errors.${field}.${code}`));

  const onSubmit = async (values: ProfileFormValues) => {
    setServerError(null);
    try {
      const saved = await save.mutateAsync({
        name: values.name.trim(),
        idNumber: validateResidentId(values.idNumber).value,
        street: values.street,
        address: values.address.trim(),
        bankName: values.bankName.trim(),
        bankAccount: validateBankCard(values.bankAccount).value,
        consent: true,
        ...(needsCode && challengeId ? { otpChallengeId: challengeId, otpCode: values.otpCode.trim() } : {}),
      });
      setChallengeId(null);
      setCodeAsked(false);
      form.reset(blank);
      onSaved?.(saved);
    } catch (error) {
      if (isApiError(error) && error.fields.otpCode) setCodeAsked(true);
      setServerError(error);
    } finally {
      save.reset();
    }
  };

  const streetOptions = ZHANGQIU_STREETS.map((s) => ({ value: s.code, label: localized(s, i18n.language) }));

  return (
    <Form
      form={form}
      onSubmit={onSubmit}
      pending={save.isPending}
      serverError={serverError}
      serverFieldName={(key) => PROFILE_FIELDS.find((f) => f === key)}
      aria-labelledby="profile-form-title"
      className="hx-profile-form"
    >
      <h2 id="profile-form-title" className="hx-section__title">
        {t('form.title')}
      </h2>
      <p className="hx-note">{t('form.intro')}</p>
      <FormSection title={t('form.identity')}>
        <FormField<ProfileFormValues, 'name'>
          name="name"
          label={t('fields.name')}
          rules={{ validate: profileRules.name }}
          errorMessage={fieldMessage('name')}
        >
          {({ textInputProps }) => <Input {...textInputProps} autoComplete="name" maxLength={40} />}
        </FormField>
        <FormField<ProfileFormValues, 'idNumber'>
          name="idNumber"
          label={t('fields.idNumber')}
          help={t('help.idNumber')}
          rules={{ validate: profileRules.idNumber }}
          errorMessage={fieldMessage('idNumber')}
          warning={
            idWarning
              ? t(`warnings.idNumber.${idWarning}`, { defaultValue: t('warnings.generic') })
              : undefined
          }
        >
          {({ textInputProps }) => (
            <Input
              {...textInputProps}
              autoComplete="off"
              autoCapitalize="characters"
              spellCheck={false}
              maxLength={22}
            />
          )}
        </FormField>
      </FormSection>
      <FormSection title={t('form.address')}>
        <FormField<ProfileFormValues, 'street'>
          name="street"
          label={t('fields.street')}
          rules={{ validate: profileRules.street }}
          errorMessage={fieldMessage('street')}
        >
          {({ field, inputProps }) => (
            <NativeSelect
              field={field}
              inputProps={inputProps}
              placeholder={t('placeholder.street')}
              options={streetOptions}
            />
          )}
        </FormField>
        <FormField<ProfileFormValues, 'address'>
          name="address"
          label={t('fields.address')}
          help={t('help.address')}
          rules={{ validate: profileRules.address }}
          errorMessage={fieldMessage('address')}
        >
          {({ textInputProps }) => (
            <Input {...textInputProps} autoComplete="street-address" maxLength={200} />
          )}
        </FormField>
      </FormSection>
      <FormSection title={t('form.bank')} description={t('form.bankIntro')}>
        <FormField<ProfileFormValues, 'bankName'>
          name="bankName"
          label={t('fields.bankName')}
          rules={{ validate: profileRules.bankName }}
          errorMessage={fieldMessage('bankName')}
        >
          {({ textInputProps }) => (
            <Input
              {...textInputProps}
              autoComplete="off"
              maxLength={60}
              placeholder={t('placeholder.bankName')}
            />
          )}
        </FormField>
        <FormField<ProfileFormValues, 'bankAccount'>
          name="bankAccount"
          label={t('fields.bankAccount')}
          rules={{ validate: profileRules.bankAccount }}
          errorMessage={fieldMessage('bankAccount')}
          warning={
            cardWarning
              ? t(`warnings.bankAccount.${cardWarning}`, { defaultValue: t('warnings.generic') })
              : undefined
          }
        >
          {({ textInputProps }) => (
            <Input {...textInputProps} inputMode="numeric" autoComplete="off" maxLength={24} />
          )}
        </FormField>
      </FormSection>

      {needsCode ? (
        <FormSection title={t('payoutCode.title')} description={t('payoutCode.intro')}>
          <div className="hx-form-actions">
            <Button onClick={() => void sendCode()} loading={sending} data-testid="send-payout-code">
              {challengeId ? t('payoutCode.resend') : t('payoutCode.send')}
            </Button>
            {challengeId ? <span className="hx-note">{t('payoutCode.sent')}</span> : null}
            {sendError ? (
              <span className="hx-note" role="alert">
                {t([
                  `errors:${isApiError(sendError) ? sendError.code : 'INTERNAL_ERROR'}`,
                  'errors:INTERNAL_ERROR',
                ])}
              </span>
            ) : null}
          </div>
          <FormField<ProfileFormValues, 'otpCode'>
            name="otpCode"
            label={t('payoutCode.label')}
            rules={{
              validate: (value: string) =>
                !needsCode || /^\d{6}$/.test(value.trim()) || (value.trim() ? 'INVALID_FORMAT' : 'REQUIRED'),
            }}
            errorMessage={fieldMessage('otpCode')}
          >
            {({ textInputProps }) => (
              <Input {...textInputProps} inputMode="numeric" autoComplete="one-time-code" maxLength={6} />
            )}
          </FormField>
        </FormSection>
      ) : null}

      <section className="hx-consent" aria-labelledby="consent-title" data-testid="consent-block">
        <h3 id="consent-title" className="hx-consent__title">
          <SafetyCertificateOutlined aria-hidden /> {t('consent.title')}
        </h3>
        <div className="hx-consent__body">
          <p>{t('consent.why')}</p>
          <p>{t('consent.protection')}</p>
          <p>{t('consent.scope')}</p>
          <p>{t('consent.rights')}</p>
        </div>
        <p className="hx-consent__version">{t('consent.version', { version: PRIVACY_CONSENT_VERSION })}</p>
        <FormField<ProfileFormValues, 'consent'>
          name="consent"
          label={t('consent.label')}
          rules={{ validate: profileRules.consent }}
        >
          {({ field, inputProps }) => (
            <Checkbox
              {...inputProps}
              ref={field.ref}
              name={field.name}
              checked={field.value}
              onBlur={field.onBlur}
              onChange={(e) => field.onChange(e.target.checked)}
              className="hx-consent__check"
            >
              {t('consent.agree')}
            </Checkbox>
          )}
        </FormField>
      </section>

      <FormAlert />
      <div className="hx-form-actions">
        <SubmitButton size="large">{t('form.save')}</SubmitButton>
        {onCancel ? (
          <Button size="large" onClick={onCancel}>
            {t('form.cancel')}
          </Button>
        ) : null}
      </div>
    </Form>
  );
}
