import { ArrowLeftOutlined } from '@ant-design/icons';
import { Layout, Menu } from 'antd';
import { Link, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { AreaOutlet } from './area-outlet';
import { Brand } from '@/components/ui/brand';
import { LanguageSwitch } from '@/components/ui/language-switch';
import { SkipLink } from '@/components/ui/skip-link';
import { RequireSession } from '@/features/auth/components/require-session';
import { UserMenu } from '@/features/auth/components/user-menu';
import { useSession } from '@/features/auth/hooks/use-session';
import { StaffNotificationBell } from '@/features/review/components/staff-notifications';
import { Permission } from '@huanxin/shared';
import { consoleSections } from '../console-sections';

function ConsoleHeader() {
  const { t } = useTranslation(['console', 'common']);
  const { user, can } = useSession();
  // Review staff's notices (the daily SLA digest); the header stands outside RequireSession.
  return (
    <Layout.Header className="hx-topbar hx-topbar--console">
      <div className="hx-topbar__inner hx-topbar__inner--wide">
        <Brand to="/console" subtitle={t('console:title')} />
        <nav className="hx-topnav" aria-label={t('common:nav.main')}>
          <Link to="/">
            <ArrowLeftOutlined aria-hidden /> {t('common:nav.backToPortal')}
          </Link>
        </nav>
        <LanguageSwitch className="hx-topbar__lang" />
        {user && can(Permission.ReviewRead) ? <StaffNotificationBell className="hx-topbar__bell" /> : null}
        <UserMenu className="hx-topbar__user" />
      </div>
    </Layout.Header>
  );
}

/** The side menu: only what the signed-in role may use (the shared role → permission map). */
function ConsoleMenu() {
  const { t } = useTranslation('console');
  const { pathname } = useLocation();
  const { can } = useSession();
  const visible = consoleSections.filter((s) => !s.permission || can(s.permission));
  const current = pathname.replace(/\/+$/, '') || '/console';
  // A section's inner pages (e.g. one case of the queue) keep the section selected.
  const selected =
    visible.find((s) => s.path === current)?.path ??
    visible.find((s) => s.path !== '/console' && current.startsWith(`${s.path}/`))?.path ??
    '/console';
  return (
    <nav aria-label={t('menuLabel')}>
      <Menu
        mode="inline"
        selectedKeys={[selected]}
        items={visible.map((s) => ({
          key: s.path,
          icon: s.icon,
          label: <Link to={s.path}>{t(`menu.${s.section}`)}</Link>,
        }))}
      />
    </nav>
  );
}

/** Wider layout for staff: header with the user menu, a side menu by permission (collapses below lg), content. */
export function ConsoleLayout() {
  const { pathname } = useLocation();
  const signingIn = pathname.replace(/\/+$/, '') === '/console/login';
  return (
    <Layout className="hx-shell hx-shell--console">
      <SkipLink />
      <ConsoleHeader />
      {signingIn ? (
        <Layout.Content id="main" className="hx-console-main hx-console-main--centered" tabIndex={-1}>
          <AreaOutlet />
        </Layout.Content>
      ) : (
        <RequireSession area="console">
          <Layout>
            <Layout.Sider breakpoint="lg" collapsedWidth={0} width={220} theme="light" className="hx-sider">
              <ConsoleMenu />
            </Layout.Sider>
            <Layout.Content id="main" className="hx-console-main" tabIndex={-1}>
              <AreaOutlet />
            </Layout.Content>
          </Layout>
        </RequireSession>
      )}
    </Layout>
  );
}
