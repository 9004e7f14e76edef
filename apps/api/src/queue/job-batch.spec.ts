import { JobBatch } from './job-batch';

/** A run that records each batch and answers `key * 10`, failing any batch holding `bad`. */
function recorder(bad?: number) {
  const batches: number[][] = [];
  const release: (() => void)[] = [];
  const run = async (keys: number[]) => {
    batches.push(keys);
    await new Promise<void>((resolve) => release.push(resolve));
    if (bad !== undefined && keys.includes(bad)) throw new Error(`bad key ${bad}`);
    return keys.map((key) => key * 10);
  };
  /** Lets every batch started so far finish, then waits for the loop to settle. */
  const finish = async () => {
    for (let i = 0; i < 20; i++) {
      release.splice(0).forEach((resolve) => resolve());
      await new Promise((resolve) => setImmediate(resolve));
    }
  };
  return { batches, run, finish };
}

describe('JobBatch', () => {
  it('runs the keys of one loop turn together, and those that arrive while it runs as the next batch', async () => {
    const r = recorder();
    const batch = new JobBatch(r.run, { maxBatch: 10, parallel: 1 });
    const first = [1, 2, 3].map((key) => batch.load(key));
    await new Promise((resolve) => setImmediate(resolve));
    expect(r.batches).toEqual([[1, 2, 3]]);
    const second = [4, 5].map((key) => batch.load(key));
    await new Promise((resolve) => setImmediate(resolve));
    expect(r.batches).toEqual([[1, 2, 3]]); // one batch at a time: 4 and 5 wait for it
    await r.finish();
    expect(await Promise.all([...first, ...second])).toEqual([10, 20, 30, 40, 50]);
    expect(r.batches).toEqual([
      [1, 2, 3],
      [4, 5],
    ]);
  });

  it('caps a batch at maxBatch and runs up to `parallel` batches at once', async () => {
    const r = recorder();
    const batch = new JobBatch(r.run, { maxBatch: 2, parallel: 2 });
    const all = [1, 2, 3, 4, 5].map((key) => batch.load(key));
    await new Promise((resolve) => setImmediate(resolve));
    expect(r.batches).toEqual([
      [1, 2],
      [3, 4],
    ]);
    await r.finish();
    expect(await Promise.all(all)).toEqual([10, 20, 30, 40, 50]);
    expect(r.batches.at(-1)).toEqual([5]);
  });

  it('a failed batch is run again key by key: only the bad key fails', async () => {
    const r = recorder(2);
    const batch = new JobBatch(r.run, { maxBatch: 10, parallel: 1 });
    const results = Promise.allSettled([1, 2, 3].map((key) => batch.load(key)));
    await r.finish();
    const settled = await results;
    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(settled[0]).toEqual({ status: 'fulfilled', value: 10 });
    expect((settled[1] as PromiseRejectedResult).reason).toEqual(new Error('bad key 2'));
    expect(r.batches).toEqual([[1, 2, 3], [1], [2], [3]]);
  });
});
