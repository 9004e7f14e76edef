import { ClockCircleOutlined } from '@ant-design/icons';
import { Result, Typography } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '@/components/ui/page-title';
import { useSession } from '@/features/auth/hooks/use-session';
import { Permission } from '@huanxin/shared';
import { BUILT_SECTIONS, consoleSections, type ConsoleSection } from '../console-sections';
import { ReviewStatsOnHome } from './review';

/** A console page that is not built yet: it says so, and shows no applications or personal data. */
export function ConsoleNotYetAvailable({ section }: { section: ConsoleSection }) {
  const { t } = useTranslation('console');
  const heading = t(`menu.${section}`);
  return (
    <section aria-labelledby="console-heading" className="hx-console-page">
      <PageTitle title={heading} />
      <Typography.Title level={1} id="console-heading" className="hx-console-page__title">
        {heading}
      </Typography.Title>
      <Result
        icon={<ClockCircleOutlined aria-hidden />}
        title={<h2 className="hx-result-title">{t('notYet.title')}</h2>}
        subTitle={t(`notYet.${section}`)}
        extra={<Typography.Text type="secondary">{t('notYet.note')}</Typography.Text>}
      />
    </section>
  );
}

/** `/console`: who is signed in, and the sections this role may use. */
export function ConsoleHome() {
  const { t } = useTranslation(['console', 'auth']);
  const { user, can } = useSession();
  if (!user) return null;
  const mine = consoleSections.filter(
    (s) => s.section !== 'dashboard' && (!s.permission || can(s.permission)),
  );
  return (
    <section aria-labelledby="console-heading" className="hx-console-page">
      <PageTitle title={t('menu.dashboard')} />
      <Typography.Title level={1} id="console-heading" className="hx-console-page__title">
        {t('welcome', { name: user.displayName })}
      </Typography.Title>
      <p className="hx-note">{t('roleIs', { role: t(`auth:roles.${user.role}`) })}</p>
      <h2 className="hx-section__title">{t('yourSections')}</h2>
      <ul className="hx-console-sections">
        {mine.map((s) => (
          <li key={s.section}>
            <Link to={s.path}>
              {s.icon} {t(`menu.${s.section}`)}
            </Link>
            <span className="hx-console-sections__state">
              {BUILT_SECTIONS.has(s.section) ? t('ready') : t('notYet.short')}
            </span>
          </li>
        ))}
      </ul>
      {can(Permission.ReviewRead) ? <ReviewStatsOnHome /> : null}
    </section>
  );
}
