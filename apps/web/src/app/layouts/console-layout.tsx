import {
  AuditOutlined,
  DashboardOutlined,
  FileSearchOutlined,
  PayCircleOutlined,
  SettingOutlined,
  ArrowLeftOutlined,
} from '@ant-design/icons';
import { Layout, Menu } from 'antd';
import { Link, Outlet, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Brand } from '@/components/ui/brand';
import { LanguageSwitch } from '@/components/ui/language-switch';
import { SkipLink } from '@/components/ui/skip-link';

const sections = [
  { key: '/console', icon: <DashboardOutlined aria-hidden />, label: 'menu.dashboard' },
  { key: '/console/review', icon: <FileSearchOutlined aria-hidden />, label: 'menu.review' },
  { key: '/console/payments', icon: <PayCircleOutlined aria-hidden />, label: 'menu.payments' },
  { key: '/console/programs', icon: <SettingOutlined aria-hidden />, label: 'menu.programs' },
  { key: '/console/audit', icon: <AuditOutlined aria-hidden />, label: 'menu.audit' },
] as const;

/** Wider layout for staff: header, a side menu (collapses below lg), content. */
export function ConsoleLayout() {
  const { t } = useTranslation(['console', 'common']);
  const { pathname } = useLocation();
  const selected = sections.find((s) => s.key === pathname.replace(/\/+$/, ''))?.key ?? '/console';
  return (
    <Layout className="hx-shell hx-shell--console">
      <SkipLink />
      <Layout.Header className="hx-topbar hx-topbar--console">
        <div className="hx-topbar__inner hx-topbar__inner--wide">
          <Brand to="/console" subtitle={t('console:title')} />
          <nav className="hx-topnav" aria-label={t('common:nav.main')}>
            <Link to="/">
              <ArrowLeftOutlined aria-hidden /> {t('common:nav.backToPortal')}
            </Link>
          </nav>
          <LanguageSwitch className="hx-topbar__lang" />
        </div>
      </Layout.Header>
      <Layout>
        <Layout.Sider breakpoint="lg" collapsedWidth={0} width={220} theme="light" className="hx-sider">
          <nav aria-label={t('console:menuLabel')}>
            <Menu
              mode="inline"
              selectedKeys={[selected]}
              items={sections.map((s) => ({
                key: s.key,
                icon: s.icon,
                label: <Link to={s.key}>{t(`console:${s.label}`)}</Link>,
              }))}
            />
          </nav>
        </Layout.Sider>
        <Layout.Content id="main" className="hx-console-main" tabIndex={-1}>
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
