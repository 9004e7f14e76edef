/** Static analysis of rules: which facts a rule reads, and load-time checks (operators, declared paths). */
import { CLAIM_KEY_NAMES, PROGRAM_KINDS } from '../programs/types';
import { HISTORY_OPERATORS, RULE_OPERATORS } from './operators';

/** Top-level names the engine supplies; fact groups may not use them. */
export const RESERVED_ROOTS: ReadonlySet<string> = new Set([
  'asOf',
  'applicant',
  'program',
  'participatingDealers',
  'history',
]);

/** Context paths a rule may read besides the declared fact fields. `program.settings.<name>` is also allowed. */
export const RESERVED_PATHS: ReadonlySet<string> = new Set([
  'asOf',
  'applicant.birthDate',
  'applicant.age',
  'program.code',
  'program.kind',
  'program.version',
  'program.opensOn',
  'program.closesOn',
  'program.year',
  'participatingDealers',
]);

export const HISTORY_WHERE_FIELDS: ReadonlySet<string> = new Set<string>([
  'year',
  'category',
  'type',
  ...CLAIM_KEY_NAMES,
]);
const HISTORY_FILTER_KEYS = new Set(['program', 'kinds', 'scope', 'excludeStacking', 'where']);
const HISTORY_OPS: ReadonlySet<string> = new Set<string>(HISTORY_OPERATORS);

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function historyFilterOf(arg: unknown): unknown {
  return Array.isArray(arg) && arg.length === 1 ? arg[0] : arg;
}

/** Every `var` path a rule references (including inside history filters), in first-seen order. */
export function collectVarPaths(rule: unknown, out: string[] = []): string[] {
  if (Array.isArray(rule)) {
    for (const r of rule) collectVarPaths(r, out);
  } else if (isPlainObject(rule)) {
    for (const [op, arg] of Object.entries(rule)) {
      if (op === 'var') {
        const p = Array.isArray(arg) ? arg[0] : arg;
        if (typeof p === 'string' && !out.includes(p)) out.push(p);
      } else if (HISTORY_OPS.has(op)) {
        const f = historyFilterOf(arg);
        if (isPlainObject(f) && isPlainObject(f.where))
          for (const w of Object.values(f.where)) collectVarPaths(w, out);
      } else if (op !== 'present') {
        collectVarPaths(arg, out);
      }
    }
  }
  return out;
}

/** Does the rule call historyCount / historySum? */
export function readsHistory(rule: unknown): boolean {
  if (Array.isArray(rule)) return rule.some(readsHistory);
  if (isPlainObject(rule)) {
    return Object.entries(rule).some(
      ([op, arg]) => HISTORY_OPS.has(op) || (op !== 'present' && readsHistory(arg)),
    );
  }
  return false;
}

/** Does the rule use this operator anywhere? */
export function usesOperator(rule: unknown, operator: string): boolean {
  if (Array.isArray(rule)) return rule.some((r) => usesOperator(r, operator));
  if (isPlainObject(rule))
    return Object.entries(rule).some(([op, arg]) => op === operator || usesOperator(arg, operator));
  return false;
}

export interface RuleIssue {
  /** JSON pointer of the bad node. */
  path: string;
  message: string;
}

export interface RuleCheckContext {
  declaredPaths: ReadonlySet<string>;
  allowHistory: boolean;
}

function escapePointer(s: string): string {
  return s.replace(/~/g, '~0').replace(/\//g, '~1');
}

export function isAllowedVarPath(path: string, declared: ReadonlySet<string>): boolean {
  return (
    declared.has(path) || RESERVED_PATHS.has(path) || /^program\.settings\.[A-Za-z][A-Za-z0-9]*$/.test(path)
  );
}

/** Checks a history filter; returns the first issue. */
export function checkHistoryFilter(
  filter: unknown,
  pointer: string,
  ctx: RuleCheckContext,
): RuleIssue | null {
  if (!isPlainObject(filter)) return { path: pointer, message: 'a history filter must be an object' };
  for (const [k, v] of Object.entries(filter)) {
    const p = `${pointer}/${escapePointer(k)}`;
    if (!HISTORY_FILTER_KEYS.has(k)) return { path: p, message: `unknown history filter key "${k}"` };
    if (k === 'program' && v !== 'same' && v !== 'other' && v !== 'any')
      return { path: p, message: 'program must be same, other or any' };
    if (k === 'scope' && v !== 'applicant' && v !== 'all')
      return { path: p, message: 'scope must be applicant or all' };
    if (k === 'excludeStacking' && typeof v !== 'boolean')
      return { path: p, message: 'excludeStacking must be a boolean' };
    if (k === 'kinds') {
      if (!Array.isArray(v)) return { path: p, message: 'kinds must be an array' };
      const bad = v.findIndex((x) => !(PROGRAM_KINDS as readonly unknown[]).includes(x));
      if (bad >= 0) return { path: `${p}/${bad}`, message: 'unknown program kind' };
    }
    if (k === 'where') {
      if (!isPlainObject(v)) return { path: p, message: 'where must be an object' };
      for (const [field, rule] of Object.entries(v)) {
        const fp = `${p}/${escapePointer(field)}`;
        if (!HISTORY_WHERE_FIELDS.has(field))
          return { path: fp, message: `unknown history field "${field}"` };
        const issue = checkRule(rule, fp, { ...ctx, allowHistory: false });
        if (issue) return issue;
      }
    }
  }
  return null;
}

/**
 * Checks a rule against the declared language: every object node is `{ operator: args }` with a known operator,
 * every `var` names a declared fact field or a reserved context path, history operators only where allowed.
 */
export function checkRule(rule: unknown, pointer: string, ctx: RuleCheckContext): RuleIssue | null {
  if (rule === null || typeof rule === 'string' || typeof rule === 'boolean') return null;
  if (typeof rule === 'number')
    return Number.isFinite(rule) ? null : { path: pointer, message: 'numbers must be finite' };
  if (Array.isArray(rule)) {
    for (let i = 0; i < rule.length; i++) {
      const issue = checkRule(rule[i], `${pointer}/${i}`, ctx);
      if (issue) return issue;
    }
    return null;
  }
  if (!isPlainObject(rule)) return { path: pointer, message: 'not JSON' };
  const keys = Object.keys(rule);
  if (keys.length !== 1) return { path: pointer, message: 'an operation must have exactly one operator key' };
  const op = keys[0] as string;
  const arg = rule[op];
  const p = `${pointer}/${escapePointer(op)}`;
  if (!RULE_OPERATORS.has(op)) return { path: p, message: `unknown operator "${op}"` };
  if (op === 'var' || op === 'present') {
    const path = Array.isArray(arg) && arg.length === 1 ? arg[0] : arg;
    if (typeof path !== 'string') return { path: p, message: `${op} takes one fact path string` };
    if (!isAllowedVarPath(path, ctx.declaredPaths))
      return { path: p, message: `fact "${path}" is not declared in factFields` };
    return null;
  }
  if (HISTORY_OPS.has(op)) {
    if (!ctx.allowHistory) return { path: p, message: `${op} needs usesHistory: true on the clause` };
    return checkHistoryFilter(historyFilterOf(arg), Array.isArray(arg) ? `${p}/0` : p, ctx);
  }
  return checkRule(arg, p, ctx);
}
