import type { ApiErrorBody } from '@huanxin/shared';

export function errorBody(
  code: string,
  message: string,
  extra: { fields?: Record<string, string>; clauses?: unknown[] } = {},
): ApiErrorBody {
  return { error: { code, message, ...(extra.fields && { fields: extra.fields }), ...(extra.clauses && { clauses: extra.clauses }) } };
}
