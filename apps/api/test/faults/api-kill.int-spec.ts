import { randomUUID } from 'node:crypto';
import {
  AMOUNT_FEN,
  claimStates,
  Cleanup,
  expectMoneyInvariants,
  halfDone,
  requireBuild,
  rows,
  seedDrafts,
  sleep,
  startApi,
  startWorker,
  submit,
  suiteStack,
  waitUntilNothingStuck,
  type Draft,
  type Stack,
  type Submitted,
} from './harness';

jest.setTimeout(240_000);

const DRAFTS = 150;
const SENDERS = 24;
/** SIGKILL once this many submits were acknowledged: the rest are in flight or not sent yet. */
const KILL_AFTER = 40;

/**
 * Fault 1: the built API is SIGKILLed while two dozen submits are in flight (a crash, an OOM kill,
 * a node lost). A submit is one transaction, so PostgreSQL rolls back whatever was not committed:
 * after a new API process starts, every acknowledged submit is in the database with its
 * reservation, no claim is half-done, and each unanswered submit sent again with its own
 * Idempotency-Key gets a correct 200 (a fresh submit, or the stored answer when its commit had
 * landed) — never a second reservation.
 */
describe('fault: the API killed in the middle of submits', () => {
  const cleanup = new Cleanup();
  let stack: Stack;
  let drafts: Draft[];

  beforeAll(async () => {
    requireBuild();
    stack = await suiteStack(cleanup, 'apikill');
    drafts = await seedDrafts(stack, DRAFTS);
  });
  afterAll(() => cleanup.run());

  it('keeps every acknowledged submit, leaves nothing half-done, and answers retries once', async () => {
    const first = await startApi(cleanup, stack.env);
    const keys = new Map(drafts.map((d) => [d.id, randomUUID()]));
    const answers: Submitted[] = [];
    const pending = [...drafts];
    let ok = 0;
    let killing: Promise<void> | undefined;
    await Promise.all(
      Array.from({ length: SENDERS }, async () => {
        while (!killing && pending.length) {
          const draft = pending.shift()!;
          const answer = await submit(first.url, draft, keys.get(draft.id));
          if (answer.answer.status === 503) {
            // Refused by admission control before any work: the web client sends it again with
            // the same key after Retry-After. Dropping it instead would, on a slow machine, spend
            // the drafts before KILL_AFTER acknowledgements and the kill would never happen.
            pending.push(draft);
            await sleep(100);
            continue;
          }
          answers.push(answer);
          if (answer.answer.status === 200 && ++ok >= KILL_AFTER) killing ??= first.kill();
        }
      }),
    );
    expect(killing).toBeDefined();
    await killing;
    expect(first.alive()).toBe(false);

    const accepted = answers.filter((a) => a.answer.status === 200);
    const unanswered = answers.filter((a) => a.answer.status === 0);
    // Only acknowledgements and cut connections (admission refusals were sent again).
    expect(answers.filter((a) => ![0, 200].includes(a.answer.status)).map((a) => a.answer)).toEqual([]);
    expect(accepted.length).toBeGreaterThanOrEqual(KILL_AFTER);
    // The kill really landed mid-flight: submits were cut off without an answer.
    expect(unanswered.length).toBeGreaterThan(0);
    for (const a of accepted)
      expect(a.answer.body).toEqual({ id: a.draft.id, status: 'submitted', reservedFen: AMOUNT_FEN });

    // Straight after the crash: each claim is a whole draft or a whole submit, and every 200 is in.
    const afterCrash = await claimStates(
      stack.pool,
      drafts.map((d) => d.id),
    );
    expect(halfDone(afterCrash)).toEqual([]);
    expect(accepted.filter((a) => afterCrash.get(a.draft.id)!.status !== 'submitted')).toEqual([]);

    // A new API process; every draft sent (again) with the key it had: accepted ones get their
    // stored answer, cut-off ones a fresh submit or the stored answer of a commit that landed.
    const second = await startApi(cleanup, stack.env);
    const retried: Submitted[] = [];
    const queue = [...drafts];
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        while (queue.length) {
          const draft = queue.shift()!;
          let answer = await submit(second.url, draft, keys.get(draft.id));
          while (answer.answer.status === 503) {
            await sleep(200);
            answer = await submit(second.url, draft, keys.get(draft.id));
          }
          retried.push(answer);
        }
      }),
    );
    expect(retried.filter((a) => a.answer.status !== 200).map((a) => a.answer)).toEqual([]);
    for (const a of retried)
      expect(a.answer.body).toEqual({ id: a.draft.id, status: 'submitted', reservedFen: AMOUNT_FEN });

    const afterRetry = await claimStates(
      stack.pool,
      drafts.map((d) => d.id),
    );
    expect(halfDone(afterRetry)).toEqual([]);
    expect([...afterRetry.values()].filter((s) => s.status !== 'submitted' || s.reserves !== 1)).toEqual([]);
    // The budget holds exactly one amount per claim, nothing for the cut-off attempts.
    const [budget] = await rows<{ reserved: number }>(
      stack.pool,
      `SELECT b.reserved_fen::bigint::float8 AS reserved FROM budget b JOIN program p ON p.id = b.program_id WHERE p.code = 'digital-2026'`,
    );
    expect(budget!.reserved).toBe(DRAFTS * AMOUNT_FEN);

    // Nothing stuck: a worker checks every claim (each check job ran once), the outbox empties.
    await startWorker(cleanup, stack.env);
    await waitUntilNothingStuck(stack.pool, 90_000);
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
  });
});
