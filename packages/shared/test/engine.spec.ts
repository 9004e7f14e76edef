import fc from 'fast-check';
import {
  evaluateEligibility,
  maxAmountFen,
  programStatus,
  validateFacts,
  type HistoryEntry,
} from '../src/eligibility';
import {
  getCatalogueProgram,
  loadProgramDefinition,
  programCatalogue,
  type ProgramDefinition,
} from '../src/programs';

const carScrap = getCatalogueProgram('car-scrap-2026')!;
const appliance = getCatalogueProgram('appliance-2026')!;

const carFacts = {
  oldVehicle: {
    vin: 'LSJA24U62JG269225',
    plate: '鲁A12345',
    vehicleType: 'small_passenger',
    fuelType: 'gasoline',
    firstRegisteredOn: '2012-05-01',
    ownerRegisteredOn: '2019-04-01',
  },
  scrap: { certificateNo: 'BF-1', scrappedOn: '2026-03-01', deregisteredOn: '2026-03-02' },
  newVehicle: {
    vin: 'LDC613P23A1305189',
    powertrain: 'fuel',
    displacementL: 1.5,
    inNevCatalogue: false,
    priceFen: 12_000_000,
    invoiceNo: '26370000000000000001',
    invoiceDate: '2026-03-05',
    registeredOn: '2026-03-10',
    ownerIsApplicant: true,
  },
};

