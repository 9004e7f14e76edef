import fc from 'fast-check';
import { capFen, fenToYuanString, formatFen, percentOfFen, sumFen, yuanToFen } from '../src/money';

describe('percentOfFen', () => {
  it.each([
    [10_000, 1500, 1500],
    [333_333, 1500, 49_999],
    [12_345_678, 1000, 1_234_567],
    [16_666_659, 1200, 1_999_999],
    [1, 1500, 0],
    [0, 2000, 0],
    [-1, 1500, -1],
    [9_007_199_254_740_991, 1, 900_719_925_474],
  ])('%i × %i bp = %i (rounded down)', (amount, bp, expected) => {
    expect(percentOfFen(amount, bp)).toBe(expected);
  });

  it('matches exact big-integer arithmetic', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 40 }), fc.integer({ min: 0, max: 10_000 }), (amount, bp) => {
        expect(BigInt(percentOfFen(amount, bp))).toBe((BigInt(amount) * BigInt(bp)) / 10_000n);
      }),
    );
  });

  it.each([
    [1.5, 1500],
    [Number.NaN, 1500],
    [2 ** 53, 1500],
    [100, 0.5],
  ])('rejects %p × %p', (amount, bp) => {
    expect(() => percentOfFen(amount, bp)).toThrow(RangeError);
  });
});

describe('capFen / sumFen', () => {
  it('caps', () => {
    expect(capFen(300_000, 200_000)).toBe(200_000);
    expect(capFen(100_000, 200_000)).toBe(100_000);
  });
  it('sums exactly and rejects unsafe totals', () => {
    expect(sumFen(1, 2, 3)).toBe(6);
    expect(() => sumFen(Number.MAX_SAFE_INTEGER, 1)).toThrow(RangeError);
    expect(() => capFen(0.1, 1)).toThrow(RangeError);
  });
});

describe('yuanToFen', () => {
  it.each([
    ['20000', 2_000_000],
    ['20,000.00', 2_000_000],
    ['0.05', 5],
    ['199.9', 19_990],
    ['-3.10', -310],
    [' 1 ', 100],
  ])('%s → %i', (yuan, fen) => {
    expect(yuanToFen(yuan)).toBe(fen);
  });
  it.each(['1.005', 'abc', '', '1e3', '99999999999999999'])('rejects %p', (yuan) => {
    expect(() => yuanToFen(yuan)).toThrow(RangeError);
  });
  it('round-trips with fenToYuanString', () => {
    fc.assert(
      fc.property(fc.integer({ min: -(2 ** 50), max: 2 ** 50 }), (fen) =>
        expect(yuanToFen(fenToYuanString(fen))).toBe(fen),
      ),
    );
  });
});

describe('formatFen', () => {
  it.each([
    [2_000_000, 'zh-CN', '¥20,000.00'],
    [2_000_000, 'en', '¥20,000.00'],
    [5, 'zh-CN', '¥0.05'],
    [123_456_789, 'en', '¥1,234,567.89'],
    [-2_000, 'zh-CN', '-¥20.00'],
    [0, 'en', '¥0.00'],
  ] as const)('%i (%s) → %s', (fen, locale, text) => {
    expect(formatFen(fen, locale)).toBe(text);
  });
  it('rejects non-integer fen', () => {
    expect(() => formatFen(1.5, 'zh-CN')).toThrow(RangeError);
  });
});
