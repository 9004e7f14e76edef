import { evaluateEligibility } from '../src/eligibility/engine';
import { validateFacts } from '../src/eligibility/facts';
import { getCatalogueProgram, programCatalogue } from '../src/programs/catalogue';
import { loadProgramDefinition } from '../src/programs/schema';
import { ZHANGQIU_STREET_CODES } from '../src/regions';
import { luhnValid, validateBankCard } from '../src/validators/bank-card';
import { validateMobile } from '../src/validators/mobile';
import { validateResidentId } from '../src/validators/resident-id';
import {
  bankCardNumber,
  eligibleClaim,
  ELIGIBLE_CLAIM_NAMES,
  mobileNumber,
  residentIdNumber,
  residentProfile,
  withFactChanges,
} from '../src/testing';

describe('eligible claim fixtures', () => {
  it.each(ELIGIBLE_CLAIM_NAMES.map((name) => [name]))(
    '%s: valid facts, every clause passes or does not apply, the stated amount',
    (name) => {
      const claim = eligibleClaim(name);
      const base = getCatalogueProgram(claim.programCode);
      if (!base) throw new Error(`${claim.programCode} is not in the catalogue`);
      const definition = loadProgramDefinition(base);
      expect(definition.kind).toBe(claim.kind);

      const checked = validateFacts(definition, claim.facts, { today: claim.context.asOf });
      expect(checked.ok ? {} : checked.fields).toEqual({});

      const result = evaluateEligibility(definition, claim.facts, claim.context);
      expect(result.clauses.filter((c) => c.result !== 'pass' && c.result !== 'not_applicable')).toEqual([]);
      expect(result.eligible).toBe(true);
      expect(result.amountFen).toBe(claim.amountFen);
      expect(result.amountComplete).toBe(true);
    },
  );

  it('covers every kind of the 2026 programs that residents apply to online', () => {
    const kinds2026 = programCatalogue
      .filter((p) => p.opensOn.startsWith('2026') && /-2026$/.test(p.code))
      .map((p) => p.kind);
    const covered = new Set<string>(ELIGIBLE_CLAIM_NAMES.map((name) => eligibleClaim(name).kind));
    expect([...new Set(kinds2026)].filter((kind) => !covered.has(kind))).toEqual([]);
  });

  it('hands out copies: a test that edits its claim does not change the next one', () => {
    const first = eligibleClaim('carScrap');
    first.facts.newVehicle.priceFen = 1;
    expect(eligibleClaim('carScrap').facts.newVehicle.priceFen).toBe(15_000_000);
  });

  it('applies fact changes ("group.key" → value; undefined removes the fact)', () => {
    const claim = eligibleClaim('appliance', { 'item.priceFen': 400_000, 'item.efficiencyGrade': undefined });
    expect(claim.facts.item.priceFen).toBe(400_000);
    expect('efficiencyGrade' in claim.facts.item).toBe(false);
    expect(withFactChanges({ a: { b: 1 } }, { 'c.d': 2 })).toEqual({ a: { b: 1 }, c: { d: 2 } });
    expect(() => withFactChanges({}, { nope: 1 })).toThrow(RangeError);
  });
});

describe('identifier generators', () => {
  it.each([
    // The GB 11643-1999 worked example.
    [{ region: '110105', birthDate: '1949-12-31', sequence: 2 }, '11010519491231002X'],
    // What the API's applications suites gave resident 0 before they used this generator.
    [{ birthDate: '1960-03-01', sequence: 0 }, '370114196003010007'],
  ])('resident ID %p → %s', (input, expected) => {
    expect(residentIdNumber(input)).toBe(expected);
  });

  it.each([0, 1, 100, 500, 999])(
    'resident ID with order code %i is valid, with its birth date and sex',
    (n) => {
      const id = residentIdNumber({ sequence: n, birthDate: '1985-06-15' });
      const checked = validateResidentId(id, { today: '2026-01-01' });
      expect(checked).toMatchObject({ ok: true, errors: [], warnings: [], birthDate: '1985-06-15' });
      expect(checked.sex).toBe(n % 2 === 1 ? 'male' : 'female');
      expect(id.startsWith('370114')).toBe(true);
    },
  );

  it.each([0, 7, 500_000, 999_999_999_999])('bank card %i passes the format and the Luhn check', (n) => {
    const card = bankCardNumber(n);
    expect(card).toMatch(/^621700\d{13}$/);
    expect(luhnValid(card)).toBe(true);
    expect(validateBankCard(card)).toMatchObject({ ok: true, errors: [], warnings: [] });
  });

  it('a known card number comes out with its own check digit', () => {
    expect(bankCardNumber(463000042447, { prefix: '623051' })).toBe('6230514630000424473');
  });

  it.each([0, 42, 9999])('mobile %i is a valid mainland number', (n) => {
    expect(validateMobile(mobileNumber(n))).toMatchObject({ ok: true, value: mobileNumber(n) });
  });

  it.each([
    ['sequence over 999', () => residentIdNumber({ sequence: 1000 })],
    ['negative sequence', () => residentIdNumber({ sequence: -1 })],
    ['no such date', () => residentIdNumber({ sequence: 1, birthDate: '1985-02-30' })],
    ['short region', () => residentIdNumber({ sequence: 1, region: '3701' })],
    ['card serial too long', () => bankCardNumber(1e12)],
    ['card prefix not 6 digits', () => bankCardNumber(1, { prefix: '62' })],
    ['mobile serial too long', () => mobileNumber(10_000)],
    ['mobile prefix not a mobile', () => mobileNumber(1, { prefix: '0531123' })],
  ])('refuses %s', (_what, make) => {
    expect(make).toThrow(RangeError);
  });

  it('a resident profile is valid by the same rules the server applies', () => {
    const profile = residentProfile(3);
    expect(validateResidentId(profile.idNumber).ok).toBe(true);
    expect(validateBankCard(profile.bankAccount)).toMatchObject({ ok: true, warnings: [] });
    expect(ZHANGQIU_STREET_CODES).toContain(profile.street);
    expect(profile.consent).toBe(true);
    expect(residentProfile(4).idNumber).not.toBe(profile.idNumber);
    expect(residentProfile(3, { name: '李四' })).toEqual({ ...profile, name: '李四' });
  });
});