describe('evaluateEligibility', () => {
  it('returns the programs.md result shape', () => {
    const r = evaluateEligibility(carScrap, carFacts, { asOf: '2026-04-01', history: [] });
    expect(r).toMatchObject({
      programCode: 'car-scrap-2026',
      version: 1,
      eligible: true,
      amountFen: 1_200_000,
      amountComplete: true,
      missingFacts: [],
    });
    for (const c of r.clauses)
      expect(Object.keys(c).sort()).toEqual(['citation', 'id', 'provenance', 'reason', 'result']);
  });

  it('is deterministic: same inputs, same output; does not mutate its inputs', () => {
    const facts = JSON.parse(JSON.stringify(carFacts)) as typeof carFacts;
    const history: HistoryEntry[] = [
      { programCode: 'x', programKind: 'goods', status: 'paid', year: 2026, amountFen: 1, keys: {} },
    ];
    const a = evaluateEligibility(carScrap, facts, { asOf: '2026-04-01', history });
    const b = evaluateEligibility(carScrap, facts, { asOf: '2026-04-01', history });
    expect(a).toEqual(b);
    expect(facts).toEqual(carFacts);
    expect(history).toHaveLength(1);
  });

  it('an anonymous caller gets unknown history clauses but still sees the amount', () => {
    const r = evaluateEligibility(carScrap, carFacts, { asOf: '2026-04-01' });
    expect(r.eligible).toBe(false);
    expect(r.clauses.find((c) => c.id === 'once-per-year')).toMatchObject({
      result: 'unknown',
      reason: 'HISTORY_UNAVAILABLE',
      facts: ['history'],
    });
    expect(r.amountFen).toBe(1_200_000);
  });

  it('a missing fact needed by the amount: amount incomplete and 0, fact listed', () => {
    const facts = { ...carFacts, newVehicle: { ...carFacts.newVehicle, priceFen: undefined } };
    const r = evaluateEligibility(carScrap, facts, { asOf: '2026-04-01', history: [] });
    expect(r).toMatchObject({
      eligible: true,
      amountFen: 0,
      amountComplete: false,
      missingFacts: ['newVehicle.priceFen'],
    });
  });

  it('a failing clause says which facts it read', () => {
    const facts = { ...carFacts, oldVehicle: { ...carFacts.oldVehicle, firstRegisteredOn: '2020-01-01' } };
    const r = evaluateEligibility(carScrap, facts, { asOf: '2026-04-01', history: [] });
    expect(r.clauses.find((c) => c.id === 'old-vehicle-age')).toMatchObject({
      result: 'fail',
      reason: 'OLD_VEHICLE_TOO_NEW',
      facts: ['oldVehicle.fuelType', 'oldVehicle.firstRegisteredOn'],
    });
    expect(r.amountFen).toBe(0);
  });

  it('empty strings and nulls count as missing', () => {
    const facts = { ...carFacts, oldVehicle: { ...carFacts.oldVehicle, vehicleType: '', fuelType: null } };
    const r = evaluateEligibility(carScrap, facts, { asOf: '2026-04-01', history: [] });
    expect(r.clauses.find((c) => c.id === 'vehicle-type')).toMatchObject({
      result: 'unknown',
      facts: ['oldVehicle.vehicleType'],
    });
    expect(r.clauses.find((c) => c.id === 'old-vehicle-age')?.result).toBe('unknown');
  });

  it('wrong-typed facts never crash: the clause is unknown with INVALID_FACTS or simply fails', () => {
    const facts = { ...carFacts, newVehicle: { ...carFacts.newVehicle, displacementL: { litres: 2 } } };
    const r = evaluateEligibility(carScrap, facts, { asOf: '2026-04-01', history: [] });
    expect(['unknown', 'fail']).toContain(r.clauses.find((c) => c.id === 'new-vehicle')?.result);
    expect(r.eligible).toBe(false);
    expect(() => evaluateEligibility(carScrap, 'not an object', { asOf: '2026-04-01' })).not.toThrow();
    expect(() => evaluateEligibility(carScrap, null, { asOf: '2026-04-01' })).not.toThrow();
  });

  it('facts cannot override the reserved context (program window, asOf)', () => {
    const facts = {
      ...carFacts,
      program: { opensOn: '2000-01-01', closesOn: '2099-12-31' },
      scrap: { ...carFacts.scrap, scrappedOn: '2025-06-01' },
    };
    const r = evaluateEligibility(carScrap, facts, { asOf: '2026-04-01', history: [] });
    expect(r.clauses.find((c) => c.id === 'scrapped-in-window')?.result).toBe('fail');
  });

  it('throws on a malformed asOf (a programming error, not user input)', () => {
    expect(() => evaluateEligibility(carScrap, carFacts, { asOf: '2026-13-01' })).toThrow(RangeError);
  });

  it('uses the applicant age at asOf as applicant.age', () => {
    const def = loadProgramDefinition({
      ...appliance,
      code: 'age-test',
      clauses: [
        {
          id: 'adult',
          title: { zh: '成年', en: 'Adult' },
          citation: 'test',
          provenance: 'sample',
          test: { '>=': [{ var: 'applicant.age' }, 18] },
          reason: 'UNDER_18',
        },
      ],
    });
    expect(
      evaluateEligibility(def, {}, { asOf: '2026-03-01', applicant: { birthDate: '2008-03-01' } }).clauses[0]
        ?.result,
    ).toBe('pass');
    expect(
      evaluateEligibility(def, {}, { asOf: '2026-02-28', applicant: { birthDate: '2008-03-01' } }).clauses[0]
        ?.result,
    ).toBe('fail');
    expect(evaluateEligibility(def, {}, { asOf: '2026-02-28' }).clauses[0]?.result).toBe('unknown');
  });

  it('domain operators: band, percentOf, yearOf, addDays, dateAfter/OnOrAfter', () => {
    const rule = (test: unknown) =>
      evaluateEligibility(
        loadProgramDefinition({
          ...appliance,
          code: 'op-test',
          clauses: [
            { id: 'x', title: { zh: 'x', en: 'x' }, citation: 't', provenance: 'sample', test, reason: 'X' },
          ],
        }),
        { item: { priceFen: 150_000, invoiceDate: '2026-02-28' } },
        { asOf: '2026-03-01' },
      ).clauses[0]?.result;
    expect(
      rule({
        '==': [{ band: [{ var: 'item.priceFen' }, [0, 100_000, 200_000], ['low', 'mid', 'high']] }, 'mid'],
      }),
    ).toBe('pass');
    expect(rule({ '==': [{ percentOf: [{ var: 'item.priceFen' }, 1500] }, 22_500] })).toBe('pass');
    expect(rule({ '==': [{ yearOf: [{ var: 'item.invoiceDate' }] }, 2026] })).toBe('pass');
    expect(rule({ '==': [{ addDays: [{ var: 'item.invoiceDate' }, 1] }, '2026-03-01'] })).toBe('pass');
    expect(rule({ dateAfter: [{ var: 'asOf' }, { var: 'item.invoiceDate' }] })).toBe('pass');
    expect(rule({ dateOnOrAfter: [{ var: 'item.invoiceDate' }, '2026-03-01'] })).toBe('fail');
    expect(rule({ dateBetween: [{ var: 'item.invoiceDate' }, '2026-02-28', '2026-02-28'] })).toBe('pass');
    expect(rule({ dateBefore: ['not a date', '2026-01-01'] })).toBe('fail');
  });
});

