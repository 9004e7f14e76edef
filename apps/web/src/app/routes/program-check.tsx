import { Alert } from 'antd';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Breadcrumbs } from '@/components/ui/breadcrumbs';
import { PageTitle } from '@/components/ui/page-title';
import { ErrorState, LoadingState } from '@/components/ui/query-state';
import { localized } from '@/lib/i18n';
import { useProgram } from '@/features/programs/api/get-program';
import { ProgramStatusBadge } from '@/features/programs/components/program-status-badge';
import { EligibilityCheck } from '@/features/eligibility/components/eligibility-check';

export function ProgramCheckPage() {
  const { code = '' } = useParams();
  const { t, i18n } = useTranslation(['eligibility', 'programs']);
  const program = useProgram(code);
  const title = program.data ? localized(program.data.title, i18n.language) : '';
  const heading = t('eligibility:title');
  return (
    <div className="hx-page">
      <PageTitle title={title ? `${heading} · ${title}` : heading} />
      <Breadcrumbs
        items={[
          { to: '/programs', label: t('programs:title') },
          { to: `/programs/${code}`, label: title || code },
          { label: heading },
        ]}
      />
      <h1 className="hx-page__title">
        {heading}
        {title ? <span className="hx-page__subtitle">{title}</span> : null}
      </h1>
      {program.isPending ? <LoadingState /> : null}
      {program.isError ? <ErrorState error={program.error} onRetry={() => void program.refetch()} /> : null}
      {program.data ? (
        <>
          {program.data.status !== 'open' ? (
            <Alert
              className="hx-gap"
              type="warning"
              showIcon
              title={<>{t('eligibility:notOpen')} <ProgramStatusBadge status={program.data.status} /></>}
            />
          ) : null}
          {!program.data.definition ? <Alert className="hx-gap" type="info" showIcon title={t('eligibility:result.unavailable')} /> : null}
          <EligibilityCheck key={`${program.data.code}@${program.data.version}`} program={program.data} />
        </>
      ) : null}
    </div>
  );
}
