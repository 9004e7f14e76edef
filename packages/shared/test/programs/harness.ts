import { evaluateEligibility } from '../../src/eligibility/engine';
import type {
  ClauseOutcome,
  EligibilityContext,
  EligibilityResult,
  HistoryEntry,
} from '../../src/eligibility/types';
import { getCatalogueProgram } from '../../src/programs/catalogue';
import { loadProgramDefinition } from '../../src/programs/schema';
import type { ProgramDefinition, ProgramSettings } from '../../src/programs/types';

export type Facts = Record<string, Record<string, unknown>>;
/** fact path → value; `undefined` removes the fact. */
export type Changes = Record<string, unknown>;

export interface ClauseCase {
  clause: string;
  expect: ClauseOutcome;
  note: string;
  set?: Changes;
  /** Replaces the baseline history; `null` = anonymous caller (no history). */
  history?: HistoryEntry[] | null;
  context?: Partial<EligibilityContext>;
  settings?: Partial<ProgramSettings>;
}

export interface AmountCase {
  note: string;
  set?: Changes;
  history?: HistoryEntry[] | null;
  context?: Partial<EligibilityContext>;
  amountFen: number;
}

export interface ProgramFixture {
  code: string;
  facts: Facts;
  context: EligibilityContext;
}

const loaded = new Map<string, ProgramDefinition>();
export function definition(code: string, settings?: Partial<ProgramSettings>): ProgramDefinition {
  const key = `${code}:${JSON.stringify(settings ?? {})}`;
  let def = loaded.get(key);
  if (!def) {
    const base = getCatalogueProgram(code);
    if (!base) throw new Error(`no catalogue program ${code}`);
    def = loadProgramDefinition(settings ? { ...base, settings: { ...base.settings, ...settings } } : base);
    loaded.set(key, def);
  }
  return def;
}

export function withChanges(facts: Facts, changes: Changes = {}): Facts {
  const out = JSON.parse(JSON.stringify(facts)) as Facts;
  for (const [path, value] of Object.entries(changes)) {
    const [group, key] = path.split('.') as [string, string];
    const g = (out[group] ??= {});
    if (value === undefined) delete g[key];
    else g[key] = value;
  }
  return out;
}

export function run(
  fx: ProgramFixture,
  c: {
    set?: Changes;
    history?: HistoryEntry[] | null;
    context?: Partial<EligibilityContext>;
    settings?: Partial<ProgramSettings>;
  },
): EligibilityResult {
  const context: EligibilityContext = { ...fx.context, ...(c.context ?? {}) };
  if (c.history === null) delete context.history;
  else if (c.history !== undefined) context.history = c.history;
  return evaluateEligibility(definition(fx.code, c.settings), withChanges(fx.facts, c.set), context);
}

export function entry(
  partial: Partial<HistoryEntry> & Pick<HistoryEntry, 'programCode' | 'programKind'>,
): HistoryEntry {
  return { status: 'approved', year: 2026, amountFen: 0, keys: {}, ...partial };
}

/**
 * The standard suite for one program: the baseline is eligible with every applicable clause passing; each
 * table row gives one clause's result (and for a fail, its reason and the facts it read); the table covers
 * pass, fail and unknown for every clause; amounts match.
 */
export function describeProgram(
  fx: ProgramFixture,
  baselineAmountFen: number,
  clauseCases: ClauseCase[],
  amountCases: AmountCase[],
): void {
  const def = definition(fx.code);

  describe(`${fx.code}`, () => {
    it('baseline facts are eligible, every clause passes or is not applicable', () => {
      const r = run(fx, {});
      expect(r.clauses.filter((c) => c.result !== 'pass' && c.result !== 'not_applicable')).toEqual([]);
      expect(r.eligible).toBe(true);
      expect(r.amountFen).toBe(baselineAmountFen);
      expect(r.amountComplete).toBe(true);
      expect(r.clauses.map((c) => c.id)).toEqual(def.clauses.map((c) => c.id));
    });

    it('the table covers pass, fail and unknown for every clause', () => {
      const baseline = run(fx, {});
      for (const clause of def.clauses) {
        const outcomes = new Set(clauseCases.filter((c) => c.clause === clause.id).map((c) => c.expect));
        if (baseline.clauses.find((c) => c.id === clause.id)?.result === 'pass') outcomes.add('pass');
        expect({
          clause: clause.id,
          outcomes: [...outcomes].filter((o) => o !== 'not_applicable').sort(),
        }).toEqual({
          clause: clause.id,
          outcomes: ['fail', 'pass', 'unknown'],
        });
      }
    });

    it.each(clauseCases.map((c) => [c.clause, c.expect, c.note, c] as const))(
      '%s → %s: %s',
      (_id, _expect, _note, c) => {
        const r = run(fx, c);
        const clause = r.clauses.find((x) => x.id === c.clause);
        const clauseDef = def.clauses.find((x) => x.id === c.clause);
        expect(clause?.result).toBe(c.expect);
        expect(clause?.citation).toBe(clauseDef?.citation);
        expect(clause?.provenance).toBe(clauseDef?.provenance);
        if (c.expect === 'fail') {
          expect(clause?.reason).toBe(clauseDef?.reason);
          expect(clause?.facts?.length).toBeGreaterThan(0);
          expect(r.eligible).toBe(false);
          expect(r.amountFen).toBe(0);
        } else if (c.expect === 'unknown') {
          expect(['MISSING_FACTS', 'HISTORY_UNAVAILABLE']).toContain(clause?.reason);
          expect(clause?.facts?.length).toBeGreaterThan(0);
          expect(r.eligible).toBe(false);
        } else if (c.expect === 'pass') {
          expect(clause?.reason).toBe('PASSED');
        }
      },
    );

    it.each(amountCases.map((c) => [c.note, c] as const))('amount: %s', (_note, c) => {
      const r = run(fx, c);
      expect(r.clauses.filter((x) => x.result === 'fail')).toEqual([]);
      expect(r.amountFen).toBe(c.amountFen);
      expect(r.amountComplete).toBe(true);
    });
  });
}
