import { getCatalogueProgram, programCatalogue } from '../src/programs/catalogue';
import type { AmountFormula } from '../src/programs/types';
import {
  formatVoucherCode,
  issuesVouchers,
  maxSubsidyFen,
  normalizeVoucherCode,
  VOUCHER_CODE_ALPHABET,
  voucherCategories,
  voucherCheckCharacter,
  voucherCodeFrom,
  voucherQuota,
  voucherValidityDays,
} from '../src/vouchers';

const price = { var: 'item.priceFen' };

describe('maxSubsidyFen: the most an amount formula can give (what a voucher reserves)', () => {
  it.each<[string, AmountFormula, number | null]>([
    ['fixed', { type: 'fixed', fen: 50_000 }, 50_000],
    ['a percentage with a cap', { type: 'percent', of: price, basisPoints: 1500, capFen: 150_000 }, 150_000],
    ['a percentage without a cap: unbounded', { type: 'percent', of: price, basisPoints: 1500 }, null],
    ['the actual cost without a cap: unbounded', { type: 'actual', of: price }, null],
    ['the actual cost with a cap', { type: 'actual', of: price, capFen: 500_000 }, 500_000],
    [
      'bands: the highest band',
      {
        type: 'bands',
        by: price,
        bands: [
          { minFen: 0, formula: { type: 'fixed', fen: 600_000 } },
          { minFen: 10_000_000, formula: { type: 'fixed', fen: 1_000_000 } },
        ],
      },
      1_000_000,
    ],
    [
      'stages: the highest stage',
      {
        type: 'stages',
        by: { var: 'scrap.scrappedOn' },
        stages: [
          { through: '2026-06-30', formula: { type: 'fixed', fen: 300_000 } },
          { formula: { type: 'fixed', fen: 200_000 } },
        ],
      },
      300_000,
    ],
    [
      'choose without otherwise: a branch or nothing',
      { type: 'choose', cases: [{ when: true, formula: { type: 'fixed', fen: 10_000 } }] },
      10_000,
    ],
    [
      'sum: every part at its most (ebike-2026: 500 + 100 yuan)',
      getCatalogueProgram('ebike-2026')!.amount,
      60_000,
    ],
    [
      'sum with an unbounded part: unbounded',
      {
        type: 'sum',
        parts: [
          { type: 'fixed', fen: 1 },
          { type: 'percent', of: price, basisPoints: 100 },
        ],
      },
      null,
    ],
    [
      'capped bounds an unbounded inner formula (home-renovation-2026)',
      getCatalogueProgram('home-renovation-2026')!.amount,
      200_000,
    ],
    [
      'capped keeps the smaller of the cap and the inner maximum',
      { type: 'capped', capFen: 900_000, formula: { type: 'fixed', fen: 50_000 } },
      50_000,
    ],
    [
      'appliance-2025: grade 1 or 2, capped at 2,000 yuan',
      getCatalogueProgram('appliance-2025')!.amount,
      200_000,
    ],
    ['appliance-2026: 15 % capped at 1,500 yuan', getCatalogueProgram('appliance-2026')!.amount, 150_000],
    ['digital-2026: 15 % capped at 500 yuan', getCatalogueProgram('digital-2026')!.amount, 50_000],
  ])('%s', (_, formula, expected) => {
    expect(maxSubsidyFen(formula)).toBe(expected);
  });

  it('every catalogue program that issues vouchers has a bounded maximum and categories', () => {
    const offering = programCatalogue.filter(issuesVouchers);
    expect(offering.map((program) => program.code).sort()).toEqual([
      'appliance-2025',
      'appliance-2026',
      'digital-2026',
      'ebike-2026',
      'home-renovation-2026',
    ]);
    for (const program of offering.filter((p) => p.code !== 'ebike-2026')) {
      expect(maxSubsidyFen(program.amount)).toBeGreaterThan(0);
      expect(voucherCategories(program).length).toBeGreaterThan(0);
    }
  });
});

describe('voucher terms (operations.md §5)', () => {
  it('quota: one per category, air conditioners three', () => {
    expect(voucherQuota('refrigerator')).toBe(1);
    expect(voucherQuota('phone')).toBe(1);
    expect(voucherQuota('air_conditioner')).toBe(3);
  });

  it('validity: the program’s voucherValidityDays, else 2 days', () => {
    const { settings } = getCatalogueProgram('appliance-2026')!;
    expect(voucherValidityDays({ settings })).toBe(3);
    const { voucherValidityDays: _, ...without } = settings;
    expect(voucherValidityDays({ settings: without })).toBe(2);
  });

  it('categories: the options of the history’s category fact', () => {
    expect(voucherCategories(getCatalogueProgram('digital-2026')!)).toEqual([
      'phone',
      'tablet',
      'smartwatch',
      'smart_glasses',
    ]);
    // ebike-2026 records no category in its history: it has none to take a voucher for.
    expect(voucherCategories(getCatalogueProgram('ebike-2026')!)).toEqual([]);
  });
});

describe('voucher codes', () => {
  const codeOf = (values: number[]) => voucherCodeFrom(values);

  it('10 characters from an alphabet without look-alikes, the last a check character', () => {
    expect(VOUCHER_CODE_ALPHABET).not.toMatch(/[01ILO]/);
    const code = codeOf([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect(code).toBe(`23456789A${voucherCheckCharacter('23456789A')}`);
    expect(code).toHaveLength(10);
    expect(normalizeVoucherCode(code)).toBe(code);
  });

  it('accepts what a cashier types: lower case, dashes, spaces', () => {
    const code = codeOf([30, 29, 28, 27, 26, 25, 24, 23, 22]);
    expect(normalizeVoucherCode(formatVoucherCode(code).toLowerCase())).toBe(code);
    expect(normalizeVoucherCode(` ${code.slice(0, 5)} ${code.slice(5)} `)).toBe(code);
  });

  it('refuses every single-character typo and every swap of two different neighbours', () => {
    const code = codeOf([3, 14, 15, 9, 26, 5, 3, 5, 8]);
    for (let i = 0; i < code.length; i += 1) {
      for (const c of VOUCHER_CODE_ALPHABET) {
        if (c === code[i]) continue;
        expect(normalizeVoucherCode(code.slice(0, i) + c + code.slice(i + 1))).toBeNull();
      }
    }
    for (let i = 0; i < code.length - 1; i += 1) {
      if (code[i] === code[i + 1]) continue;
      const swapped = code.slice(0, i) + code[i + 1] + code[i] + code.slice(i + 2);
      expect(normalizeVoucherCode(swapped)).toBeNull();
    }
  });

  it.each(['', 'ABC', '23456789A0', '23456789AB2', 'I23456789A'])('refuses %j', (input) => {
    expect(normalizeVoucherCode(input)).toBeNull();
  });

  it('groups 4-3-3 for reading aloud', () => {
    expect(formatVoucherCode('HX7K3MQPD9')).toBe('HX7K-3MQ-PD9');
  });
});