describe('validateFacts', () => {
  it('accepts good facts and normalises identifiers', () => {
    const facts = { ...carFacts, newVehicle: { ...carFacts.newVehicle, vin: 'ldc613p23a1305189' } };
    const r = validateFacts(carScrap, facts, { today: '2026-04-01' });
    expect(r.ok).toBe(true);
    expect(r.fields).toEqual({});
    expect((r.normalized.newVehicle as Record<string, unknown>).vin).toBe('LDC613P23A1305189');
  });

  it('missing facts are allowed', () => {
    expect(validateFacts(carScrap, { oldVehicle: { fuelType: 'nev' } })).toMatchObject({
      ok: true,
      fields: {},
    });
  });

  it.each<[string, Record<string, unknown>, string, string]>([
    [
      'a date that is not a date',
      { scrap: { scrappedOn: '01/03/2026' } },
      'scrap.scrappedOn',
      'EXPECTED_DATE',
    ],
    ['an impossible date', { scrap: { scrappedOn: '2026-02-30' } }, 'scrap.scrappedOn', 'INVALID_DATE'],
    ['money as a float', { newVehicle: { priceFen: 100.5 } }, 'newVehicle.priceFen', 'EXPECTED_MONEY'],
    ['money as a string', { newVehicle: { priceFen: '100' } }, 'newVehicle.priceFen', 'EXPECTED_MONEY'],
    ['negative money', { newVehicle: { priceFen: -1 } }, 'newVehicle.priceFen', 'BELOW_MIN'],
    ['a number out of range', { newVehicle: { displacementL: 12 } }, 'newVehicle.displacementL', 'ABOVE_MAX'],
    [
      'a boolean as a string',
      { newVehicle: { ownerIsApplicant: 'yes' } },
      'newVehicle.ownerIsApplicant',
      'EXPECTED_BOOLEAN',
    ],
    [
      'an enum value not in options',
      { oldVehicle: { fuelType: 'hydrogen' } },
      'oldVehicle.fuelType',
      'NOT_IN_OPTIONS',
    ],
    [
      'a new VIN with a bad check digit',
      { newVehicle: { vin: '1M8GDM9A1KP042788' } },
      'newVehicle.vin',
      'INVALID_CHECKSUM',
    ],
    ['a malformed plate', { oldVehicle: { plate: '鲁A1234' } }, 'oldVehicle.plate', 'INVALID_FORMAT'],
    ['an unknown field', { oldVehicle: { colour: 'red' } }, 'oldVehicle.colour', 'UNKNOWN_FIELD'],
    ['an unknown group', { spaceship: { warp: 9 } }, 'spaceship', 'UNKNOWN_FIELD'],
    ['a group that is not an object', { oldVehicle: 'LSJA24U62JG269225' }, 'oldVehicle', 'EXPECTED_OBJECT'],
  ])('%s → %s %s', (_name, facts, path, code) => {
    const r = validateFacts(carScrap, facts, { today: '2026-04-01' });
    expect(r.ok).toBe(false);
    expect(r.fields).toEqual({ [path]: code });
  });

  it('an old VIN with a bad check digit is a warning (manual review), not an error', () => {
    const r = validateFacts(carScrap, { oldVehicle: { vin: '1M8GDM9A1KP042788' } });
    expect(r).toMatchObject({ ok: true, warnings: { 'oldVehicle.vin': 'INVALID_CHECKSUM' } });
  });

  it('facts must be an object', () => {
    expect(validateFacts(carScrap, [1, 2])).toMatchObject({
      ok: false,
      fields: { facts: 'EXPECTED_OBJECT' },
    });
  });
});

