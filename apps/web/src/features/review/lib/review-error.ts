import { isApiError } from '@/lib/api-client';

/**
 * The code the server sent, read from the body when the client does not know it yet (the client maps
 * codes it does not know to the status's generic code; the review codes are read straight off the body).
 */
export function reviewErrorCode(error: unknown): string | undefined {
  if (!isApiError(error)) return undefined;
  const body = error.body as { error?: { code?: unknown } } | undefined;
  const raw = body?.error?.code;
  return typeof raw === 'string' ? raw : error.code;
}

/** The lease is gone: someone else holds the case (CASE_HELD) or ours ran out (CASE_NOT_HELD). */
export function isLostLease(error: unknown): boolean {
  const code = reviewErrorCode(error);
  return code === 'CASE_HELD' || code === 'CASE_NOT_HELD';
}
