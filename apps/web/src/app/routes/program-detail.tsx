import { useLocation, useParams } from 'react-router';
import { Permission } from '@huanxin/shared';
import { useTranslation } from 'react-i18next';
import { Breadcrumbs } from '@/components/ui/breadcrumbs';
import { PageTitle } from '@/components/ui/page-title';
import { ErrorState, LoadingState } from '@/components/ui/query-state';
import { localized } from '@/lib/i18n';
import { useProgram } from '@/features/programs/api/get-program';
import { ProgramDetailView } from '@/features/programs/components/program-detail';
import { useSession } from '@/features/auth/hooks/use-session';
import { signInPath } from '@/features/auth/lib/sign-in-paths';
import { lotteryCategoriesOf } from '@/features/lottery/lib/categories';
import { ResidentLottery } from '@/features/lottery/components/resident-lottery';

export function ProgramDetailPage() {
  const { code = '' } = useParams();
  const { t, i18n } = useTranslation('programs');
  const program = useProgram(code);
  const session = useSession();
  const location = useLocation();
  const definition = program.data?.definition;
  const title = program.data ? localized(program.data.title, i18n.language) : '';
  return (
    <div className="hx-page">
      <PageTitle title={title || t('title')} />
      <Breadcrumbs items={[{ to: '/programs', label: t('title') }, { label: title || code }]} />
      {program.isPending ? <LoadingState /> : null}
      {program.isError ? <ErrorState error={program.error} onRetry={() => void program.refetch()} /> : null}
      {program.data ? (
        <ProgramDetailView program={program.data}>
          {definition?.settings.allocationMode === 'lottery' ? (
            <ResidentLottery
              programCode={program.data.code}
              categories={lotteryCategoriesOf(definition)}
              canEnter={session.status === 'signed-in' && session.can(Permission.VouchersOwn)}
              signInHref={
                session.status === 'signed-out'
                  ? signInPath('resident', `${location.pathname}${location.search}`)
                  : null
              }
            />
          ) : null}
        </ProgramDetailView>
      ) : null}
    </div>
  );
}
