/**
 * Review figures per program (`GET /api/review/stats`: budget figures, counts by status and stage, SLA
 * states) and the `.xlsx` export (`GET /api/review/export`, identifiers masked).
 */
import { useQuery } from '@tanstack/react-query';
import type { SlaState } from '@huanxin/shared';
import { api } from '@/lib/api-client';

export interface ProgramReviewStats {
  programCode: string;
  budget: { totalFen: number; reservedFen: number; committedFen: number; paidFen: number } | null;
  byStatus: Record<string, number>;
  byStage: Record<string, number>;
  sla: Record<SlaState, number>;
}

type Counts = Record<string, number>;
const counts = (raw: unknown): Counts => {
  if (typeof raw !== 'object' || raw === null) return {};
  const out: Counts = {};
  for (const [key, value] of Object.entries(raw)) if (typeof value === 'number') out[key] = value;
  return out;
};

/** The stats body as a list of programs (a bare list, or under `programs` / `items`). */
export function normaliseStats(body: unknown): ProgramReviewStats[] {
  const list: unknown = Array.isArray(body)
    ? body
    : ((body as { programs?: unknown; items?: unknown } | null)?.programs ??
      (body as { items?: unknown } | null)?.items);
  if (!Array.isArray(list)) return [];
  return list.map((raw: Record<string, unknown>) => {
    const sla = counts(raw.sla ?? raw.slaStates);
    const budget = raw.budget as ProgramReviewStats['budget'] | undefined;
    return {
      programCode: String(raw.programCode ?? raw.code ?? ''),
      budget: budget && typeof budget.totalFen === 'number' ? budget : null,
      byStatus: counts(raw.byStatus ?? raw.status),
      byStage: counts(raw.byStage ?? raw.stage),
      sla: { ok: sla.ok ?? 0, warning: sla.warning ?? 0, overdue: sla.overdue ?? 0 },
    };
  });
}

export const reviewStatsKey = ['me', 'review', 'stats'] as const;

export function useReviewStats(enabled = true) {
  return useQuery({
    queryKey: reviewStatsKey,
    queryFn: async ({ signal }) => normaliseStats(await api.get<unknown>('/api/review/stats', { signal })),
    enabled,
    refetchInterval: 5 * 60_000,
  });
}

/** The export's address for a program and status (empty = all); a plain link downloads it with the cookie. */
export function reviewExportUrl({ program, status }: { program?: string; status?: string }): string {
  const params = new URLSearchParams();
  if (program) params.set('program', program);
  if (status) params.set('status', status);
  const query = params.toString();
  return `/api/review/export${query ? `?${query}` : ''}`;
}
