import type { ClauseResult } from '@huanxin/shared';
import { isApiError } from '@/lib/api-client';

/** The form field of a server field key (`facts.oldVehicle.vin` → `oldVehicle.vin`). */
export const serverFieldName = (key: string) =>
  key.startsWith('facts.') ? key.slice('facts.'.length) : undefined;

/** What a submit refusal means for the resident: which code, which fact or documents, which clauses. */
export interface SubmitProblemInfo {
  code: string;
  factPath?: string;
  missingKinds: string[];
  clauses: ClauseResult[];
}

/** Where a submit refusal sends the resident (null when there is none). */
export function submitProblem(error: unknown): SubmitProblemInfo | null {
  if (!isApiError(error)) return error ? { code: 'GENERIC', missingKinds: [], clauses: [] } : null;
  const missingKinds = Object.keys(error.fields)
    .filter((k) => k.startsWith('documents.'))
    .map((k) => k.slice('documents.'.length));
  const factPath = Object.keys(error.fields).map(serverFieldName).find(Boolean);
  const body = error.body as { error?: { clauses?: ClauseResult[] } } | undefined;
  const clauses = Array.isArray(body?.error?.clauses) ? body.error.clauses : [];
  return { code: error.code, ...(factPath ? { factPath } : {}), missingKinds, clauses };
}
