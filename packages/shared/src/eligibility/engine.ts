import type { AmountFormula, ProgramDefinition } from '../programs/types';
import { ageOn, isIsoDate } from '../validators/dates';
import { compileDefinition, lastRun, runRule, RUN_ERROR, RUN_MISSING, truthy } from './compile';
import type { RuleData } from './operators';
import {
  ClauseReason,
  COUNTED_HISTORY_STATUSES,
  type HistoryEntry,
  type ClauseResult,
  type EligibilityContext,
  type EligibilityResult,
} from './types';

const HISTORY_FACTS: readonly string[] = Object.freeze(['history']);
const NO_APPLICANT: RuleData['applicant'] = Object.freeze({});
const COUNTED = COUNTED_HISTORY_STATUSES;
function isReserved(key: string): boolean {
  // Same names as RESERVED_ROOTS (rules.ts); spelled out because a Set/dictionary lookup is slower here.
  return (
    key === 'asOf' ||
    key === 'applicant' ||
    key === 'program' ||
    key === 'participatingDealers' ||
    key === 'history'
  );
}

/** The entries that count (quota, yearly limit, keys); drafts, rejected, withdrawn and expired claims do not. */
function countedEntries(history: readonly HistoryEntry[]): readonly HistoryEntry[] {
  for (let i = 0; i < history.length; i++) {
    if (!COUNTED.has(history[i]!.status)) return history.filter((e) => COUNTED.has(e.status));
  }
  return history;
}

function dedupe(list: string[]): string[] {
  const out: string[] = [];
  for (const x of list) if (!out.includes(x)) out.push(x);
  return out;
}
// Local aliases: keeps module-interop getters (bundlers, tsx) off the hot path.
const LAST = lastRun;
const run = runRule;
const MISSING = RUN_MISSING;
const ERROR = RUN_ERROR;
const isTruthy = truthy;
const PASSED = ClauseReason.PASSED;
const NOT_APPLICABLE = ClauseReason.NOT_APPLICABLE;
const MISSING_FACTS = ClauseReason.MISSING_FACTS;
const HISTORY_UNAVAILABLE = ClauseReason.HISTORY_UNAVAILABLE;
const INVALID_FACTS = ClauseReason.INVALID_FACTS;

/**
 * Evaluates a (validated) program definition against facts. Pure and deterministic: the date comes from
 * `context.asOf`. A missing fact makes a clause `unknown`, never a crash. Does not use ajv, so the browser can
 * evaluate a definition the server already validated.
 */
