/** Compiles a program definition once (cached per definition object) into closures the engine runs. */
import { percentOfFen } from '../money/money';
import type { AmountFormula, ClauseDefinition, ProgramDefinition, Rule } from '../programs/types';
import { isIsoDate } from '../validators/dates';
import {
  fastEngine,
  getPath,
  isMissingValue,
  scanHistory,
  prepareRule,
  splitPath,
  trackingEngine,
  withMissingSink,
  type RuleData,
} from './operators';
import { collectVarPaths, readsHistory, usesOperator } from './rules';

export interface CompiledRule {
  /** Var paths the rule references that may be missing, pre-split. */
  paths: ReadonlyArray<readonly string[]>;
  /** Set when the rule reads only the program (settings, window): evaluated once at compile time. */
  constant?: { value: unknown };
  names: readonly string[];
  fast: (data: RuleData) => unknown;
  tracked: (data: RuleData) => unknown;
}

export const RUN_OK = 0;
export const RUN_MISSING = 1;
export const RUN_ERROR = 2;
export type RunStatus = typeof RUN_OK | typeof RUN_MISSING | typeof RUN_ERROR;

/** Outputs of the last `runRule` (the engine is synchronous; avoids allocating a result object per call). */
export const lastRun: { value: unknown; missing: string[] } = { value: undefined, missing: [] };

/** Context paths that are always present, so the presence check can skip them. */
function alwaysPresent(path: string): boolean {
  return path === 'asOf' || path.startsWith('program.');
}

export function compileRule(rule: Rule, program?: RuleData['program']): CompiledRule {
  const names = Object.freeze(collectVarPaths(rule));
  const paths = names.filter((n) => !alwaysPresent(n)).map((n) => splitPath(n));
  const compiled: CompiledRule = {
    paths,
    names,
    fast: prepareRule(fastEngine, rule),
    tracked: prepareRule(trackingEngine, rule),
  };
  // A rule that reads nothing but the (frozen, per-definition) program is folded to a constant.
  const programOnly =
    names.every((n) => n.startsWith('program.')) && !readsHistory(rule) && !usesOperator(rule, 'present');
  if (program && programOnly) {
    try {
      compiled.constant = { value: compiled.fast({ program } as RuleData) };
    } catch {
      // not constant after all: evaluated per call (and reported as INVALID_FACTS there)
    }
  }
  return compiled;
}

function unique(list: string[]): string[] {
  return list.length < 2 ? list : [...new Set(list)];
}

/**
 * Runs a rule. When every fact it references is present, the fast plan runs; otherwise the tracking plan runs
 * and the result is RUN_MISSING only if the evaluation actually read a missing fact (so `and`, `or` and `if`
 * short-circuit past facts that do not matter).
 */
export function runRule(rule: CompiledRule, data: RuleData): RunStatus {
  if (rule.constant !== undefined) {
    lastRun.value = rule.constant.value;
    return RUN_OK;
  }
  const paths = rule.paths;
  let allPresent = true;
  for (let i = 0; i < paths.length; i++) {
    const p = paths[i]!;
    let v: unknown;
    if (p.length === 2) {
      const g = data[p[0]!];
      v = g !== null && typeof g === 'object' ? (g as Record<string, unknown>)[p[1]!] : undefined;
    } else v = getPath(data, p);
    if (v === undefined || v === null || v === '') {
      allPresent = false;
      break;
    }
  }
  try {
    if (allPresent) {
      lastRun.value = rule.fast(data);
      return RUN_OK;
    }
    const sink: string[] = [];
    const value = withMissingSink(sink, rule.tracked, data);
    if (sink.length > 0) {
      lastRun.missing = unique(sink);
      return RUN_MISSING;
    }
    lastRun.value = value;
    return RUN_OK;
  } catch {
    return RUN_ERROR;
  }
}

export function truthy(v: unknown): boolean {
  if (Array.isArray(v)) return v.length > 0;
  return Boolean(v);
}

/** An amount function: a non-negative fen amount, or undefined when it needs a missing (or invalid) fact. */
export type AmountFn = (data: RuleData, missing: string[]) => number | undefined;

function valueOf(rule: CompiledRule, data: RuleData, missing: string[]): unknown {
  const st = runRule(rule, data);
  if (st === RUN_OK) return lastRun.value;
  if (st === RUN_MISSING) for (const m of lastRun.missing) missing.push(m);
  return undefined;
}

