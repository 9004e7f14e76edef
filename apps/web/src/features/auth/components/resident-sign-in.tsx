import { useState } from 'react';
import { Alert, Button, Input } from 'antd';
import { LoadingOutlined, MobileOutlined, SafetyOutlined } from '@ant-design/icons';
import { maskPhone, validateMobile } from '@huanxin/shared';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { fieldErrorKeys, Form, FormAlert, FormField, SubmitButton } from '@/components/ui/form';
import { isApiError } from '@/lib/api-client';
import { errorMessage } from '@/lib/error-message';
import type { PublicUser } from '@huanxin/shared';
import { useSendOtp } from '../api/send-otp';
import { useVerifyOtp } from '../api/verify-otp';
import { useCountdown } from '../hooks/use-countdown';

/** Seconds before another code may be requested for the same phone (the API allows 1 a minute). */
export const RESEND_SECONDS = 60;

interface PhoneValues {
  phone: string;
}
interface CodeValues {
  code: string;
}

function phoneRule(value: string): true | string {
  const checked = validateMobile(value);
  return checked.ok || (checked.errors[0] ?? 'INVALID_FORMAT');
}

function codeRule(value: string): true | string {
  if (value === '') return 'REQUIRED';
  return /^\d{6}$/.test(value) ? true : 'OTP_FORMAT';
}

/**
 * Resident sign-in by SMS code: phone → code. The resend button counts down 60 s after each code, or the
 * `Retry-After` of a 429; errors land on the input they are about.
 */
