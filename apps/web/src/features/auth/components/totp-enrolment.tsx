import { Button, Typography } from 'antd';
import type { UseMutationResult } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Form, FormAlert, FormField, SubmitButton } from '@/components/ui/form';
import { ErrorState, LoadingState } from '@/components/ui/query-state';
import { isApiError } from '@/lib/api-client';
import type { PublicUser, TotpEnrolment as Enrolment } from '@huanxin/shared';
import { useConfirmTotp } from '../api/totp-enrolment';
import { TotpCodeInput, totpRule } from './totp-code-input';

/** `ABCD EFGH …`: easier to type into an authenticator app by hand. */
export function groupSecret(secret: string): string {
  return secret.replace(/(.{4})(?=.)/g, '$1 ');
}

/**
 * First sign-in of a staff account that must use TOTP: scan the QR code (or type the secret), then confirm
 * with the first code. An expired enrolment goes back to the password step.
 */
export function TotpEnrolment({
  enrolmentToken,
  setup,
  onRetrySetup,
  onSignedIn,
  onRestart,
}: {
  enrolmentToken: string;
  setup: UseMutationResult<Enrolment, Error, { enrolmentToken: string }>;
  onRetrySetup: () => void;
  onSignedIn?: ((user: PublicUser) => void) | undefined;
  onRestart: (reason: unknown) => void;
}) {
  const { t } = useTranslation('auth');
  const confirm = useConfirmTotp();
  const [error, setError] = useState<unknown>(null);
  const form = useForm<{ totp: string }>({ mode: 'onTouched', defaultValues: { totp: '' } });

  if (setup.isPending || setup.isIdle) return <LoadingState label={t('staff.enrol.preparing')} />;
  if (setup.isError) {
    if (isApiError(setup.error) && setup.error.code === 'MFA_ENROLMENT_EXPIRED') {
      return (
        <div className="hx-sign-in__step">
          <ErrorState error={setup.error} title={t('staff.enrol.title')} />
          <Button type="primary" onClick={() => onRestart(setup.error)}>
            {t('staff.back')}
          </Button>
        </div>
      );
    }
    return <ErrorState error={setup.error} title={t('staff.enrol.title')} onRetry={onRetrySetup} />;
  }
  const { secret, qrDataUrl } = setup.data;

  const onSubmit = async ({ totp }: { totp: string }) => {
    setError(null);
    try {
      const user = await confirm.mutateAsync({ enrolmentToken, totp });
      setup.reset(); // the secret is not kept once the app holds it
      onSignedIn?.(user);
    } catch (caught) {
      if (isApiError(caught) && caught.code === 'MFA_ENROLMENT_EXPIRED') onRestart(caught);
      else setError(caught);
    }
  };

  return (
    <section className="hx-enrol" aria-labelledby="enrol-title">
      <h2 id="enrol-title" className="hx-enrol__title">
        {t('staff.enrol.title')}
      </h2>
      <p className="hx-enrol__intro">{t('staff.enrol.intro')}</p>
      <ol className="hx-enrol__steps">
        <li>{t('staff.enrol.stepApp')}</li>
        <li>
          {t('staff.enrol.stepScan')}
          <div className="hx-enrol__qr">
            <img src={qrDataUrl} alt={t('staff.enrol.qrAlt')} width={200} height={200} />
          </div>
          <p className="hx-enrol__manual">{t('staff.enrol.manual')}</p>
          <Typography.Text
            code
            copyable={{ text: secret }}
            className="hx-enrol__secret"
            data-testid="totp-secret"
          >
            {groupSecret(secret)}
          </Typography.Text>
        </li>
        <li>{t('staff.enrol.stepConfirm')}</li>
      </ol>
      <Form
        form={form}
        onSubmit={onSubmit}
        pending={confirm.isPending}
        serverError={error}
        serverCodeField={{ MFA_INVALID: 'totp' }}
        aria-label={t('staff.enrol.title')}
        className="hx-sign-in__form"
      >
        <FormField<{ totp: string }, 'totp'>
          name="totp"
          label={t('staff.totp')}
          rules={{ validate: totpRule }}
        >
          {(props) => <TotpCodeInput {...props} />}
        </FormField>
        <FormAlert />
        <SubmitButton size="large" block>
          {t('staff.enrol.confirm')}
        </SubmitButton>
      </Form>
      <Button type="link" className="hx-sign-in__back" onClick={() => onRestart(null)}>
        {t('staff.back')}
      </Button>
    </section>
  );
}
