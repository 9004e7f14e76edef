/**
 * An rjsf validator that runs under the portal's CSP (`script-src 'self'`, no `unsafe-eval`).
 * @rjsf/validator-ajv8 compiles schemas with `new Function`, which that policy blocks; @cfworker/json-schema
 * interprets the schema instead. rjsf uses `isValid` to match data to a `oneOf` option (the amount
 * formula) and `validateFormData` for the live field errors; both go through here.
 */
import { Validator, type OutputUnit, type Schema } from '@cfworker/json-schema';
import type {
  ErrorSchema,
  RJSFSchema,
  RJSFValidationError,
  ValidationData,
  ValidatorType,
} from '@rjsf/utils';
import { pointerSegments } from './editor-schema';
import { WRAPPER_KEYWORDS, validationSchema } from './validation-schema';

const cache = new WeakMap<object, Validator>();

function validatorFor(schema: RJSFSchema, rootSchema: RJSFSchema): Validator {
  const key = schema as object;
  let v = cache.get(key);
  if (!v) {
    const withDefs =
      schema === rootSchema || schema.definitions
        ? schema
        : { ...schema, definitions: rootSchema.definitions };
    v = new Validator(validationSchema(withDefs) as Schema, '7', false);
    cache.set(key, v);
  }
  return v;
}

/** The leaf errors, one per data location (the first one found). */
function leafErrors(errors: readonly OutputUnit[]): OutputUnit[] {
  const seen = new Set<string>();
  const out: OutputUnit[] = [];
  for (const e of errors) {
    if (WRAPPER_KEYWORDS.has(e.keyword)) continue;
    if (seen.has(e.instanceLocation)) continue;
    seen.add(e.instanceLocation);
    out.push(e);
  }
  return out;
}

function toErrorSchema(errors: readonly RJSFValidationError[]): ErrorSchema {
  const out: Record<string, unknown> = {};
  for (const e of errors) {
    let cur = out;
    for (const seg of pointerSegments(e.property ?? '')) {
      cur[seg] ??= {};
      cur = cur[seg] as Record<string, unknown>;
    }
    ((cur.__errors ??= []) as string[]).push(e.message ?? '');
  }
  return out as ErrorSchema;
}

export const cspSafeValidator: ValidatorType = {
  validateFormData(formData: unknown, schema: RJSFSchema): ValidationData<unknown> {
    const result = validatorFor(schema, schema).validate(formData);
    const errors: RJSFValidationError[] = leafErrors(result.errors).map((e) => ({
      name: e.keyword,
      property: e.instanceLocation.replace(/^#/, ''),
      message: e.error,
      schemaPath: e.keywordLocation,
      stack: `${e.instanceLocation.replace(/^#/, '') || '/'} ${e.error}`,
    }));
    return { errors, errorSchema: toErrorSchema(errors) };
  },
  isValid(schema: RJSFSchema, formData: unknown, rootSchema: RJSFSchema): boolean {
    try {
      return validatorFor(schema, rootSchema).validate(formData).valid;
    } catch {
      return false;
    }
  },
  rawValidation<Result = unknown>(schema: RJSFSchema, formData?: unknown) {
    try {
      const result = validatorFor(schema, schema).validate(formData);
      return { errors: leafErrors(result.errors) as Result[] };
    } catch (error) {
      return { validationError: error as Error };
    }
  },
};
