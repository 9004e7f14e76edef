import { HomeOutlined, AppstoreOutlined } from '@ant-design/icons';
import { NavLink, Outlet } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Brand } from '@/components/ui/brand';
import { LanguageSwitch } from '@/components/ui/language-switch';
import { SkipLink } from '@/components/ui/skip-link';

/** Phone-first layout for residents: top bar, one column of content, footer, and a bottom tab bar on phones. */
export function ResidentLayout() {
  const { t } = useTranslation();
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
            <NavLink to="/console" className={navClass}>
              {t('nav.console')}
            </NavLink>
          </nav>
          <LanguageSwitch className="hx-topbar__lang" />
        </div>
      </header>
      <main id="main" className="hx-main" tabIndex={-1}>
        <Outlet />
      </main>
      <footer className="hx-footer">
        <p>{t('footer.office')}</p>
        <p>{t('footer.note')}</p>
        <p className="hx-footer__meta">
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
      </nav>
    </div>
  );
}
