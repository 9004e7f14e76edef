/**
 * A structural diff of two program definitions: every leaf (a string, number, boolean, null, or an empty
 * array/object) by its JSON pointer, compared. The pointers are the ones the server's 422 and the editor
 * use, so a row names the same node everywhere; a row also says which part, clause or field it is in.
 * Arrays are compared by position (a definition's lists are ordered: clauses run in order).
 *
 * No diff library: the definition is plain JSON, and a table of paths reads better for an administrator
 * than a text diff of pretty-printed JSON (where a moved brace shows as a change).
 */
import type { ProgramDefinition } from '@huanxin/shared';
import { partOfKey, pointerSegments, type EditorPartKey } from './editor-schema';

export interface DiffRow {
  path: string;
  part: EditorPartKey;
  kind: 'added' | 'removed' | 'changed';
  before?: unknown;
  after?: unknown;
}

const escape = (s: string) => s.replace(/~/g, '~0').replace(/\//g, '~1');

/** Leaf pointer → value. `version` is left out: every draft has a new number, that is not a change. */
export function flatten(value: unknown, prefix = '', out = new Map<string, unknown>()): Map<string, unknown> {
  if (Array.isArray(value)) {
    if (value.length === 0) out.set(prefix, []);
    value.forEach((v, i) => flatten(v, `${prefix}/${i}`, out));
  } else if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    if (entries.length === 0) out.set(prefix, {});
    for (const [k, v] of entries) {
      if (prefix === '' && k === 'version') continue;
      flatten(v, `${prefix}/${escape(k)}`, out);
    }
  } else {
    out.set(prefix, value);
  }
  return out;
}

export function diffDefinitions(before: ProgramDefinition, after: ProgramDefinition): DiffRow[] {
  const a = flatten(before);
  const b = flatten(after);
  const rows: DiffRow[] = [];
  const part = (path: string) => partOfKey(pointerSegments(path)[0] ?? '');
  for (const [path, value] of a) {
    if (!b.has(path)) rows.push({ path, part: part(path), kind: 'removed', before: value });
    else if (JSON.stringify(b.get(path)) !== JSON.stringify(value))
      rows.push({ path, part: part(path), kind: 'changed', before: value, after: b.get(path) });
  }
  for (const [path, value] of b)
    if (!a.has(path)) rows.push({ path, part: part(path), kind: 'added', after: value });
  // In the definition's own order (the draft's, then anything only the old one had).
  const order = [...b.keys(), ...a.keys()];
  return rows.sort((x, y) => order.indexOf(x.path) - order.indexOf(y.path));
}

/**
 * What the row is about, beyond its part: the clause (by id), fact field (by path) or document (by kind)
 * the pointer is inside, read from the draft (or the old version for a removed row).
 */
export function rowContext(row: DiffRow, after: ProgramDefinition, before: ProgramDefinition): string | null {
  const [list, index] = pointerSegments(row.path);
  if (index === undefined || !/^\d+$/.test(index)) return null;
  const def = row.kind === 'removed' ? before : after;
  const i = Number(index);
  if (list === 'clauses') return def.clauses[i]?.id ?? null;
  if (list === 'factFields') return def.factFields[i]?.path ?? null;
  if (list === 'documents') return def.documents[i]?.kind ?? null;
  if (list === 'claimKeys') return def.claimKeys[i]?.name ?? null;
  return null;
}
