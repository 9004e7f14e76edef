/** The console's users page (system and security administrators; 三员 in the README). */
import { Typography } from 'antd';
import { Permission } from '@huanxin/shared';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '@/components/ui/page-title';
import { useSession } from '@/features/auth/hooks/use-session';
import { UsersConsole } from '@/features/users/components/users-console';
import '@/features/users/users.css';

export function UsersPage() {
  const { t } = useTranslation('users');
  const { can } = useSession();
  return (
    <section aria-labelledby="console-heading" className="hx-console-page">
      <PageTitle title={t('page.title')} />
      <Typography.Title level={1} id="console-heading" className="hx-console-page__title">
        {t('page.title')}
      </Typography.Title>
      <p className="hx-note">
        {can(Permission.UsersSecurity) ? t('page.introSecurity') : t('page.introSystem')}
      </p>
      <UsersConsole />
    </section>
  );
}
