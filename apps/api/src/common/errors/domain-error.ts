import { ErrorCode, statusOf, type ErrorStatus } from '@huanxin/shared';

export interface DomainErrorDetails {
  fields?: Record<string, string>;
  clauses?: unknown[];
  headers?: Record<string, string>;
  /** Extra members of the error object (e.g. an MFA enrolment token). */
  extra?: Record<string, unknown>;
}

/**
 * The one error type services throw. It is built from a contract code; the HTTP status follows
 * from the shared `ERROR_STATUS` table, so a code means the same status everywhere. The global
 * filter turns it into `{ error: { code, message, fields } }`.
 */
export class DomainError extends Error {
  readonly status: ErrorStatus;

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: DomainErrorDetails = {},
  ) {
    super(message);
    this.name = 'DomainError';
    this.status = statusOf(code);
  }
}

export const notFound = (code: ErrorCode = ErrorCode.NOT_FOUND, message = 'Not found'): DomainError =>
  new DomainError(code, message);

export const validationFailed = (
  fields: Record<string, string>,
  message = 'Validation failed',
): DomainError => new DomainError(ErrorCode.VALIDATION_FAILED, message, { fields });
