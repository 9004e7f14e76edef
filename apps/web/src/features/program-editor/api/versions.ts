/**
 * Program versions (api-contract.md "Admin and audit"): the list, one version's definition, a new draft,
 * a new program from a copy, the what-if (at once, or as a job with progress) and the publish step.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ProgramDefinition } from '@huanxin/shared';
import { api, isApiError } from '@/lib/api-client';

/** `createdBy` / `publishedBy`: a name, or a user object with one. */
export type Actor = string | { id?: string; displayName?: string; username?: string } | null;

export interface VersionSummary {
  version: number;
  status: 'draft' | 'published';
  effectiveOn: string;
  documentNo: string | null;
  note: string | null;
  createdBy: Actor;
  publishedBy: Actor;
}

export interface VersionDetail extends VersionSummary {
  definition: ProgramDefinition;
}

export interface DraftInput {
  definition: ProgramDefinition;
  effectiveOn: string;
  documentNo: string;
  note: string;
}

export interface ClaimFigures {
  eligible: boolean;
  amountFen: number;
}

export interface WhatIfChange {
  applicationCode: string;
  status: string;
  before: ClaimFigures;
  after: ClaimFigures;
}

export interface WhatIfResult {
  evaluated: number;
  changed: WhatIfChange[];
  deltaFen: number;
}

export interface WhatIfJob {
  state: string;
  progress: { done: number; total: number };
  result?: WhatIfResult;
}

const programPath = (code: string) => `/api/admin/programs/${encodeURIComponent(code)}`;
export const versionsKey = (code: string) => ['admin', 'programs', code, 'versions'] as const;

export function actorName(actor: Actor): string {
  if (!actor) return '';
  if (typeof actor === 'string') return actor;
  return actor.displayName ?? actor.username ?? actor.id ?? '';
}

export function useVersions(code: string) {
  return useQuery({
    queryKey: versionsKey(code),
    queryFn: ({ signal }) => api.get<VersionSummary[]>(`${programPath(code)}/versions`, { signal }),
  });
}

/** The published version residents see now: the highest published one (drafts never count). */
export function currentPublished(
  versions: readonly VersionSummary[] | undefined,
): VersionSummary | undefined {
  return (versions ?? [])
    .filter((v) => v.status === 'published')
    .reduce<VersionSummary | undefined>(
      (best, v) => (!best || v.version > best.version ? v : best),
      undefined,
    );
}

/** The answer carries the definition beside the version's fields (or is the definition itself). */
function asDetail(raw: unknown, version: number): VersionDetail {
  const r = raw as Partial<VersionDetail> & Partial<ProgramDefinition>;
  if (r.definition) return r as VersionDetail;
  return {
    version,
    status: 'published',
    effectiveOn: r.opensOn ?? '',
    documentNo: null,
    note: null,
    createdBy: null,
    publishedBy: null,
    definition: r as ProgramDefinition,
  };
}

export function useVersion(code: string, version: number | undefined) {
  return useQuery({
    queryKey: [...versionsKey(code), version],
    enabled: version !== undefined,
    queryFn: async ({ signal }) =>
      asDetail(await api.get<unknown>(`${programPath(code)}/versions/${version}`, { signal }), version!),
  });
}

export function useCreateDraft(code: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: DraftInput) => api.post<VersionSummary>(`${programPath(code)}/versions`, input),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: versionsKey(code) }),
  });
}

export function useCreateProgram() {
  return useMutation({
    mutationFn: (input: { definition: ProgramDefinition; documentNo: string; note: string }) =>
      api.post<VersionSummary>('/api/admin/programs', input),
  });
}

/** 200 with the report, or 202 `{ jobId }` for a large program (then poll the job). */
export function useStartWhatIf(code: string, version: number) {
  return useMutation({
    mutationFn: () =>
      api.post<WhatIfResult | { jobId: string }>(`${programPath(code)}/versions/${version}/what-if`),
  });
}

export const isJobDone = (job: WhatIfJob | undefined) =>
  job !== undefined && (job.result !== undefined || job.state === 'failed' || job.state === 'completed');

export function useWhatIfJob(code: string, version: number, jobId: string | undefined, intervalMs = 1000) {
  return useQuery({
    queryKey: [...versionsKey(code), version, 'what-if', jobId],
    enabled: jobId !== undefined,
    queryFn: ({ signal }) =>
      api.get<WhatIfJob>(`${programPath(code)}/versions/${version}/what-if/${jobId}`, { signal }),
    refetchInterval: (query) => (isJobDone(query.state.data) || query.state.error ? false : intervalMs),
  });
}

export function usePublish(code: string, version: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { retroactive: boolean }) =>
      api.post<unknown>(`${programPath(code)}/versions/${version}/publish`, input),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: versionsKey(code) });
      void queryClient.invalidateQueries({ queryKey: ['programs'] });
    },
  });
}

/**
 * The bad node of a 422 on a definition: the contract names it `details.path`; the error body may carry
 * it as `error.path`, `error.details.path` or a single `fields` entry keyed by the pointer.
 */
export function definitionErrorOf(error: unknown): { path: string; message: string } | null {
  if (!isApiError(error) || error.status !== 422) return null;
  const body = (error.body as { error?: Record<string, unknown> } | undefined)?.error ?? {};
  const details = body.details as { path?: unknown } | undefined;
  const path =
    typeof body.path === 'string' ? body.path : typeof details?.path === 'string' ? details.path : null;
  if (path !== null) return { path, message: error.message };
  const pointer = Object.keys(error.fields).find((k) => k.startsWith('/'));
  if (pointer !== undefined) return { path: pointer, message: error.fields[pointer] ?? error.message };
  return null;
}

/** `shortfallFen` of a BUDGET_SHORTFALL (top level or under `details`). */
export function shortfallOf(error: unknown): number | null {
  if (!isApiError(error)) return null;
  const body = (error.body as { error?: Record<string, unknown> } | undefined)?.error ?? {};
  const v = body.shortfallFen ?? (body.details as { shortfallFen?: unknown } | undefined)?.shortfallFen;
  return typeof v === 'number' ? v : null;
}