export function compileFormula(f: AmountFormula): AmountFn {
  switch (f.type) {
    case 'fixed': {
      const fen = Math.max(0, f.fen);
      return () => fen;
    }
    case 'percent':
    case 'actual': {
      const of = compileRule(f.of);
      const bp = f.type === 'percent' ? f.basisPoints : 10_000;
      const cap = f.capFen;
      return (data, missing) => {
        const v = valueOf(of, data, missing);
        if (typeof v !== 'number' || !Number.isSafeInteger(v)) return undefined;
        let out = bp === 10_000 ? v : percentOfFen(v, bp);
        if (out < 0) out = 0;
        return cap !== undefined && out > cap ? cap : out;
      };
    }
    case 'bands': {
      const by = compileRule(f.by);
      const bands = [...f.bands]
        .sort((a, b) => a.minFen - b.minFen)
        .map((b) => ({ minFen: b.minFen, fn: compileFormula(b.formula) }));
      return (data, missing) => {
        const v = valueOf(by, data, missing);
        if (typeof v !== 'number' || !Number.isFinite(v)) return undefined;
        let chosen: AmountFn | undefined;
        for (const b of bands) if (v >= b.minFen) chosen = b.fn;
        return chosen ? chosen(data, missing) : 0;
      };
    }
    case 'stages': {
      const by = compileRule(f.by);
      const stages = f.stages.map((s) => ({ through: s.through, fn: compileFormula(s.formula) }));
      return (data, missing) => {
        const d = valueOf(by, data, missing);
        if (!isIsoDate(d)) return undefined;
        for (const s of stages) if (s.through === undefined || d <= s.through) return s.fn(data, missing);
        return 0;
      };
    }
    case 'choose': {
      const cases = f.cases.map((c) => ({ when: compileRule(c.when), fn: compileFormula(c.formula) }));
      const otherwise = f.otherwise ? compileFormula(f.otherwise) : undefined;
      return (data, missing) => {
        for (const c of cases) {
          const st = runRule(c.when, data);
          if (st === RUN_MISSING) {
            for (const m of lastRun.missing) missing.push(m);
            return undefined;
          }
          if (st === RUN_ERROR) return undefined;
          if (truthy(lastRun.value)) return c.fn(data, missing);
        }
        return otherwise ? otherwise(data, missing) : 0;
      };
    }
    case 'sum': {
      const parts = f.parts.map(compileFormula);
      return (data, missing) => {
        let total = 0;
        for (const p of parts) {
          const v = p(data, missing);
          if (v === undefined) return undefined;
          total += v;
        }
        return total;
      };
    }
    case 'capped': {
      const inner = compileFormula(f.formula);
      const cap = f.capFen;
      const historyCaps = (f.historyCaps ?? []).map((h) => ({
        limitFen: h.limitFen,
        filter: h.filter,
        names: collectVarPaths(h.filter.where ?? {}),
      }));
      return (data, missing) => {
        let v = inner(data, missing);
        if (v === undefined) return undefined;
        if (cap !== undefined && v > cap) v = cap;
        if (data.history) {
          for (const h of historyCaps) {
            const used = scanHistory(h.filter, data, true);
            if (used === null) {
              for (const n of h.names) if (isMissingValue(getPath(data, splitPath(n)))) missing.push(n);
              return undefined;
            }
            const remaining = h.limitFen - used;
            if (v > remaining) v = remaining > 0 ? remaining : 0;
          }
        }
        return v;
      };
    }
  }
}

export interface CompiledClause {
  def: ClauseDefinition;
  applicability: CompiledRule | null;
  test: CompiledRule;
  usesHistory: boolean;
  /** Reported on fail: the facts the test reads (and `history` for a history clause). */
  failFacts: readonly string[];
}

export interface CompiledDefinition {
  program: RuleData['program'];
  clauses: CompiledClause[];
  amount: AmountFn;
}

const cache = new WeakMap<ProgramDefinition, CompiledDefinition>();

/** Compiles (once per definition object; do not mutate a definition after evaluating it). */
export function compileDefinition(def: ProgramDefinition): CompiledDefinition {
  let c = cache.get(def);
  if (c) return c;
  const program: RuleData['program'] = Object.freeze({
    code: def.code,
    kind: def.kind,
    version: def.version,
    opensOn: def.opensOn,
    closesOn: def.closesOn,
    year: Number(def.opensOn.slice(0, 4)),
    stacksWith: Object.freeze([...def.stacksWith]),
    settings: Object.freeze({ ...def.settings }) as Readonly<Record<string, unknown>>,
  });
  c = {
    program,
    clauses: def.clauses.map((cl) => ({
      def: cl,
      applicability: cl.applicability === undefined ? null : compileRule(cl.applicability, program),
      test: compileRule(cl.test, program),
      usesHistory: cl.usesHistory === true,
      failFacts: Object.freeze([
        ...collectVarPaths(cl.test).filter((n) => !n.startsWith('program.')),
        ...(cl.usesHistory === true ? ['history'] : []),
      ]),
    })),
    amount: compileFormula(def.amount),
  };
  cache.set(def, c);
  return c;
}
