import { useState } from 'react';
import { Checkbox, Input, Result } from 'antd';
import { ShopOutlined } from '@ant-design/icons';
import {
  DEALER_COMMITMENT_VERSION,
  ORGANIZATION_KINDS,
  validateCorporateAccount,
  validateMobile,
  validateUscc,
  ZHANGQIU_STREETS,
  type DealerRegistrationResult,
  type OrganizationKind,
} from '@huanxin/shared';
import { useForm, type FieldPath } from 'react-hook-form';
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
import { localized } from '@/lib/i18n';
import { useRegisterDealer } from '../api/register';
import { registrationFieldOf, registrationRules } from '../lib/rules';

export interface RegistrationValues {
  name: string;
  uscc: string;
  kinds: OrganizationKind[];
  programs: string[];
  street: string;
  contactName: string;
  contactPhone: string;
  payoutBankName: string;
  payoutAccountNo: string;
  username: string;
  password: string;
  consent: boolean;
}

const blank: RegistrationValues = {
  name: '',
  uscc: '',
  kinds: [],
  programs: [],
  street: '',
  contactName: '',
  contactPhone: '',
  payoutBankName: '',
  payoutAccountNo: '',
  username: '',
  password: '',
  consent: false,
};

export interface ProgramChoice {
  code: string;
  title: string;
}

/**
 * The public registration of a dealer organisation (phone-friendly: one column, native inputs). The
 * credit code, phone and account are checked with the shared validators as they are typed; the
 * server's `fields` (e.g. `organization.uscc: USCC_IN_USE`) land on the matching input.
 */
