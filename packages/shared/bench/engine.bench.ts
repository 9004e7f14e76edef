/**
 * `npm run bench -w @huanxin/shared`: evaluations per second of `evaluateEligibility` for car-scrap-2026 and
 * appliance-2026 on one core, over a mixed set of fact sets (eligible, ineligible, missing facts; signed in and
 * anonymous), against a hand-written TypeScript function that encodes the same rules. Both must agree on every
 * input before anything is timed.
 */
import { evaluateEligibility } from '../src/eligibility/engine';
import type { EligibilityResult } from '../src/eligibility/types';
import { getCatalogueProgram } from '../src/programs/catalogue';
import { loadProgramDefinition } from '../src/programs/schema';
import { applianceCases, carScrapCases, type Case } from './fixtures';
import { appliance2026ByHand, carScrap2026ByHand } from './handwritten';

const GOAL_EVALS_PER_SEC = 100_000;
const GOAL_RATIO = 3;

type Fn = (c: Case) => EligibilityResult;

function summary(r: EligibilityResult): string {
  return JSON.stringify([
    r.eligible,
    r.amountFen,
    r.amountComplete,
    r.clauses.map((c) => [c.id, c.result, c.reason]),
  ]);
}

function assertAgree(name: string, cases: Case[], engine: Fn, hand: Fn): void {
  for (const c of cases) {
    const a = summary(engine(c));
    const b = summary(hand(c));
    if (a !== b)
      throw new Error(
        `${name}: engine and hand-written disagree on "${c.label}"\n engine: ${a}\n   hand: ${b}`,
      );
  }
}

let sink = 0;
function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function measure(fn: Fn, cases: Case[], ms: number): number {
  let evals = 0;
  const start = performance.now();
  let now = start;
  while (now - start < ms) {
    for (let i = 0; i < cases.length; i++) sink += fn(cases[i]!).amountFen;
    evals += cases.length;
    now = performance.now();
  }
  return (evals / (now - start)) * 1000;
}

function bench(
  code: string,
  cases: Case[],
  hand: (facts: Case['facts'], ctx: Case['context']) => EligibilityResult,
) {
  const def = loadProgramDefinition(getCatalogueProgram(code));
  const engine: Fn = (c) => evaluateEligibility(def, c.facts, c.context);
  const byHand: Fn = (c) => hand(c.facts, c.context);
  assertAgree(code, cases, engine, byHand);
  // Warm up both, then alternate short rounds and take medians: the ratio of each round pairs measurements
  // taken under the same machine load, so a busy neighbour does not skew the comparison.
  measure(engine, cases, 300);
  measure(byHand, cases, 300);
  const es: number[] = [];
  const hs: number[] = [];
  const ratios: number[] = [];
  for (let round = 0; round < 9; round++) {
    const e = measure(engine, cases, 250);
    const h = measure(byHand, cases, 250);
    es.push(e);
    hs.push(h);
    ratios.push(h / e);
  }
  const counts = { eligible: 0, ineligible: 0, unknown: 0 };
  for (const c of cases) {
    const r = engine(c);
    if (r.eligible) counts.eligible++;
    else if (r.clauses.some((x) => x.result === 'fail')) counts.ineligible++;
    else counts.unknown++;
  }
  return {
    code,
    cases: cases.length,
    ...counts,
    engine: median(es),
    hand: median(hs),
    ratio: median(ratios),
  };
}

const rows = [
  bench('car-scrap-2026', carScrapCases(), carScrap2026ByHand),
  bench('appliance-2026', applianceCases(), appliance2026ByHand),
];
const fmt = (n: number): string => Math.round(n).toLocaleString('en-US');
console.log(
  '\nEligibility engine benchmark (one core, mixed inputs; engine and hand-written agree on every input; medians of 9 paired rounds)\n',
);
console.log(
  '| program | inputs (eligible/ineligible/unknown) | engine evals/s | hand-written evals/s | hand/engine | ≥100k/s | ≤3× |',
);
console.log('|---|---|---:|---:|---:|:-:|:-:|');
let ok = true;
for (const r of rows) {
  const fast = r.engine >= GOAL_EVALS_PER_SEC;
  const close = r.ratio <= GOAL_RATIO;
  ok &&= fast && close;
  console.log(
    `| ${r.code} | ${r.cases} (${r.eligible}/${r.ineligible}/${r.unknown}) | ${fmt(r.engine)} | ${fmt(r.hand)} | ${r.ratio.toFixed(2)}× | ${fast ? 'yes' : 'NO'} | ${close ? 'yes' : 'NO'} |`,
  );
}
console.log(`\nGoals ${ok ? 'met' : 'NOT met'}. (checksum ${sink % 1000})`);
