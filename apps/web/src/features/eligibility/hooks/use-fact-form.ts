/**
 * The model behind the generated eligibility form: how a program's fact fields become form inputs and how
 * the inputs become the `facts` object that the browser and the server evaluate.
 *
 * Form values hold what the resident typed (money in yuan as text, numbers as text); facts hold typed values
 * (money as integer fen). Validation is the shared `validateFacts` (the server answers 422 with the same codes).
 */
import { useMemo, useState } from 'react';
import { useWatch, type Control } from 'react-hook-form';
import {
  evaluateEligibility,
  fenToYuanString,
  todayInShanghai,
  validateFacts,
  yuanToFen,
  type EligibilityResult,
  type FactField,
  type ProgramDefinition,
} from '@huanxin/shared';

import { fieldLabel, getPath } from '@/lib/fact-fields';

// Pure fact-field helpers shared with the applications feature (review step) live in lib.
export { fieldLabel, getPath };

export type FactFormValues = Record<string, unknown>;

/** Codes the form adds for input it cannot even turn into a fact. */
export const InputErrorCode = {
  INVALID_MONEY: 'INVALID_MONEY',
  EXPECTED_INTEGER: 'EXPECTED_INTEGER',
  EXPECTED_NUMBER: 'EXPECTED_NUMBER',
  EXPECTED_DATE: 'EXPECTED_DATE',
} as const;

export interface FieldGroup {
  group: string;
  fields: FactField[];
}

/** Fields grouped by `group`, groups and fields in definition order. */
export function groupFactFields(fields: readonly FactField[]): FieldGroup[] {
  const groups = new Map<string, FactField[]>();
  for (const field of fields) {
    const list = groups.get(field.group);
    if (list) list.push(field);
    else groups.set(field.group, [field]);
  }
  return [...groups].map(([group, list]) => ({ group, fields: list }));
}

export function setPath(obj: Record<string, unknown>, path: string, value: unknown): Record<string, unknown> {
  const keys = path.split('.');
  let cur = obj;
  keys.slice(0, -1).forEach((key) => {
    const next = cur[key];
    if (next === null || typeof next !== 'object') cur[key] = {};
    cur = cur[key] as Record<string, unknown>;
  });
  cur[keys[keys.length - 1] as string] = value;
  return obj;
}

/** Empty form values: text-like inputs start as '', choices and switches as unanswered (undefined). */
export function defaultFactValues(fields: readonly FactField[]): FactFormValues {
  const values: FactFormValues = {};
  for (const field of fields) {
    setPath(values, field.path, field.type === 'enum' || field.type === 'boolean' ? undefined : '');
  }
  return values;
}

/** The inverse of `inputToFact`: saved facts (e.g. a draft) back into form values (money in yuan as text). */
export function valuesFromFacts(
  fields: readonly FactField[],
  facts: Record<string, unknown>,
): FactFormValues {
  const values = defaultFactValues(fields);
  for (const field of fields) {
    const fact = getPath(facts, field.path);
    if (fact === undefined || fact === null) continue;
    let value: unknown = fact;
    if (field.type === 'money' && typeof fact === 'number') value = fenToYuanString(fact);
    else if ((field.type === 'integer' || field.type === 'number') && typeof fact === 'number')
      value = String(fact);
    setPath(values, field.path, value);
  }
  return values;
}

/** One input → one fact value. `{}` = not answered (the fact is missing, clauses that need it are unknown). */
export function inputToFact(field: FactField, raw: unknown): { value?: unknown; error?: string } {
  if (raw === undefined || raw === null) return {};
  if (typeof raw === 'string' && raw.trim() === '') return {};
  switch (field.type) {
    case 'boolean':
      return typeof raw === 'boolean' ? { value: raw } : {};
    case 'enum':
    case 'string':
      return { value: String(raw).trim() };
    case 'date': {
      const s = String(raw).trim();
      return /^\d{4}-\d{2}-\d{2}$/.test(s) ? { value: s } : { error: InputErrorCode.EXPECTED_DATE };
    }
    case 'money':
      try {
        return { value: yuanToFen(String(raw)) };
      } catch {
        return { error: InputErrorCode.INVALID_MONEY };
      }
    case 'integer': {
      const s = String(raw).trim();
      return /^-?\d+$/.test(s) ? { value: Number(s) } : { error: InputErrorCode.EXPECTED_INTEGER };
    }
    case 'number': {
      const s = String(raw).trim();
      const n = Number(s);
      return /^-?\d+(\.\d+)?$/.test(s) && Number.isFinite(n)
        ? { value: n }
        : { error: InputErrorCode.EXPECTED_NUMBER };
    }
  }
}

