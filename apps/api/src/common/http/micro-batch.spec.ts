import { MicroBatch } from './micro-batch';

describe('MicroBatch', () => {
  it('sends the keys asked for in one turn as one fetch and gives each caller its own value', async () => {
    const fetches: string[][] = [];
    const batch = new MicroBatch<string, string>(async (keys) => {
      fetches.push(keys);
      return keys.map((key) => `value of ${key}`);
    });
    const values = await Promise.all(['a', 'b', 'c', 'a'].map((key) => batch.load(key)));
    expect(values).toEqual(['value of a', 'value of b', 'value of c', 'value of a']);
    expect(fetches).toEqual([['a', 'b', 'c', 'a']]);
  });

  it('caches nothing: a key asked for after a fetch was sent goes into a new fetch', async () => {
    let version = 1;
    const fetches: string[][] = [];
    const batch = new MicroBatch<string, number>(async (keys) => {
      fetches.push(keys);
      return keys.map(() => version);
    });
    expect(await batch.load('x')).toBe(1);
    version = 2;
    expect(await batch.load('x')).toBe(2);
    expect(fetches).toEqual([['x'], ['x']]);
  });

  it('sends a full batch at once (maxBatch) and the rest in the next fetch', async () => {
    const fetches: number[][] = [];
    const batch = new MicroBatch<number, number>(async (keys) => {
      fetches.push(keys);
      return keys.map((key) => key * 10);
    }, 3);
    const values = await Promise.all([1, 2, 3, 4, 5].map((key) => batch.load(key)));
    expect(values).toEqual([10, 20, 30, 40, 50]);
    expect(fetches).toEqual([
      [1, 2, 3],
      [4, 5],
    ]);
  });

  it('a failed fetch fails every caller of that batch (a thrown error too), and the next batch works', async () => {
    let fail: 'reject' | 'throw' | false = 'reject';
    const batch = new MicroBatch<string, string>((keys) => {
      if (fail === 'throw') throw new Error('store down (sync)');
      if (fail === 'reject') return Promise.reject(new Error('store down'));
      return Promise.resolve(keys);
    });
    const failed = await Promise.allSettled([batch.load('a'), batch.load('b')]);
    expect(failed.map((r) => (r.status === 'rejected' ? (r.reason as Error).message : r.status))).toEqual([
      'store down',
      'store down',
    ]);
    fail = 'throw';
    await expect(batch.load('c')).rejects.toThrow('store down (sync)');
    fail = false;
    await expect(batch.load('d')).resolves.toBe('d');
  });

  it("window 'promises': every caller an earlier batch wakes is in one fetch, sent before the next turn", async () => {
    const marks: string[] = [];
    const sessions = new MicroBatch<string, string>(async (keys) => {
      // Queued in this turn: with the default window the second batch would be sent after it.
      setImmediate(() => marks.push('next turn'));
      return keys.map((key) => `user-${key}`);
    });
    const lists = new MicroBatch<string, string>(
      async (keys) => {
        marks.push(`fetch ${keys.join(' ')}`);
        return keys.map((key) => `list of ${key}`);
      },
      64,
      'promises',
    );
    // Callers that take different numbers of promise hops from the first batch to the second.
    const request = async (key: string, hops: number) => {
      const user = await sessions.load(key);
      for (let i = 0; i < hops; i++) await Promise.resolve();
      return lists.load(user);
    };
    const values = await Promise.all([request('a', 0), request('b', 5), request('c', 2)]);
    expect(values).toEqual(['list of user-a', 'list of user-b', 'list of user-c']);
    await new Promise((resolve) => setImmediate(resolve));
    // In the order they asked.
    expect(marks).toEqual(['fetch user-a user-c user-b', 'next turn']);
  });

  it("window 'promises': a caller in a later turn goes into a fetch of its own", async () => {
    const fetches: string[][] = [];
    const lists = new MicroBatch<string, string>(
      async (keys) => {
        fetches.push(keys);
        return keys;
      },
      64,
      'promises',
    );
    const first = lists.load('a');
    const second = new Promise<string>((resolve) => setImmediate(() => resolve(lists.load('b'))));
    expect(await Promise.all([first, second])).toEqual(['a', 'b']);
    expect(fetches).toEqual([['a'], ['b']]);
  });
});
