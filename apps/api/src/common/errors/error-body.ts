import type { ApiErrorBody, ErrorCode } from '@huanxin/shared';

export function errorBody(
  code: ErrorCode,
  message: string,
  details: { fields?: Record<string, string>; clauses?: unknown[]; extra?: Record<string, unknown> } = {},
): ApiErrorBody {
  return {
    error: {
      ...details.extra,
      code,
      message,
      ...(details.fields && { fields: details.fields }),
      ...(details.clauses && { clauses: details.clauses }),
    },
  };
}
