import { Alert, Empty } from 'antd';
import { FileAddOutlined } from '@ant-design/icons';
import { useParams, useSearchParams } from 'react-router';
import { EDITABLE_STATUSES, type ProgramDetail } from '@huanxin/shared';
import { useTranslation } from 'react-i18next';
import { Breadcrumbs } from '@/components/ui/breadcrumbs';
import { LinkButton } from '@/components/ui/link-button';
import { PageTitle } from '@/components/ui/page-title';
import { ErrorState, LoadingState } from '@/components/ui/query-state';
import { localized } from '@/lib/i18n';
import { useApplication, useApplications } from '@/features/applications/api/applications';
import { ApplicationCard } from '@/features/applications/components/application-card';
import { ApplicationDetailView } from '@/features/applications/components/application-detail';
import { NotificationList } from '@/features/applications/components/notifications';
import { useQuery } from '@tanstack/react-query';
import { programQueryOptions } from '@/features/programs/api/get-program';
import { usePrograms } from '@/features/programs/api/get-programs';
import { fieldLabel } from '@/features/eligibility/hooks/use-fact-form';
import { ApplicationWizard } from './application-wizard';
import { ProgramPage } from './program-page';

/** `/applications`: the resident's claims, newest first. */
export function MyApplicationsPage() {
  const { t, i18n } = useTranslation(['applications', 'common']);
  const applications = useApplications();
  const programs = usePrograms();
  const titleOf = (code: string) =>
    localized(programs.data?.find((p) => p.code === code)?.title, i18n.language) || code;
  const list = [...(applications.data ?? [])].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  return (
    <div className="hx-page">
      <PageTitle title={t('applications:title')} />
      <h1 className="hx-page__title">{t('applications:title')}</h1>
      {applications.isPending ? <LoadingState /> : null}
      {applications.isError ? (
        <ErrorState error={applications.error} onRetry={() => void applications.refetch()} />
      ) : null}
      {applications.data && list.length === 0 ? (
        <Empty description={t('applications:empty')}>
          <LinkButton to="/programs" icon={<FileAddOutlined aria-hidden />}>
            {t('common:actions.viewPrograms')}
          </LinkButton>
        </Empty>
      ) : null}
      {list.length > 0 ? (
        <ul className="hx-app-list" aria-label={t('applications:title')}>
          {list.map((application) => (
            <ApplicationCard
              key={application.id}
              application={application}
              programTitle={titleOf(application.programCode)}
            />
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/** `/applications/:id`: status, timeline, documents, withdraw, edit. */
export function ApplicationDetailPage() {
  const { id = '' } = useParams();
  const [search] = useSearchParams();
  const { t, i18n } = useTranslation('applications');
  const application = useApplication(id);
  const programCode = application.data?.programCode ?? '';
  const program = useQuery({ ...programQueryOptions(programCode), enabled: programCode !== '' });
  const title = program.data
    ? localized(program.data.title, i18n.language)
    : (application.data?.programCode ?? '');
  return (
    <div className="hx-page">
      <PageTitle title={application.data?.code ?? t('detail.title')} />
      <Breadcrumbs
        items={[
          { to: '/applications', label: t('title') },
          { label: application.data?.code ?? t('detail.title') },
        ]}
      />
      <h1 className="hx-page__title">{t('detail.title')}</h1>
      {search.get('submitted') && application.data?.status === 'submitted' ? (
        <Alert
          className="hx-gap"
          type="success"
          showIcon
          role="status"
          title={t('submit.done')}
          description={t('submit.doneNote')}
        />
      ) : null}
      {application.isPending ? <LoadingState /> : null}
      {application.isError ? (
        <ErrorState error={application.error} onRetry={() => void application.refetch()} />
      ) : null}
      {application.data ? (
        <ApplicationDetailView
          application={application.data}
          programTitle={title}
          documentTitles={program.data?.documents ?? []}
          fieldLabel={(path) => {
            const field = program.data?.factFields.find((f) => f.path === path);
            return field ? fieldLabel(field, i18n.language) : path;
          }}
        />
      ) : null}
    </div>
  );
}

function WizardPage({
  code,
  children,
}: {
  code: string;
  children: (program: ProgramDetail) => React.ReactNode;
}) {
  const { t } = useTranslation(['applications']);
  return (
    <ProgramPage code={code} heading={t('applications:apply.title')} narrow>
      {children}
    </ProgramPage>
  );
}

/** `/programs/:code/apply`: a new claim (the draft is created when the first step is saved). */
export function ApplyPage() {
  const { code = '' } = useParams();
  const { t } = useTranslation('applications');
  return (
    <WizardPage code={code}>
      {(program) =>
        program.status !== 'open' ? (
          <Alert type="warning" showIcon title={t('apply.notOpen')} />
        ) : (
          <ApplicationWizard key={`${program.code}@${program.version}`} program={program} />
        )
      }
    </WizardPage>
  );
}

/** `/applications/:id/edit`: resume a draft or fix a returned claim. */
export function EditApplicationPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('applications');
  const application = useApplication(id);
  if (application.isPending) return <LoadingState />;
  if (application.isError)
    return <ErrorState error={application.error} onRetry={() => void application.refetch()} />;
  const data = application.data;
  return (
    <WizardPage code={data.programCode}>
      {(program) =>
        EDITABLE_STATUSES.includes(data.status) ? (
          <ApplicationWizard key={data.id} program={program} application={data} />
        ) : (
          <Alert
            type="info"
            showIcon
            title={t('apply.notEditable')}
            action={<LinkButton to={`/applications/${data.id}`}>{t('apply.toDetail')}</LinkButton>}
          />
        )
      }
    </WizardPage>
  );
}

/** `/notifications`: the resident's messages about their claims. */
export function NotificationsPage() {
  const { t } = useTranslation('applications');
  return (
    <div className="hx-page">
      <PageTitle title={t('notifications.title')} />
      <h1 className="hx-page__title">{t('notifications.title')}</h1>
      <NotificationList />
    </div>
  );
}
