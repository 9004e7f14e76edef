import { describe, expect, it } from 'vitest';
import { computeVinCheckDigit, programCatalogue } from '@huanxin/shared';
import { NEW_VEHICLE_VIN } from '@huanxin/shared/testing';
import { checkAmounts, estimateSubsidy, goodsFieldOf, pastDate, priceRule, saleRules } from './sale-rules';

const appliance = programCatalogue.find((p) => p.code === 'appliance-2026')!;
const WRONG_CHECK_VIN = `${NEW_VEHICLE_VIN.slice(0, 8)}${computeVinCheckDigit(NEW_VEHICLE_VIN) === '1' ? '2' : '1'}${NEW_VEHICLE_VIN.slice(9)}`;
const digital = programCatalogue.find((p) => p.code === 'digital-2026')!;

describe('the sale form rules', () => {
  it.each([
    // [rule, value, expected]
    ['buyerIdNumber', '11010519491231002X', true],
    ['buyerIdNumber', '110105194912310021', 'INVALID_CHECKSUM'],
    ['buyerIdNumber', '', 'REQUIRED'],
    // A company's credit code as the buyer: refused as it is typed, like the server does.
    ['buyerIdNumber', '91310115MA1K3BTP2B', 'BUYER_NOT_PERSON'],
    ['imei', '490154203237518', true],
    ['imei', '490154203237517', 'INVALID_CHECKSUM'],
    ['voucherCode', '', true],
    ['vin', NEW_VEHICLE_VIN, true],
    ['vin', WRONG_CHECK_VIN, 'INVALID_CHECKSUM'],
    ['vin', NEW_VEHICLE_VIN.slice(0, 16), 'INVALID_FORMAT'],
    ['invoiceNo', '25370000000012345678', true],
    ['invoiceNo', '037001900111 12345678', true],
    ['invoiceNo', '1234', 'INVALID_FORMAT'],
    ['recyclerUscc', '91310115MA1K3BTP2B', true],
    ['recyclerUscc', '91110000600037341N', 'INVALID_CHECKSUM'],
    ['displacementL', '1.5', true],
    ['displacementL', '0', true],
    ['displacementL', '1.555', 'INVALID_FORMAT'],
    ['displacementL', '12', 'OUT_OF_RANGE'],
    ['trackingNo', '', true],
  ] as const)('%s(%j) → %j', (rule, value, expected) => {
    expect(saleRules[rule](value)).toBe(expected);
  });

  it('a date after today is refused, today and earlier pass', () => {
    const rule = pastDate(() => '2026-12-01');
    expect(rule('2026-12-01')).toBe(true);
    expect(rule('2026-11-30')).toBe(true);
    expect(rule('2026-12-02')).toBe('FUTURE_DATE');
    expect(rule('2026-02-30')).toBe('INVALID_DATE');
    expect(rule('')).toBe('REQUIRED');
  });

  it.each([
    ['3999', true],
    ['3999.00', true],
    ['3999.01', 'ABOVE_FILED_PRICE'],
    ['0', 'OUT_OF_RANGE'],
    ['39.999', 'INVALID_FORMAT'],
    ['', 'REQUIRED'],
  ])('price %j against a filed price of ¥3,999 → %j', (value, expected) => {
    expect(priceRule(399_900)(value)).toBe(expected);
  });
});

describe('amounts add up: invoice total = paid + subsidy + other discounts', () => {
  it.each([
    [399_900, 339_915, 59_985, 0, { state: 'ok', totalFen: 399_900 }],
    [399_900, 329_915, 59_985, 10_000, { state: 'ok', totalFen: 399_900 }],
    [
      399_900,
      340_000,
      59_985,
      0,
      { state: 'mismatch', totalFen: 399_900, sumFen: 399_985, differenceFen: -85 },
    ],
    [399_900, null, 59_985, 0, { state: 'incomplete' }],
    [399_900, 339_915, null, 0, { state: 'incomplete' }],
  ] as const)('price %i, paid %j, subsidy %j, other %i', (price, paid, subsidy, other, expected) => {
    expect(checkAmounts(price, paid, subsidy, other)).toEqual(expected);
  });
});

describe('the subsidy estimate runs the program’s own formula', () => {
  it.each([
    // appliance-2026: 15 % of the price, at most ¥1,500
    [appliance, 'refrigerator', 1, 399_900, 59_985],
    [appliance, 'refrigerator', 1, 1_200_000, 150_000],
    // digital-2026: 15 %, at most ¥500
    [digital, 'phone', null, 299_900, 44_985],
  ] as const)('%s %s grade %j at %i fen → %i fen', (definition, category, grade, priceFen, expected) => {
    expect(
      estimateSubsidy(definition, { category, efficiencyGrade: grade, priceFen, invoiceDate: '2026-06-01' })
        .subsidyFen,
    ).toBe(expected);
  });

  it('without a price or a definition it does not guess', () => {
    const item = { category: 'refrigerator', efficiencyGrade: 1, invoiceDate: '2026-06-01' };
    expect(estimateSubsidy(appliance, { ...item, priceFen: null }).subsidyFen).toBeNull();
    expect(estimateSubsidy(undefined, { ...item, priceFen: 100_000 }).subsidyFen).toBeNull();
  });
});

describe('server field keys land on the form inputs', () => {
  it.each([
    ['buyer.idNumber', 'buyerIdNumber'],
    ['priceFen', 'price'],
    ['paidFen', 'paid'],
    ['delivery.address', 'deliveryAddress'],
    ['oldItem.recyclerUscc', 'recyclerUscc'],
    ['programCode', undefined],
  ])('%s → %s', (key, field) => {
    expect(goodsFieldOf(key)).toBe(field);
  });
});
