import type { FactField, FactValidatorName, ProgramDefinition } from '../programs/types';
import { isIsoDate } from '../validators/dates';
import { validateBankCard } from '../validators/bank-card';
import { validateInvoiceNo } from '../validators/invoice';
import { validateMobile } from '../validators/mobile';
import { validatePlate } from '../validators/plate';
import { validateResidentId } from '../validators/resident-id';
import type { ValidateOptions, ValidationResult } from '../validators/types';
import { validateUscc } from '../validators/uscc';
import { validateVin } from '../validators/vin';

export const FactErrorCode = {
  UNKNOWN_FIELD: 'UNKNOWN_FIELD',
  EXPECTED_OBJECT: 'EXPECTED_OBJECT',
  EXPECTED_STRING: 'EXPECTED_STRING',
  EXPECTED_DATE: 'EXPECTED_DATE',
  INVALID_DATE: 'INVALID_DATE',
  EXPECTED_INTEGER: 'EXPECTED_INTEGER',
  EXPECTED_MONEY: 'EXPECTED_MONEY',
  EXPECTED_NUMBER: 'EXPECTED_NUMBER',
  EXPECTED_BOOLEAN: 'EXPECTED_BOOLEAN',
  NOT_IN_OPTIONS: 'NOT_IN_OPTIONS',
  BELOW_MIN: 'BELOW_MIN',
  ABOVE_MAX: 'ABOVE_MAX',
  TOO_LONG: 'TOO_LONG',
} as const;

export interface FactsValidation {
  ok: boolean;
  /** Fact path → error code (e.g. `oldVehicle.vin` → `INVALID_CHECKSUM`). The server answers 422 with these. */
  fields: Record<string, string>;
  /** Fact path → warning code (e.g. an old VIN's bad check digit → manual review). */
  warnings: Record<string, string>;
  /** A copy of the facts with identifier values normalised (only meaningful when `ok`). */
  normalized: Record<string, unknown>;
}

const MAX_STRING = 200;

export function runFactValidator(
  name: FactValidatorName,
  value: string,
  options: ValidateOptions = {},
): ValidationResult {
  switch (name) {
    case 'residentId':
      return validateResidentId(value, options);
    case 'uscc':
      return validateUscc(value);
    case 'vin-old':
      return validateVin(value, { context: 'old' });
    case 'vin-new':
      return validateVin(value, { context: 'new' });
    case 'plate':
      return validatePlate(value);
    case 'invoiceNo':
      return validateInvoiceNo(value, options);
    case 'bankCard':
      return validateBankCard(value);
    case 'mobile':
      return validateMobile(value);
  }
}

const fieldMaps = new WeakMap<ProgramDefinition, Map<string, FactField>>();
function fieldMap(def: ProgramDefinition): Map<string, FactField> {
  let m = fieldMaps.get(def);
  if (!m) {
    m = new Map(def.factFields.map((f) => [f.path, f]));
    fieldMaps.set(def, m);
  }
  return m;
}

function checkValue(
  field: FactField,
  value: unknown,
  options: ValidateOptions,
): { error?: string; warning?: string; value?: unknown } {
  switch (field.type) {
    case 'string': {
      if (typeof value !== 'string') return { error: FactErrorCode.EXPECTED_STRING };
      if (field.validator) {
        const r = runFactValidator(field.validator, value, options);
        if (!r.ok) return { error: r.errors[0] ?? 'INVALID_FORMAT' };
        return { value: r.value, ...(r.warnings[0] ? { warning: r.warnings[0] } : {}) };
      }
      const trimmed = value.trim();
      if (trimmed.length > MAX_STRING) return { error: FactErrorCode.TOO_LONG };
      return { value: trimmed };
    }
    case 'date':
      if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value))
        return { error: FactErrorCode.EXPECTED_DATE };
      if (!isIsoDate(value)) return { error: FactErrorCode.INVALID_DATE };
      return { value };
    case 'boolean':
      return typeof value === 'boolean' ? { value } : { error: FactErrorCode.EXPECTED_BOOLEAN };
    case 'enum':
      if (typeof value !== 'string' && typeof value !== 'number')
        return { error: FactErrorCode.NOT_IN_OPTIONS };
      return (field.options ?? []).some((o) => o.value === String(value))
        ? { value: String(value) }
        : { error: FactErrorCode.NOT_IN_OPTIONS };
    case 'integer':
    case 'money':
    case 'number': {
      if (typeof value !== 'number' || !Number.isFinite(value)) {
        return {
          error:
            field.type === 'integer'
              ? FactErrorCode.EXPECTED_INTEGER
              : field.type === 'money'
                ? FactErrorCode.EXPECTED_MONEY
                : FactErrorCode.EXPECTED_NUMBER,
        };
      }
      if (field.type !== 'number' && !Number.isSafeInteger(value)) {
        return {
          error: field.type === 'integer' ? FactErrorCode.EXPECTED_INTEGER : FactErrorCode.EXPECTED_MONEY,
        };
      }
      const min = field.min ?? (field.type === 'money' ? 0 : undefined);
      if (min !== undefined && value < min) return { error: FactErrorCode.BELOW_MIN };
      if (field.max !== undefined && value > field.max) return { error: FactErrorCode.ABOVE_MAX };
      return { value };
    }
  }
}

/**
 * Checks supplied facts against the definition's fact fields: types, enum options, identifier validators and
 * ranges. Missing facts are fine (they make clauses unknown); a path the definition does not declare is
 * `UNKNOWN_FIELD`. `null` counts as missing.
 */
export function validateFacts(
  definition: ProgramDefinition,
  facts: unknown,
  options: ValidateOptions = {},
): FactsValidation {
  const fields: Record<string, string> = {};
  const warnings: Record<string, string> = {};
  const normalized: Record<string, unknown> = {};
  const map = fieldMap(definition);
  if (facts === null || typeof facts !== 'object' || Array.isArray(facts)) {
    return { ok: false, fields: { facts: FactErrorCode.EXPECTED_OBJECT }, warnings, normalized };
  }
  const groupNames = new Set(
    definition.factFields.map((f) => f.path.split('.').slice(0, -1).join('.')).filter(Boolean),
  );

  const walk = (obj: Record<string, unknown>, prefix: string, out: Record<string, unknown>): void => {
    for (const [key, value] of Object.entries(obj)) {
      const path = prefix ? `${prefix}.${key}` : key;
      if (value === undefined || value === null) continue;
      const field = map.get(path);
      if (field) {
        const r = checkValue(field, value, options);
        if (r.error) fields[path] = r.error;
        else out[key] = r.value;
        if (r.warning) warnings[path] = r.warning;
      } else if (groupNames.has(path)) {
        if (typeof value !== 'object' || Array.isArray(value)) {
          fields[path] = FactErrorCode.EXPECTED_OBJECT;
          continue;
        }
        const sub: Record<string, unknown> = {};
        out[key] = sub;
        walk(value as Record<string, unknown>, path, sub);
      } else {
        fields[path] = FactErrorCode.UNKNOWN_FIELD;
      }
    }
  };
  walk(facts as Record<string, unknown>, '', normalized);
  return { ok: Object.keys(fields).length === 0, fields, warnings, normalized };
}
