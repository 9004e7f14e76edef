/**
 * The rule language: JsonLogic (json-logic-engine, interpreted — no `eval`, so it runs under a strict CSP)
 * plus the domain operators below. Documented in RULES.md.
 */
import { LogicEngine } from 'json-logic-engine';
import { addDays, addYears, ageOn, isIsoDate } from '../validators/dates';
import { percentOfFen } from '../money/money';
import type { HistoryFilter, ProgramKind } from '../programs/types';
import type { HistoryEntry } from './types';

/** Standard JsonLogic operators a definition may use. */
export const STANDARD_OPERATORS = [
  'var',
  'if',
  '?:',
  'and',
  'or',
  '!',
  '!!',
  '??',
  '==',
  '===',
  '!=',
  '!==',
  '<',
  '<=',
  '>',
  '>=',
  'in',
  '+',
  '-',
  '*',
  '/',
  '%',
  'min',
  'max',
  'substr',
  'cat',
] as const;

/** Domain operators added to the engine. */
export const DOMAIN_OPERATORS = [
  'dateBefore',
  'dateOnOrBefore',
  'dateAfter',
  'dateOnOrAfter',
  'dateBetween',
  'inWindow',
  'addDays',
  'addYears',
  'ageOn',
  'yearOf',
  'percentOf',
  'band',
  'startsWith',
  'present',
  'historyCount',
  'historySum',
] as const;

export const HISTORY_OPERATORS = ['historyCount', 'historySum'] as const;

export const RULE_OPERATORS: ReadonlySet<string> = new Set<string>([
  ...STANDARD_OPERATORS,
  ...DOMAIN_OPERATORS,
]);

/** The data a rule sees: the facts plus these reserved top-level names. */
export interface RuleData {
  [group: string]: unknown;
  asOf: string;
  applicant: { birthDate?: string; age?: number };
  program: {
    code: string;
    kind: ProgramKind;
    version: number;
    opensOn: string;
    closesOn: string;
    year: number;
    stacksWith: readonly string[];
    settings: Readonly<Record<string, unknown>>;
  };
  participatingDealers: readonly string[] | undefined;
  history: readonly HistoryEntry[] | undefined;
}

/** Is a fact value "missing"? undefined, null and the empty string are. */
export function isMissingValue(v: unknown): boolean {
  return v === undefined || v === null || v === '';
}

const splitCache = new Map<string, string[]>();
export function splitPath(path: string): string[] {
  let parts = splitCache.get(path);
  if (!parts) {
    parts = path.split('.');
    splitCache.set(path, parts);
  }
  return parts;
}

export function getPath(data: unknown, parts: readonly string[]): unknown {
  let cur: unknown = data;
  for (let i = 0; i < parts.length; i++) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[parts[i] as string];
  }
  return cur;
}

// ---------------------------------------------------------------------------------------------------------
// History queries

const FIELD_YEAR = 0;
const FIELD_CATEGORY = 1;
const FIELD_TYPE = 2;
const FIELD_KEY = 3;

interface CompiledFilter {
  program: 'same' | 'other' | 'any';
  kinds: ReadonlySet<string> | null;
  scope: 'applicant' | 'all';
  excludeStacking: boolean;
  whereKinds: number[];
  whereKeys: string[];
  whereRules: unknown[];
  /** `where` rules prepared for the fast and the tracking engine (lazily). */
  fast: Array<(data: RuleData) => unknown> | null;
  tracked: Array<(data: RuleData) => unknown> | null;
}

const filterCache = new WeakMap<object, CompiledFilter>();
const EMPTY_FILTER = {};

function compileFilter(raw: unknown): CompiledFilter {
  const spec = (Array.isArray(raw) ? raw[0] : raw) as HistoryFilter | undefined;
  const key = (spec ?? EMPTY_FILTER) as object;
  let f = filterCache.get(key);
  if (f) return f;
  const where = Object.entries(spec?.where ?? {});
  f = {
    program: spec?.program ?? 'any',
    kinds: spec?.kinds ? new Set<string>(spec.kinds) : null,
    scope: spec?.scope ?? 'applicant',
    excludeStacking: spec?.excludeStacking === true,
    whereKinds: where.map(([k]) =>
      k === 'year' ? FIELD_YEAR : k === 'category' ? FIELD_CATEGORY : k === 'type' ? FIELD_TYPE : FIELD_KEY,
    ),
    whereKeys: where.map(([k]) => k),
    whereRules: where.map(([, r]) => r),
    fast: null,
    tracked: null,
  };
  filterCache.set(key, f);
  return f;
}

