import type { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { SessionService } from '../../src/auth/session.service';
import { sessionCookieName } from '../../src/auth/session-cookie';
import { Clock } from '../../src/common/clock';
import { createQueue } from '../../src/queue/queue.factory';
import { createRedis } from '../../src/redis/redis.module';
import {
  AMOUNT_FEN,
  call,
  claimStates,
  Cleanup,
  expectMoneyInvariants,
  halfDone,
  privateRedis,
  requireBuild,
  rows,
  seedDrafts,
  startApi,
  startWorker,
  submit,
  suiteStack,
  waitFor,
  waitUntilNothingStuck,
  type Api,
  type Draft,
  type PrivateRedis,
  type Proc,
  type Submitted,
  type Stack,
} from './harness';

jest.setTimeout(240_000);

const BEFORE = 20;
const AFTER = 10;

async function staffLogin(api: Api): Promise<string> {
  const res = await fetch(`${api.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'reviewer1', password: 'demo-password-2026' }),
  });
  expect(res.status).toBe(200);
  return res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}

/**
 * Fault 3: Redis restarted with its data gone (no persistence, a failover to an empty replica).
 * Sessions, limits and the queues' contents vanish; PostgreSQL still says every check job was
 * handed to the queue. Checked: sessions end cleanly (401 UNAUTHENTICATED, not a 500), the API
 * and the worker reconnect by themselves (no restart), the claims whose check jobs were lost are
 * found by the worker's stuck-claim sweep and checked exactly once, new submits go through, and
 * the money invariants hold.
 */
describe('fault: Redis restarted with its data gone', () => {
  const cleanup = new Cleanup();
  let redis: PrivateRedis;
  let stack: Stack;
  let drafts: Draft[];
  let api: Api;
  let worker: Proc;
  let queue: Queue;

  beforeAll(async () => {
    requireBuild();
    redis = await privateRedis(cleanup);
    stack = await suiteStack(cleanup, 'redis', { redisUrl: redis.url });
    drafts = await seedDrafts(stack, BEFORE + AFTER);
    // The suite sends its first 20 submits at once to fill the queue; admission control is not
    // what it tests, so the submit queue has room for all of them, and time: on a loaded CI
    // machine the last of 20 can wait past the default 500 ms and be refused (a 503 here once).
    api = await startApi(cleanup, {
      ...stack.env,
      SUBMIT_QUEUE_LENGTH: '64',
      SUBMIT_QUEUE_TIMEOUT_MS: '30000',
    });
    worker = await startWorker(cleanup, {
      ...stack.env,
      STUCK_CLAIM_AGE_SECONDS: '3',
      STUCK_CLAIM_SWEEP_INTERVAL_MS: '1000',
    });
    queue = createQueue(stack.config, 'applications');
    cleanup.add(() => queue.close());
  });
  afterAll(() => cleanup.run());

  it('ends sessions cleanly, reconnects without a restart and recovers the lost check jobs', async () => {
    // The checks wait in Redis: the relay hands them over, the paused queue keeps them.
    await queue.pause();
    const staffCookie = await staffLogin(api);
    const first = drafts.slice(0, BEFORE);
    const accepted = await Promise.all(first.map((draft) => submit(api.url, draft)));
    const codeOf = (a: Submitted) => `${a.answer.status} ${JSON.stringify(a.answer.body).slice(0, 80)}`;
    expect(accepted.filter((a) => a.answer.status !== 200).map(codeOf)).toEqual([]);
    await waitFor(
      'the check jobs to be handed to the queue',
      async () => {
        const [row] = await rows<{ n: number }>(
          stack.pool,
          `SELECT count(*)::int AS n FROM outbox WHERE dispatched_at IS NULL`,
        );
        const waiting = await queue.getWaitingCount();
        return row!.n === 0 && waiting >= BEFORE ? true : undefined;
      },
      30_000,
    );

    const schedules = (await queue.getJobSchedulers()).map((s) => s.key).sort();
    expect(schedules).toEqual(expect.arrayContaining(['applications-expire-hourly']));

    // Redis goes, and comes back empty on the same port.
    await redis.kill();
    const down = await call(`${api.url}/api/auth/me`, { cookie: first[0]!.cookie });
    expect(down.status).toBe(503);
    await redis.start();

    // Sessions end cleanly: once the API has reconnected, a lost session is signed out (401).
    const me = await waitFor(
      'the API to reconnect to Redis',
      async () => {
        const answer = await call(`${api.url}/api/auth/me`, { cookie: first[0]!.cookie });
        return answer.status === 503 ? undefined : answer;
      },
      30_000,
    );
    expect(me.status).toBe(401);
    expect(me.body).toEqual({ error: { code: 'UNAUTHENTICATED', message: expect.any(String) } });
    const staff = await call(`${api.url}/api/auth/me`, { cookie: staffCookie });
    expect(staff.status).toBe(401);
    expect((staff.body as { error: { code: string } }).error.code).toBe('UNAUTHENTICATED');
    const resubmit = await submit(api.url, first[1]!);
    expect(resubmit.answer.status).toBe(401);

    // The check jobs (and the schedules) are gone with the data, while the outbox says the jobs were sent.
    const [sent] = await rows<{ n: number }>(
      stack.pool,
      `SELECT count(*)::int AS n FROM outbox WHERE dispatched_at IS NULL`,
    );
    expect(sent!.n).toBe(0);

    // The API works again without a restart: a new sign-in, a health check.
    expect(api.alive()).toBe(true);
    const again = await staffLogin(api);
    expect((await call(`${api.url}/api/auth/me`, { cookie: again })).status).toBe(200);
    await waitFor(
      'health to be 200',
      async () => ((await call(`${api.url}/api/health`)).status === 200 ? true : undefined),
      30_000,
    );

    // The sweep finds the claims left in `submitted` and queues their checks again.
    await waitUntilNothingStuck(stack.pool, 90_000);
    expect(worker.alive()).toBe(true);
    expect(worker.output()).toMatch(/check job queued again/);

    // New residents' sessions (on the new Redis) and new submits go through and are checked.
    const redisClient: Redis = createRedis(stack.config);
    cleanup.add(() => redisClient.disconnect());
    await waitFor('a Redis client', async () => (redisClient.status === 'ready' ? true : undefined), 10_000);
    const sessions = new SessionService(redisClient, new Clock());
    const later = await Promise.all(
      drafts.slice(BEFORE).map(async (draft) => {
        const sid = await sessions.create({
          id: draft.userId,
          role: 'resident',
          displayName: '居民',
          organizationId: null,
        });
        return { ...draft, cookie: `${sessionCookieName(stack.config)}=${sid}` };
      }),
    );
    const after = await Promise.all(later.map((draft) => submit(api.url, draft)));
    expect(after.map((a) => a.answer.status)).toEqual(later.map(() => 200));
    await waitUntilNothingStuck(stack.pool, 60_000);

    const states = await claimStates(
      stack.pool,
      drafts.map((d) => d.id),
    );
    expect(halfDone(states)).toEqual([]);
    expect(
      [...states.values()].filter((s) => s.status !== 'in_review' || s.reserved_fen !== AMOUNT_FEN),
    ).toEqual([]);
    // Each claim was checked once, lost job or not.
    const [events] = await rows<{ wrong: number }>(
      stack.pool,
      `SELECT count(*)::int AS wrong FROM (
         SELECT application_id FROM application_event GROUP BY application_id
         HAVING array_agg(to_status ORDER BY at, seq) <> ARRAY['draft', 'submitted', 'checking', 'in_review']) x`,
    );
    expect(events!.wrong).toBe(0);
    await expectMoneyInvariants(
      stack.pool,
      drafts.map((d) => d.id),
    );
    // The worker puts the lost schedules back (it checks every 30 s), so the hourly jobs run again.
    await waitFor(
      'the schedules to be registered again',
      async () => {
        const keys = (await queue.getJobSchedulers()).map((s) => s.key).sort();
        return keys.length === schedules.length ? keys : undefined;
      },
      45_000,
      1000,
    ).then((keys) => expect(keys).toEqual(schedules));
    expect(worker.alive()).toBe(true);
  });
});
