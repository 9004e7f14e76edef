import type { AuditFilter } from '@huanxin/shared';

/** The filter form as typed: times in Beijing time (`datetime-local`), ids as text. */
export interface AuditFilterValues {
  from: string;
  to: string;
  actor: string;
  action: string;
  objectType: string;
  objectId: string;
}

export const EMPTY_FILTER_VALUES: AuditFilterValues = {
  from: '',
  to: '',
  actor: '',
  action: '',
  objectType: '',
  objectId: '',
};

/** Object kinds the portal writes today (a suggestion list: the field takes any well-formed kind). */
export const KNOWN_OBJECT_TYPES = [
  'application',
  'audit_chain',
  'document',
  'organization',
  'payment_batch',
  'product',
  'program',
  'resident',
  'review_sample',
  'user',
] as const;

// The API's own rules (apps/api/src/audit/audit.dto.ts), checked as the auditor types.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ACTION = /^[a-z][a-z0-9_.]{1,63}$/;
const OBJECT_TYPE = /^[a-z][a-z0-9_]{1,63}$/;
const OBJECT_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;
const LOCAL_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;

/** `2026-07-01T08:30` typed in Beijing time → `2026-07-01T08:30:00+08:00`. */
export const beijingInstant = (local: string): string => `${local}:00+08:00`;

/** The field codes of the values that are wrong (the same codes the API answers with). */
export function filterErrors(values: AuditFilterValues): Partial<Record<keyof AuditFilterValues, string>> {
  const errors: Partial<Record<keyof AuditFilterValues, string>> = {};
  const v = trimmed(values);
  if (v.from && !LOCAL_TIME.test(v.from)) errors.from = 'INVALID_DATE';
  if (v.to && !LOCAL_TIME.test(v.to)) errors.to = 'INVALID_DATE';
  else if (v.from && v.to && !errors.from && v.to <= v.from) errors.to = 'OUT_OF_RANGE';
  if (v.actor && !UUID.test(v.actor)) errors.actor = 'INVALID_FORMAT';
  if (v.action && !ACTION.test(v.action)) errors.action = 'INVALID_FORMAT';
  if (v.objectType && !OBJECT_TYPE.test(v.objectType)) errors.objectType = 'INVALID_FORMAT';
  else if (v.objectId && !v.objectType) errors.objectType = 'REQUIRED';
  if (v.objectId && !OBJECT_ID.test(v.objectId)) errors.objectId = 'INVALID_FORMAT';
  return errors;
}

function trimmed(values: AuditFilterValues): AuditFilterValues {
  return Object.fromEntries(
    Object.entries(values).map(([key, value]) => [key, value.trim()]),
  ) as unknown as AuditFilterValues;
}

/** The filter the API is asked for: only the fields that are set, times with Beijing's offset. */
export function toAuditFilter(values: AuditFilterValues): AuditFilter {
  const v = trimmed(values);
  const filter: AuditFilter = {};
  if (v.from) filter.from = beijingInstant(v.from);
  if (v.to) filter.to = beijingInstant(v.to);
  if (v.actor) filter.actor = v.actor.toLowerCase();
  if (v.action) filter.action = v.action;
  if (v.objectType) filter.objectType = v.objectType;
  if (v.objectId) filter.objectId = v.objectId;
  return filter;
}
