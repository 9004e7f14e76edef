/**
 * The editor's view of the program definition's JSON Schema (the shared file, never a copy of its rules):
 * split into the parts an administrator edits one at a time (window, budget, documents, fact fields,
 * clauses, amount formula, settings), with localized titles added and the JsonLogic rule definition
 * tagged so the form shows a rule editor (JSON beside the rule in words) instead of a bare input.
 *
 * Also maps a JSON pointer (the server's 422 `path`, or a local check's) to the part and to the deepest
 * node the form shows: a pointer inside a rule (`/clauses/3/test/and/1/var`) lands on the rule's field.
 */
import type { TFunction } from 'i18next';
import type { ErrorSchema, RJSFSchema } from '@rjsf/utils';
import { programDefinitionSchema, type ProgramDefinition } from '@huanxin/shared';

/** rjsf picks a custom field by a schema's `$id` (SchemaField): the rule definition gets this one. */
export const RULE_FIELD_ID = 'hx-rule';

export const EDITOR_PARTS = [
  {
    key: 'general',
    props: [
      'code',
      'title',
      'summary',
      'kind',
      'opensOn',
      'closesOn',
      'stacksWith',
      'claimKeys',
      'historyFields',
    ],
  },
  { key: 'budget', props: ['budget'] },
  { key: 'documents', props: ['documents'] },
  { key: 'factFields', props: ['factFields'] },
  { key: 'clauses', props: ['clauses'] },
  { key: 'amount', props: ['amount', 'amountSource'] },
  { key: 'settings', props: ['settings'] },
] as const;

export type EditorPartKey = (typeof EDITOR_PARTS)[number]['key'];

type SchemaNode = Record<string, unknown>;
const root = programDefinitionSchema as unknown as SchemaNode;
const rootProps = root.properties as Record<string, SchemaNode>;
const rootDefs = root.definitions as Record<string, SchemaNode>;

const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

/** Adds `title` to every property (and oneOf option of the formula) that has a translation. */
function addTitles(node: unknown, t: TFunction): void {
  if (Array.isArray(node)) {
    node.forEach((n) => addTitles(n, t));
    return;
  }
  if (node === null || typeof node !== 'object') return;
  const n = node as SchemaNode;
  if (n.properties && typeof n.properties === 'object') {
    for (const [key, child] of Object.entries(n.properties as Record<string, SchemaNode>)) {
      // rjsf merges a `$ref`'s siblings into the resolved schema, so a title next to a $ref shows too.
      if (child && typeof child === 'object' && !('title' in child))
        child.title = t(`editor:field.${key}`, { defaultValue: key });
    }
  }
  for (const value of Object.values(n)) addTitles(value, t);
}

function editorDefinitions(t: TFunction): Record<string, SchemaNode> {
  const defs = clone(rootDefs);
  defs.rule = { ...defs.rule, $id: RULE_FIELD_ID, title: t('editor:field.rule') };
  delete (defs.rule as SchemaNode).description;
  const formula = defs.amountFormula as SchemaNode;
  for (const option of formula.oneOf as SchemaNode[]) {
    const type = ((option.properties as Record<string, SchemaNode>).type as SchemaNode).const as string;
    option.title = t(`editor:formula.${type}`);
  }
  // The discriminator picks the option; the `type` enum outside oneOf would render a second picker.
  delete formula.properties;
  delete formula.required;
  delete formula.type;
  return defs;
}

/** One part's form schema: an object of the part's top-level properties, with the shared definitions. */
export function partSchema(part: EditorPartKey, t: TFunction): RJSFSchema {
  const spec = EDITOR_PARTS.find((p) => p.key === part)!;
  const props: Record<string, SchemaNode> = {};
  for (const key of spec.props) props[key] = clone(rootProps[key] as SchemaNode);
  const required = (root.required as string[]).filter((k) => (spec.props as readonly string[]).includes(k));
  const schema: SchemaNode = {
    type: 'object',
    properties: props,
    required,
    definitions: editorDefinitions(t),
  };
  addTitles(schema, t);
  return schema as RJSFSchema;
}

