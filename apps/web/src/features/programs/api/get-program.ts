import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ProgramDetail } from '@huanxin/shared';
import { api } from '@/lib/api-client';

export type { ProgramDetail } from '@huanxin/shared';

export const programQueryKey = (code: string) => ['programs', code] as const;

export function getProgram(code: string, { signal }: { signal?: AbortSignal } = {}): Promise<ProgramDetail> {
  return api.get<ProgramDetail>(`/api/programs/${encodeURIComponent(code)}`, signal ? { signal } : {});
}

export const programQueryOptions = (code: string) =>
  queryOptions({ queryKey: programQueryKey(code), queryFn: ({ signal }) => getProgram(code, { signal }) });

export function useProgram(code: string) {
  return useQuery(programQueryOptions(code));
}
