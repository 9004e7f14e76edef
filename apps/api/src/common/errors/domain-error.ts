import { ErrorCode } from '@huanxin/shared';

/**
 * The one error type services throw. It carries a contract code and an HTTP status; the global
 * filter turns it into `{ error: { code, message, fields } }`. Domains subclass or use the helpers.
 */
export class DomainError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: {
      fields?: Record<string, string>;
      clauses?: unknown[];
      headers?: Record<string, string>;
      /** Extra members of the error object (e.g. an MFA enrolment token). */
      extra?: Record<string, unknown>;
    } = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const notFound = (code: string = ErrorCode.NOT_FOUND, message = 'Not found'): DomainError =>
  new DomainError(404, code, message);

export const conflict = (code: string, message: string): DomainError => new DomainError(409, code, message);

export const validationFailed = (
  fields: Record<string, string>,
  message = 'Validation failed',
): DomainError => new DomainError(422, ErrorCode.VALIDATION_FAILED, message, { fields });