/** The part a top-level key belongs to (`version` and unknown keys: general). */
export function partOfKey(key: string): EditorPartKey {
  return EDITOR_PARTS.find((p) => (p.props as readonly string[]).includes(key))?.key ?? 'general';
}

export function partData(definition: ProgramDefinition, part: EditorPartKey): Record<string, unknown> {
  const spec = EDITOR_PARTS.find((p) => p.key === part)!;
  const out: Record<string, unknown> = {};
  const def = definition as unknown as Record<string, unknown>;
  for (const key of spec.props) if (def[key] !== undefined) out[key] = def[key];
  return out;
}

/** JSON pointer → segments (`~1` = `/`, `~0` = `~`). `''` = the whole document. */
export function pointerSegments(pointer: string): string[] {
  if (pointer === '' || pointer === '/') return [];
  return pointer
    .replace(/^#/, '')
    .replace(/^\//, '')
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function resolve(node: SchemaNode | undefined): SchemaNode | undefined {
  let n = node;
  for (let i = 0; n && i < 8; i++) {
    if (typeof n.$ref === 'string') n = rootDefs[n.$ref.replace('#/definitions/', '')];
    else if (Array.isArray(n.allOf) && n.allOf.length === 1) n = n.allOf[0] as SchemaNode;
    else break;
  }
  return n;
}

export interface PointerTarget {
  part: EditorPartKey;
  /** The segments of the node the form shows (a rule stops here; the rest is inside its JSON). */
  fieldPath: string[];
  /** The remaining pointer inside that node (`/and/1/var`), '' when the pointer is the node itself. */
  inside: string;
}

/**
 * Where a pointer lands in the editor. Walks the shared schema along the pointer (objects by property,
 * arrays by item, the formula's oneOf by the data's `type`), stopping at a rule or at a node the schema
 * does not know (an extra property): the error is shown on the deepest field the form renders.
 */
export function locatePointer(pointer: string, definition: unknown): PointerTarget {
  const segments = pointerSegments(pointer);
  const first = segments[0];
  if (first === undefined || !(first in rootProps))
    return { part: 'general', fieldPath: [], inside: pointer };
  const part = partOfKey(first);
  let schema = resolve(rootProps[first]);
  let data: unknown = (definition as Record<string, unknown> | null)?.[first];
  let depth = 1;
  while (depth < segments.length && schema) {
    if (schema === rootDefs.rule) break;
    if (Array.isArray(schema.oneOf)) {
      const type = (data as { type?: unknown } | null)?.type;
      const option = (schema.oneOf as SchemaNode[]).find(
        (o) => ((o.properties as Record<string, SchemaNode>)?.type as SchemaNode | undefined)?.const === type,
      );
      if (!option) break;
      schema = option;
    }
    const seg = segments[depth] as string;
    let next: SchemaNode | undefined;
    if (schema.type === 'array' && /^\d+$/.test(seg)) next = schema.items as SchemaNode;
    else if (schema.properties && seg in (schema.properties as object))
      next = (schema.properties as Record<string, SchemaNode>)[seg];
    else if (schema.additionalProperties && typeof schema.additionalProperties === 'object')
      next = schema.additionalProperties as SchemaNode;
    if (!next) break;
    schema = resolve(next);
    data = Array.isArray(data) ? data[Number(seg)] : (data as Record<string, unknown> | null)?.[seg];
    depth++;
  }
  const rest = segments.slice(depth);
  return {
    part,
    fieldPath: segments.slice(0, depth),
    inside: rest.length ? `/${rest.map((s) => s.replace(/~/g, '~0').replace(/\//g, '~1')).join('/')}` : '',
  };
}

/** An rjsf ErrorSchema with `message` on the node at `fieldPath`. */
export function errorSchemaAt(fieldPath: readonly string[], message: string): ErrorSchema {
  const out: Record<string, unknown> = {};
  let cur = out;
  for (const seg of fieldPath) {
    const next: Record<string, unknown> = {};
    cur[seg] = next;
    cur = next;
  }
  cur.__errors = [message];
  return out as ErrorSchema;
}