describe('programStatus', () => {
  it.each([
    ['2025-12-31', 1, 'upcoming'],
    ['2026-01-01', 1, 'open'],
    ['2026-12-31', 1, 'open'],
    ['2027-01-01', 1, 'closed'],
    ['2026-06-01', 0, 'exhausted'],
    ['2027-01-01', 0, 'closed'],
  ] as const)('%s with %i fen left → %s', (asOf, remainingFen, status) => {
    expect(programStatus(carScrap, { remainingFen }, asOf)).toBe(status);
  });
});

// ------------------------------------------------------------------------------------ property: amounts

const factValue = (path: string, def: ProgramDefinition): fc.Arbitrary<unknown> => {
  const f = def.factFields.find((x) => x.path === path)!;
  switch (f.type) {
    case 'money':
      return fc.oneof(fc.integer({ min: 0, max: 50_000_000 }), fc.constant(undefined));
    case 'integer':
      return fc.oneof(fc.integer({ min: f.min ?? 0, max: f.max ?? 100 }), fc.constant(undefined));
    case 'number':
      return fc.oneof(fc.double({ min: f.min ?? 0, max: f.max ?? 10, noNaN: true }), fc.constant(undefined));
    case 'boolean':
      return fc.oneof(fc.boolean(), fc.constant(undefined));
    case 'enum':
      return fc.oneof(fc.constantFrom(...f.options!.map((o) => o.value)), fc.constant(undefined));
    case 'date':
      return fc.oneof(
        fc
          .integer({ min: 0, max: 3 * 365 })
          .map((d) => new Date(Date.UTC(2024, 11, 1) + d * 86_400_000).toISOString().slice(0, 10)),
        fc.constant(undefined),
      );
    default:
      return fc.oneof(fc.constantFrom('A1', 'B2', 'C3'), fc.constant(undefined));
  }
};

function factsArb(def: ProgramDefinition): fc.Arbitrary<Record<string, Record<string, unknown>>> {
  return fc.tuple(...def.factFields.map((f) => factValue(f.path, def))).map((values) => {
    const facts: Record<string, Record<string, unknown>> = {};
    def.factFields.forEach((f, i) => {
      if (values[i] === undefined) return;
      const [g, k] = f.path.split('.') as [string, string];
      (facts[g] ??= {})[k] = values[i];
    });
    return facts;
  });
}

const historyArb = fc.option(
  fc.array(
    fc.record({
      programCode: fc.constantFrom(...programCatalogue.map((p) => p.code)),
      programKind: fc.constantFrom(
        'car_scrap',
        'car_replace',
        'goods',
        'home_renovation',
        'elderly_retrofit',
        'elderly_household',
      ),
      status: fc.constantFrom('submitted', 'approved', 'paid', 'rejected', 'draft'),
      year: fc.constantFrom(2025, 2026),
      amountFen: fc.integer({ min: 0, max: 5_000_000 }),
      category: fc.constantFrom('television', 'phone', 'grab_bar'),
      keys: fc.record({ propertyCertificateNo: fc.constantFrom('A1', 'B2') }),
      sameApplicant: fc.boolean(),
    }) as fc.Arbitrary<HistoryEntry>,
    { maxLength: 5 },
  ),
  { nil: undefined },
);

describe('property: amounts are never negative and never above the cap', () => {
  it.each(programCatalogue.map((p) => [p.code, p] as const))('%s', (_code, def) => {
    const cap = maxAmountFen(def.amount);
    fc.assert(
      fc.property(factsArb(def), historyArb, (facts, history) => {
        const r = evaluateEligibility(def, facts, {
          asOf: '2026-06-01',
          ...(history ? { history } : {}),
          participatingDealers: ['A1'],
          applicant: { birthDate: '1960-01-01' },
        });
        expect(Number.isSafeInteger(r.amountFen)).toBe(true);
        expect(r.amountFen).toBeGreaterThanOrEqual(0);
        expect(r.amountFen).toBeLessThanOrEqual(cap);
        if (r.clauses.some((c) => c.result === 'fail')) expect(r.amountFen).toBe(0);
        if (r.eligible)
          expect(r.clauses.every((c) => c.result === 'pass' || c.result === 'not_applicable')).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