function entryValue(e: HistoryEntry, kind: number, key: string): unknown {
  if (kind === FIELD_YEAR) return e.year;
  if (kind === FIELD_CATEGORY) return e.category;
  if (kind === FIELD_TYPE) return e.type;
  return (e.keys as Record<string, string | undefined>)[key];
}

/**
 * Scans the history for entries matching a filter and returns their count (`sum` false) or the sum of their
 * `amountFen`. Returns null when the history is unavailable or a `where` value is missing (the caller then
 * treats the clause as unknown). Only statuses in COUNTED_HISTORY_STATUSES count.
 */
export function scanHistory(
  filterSpec: unknown,
  data: RuleData,
  sum: boolean,
  engine?: LogicEngine,
): number | null {
  // data.history holds only counting entries (evaluateEligibility filters by COUNTED_HISTORY_STATUSES once).
  const history = data.history;
  if (!history) return null;
  const f = compileFilter(filterSpec);
  const n = f.whereRules.length;
  let wanted: string[] | null = null;
  if (n > 0) {
    const tracking = engine !== undefined && engine !== fastEngine;
    let fns = tracking ? f.tracked : f.fast;
    if (fns === null) {
      const eng = tracking ? trackingEngine : fastEngine;
      fns = f.whereRules.map((r) => prepareRule(eng, r));
      if (tracking) f.tracked = fns;
      else f.fast = fns;
    }
    wanted = new Array<string>(n);
    for (let i = 0; i < n; i++) {
      const v = fns[i]!(data);
      if (isMissingValue(v)) return null;
      wanted[i] = typeof v === 'string' ? v : String(v);
    }
  }
  let total = 0;
  const code = data.program.code;
  const ownOnly = f.scope === 'applicant';
  const sameOnly = f.program === 'same';
  const otherOnly = f.program === 'other';
  const kinds = f.kinds;
  const stacks = f.excludeStacking ? data.program.stacksWith : null;
  for (let j = 0; j < history.length; j++) {
    const e = history[j]!;
    if (ownOnly && e.sameApplicant === false) continue;
    if (sameOnly ? e.programCode !== code : otherOnly && e.programCode === code) continue;
    if (kinds !== null && !kinds.has(e.programKind)) continue;
    if (stacks !== null && stacks.length > 0 && e.programCode !== code && stacks.includes(e.programCode))
      continue;
    let ok = true;
    for (let i = 0; i < n; i++) {
      const ev = entryValue(e, f.whereKinds[i]!, f.whereKeys[i]!);
      if (ev === undefined || ev === null || (typeof ev === 'string' ? ev : String(ev)) !== wanted![i]) {
        ok = false;
        break;
      }
    }
    if (ok) total += sum ? e.amountFen : 1;
  }
  return total;
}

// ---------------------------------------------------------------------------------------------------------
// Engines

/** Collects the missing fact paths read while a rule runs on the tracking engine (synchronous, so one sink). */
let missingSink: string[] | null = null;

export function withMissingSink<T>(sink: string[], fn: (data: RuleData) => T, data: RuleData): T {
  const prev = missingSink;
  missingSink = sink;
  try {
    return fn(data);
  } finally {
    missingSink = prev;
  }
}

const isDate = isIsoDate;
function dates(args: unknown[], n: number): string[] | null {
  for (let i = 0; i < n; i++) if (!isDate(args[i])) return null;
  return args as string[];
}

