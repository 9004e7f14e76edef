import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Breadcrumbs } from '@/components/ui/breadcrumbs';
import { PageTitle } from '@/components/ui/page-title';
import { ErrorState, LoadingState } from '@/components/ui/query-state';
import { localized } from '@/lib/i18n';
import { useProgram } from '@/features/programs/api/get-program';
import { ProgramDetailView } from '@/features/programs/components/program-detail';

export function ProgramDetailPage() {
  const { code = '' } = useParams();
  const { t, i18n } = useTranslation('programs');
  const program = useProgram(code);
  const title = program.data ? localized(program.data.title, i18n.language) : '';
  return (
    <div className="hx-page">
      <PageTitle title={title || t('title')} />
      <Breadcrumbs items={[{ to: '/programs', label: t('title') }, { label: title || code }]} />
      {program.isPending ? <LoadingState /> : null}
      {program.isError ? <ErrorState error={program.error} onRetry={() => void program.refetch()} /> : null}
      {program.data ? <ProgramDetailView program={program.data} /> : null}
    </div>
  );
}