/** A definition to validate against: the real one, or (when the server sent only fact fields) a shell of them. */
export function validationDefinition(
  factFields: FactField[],
  definition: ProgramDefinition | undefined,
): ProgramDefinition {
  // validateFacts reads only `factFields`; the shell lets the form validate even without the full rules.
  return definition ?? ({ factFields } as unknown as ProgramDefinition);
}

/** Validate one input as the server would. Returns an error code, or true. */
export function validateFactInput(
  def: ProgramDefinition,
  field: FactField,
  raw: unknown,
  today?: string,
): true | string {
  const converted = inputToFact(field, raw);
  if (converted.error) return converted.error;
  if (converted.value === undefined) return true;
  const checked = validateFacts(def, setPath({}, field.path, converted.value), today ? { today } : {});
  return checked.fields[field.path] ?? true;
}

export interface FactsFromForm {
  /** Only answered, valid facts (normalised), ready for the engine and the server. */
  facts: Record<string, unknown>;
  /** Fact path → error code for answered but invalid inputs (left out of `facts`). */
  errors: Record<string, string>;
  /** Fact path → warning code (e.g. an old VIN whose check digit does not match). */
  warnings: Record<string, string>;
}

export function factsFromValues(
  def: ProgramDefinition,
  values: FactFormValues,
  today?: string,
): FactsFromForm {
  const errors: Record<string, string> = {};
  const typed: Record<string, unknown> = {};
  for (const field of def.factFields) {
    const converted = inputToFact(field, getPath(values, field.path));
    if (converted.error) errors[field.path] = converted.error;
    else if (converted.value !== undefined) setPath(typed, field.path, converted.value);
  }
  const checked = validateFacts(def, typed, today ? { today } : {});
  Object.assign(errors, checked.fields);
  // Keep the normalised values of the valid facts only.
  const facts: Record<string, unknown> = {};
  for (const field of def.factFields) {
    if (errors[field.path]) continue;
    const value = getPath(checked.normalized, field.path);
    if (value !== undefined) setPath(facts, field.path, value);
  }
  return { facts, errors, warnings: checked.warnings };
}

export interface FactEvaluation extends FactsFromForm {
  asOf: string;
  /** Undefined when the server did not send the full definition (then only the server can evaluate). */
  result: EligibilityResult | undefined;
}

/** Evaluate the form instantly in the browser with the shared engine (history unknown: anonymous pre-check). */
export function evaluateFacts(
  definition: ProgramDefinition | undefined,
  def: ProgramDefinition,
  values: FactFormValues,
  asOf: string,
): FactEvaluation {
  const fromForm = factsFromValues(def, values);
  let result: EligibilityResult | undefined;
  if (definition) result = evaluateEligibility(definition, fromForm.facts, { asOf });
  return { ...fromForm, asOf, result };
}

/** Watches the form and re-evaluates on every change. The evaluation date is fixed when the page opens. */
export function useFactEvaluation(
  control: Control<FactFormValues>,
  definition: ProgramDefinition | undefined,
  def: ProgramDefinition,
): FactEvaluation {
  const [asOf] = useState(() => todayInShanghai());
  const values = useWatch({ control });
  const key = JSON.stringify(values);
  return useMemo(
    () => evaluateFacts(definition, def, JSON.parse(key) as FactFormValues, asOf),
    [definition, def, key, asOf],
  );
}
