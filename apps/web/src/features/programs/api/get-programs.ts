import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';

export type ProgramStatus = 'upcoming' | 'open' | 'closed' | 'exhausted';

export interface BudgetFigures {
  totalFen: number;
  reservedFen: number;
  committedFen: number;
  paidFen: number;
  remainingFen: number;
}

/** One entry of `GET /api/programs` (api-contract.md, Programs). */
export interface ProgramSummary {
  code: string;
  title: { zh: string; en: string };
  kind: string;
  status: ProgramStatus;
  opensOn: string;
  closesOn: string;
  budget: BudgetFigures;
}

export const programsQueryKey = ['programs'] as const;

export function getPrograms({ signal }: { signal?: AbortSignal } = {}): Promise<ProgramSummary[]> {
  return api.get<ProgramSummary[]>('/api/programs', signal ? { signal } : {});
}

export const programsQueryOptions = () =>
  queryOptions({ queryKey: programsQueryKey, queryFn: ({ signal }) => getPrograms({ signal }) });

export function usePrograms() {
  return useQuery(programsQueryOptions());
}
