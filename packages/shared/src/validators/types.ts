/** What every identifier validator returns. `value` is the normalised input, whatever the outcome. */
export interface ValidationResult {
  ok: boolean;
  value: string;
  /** SCREAMING_SNAKE codes: REQUIRED, INVALID_FORMAT, INVALID_CHECKSUM, INVALID_DATE, FUTURE_DATE, … */
  errors: string[];
  /** Codes that do not make the value invalid (e.g. UNKNOWN_REGION, INVALID_CHECKSUM for a bank card). */
  warnings: string[];
}

export interface ValidateOptions {
  /** The current date, `YYYY-MM-DD`, for "not in the future" checks. Defaults to today in Asia/Shanghai. */
  today?: string;
}

export const ValidationCode = {
  REQUIRED: 'REQUIRED',
  INVALID_FORMAT: 'INVALID_FORMAT',
  INVALID_CHECKSUM: 'INVALID_CHECKSUM',
  INVALID_DATE: 'INVALID_DATE',
  FUTURE_DATE: 'FUTURE_DATE',
  LEGACY_ID_NUMBER: 'LEGACY_ID_NUMBER',
  UNKNOWN_REGION: 'UNKNOWN_REGION',
} as const;
export type ValidationCode = (typeof ValidationCode)[keyof typeof ValidationCode];

export function result(value: string, errors: string[], warnings: string[] = []): ValidationResult {
  return { ok: errors.length === 0, value, errors, warnings };
}
