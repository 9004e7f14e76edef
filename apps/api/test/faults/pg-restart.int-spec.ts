import {
  AMOUNT_FEN,
  call,
  claimStates,
  Cleanup,
  expectMoneyInvariants,
  halfDone,
  loggedErrors,
  privatePostgres,
  requireBuild,
  seedDrafts,
  sleep,
  startApi,
  startWorker,
  submit,
  suiteStack,
  waitFor,
  waitUntilNothingStuck,
  type Answer,
  type Api,
  type Draft,
  type PrivatePostgres,
  type Proc,
  type Stack,
  type Submitted,
} from './harness';

jest.setTimeout(240_000);

const DRAFTS = 300;
/** Kept out of the load, sent once PostgreSQL is back: fresh submits must go through. */
const KEPT = 40;
const CLIENTS = 8;
const OUTAGE_MS = 4000;
/** Every answer, even during the outage, comes well within the request timeout: no hanging. */
const SLOWEST_MS = 8000;

interface Seen {
  kind: string;
  phase: 'before' | 'down' | 'after';
  answer: Answer;
}

/**
 * Fault 4: PostgreSQL stopped (fast shutdown: every session terminated) and started again a few
 * seconds later, under a load of submits and reads, with the API and the worker running all the
 * time. During the outage every answer is 200 or a fast 503 SERVICE_UNAVAILABLE with Retry-After
 * and the error body (never a 500, never a hang) and /api/health is 503; afterwards the same
 * processes serve again (the pool reconnects), the submits refused meanwhile succeed when sent
 * again with their keys, nothing is stuck and the money invariants hold.
 */
describe('fault: PostgreSQL restarted under load', () => {
  const cleanup = new Cleanup();
  let pg: PrivatePostgres;
  let stack: Stack;
  let drafts: Draft[];
  let api: Api;
  let worker: Proc;

  beforeAll(async () => {
    requireBuild();
    pg = await privatePostgres(cleanup);
    stack = await suiteStack(cleanup, 'pg', { databaseUrl: pg.url('huanxin_fault') });
    drafts = await seedDrafts(stack, DRAFTS);
    api = await startApi(cleanup, stack.env);
    worker = await startWorker(cleanup, stack.env);
  });
  afterAll(() => cleanup.run());

  it('answers 503 during the outage and recovers without a restart', async () => {
    let phase: Seen['phase'] = 'before';
    let running = true;
    const seen: Seen[] = [];
    const submits: (Submitted & { phase: Seen['phase'] })[] = [];
    const pending = drafts.slice(0, DRAFTS - KEPT);
    const reads = (i: number) =>
      [`${api.url}/api/programs`, `${api.url}/api/applications`, `${api.url}/api/programs/digital-2026`][
        i % 3
      ]!;
    const load = Promise.all(
      Array.from({ length: CLIENTS }, async (_, client) => {
        for (let i = 0; running; i += 1) {
          const draft = pending.shift();
          if (client % 2 === 0 && draft) {
            const at = phase;
            const result = await submit(api.url, draft);
            submits.push({ ...result, phase: at });
            seen.push({ kind: 'submit', phase: at, answer: result.answer });
          } else {
            const at = phase;
            const answer = await call(reads(i), { cookie: drafts[client]!.cookie });
            seen.push({ kind: 'read', phase: at, answer });
            await sleep(20);
          }
        }
      }),
    );

    await sleep(1500);
    phase = 'down';
    await pg.stop();
    const health = await call(`${api.url}/api/health`);
    await sleep(OUTAGE_MS);
    await pg.start();
    // The same API process serves again once its pool reconnects.
    await waitFor(
      'health to be 200 again',
      async () => ((await call(`${api.url}/api/health`)).status === 200 ? true : undefined),
      60_000,
    );
    phase = 'after';
    await sleep(2000);
    running = false;
    await load;

    expect(health.status).toBe(503);
    expect(api.alive()).toBe(true);
    expect(worker.alive()).toBe(true);
    // Never a 500 or a cut connection; only 200s and 503s (a read may be served from memory).
    const unexpected = seen.filter((s) => ![200, 503].includes(s.answer.status));
    if (unexpected.length)
      throw new Error(
        `${unexpected.length} answers other than 200/503: ${JSON.stringify(unexpected.slice(0, 3))}\nAPI errors:\n${loggedErrors(api).join('\n')}`,
      );
    expect(Math.max(...seen.map((s) => s.answer.ms))).toBeLessThan(SLOWEST_MS);
    const refused = seen.filter((s) => s.answer.status === 503);
    expect(refused.length).toBeGreaterThan(0);
    for (const s of refused) {
      expect(s.answer.retryAfter).toMatch(/^\d+$/);
      expect(s.answer.body).toEqual({
        error: { code: 'SERVICE_UNAVAILABLE', message: expect.stringMatching(/unavailable|retry/i) },
      });
    }
    expect(seen.filter((s) => s.phase === 'before' && s.answer.status === 200).length).toBeGreaterThan(0);
    // Fresh submits after the restart, by the same process, go through.
    // (four at a time: below the admission limit, so a 503 here would be the database's)
    const fresh: Submitted[] = [];
    const kept = drafts.slice(DRAFTS - KEPT);
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        for (let draft = kept.shift(); draft; draft = kept.shift()) fresh.push(await submit(api.url, draft));
      }),
    );
    expect(fresh.map((f) => f.answer.status)).toEqual(fresh.map(() => 200));
    submits.push(...fresh.map((f) => ({ ...f, phase: 'after' as const })));

    // The refused submits, sent again with their keys, go through once.
    for (const s of submits.filter((x) => x.answer.status === 503)) {
      let again = await submit(api.url, s.draft, s.key);
      while (again.answer.status === 503) {
        await sleep(200);
        again = await submit(api.url, s.draft, s.key);
      }
      expect(again.answer.status).toBe(200);
      expect(again.answer.body).toEqual({ id: s.draft.id, status: 'submitted', reservedFen: AMOUNT_FEN });
    }

    await waitUntilNothingStuck(stack.pool, 90_000);
    const sent = submits.map((s) => s.draft.id);
    const states = await claimStates(stack.pool, sent);
    expect(halfDone(states)).toEqual([]);
    expect([...states.values()].filter((s) => s.status !== 'in_review')).toEqual([]);
    await expectMoneyInvariants(stack.pool, sent);
  });
});
