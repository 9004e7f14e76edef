import {
  AppstoreOutlined,
  FileTextOutlined,
  HomeOutlined,
  LoginOutlined,
  QrcodeOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { NavLink, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { AreaOutlet } from './area-outlet';
import { Brand } from '@/components/ui/brand';
import { LanguageSwitch } from '@/components/ui/language-switch';
import { SkipLink } from '@/components/ui/skip-link';
import { UserMenu } from '@/features/auth/components/user-menu';
import { NotificationBell } from '@/features/applications/components/notifications';
import { signInPath } from '@/features/auth/lib/sign-in-paths';
import { useSession } from '@/features/auth/hooks/use-session';

/** Phone-first layout for residents: top bar, one column of content, footer, and a bottom tab bar on phones. */
export function ResidentLayout() {
  const { t } = useTranslation();
  const { user, status } = useSession();
  const location = useLocation();
  const resident = user?.role === 'resident';
  const onSignIn = location.pathname === '/login';
  const signIn = signInPath('resident', onSignIn ? undefined : `${location.pathname}${location.search}`);
  const navClass = ({ isActive }: { isActive: boolean }) => (isActive ? 'is-active' : undefined);
  return (
    <div className="hx-shell hx-shell--resident">
      <SkipLink />
      <header className="hx-topbar">
        <div className="hx-topbar__inner">
          <Brand />
          <nav className="hx-topnav" aria-label={t('nav.main')}>
            <NavLink to="/" end className={navClass}>
              {t('nav.home')}
            </NavLink>
            <NavLink to="/programs" className={navClass}>
              {t('nav.programs')}
            </NavLink>
            <NavLink to="/applications" className={navClass}>
              {t('nav.applications')}
            </NavLink>
            <NavLink to="/vouchers" className={navClass}>
              {t('nav.vouchers')}
            </NavLink>
            {resident ? (
              <NavLink to="/me/profile" className={navClass}>
                {t('nav.profile')}
              </NavLink>
            ) : null}
            {/* Staff sign-in lives in the footer: residents are this bar's audience. */}
          </nav>
          <LanguageSwitch className="hx-topbar__lang" />
          {resident ? <NotificationBell className="hx-topbar__bell" /> : null}
          {user ? (
            <UserMenu className="hx-topbar__user" />
          ) : status !== 'loading' && !onSignIn ? (
            <NavLink to={signIn} className="hx-topbar__signin">
              <LoginOutlined aria-hidden /> {t('nav.signIn')}
            </NavLink>
          ) : null}
        </div>
      </header>
      <main id="main" className="hx-main" tabIndex={-1}>
        <AreaOutlet />
      </main>
      <footer className="hx-footer">
        <p>{t('footer.office')}</p>
        <p>{t('footer.note')}</p>
        <p className="hx-footer__meta">
          <NavLink to="/stats">{t('nav.stats')}</NavLink>
          <span aria-hidden> · </span>
          <NavLink to="/console">{t('nav.console')}</NavLink>
          <span aria-hidden> · </span>
          <span>{t('footer.openSource')}</span>
        </p>
      </footer>
      <nav className="hx-tabbar" aria-label={t('nav.main')}>
        <NavLink to="/" end className={navClass}>
          <HomeOutlined aria-hidden />
          <span>{t('nav.home')}</span>
        </NavLink>
        <NavLink to="/programs" className={navClass}>
          <AppstoreOutlined aria-hidden />
          <span>{t('nav.programs')}</span>
        </NavLink>
        <NavLink to="/applications" className={navClass}>
          <FileTextOutlined aria-hidden />
          <span>{t('nav.applicationsShort')}</span>
        </NavLink>
        <NavLink to="/vouchers" className={navClass}>
          <QrcodeOutlined aria-hidden />
          <span>{t('nav.vouchersShort')}</span>
        </NavLink>
        <NavLink to={resident ? '/me/profile' : signIn} className={navClass}>
          <UserOutlined aria-hidden />
          <span>{t('nav.me')}</span>
        </NavLink>
      </nav>
    </div>
  );
}
