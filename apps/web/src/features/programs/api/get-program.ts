import { queryOptions, useQuery } from '@tanstack/react-query';
import type { DocumentRequirement, FactField, ProgramDefinition, Provenance } from '@huanxin/shared';
import { api } from '@/lib/api-client';
import type { ProgramSummary } from './get-programs';

/** `GET /api/programs/:code`: the summary plus the rules a resident reads and the definition the browser evaluates. */
export interface ProgramDetail extends ProgramSummary {
  version: number;
  clauses: Array<{ id: string; title: { zh: string; en: string }; citation: string; provenance: Provenance }>;
  documents: DocumentRequirement[];
  factFields: FactField[];
  /** The full definition (same object the server evaluates). Optional: older servers may omit it. */
  definition?: ProgramDefinition;
}

export const programQueryKey = (code: string) => ['programs', code] as const;

export function getProgram(code: string, { signal }: { signal?: AbortSignal } = {}): Promise<ProgramDetail> {
  return api.get<ProgramDetail>(`/api/programs/${encodeURIComponent(code)}`, signal ? { signal } : {});
}

export const programQueryOptions = (code: string) =>
  queryOptions({ queryKey: programQueryKey(code), queryFn: ({ signal }) => getProgram(code, { signal }) });

export function useProgram(code: string) {
  return useQuery(programQueryOptions(code));
}
