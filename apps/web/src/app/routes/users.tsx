/** The console's users page (system and security administrators; 三员 in the README). */
import { useQuery } from '@tanstack/react-query';
import { Typography } from 'antd';
import { Permission } from '@huanxin/shared';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '@/components/ui/page-title';
import { useSession } from '@/features/auth/hooks/use-session';
import { organizationsQueryOptions } from '@/features/dealer/api/organizations';
import { UsersConsole } from '@/features/users/components/users-console';
import '@/features/users/users.css';

export function UsersPage() {
  const { t } = useTranslation('users');
  const { user, can } = useSession();
  // Organisation names and registrations only for a role that may read them (not the security admin).
  const mayReviewOrganizations = can(Permission.OrganizationsReview);
  const organizations = useQuery({ ...organizationsQueryOptions(), enabled: mayReviewOrganizations });
  return (
    <section aria-labelledby="console-heading" className="hx-console-page">
      <PageTitle title={t('page.title')} />
      <Typography.Title level={1} id="console-heading" className="hx-console-page__title">
        {t('page.title')}
      </Typography.Title>
      <p className="hx-note">
        {can(Permission.UsersSecurity) ? t('page.introSecurity') : t('page.introSystem')}
      </p>
      <UsersConsole
        user={user ? { id: user.id, role: user.role } : null}
        {...(mayReviewOrganizations ? { organizations } : {})}
      />
    </section>
  );
}
