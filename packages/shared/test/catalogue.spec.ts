import { evaluateEligibility, maxAmountFen } from '../src/eligibility';
import {
  getCatalogueProgram,
  loadProgramDefinition,
  programCatalogue,
  type Provenance,
} from '../src/programs';

const CODES = [
  'car-scrap-2025',
  'car-replace-2025',
  'car-scrap-2026',
  'car-replace-2026',
  'jinan-gasoline-scrap',
  'appliance-2025',
  'appliance-2026',
  'digital-2026',
  'home-renovation-2026',
  'elderly-retrofit-2026',
  'elderly-household-retrofit',
  'ebike-2026',
];

describe('program catalogue', () => {
  it('has every program of programs.md, version 1', () => {
    expect(programCatalogue.map((p) => p.code)).toEqual(CODES);
    expect(programCatalogue.every((p) => p.version === 1)).toBe(true);
  });

  it.each(CODES)('%s passes loadProgramDefinition (schema + semantic checks)', (code) => {
    const def = getCatalogueProgram(code);
    expect(loadProgramDefinition(def)).toEqual(def);
  });

  it.each([
    ['car-scrap-2025', '2025-01-01', '2025-12-31'],
    ['car-replace-2025', '2025-01-01', '2025-12-31'],
    ['appliance-2025', '2025-01-01', '2025-12-31'],
    ...CODES.filter((c) => !c.endsWith('2025')).map((c) => [c, '2026-01-01', '2026-12-31']),
  ])('%s window %s … %s', (code, opensOn, closesOn) => {
    expect(getCatalogueProgram(code)).toMatchObject({ opensOn, closesOn });
  });

  it('car-scrap-2026 has a 50,000,000-yuan sample budget; every budget is positive', () => {
    expect(getCatalogueProgram('car-scrap-2026')?.budget.totalFen).toBe(5_000_000_000);
    for (const p of programCatalogue) expect(p.budget.totalFen).toBeGreaterThan(0);
  });

  it('stacking: jinan-gasoline-scrap and car-scrap-2026 stack both ways', () => {
    expect(getCatalogueProgram('jinan-gasoline-scrap')?.stacksWith).toEqual(['car-scrap-2026']);
    expect(getCatalogueProgram('car-scrap-2026')?.stacksWith).toContain('jinan-gasoline-scrap');
  });

  it.each<[string, string, Provenance]>([
    ['car-scrap-2025', 'old-vehicle-age', 'sourced'],
    ['car-scrap-2025', 'ownership', 'sourced'],
    ['car-scrap-2026', 'old-vehicle-age', 'unverified'],
    ['car-scrap-2026', 'ownership', 'sample'],
    ['car-scrap-2026', 'nev-to-fuel', 'unverified'],
    ['car-replace-2026', 'ownership', 'sample'],
    ['jinan-gasoline-scrap', 'ownership', 'sample'],
    ['appliance-2025', 'quota', 'sourced'],
    ['appliance-2026', 'category', 'unverified'],
    ['digital-2026', 'price-limit', 'sourced'],
    ['digital-2026', 'category', 'unverified'],
    ['home-renovation-2026', 'old-home', 'sourced'],
    ['home-renovation-2026', 'household-cap', 'sample'],
    ['elderly-retrofit-2026', 'age-60', 'sourced'],
    ['elderly-retrofit-2026', 'retrofit-item', 'sample'],
    ['elderly-household-retrofit', 'elder-condition', 'sample'],
    ['ebike-2026', 'price-floor', 'sample'],
  ])('%s clause %s is %s', (code, clause, provenance) => {
    expect(getCatalogueProgram(code)?.clauses.find((c) => c.id === clause)?.provenance).toBe(provenance);
  });

  it.each<[string, Provenance]>([
    ['car-scrap-2025', 'sourced'],
    ['car-replace-2025', 'sample'],
    ['car-scrap-2026', 'unverified'],
    ['jinan-gasoline-scrap', 'sample'],
    ['appliance-2025', 'sourced'],
    ['home-renovation-2026', 'sample'],
    ['ebike-2026', 'sample'],
  ])('%s amount figures are %s', (code, provenance) => {
    expect(getCatalogueProgram(code)?.amountSource.provenance).toBe(provenance);
  });

  it('cites the document numbers of programs.md', () => {
    expect(
      getCatalogueProgram('car-scrap-2025')?.clauses.every((c) => c.citation === '商办消费函〔2025〕8号'),
    ).toBe(true);
    expect(getCatalogueProgram('jinan-gasoline-scrap')?.clauses[0]?.citation).toContain('章政发〔2024〕2号');
    expect(getCatalogueProgram('elderly-household-retrofit')?.clauses[0]?.citation).toContain(
      '章政发〔2024〕2号',
    );
    for (const p of programCatalogue) for (const c of p.clauses) expect(c.citation.length).toBeGreaterThan(3);
  });

  it.each([
    [
      'car-scrap-2026',
      [
        'id_card',
        'old_vehicle_registration',
        'scrap_certificate',
        'deregistration_certificate',
        'new_vehicle_invoice',
        'new_vehicle_registration',
        'bank_card',
      ],
    ],
    [
      'car-replace-2026',
      [
        'id_card',
        'old_vehicle_registration',
        'transfer_record',
        'new_vehicle_invoice',
        'new_vehicle_registration',
        'bank_card',
      ],
    ],
    ['appliance-2026', ['invoice', 'energy_label_photo', 'serial_number_photo', 'recycling_receipt']],
    ['elderly-household-retrofit', ['id_card', 'assistance_certificate', 'elder_condition_proof', 'invoice']],
  ])('%s documents', (code, kinds) => {
    expect(getCatalogueProgram(code)?.documents.map((d) => d.kind)).toEqual(kinds);
  });

  it('claim keys: new VIN, scrap certificate, invoice and serial number are globally unique keys', () => {
    const keys = (code: string) =>
      getCatalogueProgram(code)
        ?.claimKeys.filter((k) => k.unique === 'global')
        .map((k) => k.name)
        .sort();
    expect(keys('car-scrap-2026')).toEqual(['certificateNo', 'invoiceNo', 'newVin']);
    expect(keys('appliance-2026')).toEqual(['invoiceNo', 'serialNo']);
    expect(getCatalogueProgram('jinan-gasoline-scrap')?.claimKeys).toContainEqual({
      name: 'oldVin',
      path: 'oldVehicle.vin',
      unique: 'program',
    });
  });

  it.each([
    ['car-scrap-2025', 2_000_000],
    ['car-replace-2025', 1_500_000],
    ['car-scrap-2026', 2_000_000],
    ['car-replace-2026', 1_500_000],
    ['jinan-gasoline-scrap', 300_000],
    ['appliance-2025', 200_000],
    ['appliance-2026', 150_000],
    ['digital-2026', 50_000],
    ['home-renovation-2026', 200_000],
    ['elderly-retrofit-2026', 300_000],
    ['elderly-household-retrofit', 500_000],
    ['ebike-2026', 60_000],
  ])('%s pays at most %i fen per claim', (code, max) => {
    expect(maxAmountFen(getCatalogueProgram(code)!.amount)).toBe(max);
  });

  it('every program evaluates empty facts to unknown clauses, never a crash', () => {
    for (const p of programCatalogue) {
      const r = evaluateEligibility(p, {}, { asOf: '2026-03-01' });
      expect(r.eligible).toBe(false);
      expect(r.clauses.some((c) => c.result === 'fail')).toBe(false);
      expect(r.clauses.filter((c) => c.result === 'unknown').length).toBeGreaterThan(0);
    }
  });
});