export function evaluateEligibility(
  definition: ProgramDefinition,
  facts: unknown,
  context: EligibilityContext,
): EligibilityResult {
  if (!isIsoDate(context.asOf)) throw new RangeError('context.asOf must be a YYYY-MM-DD date');
  const compiled = compileDefinition(definition);
  const birthDate = context.applicant?.birthDate;
  const age = birthDate ? ageOn(birthDate, context.asOf) : null;
  // Reserved names first, then the fact groups (a fact group may not shadow a reserved name). Built with a
  // literal + loop: `{ ...facts, more }` is pathologically slow in V8 when followed by more properties.
  const data: RuleData = {
    asOf: context.asOf,
    applicant: birthDate ? (age === null ? { birthDate } : { birthDate, age }) : NO_APPLICANT,
    program: compiled.program,
    participatingDealers: context.participatingDealers,
    history: context.history ? countedEntries(context.history) : undefined,
  };
  if (facts !== null && typeof facts === 'object' && !Array.isArray(facts)) {
    const keys = Object.keys(facts);
    for (let k = 0; k < keys.length; k++) {
      const key = keys[k]!;
      if (!isReserved(key)) data[key] = (facts as Record<string, unknown>)[key];
    }
  }

  const clauses: ClauseResult[] = new Array<ClauseResult>(compiled.clauses.length);
  let failed = false;
  let unknown = false;
  let missingFacts: string[] | null = null;

  for (let i = 0; i < compiled.clauses.length; i++) {
    const c = compiled.clauses[i]!;
    const def = c.def;
    if (c.applicability) {
      const st = run(c.applicability, data);
      if (st === MISSING || st === ERROR) {
        unknown = true;
        const missing = st === MISSING ? LAST.missing : c.applicability.names;
        if (st === MISSING) (missingFacts ??= []).push(...missing);
        clauses[i] = {
          id: def.id,
          result: 'unknown',
          reason: st === MISSING ? MISSING_FACTS : INVALID_FACTS,
          citation: def.citation,
          provenance: def.provenance,
          facts: missing,
        };
        continue;
      }
      if (!isTruthy(LAST.value)) {
        clauses[i] = {
          id: def.id,
          result: 'not_applicable',
          reason: NOT_APPLICABLE,
          citation: def.citation,
          provenance: def.provenance,
        };
        continue;
      }
    }
    if (c.usesHistory && !context.history) {
      unknown = true;
      clauses[i] = {
        id: def.id,
        result: 'unknown',
        reason: HISTORY_UNAVAILABLE,
        citation: def.citation,
        provenance: def.provenance,
        facts: HISTORY_FACTS,
      };
      continue;
    }
    const st = run(c.test, data);
    if (st === MISSING) {
      unknown = true;
      (missingFacts ??= []).push(...LAST.missing);
      clauses[i] = {
        id: def.id,
        result: 'unknown',
        reason: MISSING_FACTS,
        citation: def.citation,
        provenance: def.provenance,
        facts: LAST.missing,
      };
    } else if (st === ERROR) {
      unknown = true;
      clauses[i] = {
        id: def.id,
        result: 'unknown',
        reason: INVALID_FACTS,
        citation: def.citation,
        provenance: def.provenance,
        facts: c.test.names,
      };
    } else if (isTruthy(LAST.value)) {
      clauses[i] = {
        id: def.id,
        result: 'pass',
        reason: PASSED,
        citation: def.citation,
        provenance: def.provenance,
      };
    } else {
      failed = true;
      clauses[i] = {
        id: def.id,
        result: 'fail',
        reason: def.reason,
        citation: def.citation,
        provenance: def.provenance,
        facts: c.failFacts,
      };
    }
  }

  let amountFen = 0;
  let amountComplete = true;
  if (!failed) {
    const missing: string[] = [];
    const amount = compiled.amount(data, missing);
    if (amount === undefined) {
      amountComplete = false;
      if (missing.length > 0) (missingFacts ??= []).push(...missing);
    } else {
      amountFen = amount > 0 ? amount : 0;
    }
  }

  return {
    programCode: definition.code,
    version: definition.version,
    eligible: !failed && !unknown,
    amountFen,
    amountComplete,
    clauses,
    missingFacts: missingFacts === null ? [] : dedupe(missingFacts),
  };
}

/**
 * The most a formula can ever pay (its static cap), e.g. for a voucher's `maxSubsidyFen` or "up to ¥X".
 * `Infinity` when a branch is uncapped; `loadProgramDefinition` rejects such definitions.
 */
export function maxAmountFen(formula: AmountFormula): number {
  switch (formula.type) {
    case 'fixed':
      return Math.max(0, formula.fen);
    case 'percent':
    case 'actual':
      return formula.capFen ?? Infinity;
    case 'bands':
      return Math.max(0, ...formula.bands.map((b) => maxAmountFen(b.formula)));
    case 'stages':
      return Math.max(0, ...formula.stages.map((s) => maxAmountFen(s.formula)));
    case 'choose':
      return Math.max(
        0,
        ...formula.cases.map((c) => maxAmountFen(c.formula)),
        formula.otherwise ? maxAmountFen(formula.otherwise) : 0,
      );
    case 'sum':
      return formula.parts.reduce((t, p) => t + maxAmountFen(p), 0);
    case 'capped':
      return Math.min(
        maxAmountFen(formula.formula),
        formula.capFen ?? Infinity,
        ...(formula.historyCaps ?? []).map((h) => h.limitFen),
      );
  }
}

export type ProgramStatus = 'upcoming' | 'open' | 'closed' | 'exhausted';

/** upcoming before `opensOn`, closed after `closesOn` (inclusive window), exhausted when no budget remains. */
export function programStatus(
  definition: Pick<ProgramDefinition, 'opensOn' | 'closesOn'>,
  budget: { remainingFen: number },
  asOf: string,
): ProgramStatus {
  if (!isIsoDate(asOf)) throw new RangeError('asOf must be a YYYY-MM-DD date');
  if (asOf < definition.opensOn) return 'upcoming';
  if (asOf > definition.closesOn) return 'closed';
  if (budget.remainingFen <= 0) return 'exhausted';
  return 'open';
}
