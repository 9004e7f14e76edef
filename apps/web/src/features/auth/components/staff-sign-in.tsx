import { useState } from 'react';
import { Button, Input } from 'antd';
import { KeyOutlined, LockOutlined, UserOutlined } from '@ant-design/icons';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Form, FormAlert, FormField, SubmitButton } from '@/components/ui/form';
import { isApiError } from '@/lib/api-client';
import type { PublicUser } from '@huanxin/shared';
import { enrolmentTokenOf, useLogin } from '../api/login';
import { useSetupTotp } from '../api/totp-enrolment';
import { TotpCodeInput, totpRule } from './totp-code-input';
import { TotpEnrolment } from './totp-enrolment';

interface StaffValues {
  username: string;
  password: string;
  totp: string;
}

const required = (value: string) => (value.trim() === '' ? 'REQUIRED' : true);

/**
 * Staff and dealer sign-in: username and password; then a TOTP step when the server answers MFA_REQUIRED,
 * or the authenticator enrolment when it answers MFA_ENROLMENT_REQUIRED. The password stays in the form
 * state only (the TOTP step re-sends it with the code, as the API expects).
 */
export function StaffSignIn({ onSignedIn }: { onSignedIn?: (user: PublicUser) => void }) {
  const { t } = useTranslation('auth');
  const [step, setStep] = useState<'password' | 'totp' | 'enrol'>('password');
  const [error, setError] = useState<unknown>(null);
  const [enrolmentToken, setEnrolmentToken] = useState<string | null>(null);
  const login = useLogin();
  const setup = useSetupTotp();
  const form = useForm<StaffValues>({
    mode: 'onTouched',
    defaultValues: { username: '', password: '', totp: '' },
  });

  const restart = (reason: unknown) => {
    setup.reset();
    setEnrolmentToken(null);
    form.setValue('totp', '');
    setStep('password');
    setError(reason);
  };

  const onSubmit = async ({ username, password, totp }: StaffValues) => {
    setError(null);
    try {
      const user = await login.mutateAsync({
        username: username.trim(),
        password,
        ...(step === 'totp' ? { totp } : {}),
      });
      onSignedIn?.(user);
    } catch (caught) {
      const token = enrolmentTokenOf(caught);
      if (token) {
        setEnrolmentToken(token);
        setStep('enrol');
        setup.mutate({ enrolmentToken: token });
        return;
      }
      if (step === 'password' && isApiError(caught) && caught.code === 'MFA_REQUIRED') {
        form.setValue('totp', '');
        setStep('totp');
        return;
      }
      setError(caught);
    }
  };

  if (step === 'enrol' && enrolmentToken) {
    return (
      <TotpEnrolment
        enrolmentToken={enrolmentToken}
        setup={setup}
        onRetrySetup={() => setup.mutate({ enrolmentToken })}
        onSignedIn={onSignedIn}
        onRestart={restart}
      />
    );
  }

  return (
    <Form
      form={form}
      onSubmit={onSubmit}
      pending={login.isPending}
      serverError={error}
      serverCodeField={{ MFA_INVALID: 'totp', MFA_REQUIRED: 'totp' }}
      aria-label={t(step === 'totp' ? 'staff.totpStep' : 'staff.passwordStep')}
      className="hx-sign-in__form"
    >
      {step === 'password' ? (
        <>
          <FormField<StaffValues, 'username'>
            name="username"
            label={t('staff.username')}
            rules={{ validate: required }}
          >
            {({ textInputProps }) => (
              <Input
                {...textInputProps}
                autoComplete="username"
                autoCapitalize="none"
                spellCheck={false}
                size="large"
                prefix={<UserOutlined aria-hidden />}
              />
            )}
          </FormField>
          <FormField<StaffValues, 'password'>
            name="password"
            label={t('staff.password')}
            rules={{ validate: required }}
          >
            {({ textInputProps }) => (
              <Input.Password
                {...textInputProps}
                autoComplete="current-password"
                size="large"
                prefix={<LockOutlined aria-hidden />}
              />
            )}
          </FormField>
        </>
      ) : (
        <>
          <p className="hx-sign-in__sent">
            {t('staff.totpIntro', { username: form.getValues('username').trim() })}
          </p>
          <FormField<StaffValues, 'totp'>
            name="totp"
            label={t('staff.totp')}
            help={t('staff.totpHelp')}
            rules={{ validate: totpRule }}
          >
            {(props) => <TotpCodeInput {...props} />}
          </FormField>
        </>
      )}
      <FormAlert />
      <SubmitButton size="large" block icon={step === 'totp' ? <KeyOutlined aria-hidden /> : undefined}>
        {t(step === 'totp' ? 'staff.verify' : 'staff.signIn')}
      </SubmitButton>
      {step === 'totp' ? (
        <Button type="link" className="hx-sign-in__back" onClick={() => restart(null)}>
          {t('staff.back')}
        </Button>
      ) : null}
    </Form>
  );
}
