import { payableFrom } from '../src/payments';
import type { ProgramDefinition } from '../src/programs/types';

const settings = (returnWindowDays?: number) =>
  ({
    twoPersonThresholdFen: 0,
    draftExpiryDays: 30,
    returnedExpiryDays: 15,
    serviceLevels: { acceptDays: 3, reviewDays: 15, payDays: 30 },
    claimModes: ['after_purchase'],
    ...(returnWindowDays === undefined ? {} : { returnWindowDays }),
  }) satisfies ProgramDefinition['settings'];

describe('payableFrom: goods wait for the return window, cars do not (operations.md §8)', () => {
  it.each([
    ['a car claim: at once', 'car_scrap', undefined, { newVehicle: { invoiceDate: '2026-04-28' } }, null],
    ['a car replacement: at once', 'car_replace', undefined, {}, null],
    [
      'goods: 7 days after the invoice date by default',
      'goods',
      undefined,
      { item: { invoiceDate: '2026-04-28' } },
      '2026-05-06',
    ],
    [
      'goods: the delivery date when one is recorded',
      'goods',
      undefined,
      { item: { invoiceDate: '2026-04-20' }, delivery: { deliveredOn: '2026-04-25' } },
      '2026-05-03',
    ],
    ['the program’s own window', 'digital', 14, { item: { invoiceDate: '2026-04-28' } }, '2026-05-13'],
    [
      'a window of 0 days: the day after delivery',
      'ebike',
      0,
      { item: { invoiceDate: '2026-04-28' } },
      '2026-04-29',
    ],
    [
      'across a month end',
      'home_renovation',
      undefined,
      { item: { invoiceDate: '2026-01-28' } },
      '2026-02-05',
    ],
    ['goods without any date: never', 'goods', undefined, { item: {} }, '9999-12-31'],
    [
      'goods with a malformed date: never',
      'goods',
      undefined,
      { item: { invoiceDate: '28/04/2026' } },
      '9999-12-31',
    ],
  ] as const)('%s', (_name, kind, days, facts, expected) => {
    expect(payableFrom({ kind, settings: settings(days) }, facts as Record<string, unknown>)).toBe(expected);
  });
});