export function RegistrationForm({
  programs,
  onRegistered,
}: {
  programs: ProgramChoice[];
  onRegistered?: (result: DealerRegistrationResult) => void;
}) {
  const { t, i18n } = useTranslation('dealer');
  const register = useRegisterDealer();
  const [serverError, setServerError] = useState<unknown>(null);
  const [done, setDone] = useState<DealerRegistrationResult | null>(null);
  const form = useForm<RegistrationValues>({ mode: 'onChange', defaultValues: blank });
  const message =
    (field: string): ErrorMessageFor =>
    (code) =>
      t(fieldErrorKeys(code, `dealer:errors.${field}.${code}`));

  const onSubmit = async (values: RegistrationValues) => {
    setServerError(null);
    try {
      const result = await register.mutateAsync({
        organization: {
          name: values.name.trim(),
          uscc: validateUscc(values.uscc).value,
          kinds: values.kinds,
          programs: values.programs,
          street: values.street,
          contactName: values.contactName.trim(),
          contactPhone: validateMobile(values.contactPhone).value,
          payoutBankName: values.payoutBankName.trim(),
          payoutAccountNo: validateCorporateAccount(values.payoutAccountNo).value,
        },
        username: values.username,
        password: values.password,
        consent: true,
      });
      form.reset(blank);
      setDone(result);
      onRegistered?.(result);
    } catch (error) {
      setServerError(error);
    } finally {
      register.reset();
    }
  };

  if (done)
    return (
      <Result
        status="success"
        icon={<ShopOutlined aria-hidden />}
        title={t('register.doneTitle')}
        subTitle={t('register.doneText')}
        data-testid="registration-done"
      />
    );

  const text = (name: FieldPath<RegistrationValues>, max: number, extra: Record<string, unknown> = {}) => (
    <FormField<RegistrationValues, typeof name>
      name={name}
      label={t(`fields.${name}`)}
      rules={{ validate: registrationRules[name as keyof typeof registrationRules] as never }}
      errorMessage={message(name)}
      {...(i18n.exists(`dealer:help.${name}`) ? { help: t(`help.${name}`) } : {})}
    >
      {({ textInputProps }) => <Input {...textInputProps} maxLength={max} {...extra} />}
    </FormField>
  );

  return (
    <Form
      form={form}
      onSubmit={onSubmit}
      pending={register.isPending}
      serverError={serverError}
      serverFieldName={(key) => registrationFieldOf(key) as FieldPath<RegistrationValues> | undefined}
      aria-labelledby="dealer-register-title"
      className="hx-profile-form"
    >
      <h2 id="dealer-register-title" className="hx-section__title">
        {t('register.title')}
      </h2>
      <p className="hx-note">{t('register.intro')}</p>
      <FormSection title={t('register.organization')}>
        {text('name', 100, { autoComplete: 'organization' })}
        {text('uscc', 22, { autoCapitalize: 'characters', spellCheck: false, autoComplete: 'off' })}
        <FormField<RegistrationValues, 'kinds'>
          name="kinds"
          label={t('fields.kinds')}
          rules={{ validate: registrationRules.kinds }}
          errorMessage={message('kinds')}
        >
          {({ field, inputProps }) => (
            <Checkbox.Group
              {...inputProps}
              value={field.value}
              onChange={(value) => field.onChange(value)}
              options={ORGANIZATION_KINDS.map((kind) => ({ value: kind, label: t(`kinds.${kind}`) }))}
            />
          )}
        </FormField>
        <FormField<RegistrationValues, 'programs'>
          name="programs"
          label={t('fields.programs')}
          rules={{ validate: registrationRules.programs }}
          errorMessage={message('programs')}
        >
          {({ field, inputProps }) => (
            <Checkbox.Group
              {...inputProps}
              className="hx-checkbox-column"
              value={field.value}
              onChange={(value) => field.onChange(value)}
              options={programs.map((p) => ({ value: p.code, label: p.title }))}
            />
          )}
        </FormField>
        <FormField<RegistrationValues, 'street'>
          name="street"
          label={t('fields.street')}
          rules={{ validate: registrationRules.street }}
          errorMessage={message('street')}
        >
          {({ field, inputProps }) => (
            <NativeSelect
              field={field}
              inputProps={inputProps}
              placeholder={t('placeholder.street')}
              options={ZHANGQIU_STREETS.map((s) => ({ value: s.code, label: localized(s, i18n.language) }))}
            />
          )}
        </FormField>
      </FormSection>
      <FormSection title={t('register.contact')}>
        {text('contactName', 40, { autoComplete: 'name' })}
        {text('contactPhone', 16, { inputMode: 'tel', autoComplete: 'tel' })}
      </FormSection>
      <FormSection title={t('register.payout')} description={t('register.payoutIntro')}>
        {text('payoutBankName', 60)}
        {text('payoutAccountNo', 40, { inputMode: 'numeric', autoComplete: 'off' })}
      </FormSection>
      <FormSection title={t('register.account')} description={t('register.accountIntro')}>
        {text('username', 32, { autoComplete: 'username', autoCapitalize: 'none', spellCheck: false })}
        <FormField<RegistrationValues, 'password'>
          name="password"
          label={t('fields.password')}
          help={t('help.password')}
          rules={{ validate: registrationRules.password }}
          errorMessage={message('password')}
        >
          {({ textInputProps }) => (
            <Input.Password {...textInputProps} autoComplete="new-password" maxLength={128} />
          )}
        </FormField>
      </FormSection>
      <FormSection title={t('register.commitment')}>
        <p className="hx-note">{t('register.commitmentText', { version: DEALER_COMMITMENT_VERSION })}</p>
        <FormField<RegistrationValues, 'consent'>
          name="consent"
          label={t('fields.consentLabel')}
          rules={{ validate: registrationRules.consent }}
          errorMessage={message('consent')}
        >
          {({ field, inputProps }) => (
            <Checkbox
              {...inputProps}
              checked={field.value}
              onChange={(e) => field.onChange(e.target.checked)}
            >
              {t('fields.consent')}
            </Checkbox>
          )}
        </FormField>
      </FormSection>
      <FormAlert />
      <div className="hx-form-actions">
        <SubmitButton data-testid="dealer-register-submit">{t('register.submit')}</SubmitButton>
      </div>
    </Form>
  );
}
