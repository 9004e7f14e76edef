import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProgramDetail } from '@huanxin/shared';
import { Breadcrumbs } from '@/components/ui/breadcrumbs';
import { PageTitle } from '@/components/ui/page-title';
import { ErrorState, LoadingState } from '@/components/ui/query-state';
import { localized } from '@/lib/i18n';
import { useProgram } from '@/features/programs/api/get-program';

/**
 * A page under one program (the pre-check, the application steps): title, breadcrumbs back to the
 * program, loading and error states, then the content once the program is loaded.
 */
export function ProgramPage({
  code,
  heading,
  narrow = false,
  children,
}: {
  code: string;
  heading: string;
  narrow?: boolean;
  children: (program: ProgramDetail) => ReactNode;
}) {
  const { t, i18n } = useTranslation(['programs']);
  const program = useProgram(code);
  const title = program.data ? localized(program.data.title, i18n.language) : '';
  return (
    <div className={narrow ? 'hx-page hx-page--narrow' : 'hx-page'}>
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
      {program.data ? children(program.data) : null}
    </div>
  );
}
