import { QueueTotals } from './queue-total';

describe('queue totals', () => {
  let time = 0;
  let counted: number;
  let value: number;
  const count = () => {
    counted += 1;
    return Promise.resolve(value);
  };
  const totals = () =>
    new QueueTotals({ now: () => time, exactBelow: 100, freshMs: 1_000, maxStaleMs: 30_000 });
  const settle = () => new Promise((resolve) => setImmediate(resolve));

  beforeEach(() => {
    time = 0;
    counted = 0;
  });

  it('counts a small total on every request', async () => {
    const kept = totals();
    value = 5;
    expect(await kept.get('f', count)).toBe(5);
    value = 4;
    expect(await kept.get('f', count)).toBe(4);
    expect(counted).toBe(2);
  });

  it('keeps a large total for a second, then serves it once more while one count refreshes it', async () => {
    const kept = totals();
    value = 33_000;
    expect(await kept.get('f', count)).toBe(33_000);
    value = 33_001;
    time = 999;
    expect(await kept.get('f', count)).toBe(33_000);
    expect(counted).toBe(1);
    time = 1_001;
    let finish!: (n: number) => void;
    const slow = () => {
      counted += 1;
      return new Promise<number>((resolve) => (finish = resolve));
    };
    expect(await kept.get('f', slow)).toBe(33_000);
    expect(await kept.get('f', slow)).toBe(33_000);
    expect(counted).toBe(2);
    finish(33_001);
    await settle();
    expect(await kept.get('f', count)).toBe(33_001);
    expect(counted).toBe(2);
  });

  it('counts again, waiting, when the kept total is long unused', async () => {
    const kept = totals();
    value = 33_000;
    await kept.get('f', count);
    value = 32_000;
    time = 30_001;
    expect(await kept.get('f', count)).toBe(32_000);
  });

  it('keeps totals per filter and drops them all on forget', async () => {
    const kept = totals();
    value = 33_000;
    await kept.get('a', count);
    value = 20_000;
    expect(await kept.get('b', count)).toBe(20_000);
    expect(await kept.get('a', count)).toBe(33_000);
    kept.forget();
    expect(await kept.get('a', count)).toBe(20_000);
    expect(counted).toBe(3);
  });

  it('does not store a count that started before forget', async () => {
    const kept = totals();
    value = 33_000;
    await kept.get('f', count);
    time = 1_001;
    let finish!: (n: number) => void;
    expect(await kept.get('f', () => new Promise<number>((resolve) => (finish = resolve)))).toBe(33_000);
    kept.forget();
    finish(33_000);
    await settle();
    value = 32_999;
    expect(await kept.get('f', count)).toBe(32_999);
  });

  it('keeps the old total when a background count fails', async () => {
    const kept = totals();
    value = 33_000;
    await kept.get('f', count);
    time = 1_001;
    expect(await kept.get('f', () => Promise.reject(new Error('down')))).toBe(33_000);
    await settle();
    expect(await kept.get('f', count)).toBe(33_000);
  });
});
