import type { TFunction } from 'i18next';
import { isApiError } from './api-client';

/** The error's code, or GENERIC for anything that is not an ApiError. */
export function errorCode(error: unknown): string {
  return isApiError(error) ? error.code : 'GENERIC';
}

/** Translate an error by its code (`errors:<CODE>`), falling back to the generic message. Never shows raw server text. */
export function errorMessage(t: TFunction, error: unknown): string {
  const code = errorCode(error);
  return t([`errors:${code}`, 'errors:GENERIC']);
}
