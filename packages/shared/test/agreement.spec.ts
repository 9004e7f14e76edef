import { applianceCases, carScrapCases } from '../bench/fixtures';
import { appliance2026ByHand, carScrap2026ByHand } from '../bench/handwritten';
import { evaluateEligibility } from '../src/eligibility';
import { getCatalogueProgram } from '../src/programs';

// The bench compares the engine with hand-written rules; this keeps that comparison honest.
describe('hand-written functions agree with the engine', () => {
  const summary = (r: ReturnType<typeof evaluateEligibility>) => ({
    eligible: r.eligible,
    amountFen: r.amountFen,
    amountComplete: r.amountComplete,
    clauses: r.clauses.map((c) => [c.id, c.result, c.reason, c.citation, c.provenance]),
  });

  it.each(carScrapCases().map((c, i) => [i, c.label, c] as const))(
    'car-scrap-2026 #%i %s',
    (_i, _label, c) => {
      expect(summary(carScrap2026ByHand(c.facts, c.context))).toEqual(
        summary(evaluateEligibility(getCatalogueProgram('car-scrap-2026')!, c.facts, c.context)),
      );
    },
  );

  it.each(applianceCases().map((c, i) => [i, c.label, c] as const))(
    'appliance-2026 #%i %s',
    (_i, _label, c) => {
      expect(summary(appliance2026ByHand(c.facts, c.context))).toEqual(
        summary(evaluateEligibility(getCatalogueProgram('appliance-2026')!, c.facts, c.context)),
      );
    },
  );

  it('the inputs mix eligible, ineligible and missing-fact cases', () => {
    const def = getCatalogueProgram('car-scrap-2026')!;
    const results = carScrapCases().map((c) => evaluateEligibility(def, c.facts, c.context));
    expect(results.filter((r) => r.eligible).length).toBeGreaterThan(50);
    expect(results.filter((r) => r.clauses.some((c) => c.result === 'fail')).length).toBeGreaterThan(50);
    expect(
      results.filter((r) => !r.eligible && !r.clauses.some((c) => c.result === 'fail')).length,
    ).toBeGreaterThan(50);
  });
});
