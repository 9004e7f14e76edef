/**
 * Loading a definition with validation. Keeps ajv out of the evaluation path: ajv compiles the schema with
 * `new Function`, fine on the server and in the admin, but a browser that only evaluates never imports this
 * module's validator (and the schema is compiled lazily, on the first load).
 */
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import { ProgramDefinitionError } from './definition-error';
import schema from './program-definition.schema.json';
import { checkDefinitionSemantics } from './semantics';
import type { ProgramDefinition } from './types';

export { schema as programDefinitionSchema };

let validate: ValidateFunction | null = null;

function compiled(): ValidateFunction {
  if (!validate) {
    const ajv = new Ajv({ discriminator: true, allErrors: false, strict: true, allowUnionTypes: true });
    validate = ajv.compile(schema);
  }
  return validate;
}

function pointerOf(e: ErrorObject): string {
  const params = e.params as Record<string, unknown>;
  const esc = (s: string): string => s.replace(/~/g, '~0').replace(/\//g, '~1');
  if (e.keyword === 'required' && typeof params.missingProperty === 'string')
    return `${e.instancePath}/${esc(params.missingProperty)}`;
  if (e.keyword === 'additionalProperties' && typeof params.additionalProperty === 'string') {
    return `${e.instancePath}/${esc(params.additionalProperty)}`;
  }
  return e.instancePath;
}

/**
 * Validates a program definition (JSON Schema, then semantic checks: rule operators, declared fact paths,
 * dates, formula shape) and returns it typed. Throws `ProgramDefinitionError` whose `path` names the bad node.
 * Returns a deep copy, so later changes to the input do not affect the (cached) compiled form.
 */
export function loadProgramDefinition(json: unknown): ProgramDefinition {
  const v = compiled();
  if (!v(json)) {
    const e = v.errors?.[0];
    if (!e) throw new ProgramDefinitionError('invalid program definition', '');
    throw new ProgramDefinitionError(e.message ?? 'invalid', pointerOf(e));
  }
  const def = JSON.parse(JSON.stringify(json)) as ProgramDefinition;
  checkDefinitionSemantics(def);
  return def;
}
