import { useEffect } from 'react';
import { Alert } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '@/components/ui/page-title';
import { ResidentSignIn } from '@/features/auth/components/resident-sign-in';
import { StaffSignIn } from '@/features/auth/components/staff-sign-in';
import { safeNext } from '@/features/auth/lib/sign-in-paths';
import { useSession } from '@/features/auth/hooks/use-session';
import { profileQueryOptions } from '@/features/profile/api/get-profile';

function SessionEndedNotice() {
  const { t } = useTranslation('auth');
  const [params] = useSearchParams();
  if (params.get('reason') !== 'expired') return null;
  return (
    <Alert
      className="hx-gap"
      type="warning"
      showIcon
      role="status"
      title={t('expired.title')}
      description={t('expired.description')}
    />
  );
}

/**
 * `/login`: residents sign in with an SMS code. Afterwards: back to `?next=`, or to the profile form when
 * the resident has not saved real-name details yet, otherwise home.
 */
export function ResidentSignInPage() {
  const { t } = useTranslation('auth');
  const { user } = useSession();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'), 'resident');

  useEffect(() => {
    if (user?.role !== 'resident') return undefined;
    let cancelled = false;
    const go = async () => {
      let target = next;
      if (!target) {
        const profile = await queryClient.fetchQuery(profileQueryOptions()).catch(() => null);
        target = profile ? '/' : '/me/profile';
      }
      if (!cancelled) void navigate(target, { replace: true });
    };
    void go();
    return () => {
      cancelled = true;
    };
  }, [user, next, navigate, queryClient]);

  return (
    <div className="hx-page hx-sign-in">
      <PageTitle title={t('resident.title')} />
      <div className="hx-sign-in__card">
        <h1 className="hx-sign-in__title">{t('resident.title')}</h1>
        <p className="hx-sign-in__lead">{t('resident.lead')}</p>
        <SessionEndedNotice />
        <ResidentSignIn />
        <p className="hx-note hx-sign-in__note">{t('resident.note')}</p>
      </div>
    </div>
  );
}

/** `/console/login`: staff and dealers (password, then TOTP where required). Afterwards `?next=` or the console home. */
export function StaffSignInPage() {
  const { t } = useTranslation('auth');
  const { user } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'), 'console');

  useEffect(() => {
    if (!user || user.role === 'resident') return;
    void navigate(next ?? '/console', { replace: true });
  }, [user, next, navigate]);

  return (
    <div className="hx-page hx-sign-in hx-sign-in--console">
      <PageTitle title={t('staff.title')} />
      <div className="hx-sign-in__card">
        <h1 className="hx-sign-in__title">{t('staff.title')}</h1>
        <p className="hx-sign-in__lead">{t('staff.lead')}</p>
        <SessionEndedNotice />
        <StaffSignIn />
      </div>
    </div>
  );
}
