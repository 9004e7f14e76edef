import { LocalRateLimit } from './local-rate-limit';

describe('LocalRateLimit', () => {
  const MINUTE = 60_000;

  it('allows `limit` hits per key per window, then refuses with the seconds left; other keys are counted apart', () => {
    const limit = new LocalRateLimit(3, MINUTE);
    const t0 = 10 * MINUTE + 15_000; // 15 s into a window
    expect([1, 2, 3].map(() => limit.hit('a', t0))).toEqual([null, null, null]);
    expect(limit.hit('a', t0)).toBe(45);
    expect(limit.hit('a', t0 + 44_500)).toBe(1);
    expect(limit.hit('b', t0)).toBeNull();
  });

  it('a new window starts every key afresh (and a clock moved back does too)', () => {
    const limit = new LocalRateLimit(1, MINUTE);
    expect(limit.hit('a', 0)).toBeNull();
    expect(limit.hit('a', MINUTE - 1)).toBe(1);
    expect(limit.hit('a', MINUTE)).toBeNull();
    expect(limit.hit('a', MINUTE + 1)).not.toBeNull();
    expect(limit.hit('a', 0)).toBeNull();
  });

  it('a window that fills up with maxKeys addresses is emptied (bounded memory), counting goes on', () => {
    const limit = new LocalRateLimit(1, MINUTE, 3);
    for (const key of ['a', 'b', 'c']) expect(limit.hit(key, 0)).toBeNull();
    expect(limit.hit('a', 0)).toBe(60);
    expect(limit.hit('d', 0)).toBeNull(); // the table was full: emptied, then d counted
    expect(limit.hit('a', 0)).toBeNull();
    expect(limit.hit('a', 0)).toBe(60);
  });
});