function addDomainOperators(engine: LogicEngine, trackMissing: boolean): void {
  const pure = { deterministic: true };
  engine.addMethod(
    'dateBefore',
    (a: unknown[]) => {
      const d = dates(a, 2);
      return d ? (d[0] as string) < (d[1] as string) : false;
    },
    pure,
  );
  engine.addMethod(
    'dateOnOrBefore',
    (a: unknown[]) => {
      const d = dates(a, 2);
      return d ? (d[0] as string) <= (d[1] as string) : false;
    },
    pure,
  );
  engine.addMethod(
    'dateAfter',
    (a: unknown[]) => {
      const d = dates(a, 2);
      return d ? (d[0] as string) > (d[1] as string) : false;
    },
    pure,
  );
  engine.addMethod(
    'dateOnOrAfter',
    (a: unknown[]) => {
      const d = dates(a, 2);
      return d ? (d[0] as string) >= (d[1] as string) : false;
    },
    pure,
  );
  engine.addMethod(
    'dateBetween',
    (a: unknown[]) => {
      const d = dates(a, 3);
      return d ? (d[1] as string) <= (d[0] as string) && (d[0] as string) <= (d[2] as string) : false;
    },
    pure,
  );
  engine.addMethod(
    'addDays',
    (a: unknown[]) => (isIsoDate(a[0]) && Number.isInteger(a[1]) ? addDays(a[0], a[1] as number) : null),
    pure,
  );
  engine.addMethod(
    'addYears',
    (a: unknown[]) => (isIsoDate(a[0]) && Number.isInteger(a[1]) ? addYears(a[0], a[1] as number) : null),
    pure,
  );
  engine.addMethod(
    'ageOn',
    (a: unknown[]) => (typeof a[0] === 'string' && typeof a[1] === 'string' ? ageOn(a[0], a[1]) : null),
    pure,
  );
  engine.addMethod('yearOf', (a: unknown[]) => (isIsoDate(a[0]) ? Number(a[0].slice(0, 4)) : null), pure);
  engine.addMethod(
    'percentOf',
    (a: unknown[]) =>
      Number.isSafeInteger(a[0]) && Number.isSafeInteger(a[1])
        ? percentOfFen(a[0] as number, a[1] as number)
        : null,
    pure,
  );
  engine.addMethod(
    'band',
    (a: unknown[]) => {
      const v = a[0];
      const thresholds = a[1];
      const outputs = a[2];
      if (typeof v !== 'number' || !Array.isArray(thresholds) || !Array.isArray(outputs)) return null;
      let out: unknown = null;
      for (let i = 0; i < thresholds.length; i++)
        if (v >= (thresholds[i] as number)) out = outputs[i] ?? null;
      return out;
    },
    pure,
  );
  engine.addMethod(
    'startsWith',
    (a: unknown[]) => typeof a[0] === 'string' && typeof a[1] === 'string' && a[0].startsWith(a[1]),
    pure,
  );
  engine.addMethod(
    'present',
    {
      lazy: true,
      method: (args: unknown, data: unknown) => {
        const path = Array.isArray(args) ? args[0] : args;
        return typeof path === 'string' && !isMissingValue(getPath(data, splitPath(path)));
      },
    },
    { deterministic: false },
  );
  for (const [name, sum] of [
    ['historyCount', false],
    ['historySum', true],
  ] as const) {
    engine.addMethod(
      name,
      {
        lazy: true,
        method: (args: unknown, data: unknown) => {
          const r = scanHistory(args, data as RuleData, sum, engine);
          if (r === null && missingSink && !(data as RuleData).history) missingSink.push('history');
          return r;
        },
      },
      { deterministic: false },
    );
  }
  engine.addMethod(
    'inWindow',
    (a: unknown[], data: unknown) => {
      const d = a[0];
      const p = (data as RuleData | undefined)?.program;
      return isDate(d) && p !== undefined && p.opensOn <= d && d <= p.closesOn;
    },
    { deterministic: false },
  );
  if (trackMissing) {
    engine.addMethod(
      'var',
      (path: unknown, data: unknown) => {
        if (typeof path !== 'string') return null;
        const v = getPath(data, splitPath(path));
        if (isMissingValue(v)) {
          if (missingSink) missingSink.push(path);
          return null;
        }
        return v;
      },
      { deterministic: false, optimizeUnary: true },
    );
  }
}

function createEngine(trackMissing: boolean): LogicEngine {
  const engine = new LogicEngine();
  addDomainOperators(engine, trackMissing);
  return engine;
}

/** Used when every fact a rule references is present: the library's fast `var`. */
export const fastEngine = createEngine(false);
/** Used when some referenced fact is missing: its `var` records which missing facts the evaluation actually read. */
export const trackingEngine = createEngine(true);

/**
 * Prepares a rule once: returns a function of the data. Uses the engine's interpreted optimiser (closures,
 * no `eval`, CSP-safe), reading the optimised form straight from its cache to skip the per-call lookup.
 */
export function prepareRule(engine: LogicEngine, rule: unknown): (data: RuleData) => unknown {
  if (rule === null || typeof rule !== 'object') return () => rule;
  const sink = missingSink;
  missingSink = null; // preparing may happen lazily inside a tracked evaluation: do not record its reads
  try {
    engine.run(rule, {});
  } catch {
    // The optimiser caches the plan before running it; a throw on the empty data is expected.
  } finally {
    missingSink = sink;
  }
  engine.missesSinceSeen = 0;
  const plan: unknown = engine.optimizedMap.get(rule);
  if (typeof plan === 'function') return plan as (data: RuleData) => unknown;
  if (engine.optimizedMap.has(rule)) return () => plan;
  return (data) => engine.run(rule, data);
}