export function ResidentSignIn({ onSignedIn }: { onSignedIn?: (user: PublicUser) => void }) {
  const { t } = useTranslation('auth');
  const [step, setStep] = useState<'phone' | 'code'>('phone');
  const [challenge, setChallenge] = useState<{ challengeId: string; phone: string } | null>(null);
  const [sendError, setSendError] = useState<unknown>(null);
  const [verifyError, setVerifyError] = useState<unknown>(null);
  /** The phone the countdown applies to (the limits are per phone). */
  const [cooldownPhone, setCooldownPhone] = useState<string | null>(null);
  const countdown = useCountdown();
  const send = useSendOtp();
  const verify = useVerifyOtp();

  const phoneForm = useForm<PhoneValues>({ mode: 'onTouched', defaultValues: { phone: '' } });
  const codeForm = useForm<CodeValues>({ mode: 'onTouched', defaultValues: { code: '' } });
  const typedPhone = validateMobile(useWatch({ control: phoneForm.control, name: 'phone' }) ?? '').value;
  const waitFor = (phone: string) => (cooldownPhone === phone ? countdown.remaining : 0);

  const requestCode = async (phone: string) => {
    setSendError(null);
    setVerifyError(null);
    try {
      const sent = await send.mutateAsync({ phone });
      setChallenge({ challengeId: sent.challengeId, phone });
      setCooldownPhone(phone);
      countdown.start(RESEND_SECONDS);
      codeForm.reset({ code: '' });
      setStep('code');
    } catch (error) {
      setSendError(error);
      if (isApiError(error) && error.retryAfter !== undefined) {
        setCooldownPhone(phone);
        countdown.start(error.retryAfter);
      }
    }
  };

  const rateLimitText = (error: unknown, phone: string): string | undefined => {
    const wait = waitFor(phone);
    if (isApiError(error) && (error.status === 429 || error.status === 503) && wait > 0) {
      return t(error.status === 429 ? 'resident.rateLimited' : 'resident.smsUnavailable', { count: wait });
    }
    return undefined;
  };

  if (step === 'code' && challenge) {
    const wait = waitFor(challenge.phone);
    const onVerify = async ({ code }: CodeValues) => {
      setVerifyError(null);
      try {
        const user = await verify.mutateAsync({ challengeId: challenge.challengeId, code });
        onSignedIn?.(user);
      } catch (error) {
        setVerifyError(error);
      }
    };
    const challengeDead =
      isApiError(verifyError) &&
      (verifyError.code === 'OTP_EXPIRED' || verifyError.code === 'OTP_TOO_MANY_ATTEMPTS');
    return (
      <div className="hx-sign-in__step">
        <p className="hx-sign-in__sent" role="status">
          {t('resident.sentTo', { phone: maskPhone(challenge.phone) })}
        </p>
        <Form
          form={codeForm}
          onSubmit={onVerify}
          pending={verify.isPending}
          serverError={verifyError}
          serverCodeField={{ OTP_INVALID: 'code', OTP_EXPIRED: 'code', OTP_TOO_MANY_ATTEMPTS: 'code' }}
          aria-label={t('resident.codeStep')}
          className="hx-sign-in__form"
        >
          <FormField<CodeValues, 'code'>
            name="code"
            label={t('resident.code')}
            help={t('resident.codeHelp')}
            rules={{ validate: codeRule }}
          >
            {({ field, inputProps }) => (
              <Input
                {...inputProps}
                ref={field.ref}
                name={field.name}
                value={field.value}
                onBlur={field.onBlur}
                onChange={(e) => field.onChange(e.target.value.replace(/\D/g, '').slice(0, 6))}
                inputMode="numeric"
                autoComplete="one-time-code"
                pattern="[0-9]*"
                maxLength={6}
                size="large"
                prefix={<SafetyOutlined aria-hidden />}
                className="hx-code-input"
                // A phone's SMS autofill or the resident types: either way, the code field is where they are.
                autoFocus
              />
            )}
          </FormField>
          <FormAlert />
          <SubmitButton size="large" block>
            {t('resident.signIn')}
          </SubmitButton>
        </Form>
        <div className="hx-sign-in__secondary">
          <Button
            type={challengeDead && wait === 0 ? 'primary' : 'default'}
            onClick={() => void requestCode(challenge.phone)}
            disabled={wait > 0 || send.isPending}
            icon={send.isPending ? <LoadingOutlined aria-hidden /> : undefined}
            aria-busy={send.isPending || undefined}
            data-testid="resend"
          >
            {wait > 0 ? t('resident.resendIn', { count: wait }) : t('resident.resend')}
          </Button>
          <Button
            type="link"
            onClick={() => {
              setStep('phone');
              setVerifyError(null);
              setSendError(null);
            }}
          >
            {t('resident.changePhone')}
          </Button>
        </div>
        {sendError ? (
          <Alert
            className="hx-form-alert"
            type="error"
            showIcon
            role="alert"
            title={rateLimitText(sendError, challenge.phone) ?? errorMessage(t, sendError)}
          />
        ) : null}
      </div>
    );
  }

  const wait = waitFor(typedPhone);
  return (
    <Form
      form={phoneForm}
      onSubmit={({ phone }) => requestCode(validateMobile(phone).value)}
      pending={send.isPending}
      serverError={sendError}
      serverCodeField={{ RATE_LIMITED: 'phone' }}
      aria-label={t('resident.phoneStep')}
      className="hx-sign-in__form"
    >
      <FormField<PhoneValues, 'phone'>
        name="phone"
        label={t('resident.phone')}
        help={t('resident.phoneHelp')}
        rules={{ validate: phoneRule }}
        errorMessage={(code) =>
          (code === 'RATE_LIMITED' ? rateLimitText(sendError, typedPhone) : undefined) ??
          t(fieldErrorKeys(code))
        }
      >
        {({ textInputProps }) => (
          <Input
            {...textInputProps}
            type="tel"
            inputMode="tel"
            autoComplete="tel-national"
            maxLength={20}
            size="large"
            prefix={<MobileOutlined aria-hidden />}
          />
        )}
      </FormField>
      <FormAlert message={(error) => rateLimitText(error, typedPhone)} />
      <SubmitButton size="large" block disabled={wait > 0}>
        {wait > 0 ? t('resident.resendIn', { count: wait }) : t('resident.sendCode')}
      </SubmitButton>
    </Form>
  );
}
