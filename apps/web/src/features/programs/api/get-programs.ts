import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ProgramSummary } from '@huanxin/shared';
import { api } from '@/lib/api-client';

export type { BudgetFigures, ProgramStatus, ProgramSummary } from '@huanxin/shared';

export const programsQueryKey = ['programs'] as const;

export function getPrograms({ signal }: { signal?: AbortSignal } = {}): Promise<ProgramSummary[]> {
  return api.get<ProgramSummary[]>('/api/programs', signal ? { signal } : {});
}

export const programsQueryOptions = () =>
  queryOptions({ queryKey: programsQueryKey, queryFn: ({ signal }) => getPrograms({ signal }) });

export function usePrograms() {
  return useQuery(programsQueryOptions());
}
