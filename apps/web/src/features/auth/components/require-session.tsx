import type { ReactNode } from 'react';
import { StopOutlined } from '@ant-design/icons';
import { Result } from 'antd';
import type { Permission } from '@huanxin/shared';
import { Navigate, Outlet, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { LinkButton } from '@/components/ui/link-button';
import { PageTitle } from '@/components/ui/page-title';
import { ErrorState, LoadingState } from '@/components/ui/query-state';
import { useSession } from '../hooks/use-session';
import { signInPath, type SignInArea } from '../lib/sign-in-paths';

/** Signed in, but this page is not for this role: say so (the API would answer 403 anyway). */
export function Forbidden({ area }: { area: SignInArea }) {
  const { t } = useTranslation('auth');
  return (
    <div className="hx-page">
      <PageTitle title={t('forbidden.title')} />
      <Result
        icon={<StopOutlined aria-hidden />}
        title={<h1 className="hx-result-title">{t('forbidden.title')}</h1>}
        subTitle={t(area === 'console' ? 'forbidden.console' : 'forbidden.resident')}
        extra={<LinkButton to={area === 'console' ? '/console' : '/'}>{t('forbidden.back')}</LinkButton>}
      />
    </div>
  );
}

/**
 * Route guard. Nobody signed in → the area's sign-in page with `?next=` (back here afterwards); signed in
 * without the permission (or a resident in the console) → an honest "not for your account" page.
 */
export function RequireSession({
  area,
  permission,
  children,
}: {
  area: SignInArea;
  permission?: Permission;
  children?: ReactNode;
}) {
  const session = useSession();
  const location = useLocation();
  if (session.status === 'loading') return <LoadingState />;
  if (session.status === 'error') return <ErrorState error={session.error} onRetry={session.retry} />;
  if (!session.user) {
    const reason = session.ended ? 'expired' : undefined;
    return <Navigate to={signInPath(area, `${location.pathname}${location.search}`, reason)} replace />;
  }
  const wrongArea = area === 'console' ? session.user.role === 'resident' : session.user.role !== 'resident';
  if (wrongArea || (permission && !session.can(permission))) return <Forbidden area={area} />;
  return children ?? <Outlet />;
}
