/**
 * The editor's own check of a draft before it is sent: the shared JSON Schema (interpreted, CSP-safe) and
 * the shared semantic checks (`checkDefinitionSemantics`: rule operators, declared fact paths, dates,
 * formula shape) — the same two steps as the server's `loadProgramDefinition`, with the same JSON
 * pointers, so a problem shows on its field before the round trip. The server stays the judge.
 */
import { Validator, type Schema } from '@cfworker/json-schema';
import {
  ProgramDefinitionError,
  checkDefinitionSemantics,
  programDefinitionSchema,
  type ProgramDefinition,
} from '@huanxin/shared';
import { WRAPPER_KEYWORDS, validationSchema } from './validation-schema';

export interface DefinitionIssue {
  /** JSON pointer of the bad node. */
  path: string;
  message: string;
}

let validator: Validator | null = null;

export function checkDefinition(definition: ProgramDefinition): DefinitionIssue[] {
  validator ??= new Validator(validationSchema(programDefinitionSchema) as Schema, '7', false);
  const result = validator.validate(definition);
  if (!result.valid) {
    const seen = new Set<string>();
    const issues: DefinitionIssue[] = [];
    for (const e of result.errors) {
      if (WRAPPER_KEYWORDS.has(e.keyword)) continue;
      const path = e.instanceLocation.replace(/^#/, '');
      if (seen.has(path)) continue;
      seen.add(path);
      issues.push({ path, message: e.error });
    }
    // A failed child also fails its parents' keywords (required, const, …): keep the deepest.
    return issues.filter((i) => !issues.some((o) => o !== i && o.path.startsWith(`${i.path}/`)));
  }
  try {
    checkDefinitionSemantics(JSON.parse(JSON.stringify(definition)) as ProgramDefinition);
  } catch (error) {
    if (error instanceof ProgramDefinitionError)
      return [{ path: error.path, message: error.message.replace(`${error.path}: `, '') }];
    throw error;
  }
  return [];
}
