import { getCatalogueProgram } from '../src/programs';
import { graceUntil, pauseDecision, purchaseDateOf } from '../src/programs/pause';
import { publicCount } from '../src/dto/stats';

const pause = { pausesAt: new Date('2026-06-20T16:00:00Z'), graceDays: 30, pauseDate: '2026-06-21' };

describe('pauseDecision (operations.md §8)', () => {
  it.each([
    ['before the instant, any purchase', '2026-06-20T15:59:59Z', '2026-06-25', 'open'],
    ['at the instant, a purchase on the pause date', '2026-06-20T16:00:00Z', '2026-06-21', 'paused'],
    ['at the instant, a purchase the day before', '2026-06-20T16:00:00Z', '2026-06-20', 'grace'],
    ['the last millisecond of the grace days', '2026-07-20T15:59:59.999Z', '2026-06-01', 'grace'],
    ['when the grace days are over', '2026-07-20T16:00:00Z', '2026-06-01', 'paused'],
    ['no purchase date known', '2026-06-21T00:00:00Z', null, 'paused'],
  ])('%s → %s', (_label, now, purchase, expected) => {
    expect(pauseDecision(pause, new Date(now), purchase)).toBe(expected);
  });

  it('graceUntil adds whole days', () => {
    expect(graceUntil(pause.pausesAt, 30).toISOString()).toBe('2026-07-20T16:00:00.000Z');
  });
});

describe('purchaseDateOf', () => {
  it.each([
    ['appliance-2026', { item: { invoiceDate: '2026-05-01' } }, '2026-05-01'],
    [
      'car-scrap-2026',
      { newVehicle: { invoiceDate: '2026-03-10' }, scrap: { scrappedOn: '2026-02-01' } },
      '2026-03-10',
    ],
    ['jinan-gasoline-scrap', { scrap: { scrappedOn: '2026-02-01' } }, '2026-02-01'],
    ['appliance-2026', { item: { invoiceDate: 'yesterday' } }, null],
    ['appliance-2026', {}, null],
  ] as const)('%s %j → %s', (code, facts, expected) => {
    expect(purchaseDateOf(getCatalogueProgram(code)!, facts)).toBe(expected);
  });
});

describe('publicCount', () => {
  it.each([
    [0, '<5'],
    [1, '<5'],
    [4, '<5'],
    [5, 5],
    [1234, 1234],
  ])('%i → %p', (count, expected) => {
    expect(publicCount(count)).toBe(expected);
  });
});
