import { Redis } from 'ioredis';
import { MAX_STALE_MS, TrackedCache } from '../src/redis/tracked-cache';
import { Cleanup, privateRedis, sleep, waitFor, type PrivateRedis } from './faults/harness';

/**
 * The in-process cache behind session look-ups (src/redis/tracked-cache.ts), on a private
 * redis-server that this suite flushes, kills, stops and restarts. `read`'s fetch goes to Redis
 * through a client of the suite's own and counts how often it is called: a read that does not
 * call it was served from memory.
 */
describe('TrackedCache: Redis values kept in process, dropped when Redis says they changed', () => {
  const cleanup = new Cleanup();
  let redis: PrivateRedis;
  let client: Redis;
  let cache: TrackedCache;
  let fetched: string[][];

  const PREFIX = 'suite:';
  const fetchFrom = (keys: string[]) => {
    fetched.push(keys);
    return client.mget(...keys);
  };
  const read = (...keys: string[]) => cache.read(keys, fetchFrom);
  /** Reads `key` until it is served from memory (tracking is on and it was kept). */
  const untilKept = (key: string) =>
    waitFor(
      `${key} served from memory`,
      async () => {
        const before = fetched.length;
        const [value] = await read(key);
        return fetched.length === before ? value : undefined;
      },
      10_000,
      20,
    );
  /** Waits for `count` more invalidation messages than `since`. */
  const invalidations = (since: number, count = 1) =>
    waitFor(
      'the invalidation',
      async () => (cache.stats().invalidations >= since + count ? true : undefined),
      5000,
      5,
    );

  beforeAll(async () => {
    redis = await privateRedis(cleanup);
    client = new Redis(redis.url, { keyPrefix: PREFIX, maxRetriesPerRequest: 1 });
    client.on('error', () => {});
    cleanup.add(() => client.disconnect());
  });
  beforeEach(async () => {
    await client.flushall();
    fetched = [];
    cache = new TrackedCache({ url: redis.url, clientPrefix: PREFIX, prefix: 'sess:', maxEntries: 3 });
  });
  afterEach(() => cache.stop());
  afterAll(() => cleanup.run());

  it('a value read once is served from memory; keys that are absent are asked each time', async () => {
    await client.set('sess:a', 'A');
    expect(await untilKept('sess:a')).toBe('A');
    const calls = fetched.length;
    expect(await read('sess:a', 'sess:none')).toEqual(['A', null]);
    expect(await read('sess:none')).toEqual([null]);
    expect(fetched.slice(calls)).toEqual([['sess:none'], ['sess:none']]);
    expect(cache.stats()).toMatchObject({ live: true, entries: 1 });
  });

  it.each([
    ['SET by another client', (c: Redis) => c.set('sess:a', 'A2'), 'A2'],
    ['DEL (a logout elsewhere)', (c: Redis) => c.del('sess:a'), null],
    [
      'expiry',
      (c: Redis) =>
        c
          .pexpire('sess:a', 1)
          .then(() => sleep(20))
          .then(() => c.get('sess:a')),
      null,
    ],
    ['FLUSHALL', (c: Redis) => c.flushall(), null],
  ])('%s → dropped: the next read asks Redis and gets what it holds', async (_label, change, expected) => {
    await client.set('sess:a', 'A');
    await untilKept('sess:a');
    const seen = cache.stats().invalidations;
    await change(client);
    await invalidations(seen);
    const calls = fetched.length;
    expect(await read('sess:a')).toEqual([expected]);
    expect(fetched.length).toBe(calls + 1);
  });

  it('a write to a key outside the prefix invalidates nothing', async () => {
    await client.set('sess:a', 'A');
    await untilKept('sess:a');
    await client.set('other:a', 'x');
    await client.set('sess', 'not under sess:');
    await sleep(100);
    const calls = fetched.length;
    await read('sess:a');
    expect(fetched.length).toBe(calls);
  });

  it('an invalidation that overtakes the reply it invalidates: the old value is answered once, never kept', async () => {
    await client.set('sess:a', 'A');
    await read('sess:none'); // the first read starts the cache
    await waitFor('tracking', async () => (cache.stats().live ? true : undefined), 10_000, 20);
    const answer = await cache.read(['sess:a'], async (keys) => {
      const old = await client.mget(...keys);
      const seen = cache.stats().invalidations;
      await client.set('sess:a', 'A2');
      await invalidations(seen);
      return old;
    });
    expect(answer).toEqual(['A']);
    const calls = fetched.length;
    expect(await read('sess:a')).toEqual(['A2']);
    expect(fetched.length).toBe(calls + 1);
  });

  it('keeps at most maxEntries values, dropping the oldest kept', async () => {
    await client.mset('sess:1', '1', 'sess:2', '2', 'sess:3', '3', 'sess:4', '4');
    for (const key of ['sess:1', 'sess:2', 'sess:3', 'sess:4']) await untilKept(key);
    expect(cache.stats().entries).toBe(3);
    const calls = fetched.length;
    await read('sess:2', 'sess:3', 'sess:4');
    expect(fetched.length).toBe(calls);
    await read('sess:1');
    expect(fetched.slice(calls)).toEqual([['sess:1']]);
  });

  it('forget drops a value at once, before its invalidation comes back', async () => {
    await client.set('sess:a', 'A');
    await untilKept('sess:a');
    cache.forget('sess:a');
    const calls = fetched.length;
    await read('sess:a');
    expect(fetched.length).toBe(calls + 1);
  });

  it('the subscriber connection killed: nothing from memory until tracking is on again, then kept again', async () => {
    await client.set('sess:a', 'A');
    await untilKept('sess:a');
    await client.client('KILL', 'TYPE', 'pubsub');
    await waitFor('the cache to go down', async () => (cache.stats().live ? undefined : true), 5000, 5);
    const calls = fetched.length;
    // A change while down is never missed: the first read after the reconnect asks Redis.
    await client.set('sess:a', 'A2');
    expect(await read('sess:a')).toEqual(['A2']);
    expect(fetched.length).toBe(calls + 1);
    expect(await untilKept('sess:a')).toBe('A2');
  });

  it('Redis stopped (connections open, nothing answered): reads stop using memory within MAX_STALE_MS', async () => {
    await client.set('sess:a', 'A');
    await untilKept('sess:a');
    redis.signal('SIGSTOP');
    try {
      await sleep(MAX_STALE_MS + 300);
      expect(cache.stats().live).toBe(false);
      let asked: string[] = [];
      expect(
        await cache.read(['sess:a'], async (keys) => {
          asked = keys;
          return ['from Redis'];
        }),
      ).toEqual(['from Redis']);
      expect(asked).toEqual(['sess:a']);
    } finally {
      redis.signal('SIGCONT');
    }
    // Heartbeats come back: the cache starts again from empty, then keeps values again.
    await waitFor('the cache to be live', async () => (cache.stats().live ? true : undefined), 10_000, 20);
    const calls = fetched.length;
    expect(await read('sess:a')).toEqual(['A']);
    expect(fetched.length).toBe(calls + 1);
    expect(await untilKept('sess:a')).toBe('A');
  });

  it('Redis restarted with its data gone: nothing it held before is served', async () => {
    await client.set('sess:a', 'A');
    await untilKept('sess:a');
    await redis.kill();
    await redis.start();
    await waitFor(
      'the client to reconnect',
      async () => (client.status === 'ready' ? true : undefined),
      10_000,
      20,
    );
    expect(await read('sess:a')).toEqual([null]);
    await client.set('sess:a', 'new');
    expect(await untilKept('sess:a')).toBe('new');
  });
});
