/**
 * Error codes of the HTTP contract (`{ error: { code, message, fields } }`). The API maps domain
 * errors to these codes in one global filter; the web translates them (`errors.<CODE>`).
 */
export const ErrorCode = {
  BAD_REQUEST: 'BAD_REQUEST',
  MALFORMED_JSON: 'MALFORMED_JSON',
  VALIDATION_FAILED: 'VALIDATION_FAILED',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  ROUTE_NOT_FOUND: 'ROUTE_NOT_FOUND',
  METHOD_NOT_ALLOWED: 'METHOD_NOT_ALLOWED',
  CONFLICT: 'CONFLICT',
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  UNSUPPORTED_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  RATE_LIMITED: 'RATE_LIMITED',
  SERVICE_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
  INTERNAL_ERROR: 'INTERNAL_ERROR',
  // Programs and eligibility
  PROGRAM_NOT_FOUND: 'PROGRAM_NOT_FOUND',
  INVALID_PROGRAM_DEFINITION: 'INVALID_PROGRAM_DEFINITION',
  NOT_ELIGIBLE: 'NOT_ELIGIBLE',
  PROGRAM_CLOSED: 'PROGRAM_CLOSED',
  BUDGET_EXHAUSTED: 'BUDGET_EXHAUSTED',
  BUDGET_BELOW_RESERVED: 'BUDGET_BELOW_RESERVED',
} as const;

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** Per-field validation codes carried in `error.fields`. */
export const FieldErrorCode = {
  REQUIRED: 'REQUIRED',
  UNKNOWN_FIELD: 'UNKNOWN_FIELD',
  INVALID_TYPE: 'INVALID_TYPE',
  INVALID_FORMAT: 'INVALID_FORMAT',
  INVALID_CHECKSUM: 'INVALID_CHECKSUM',
  INVALID_DATE: 'INVALID_DATE',
  OUT_OF_RANGE: 'OUT_OF_RANGE',
  TOO_LONG: 'TOO_LONG',
  NOT_IN_OPTIONS: 'NOT_IN_OPTIONS',
} as const;

export type FieldErrorCode = (typeof FieldErrorCode)[keyof typeof FieldErrorCode];

/** The error body every non-2xx JSON response carries. */
export interface ApiErrorBody {
  error: {
    code: string;
    message: string;
    fields?: Record<string, string>;
    clauses?: unknown[];
  };
}
