import { Empty } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorState, LoadingState } from '@/components/ui/query-state';
import { usePrograms, type ProgramStatus } from '../api/get-programs';
import { ProgramCard } from './program-card';

const ORDER: Record<ProgramStatus, number> = { open: 0, upcoming: 1, exhausted: 2, closed: 3 };

/** Programs as cards: open first, then upcoming, exhausted, closed. `limit` shows the first few (home page). */
export function ProgramList({
  limit,
  headingLevel = 2,
  onlyOpen = false,
}: {
  limit?: number;
  headingLevel?: 2 | 3;
  onlyOpen?: boolean;
}) {
  const { t } = useTranslation('programs');
  const programs = usePrograms();
  if (programs.isPending) return <LoadingState />;
  if (programs.isError) return <ErrorState error={programs.error} onRetry={() => void programs.refetch()} />;
  const sorted = [...programs.data]
    .filter((p) => !onlyOpen || p.status === 'open')
    .sort(
      (a, b) =>
        ORDER[a.status] - ORDER[b.status] ||
        a.opensOn.localeCompare(b.opensOn) ||
        a.code.localeCompare(b.code),
    );
  const shown = limit ? sorted.slice(0, limit) : sorted;
  if (shown.length === 0) return <Empty description={t('empty')} />;
  return (
    <ul className="hx-program-grid" aria-label={t('listLabel')}>
      {shown.map((program) => (
        <li key={program.code}>
          <ProgramCard program={program} headingLevel={headingLevel} />
        </li>
      ))}
    </ul>
  );
}
