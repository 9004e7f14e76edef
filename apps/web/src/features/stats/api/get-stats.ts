import { queryOptions, useQuery } from '@tanstack/react-query';
import type { PublicStats } from '@huanxin/shared';
import { api } from '@/lib/api-client';

export type { PublicCount, PublicProgramStats, PublicStats, PublicWeek } from '@huanxin/shared';

export const statsQueryKey = ['stats'] as const;

/** The public statistics (no sign-in). The server holds a reading ~30 s; so does this page. */
export function getStats({ signal }: { signal?: AbortSignal } = {}): Promise<PublicStats> {
  return api.get<PublicStats>('/api/stats', signal ? { signal } : {});
}

export const statsQueryOptions = () =>
  queryOptions({ queryKey: statsQueryKey, queryFn: ({ signal }) => getStats({ signal }), staleTime: 30_000 });

export function useStats() {
  return useQuery(statsQueryOptions());
}

/** The download addresses of the export (plain links: the browser saves the file). */
export const statsExportUrl = (format: 'csv' | 'xlsx') => `/api/stats/export?format=${format}`;
