import type { ApiErrorBody } from '@huanxin/shared';

export function errorBody(
  code: string,
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
