import { randomUUID } from 'node:crypto';
import { getDataSourceToken } from '@nestjs/typeorm';
import { eligibleClaim } from '@huanxin/shared/testing';
import request from 'supertest';
import type { DataSource, QueryRunner } from 'typeorm';
import { useFakeClock, type FakeClock } from '../utils/fake-clock';
import { createResident, PDF_BYTES } from '../utils/residents';
import { createTestApp, type TestApp } from '../utils/test-app';
import {
  claimStates,
  Cleanup,
  expectMoneyInvariants,
  halfDone,
  requireBuild,
  startWorker,
  suiteStack,
  waitFor,
  waitUntilNothingStuck,
  type Proc,
  type Stack,
} from './harness';

jest.setTimeout(180_000);

/**
 * Fault 2: the built worker as a real process, killed (SIGKILL) in the middle of a check job:
 * BullMQ sees the job stall, a second worker retries it, and the claim reaches in_review exactly
 * once; afterwards the money invariants hold and nothing is stuck. On a database of its own.
 */
describe('fault: a worker killed in the middle of a check job', () => {
  const cleanup = new Cleanup();
  let stack: Stack;
  let t: TestApp;
  let clock: FakeClock;
  let db: DataSource;

  beforeAll(async () => {
    requireBuild();
    stack = await suiteStack(cleanup, 'workerkill');
    t = await createTestApp({ ...stack.env, WRITE_LIMIT_PER_MINUTE: '100000' });
    cleanup.add(() => t.close());
    // The API's date is fixed inside the program window; the worker's re-check only flags, never blocks.
    clock = useFakeClock(t.app, new Date('2026-05-04T02:00:00Z'));
    db = t.app.get<DataSource>(getDataSourceToken());
  });
  afterAll(async () => {
    clock?.restore();
    await cleanup.run();
  });

  it('retries the job and ends in the right state once', async () => {
    const resident = await createResident(t, 4001);
    const facts = eligibleClaim('digital', {
      'item.priceFen': 300_000,
      'item.invoiceNo': `2637${String(700_001).padStart(16, '0')}`,
      'item.invoiceDate': '2026-05-01',
      'item.serialNo': 'CRASH-SN-1',
    }).facts;
    const created = await request(t.server)
      .post('/api/applications')
      .set('Cookie', resident.cookie)
      .send({ programCode: 'digital-2026', facts })
      .expect(201);
    const id = created.body.id as string;
    for (const kind of ['invoice', 'serial_number_photo']) {
      await request(t.server)
        .post(`/api/applications/${id}/documents`)
        .set('Cookie', resident.cookie)
        .field('kind', kind)
        .attach('file', Buffer.concat([PDF_BYTES, Buffer.from(kind)]), 'f.pdf')
        .expect(201);
    }

    // Hold the claim's row so the worker's check blocks inside its transaction: "the middle of the job".
    const holder: QueryRunner = db.createQueryRunner();
    await holder.connect();
    await holder.startTransaction();
    try {
      // Submit first (it needs the row), then take the lock before any worker runs.
      await request(t.server)
        .post(`/api/applications/${id}/submit`)
        .set('Cookie', resident.cookie)
        .set('Idempotency-Key', randomUUID())
        .expect(200);
      await holder.query(`SELECT id FROM application WHERE id = $1 FOR UPDATE`, [id]);

      const first: Proc = await startWorker(cleanup, stack.env);
      // The job is active (the relay moved it and the worker took it) and blocked on the row lock.
      await waitFor(
        'the check job to block on the claim row',
        async () => {
          const waiting = (await db.query(
            // The suite's database is its own, so any session waiting on a lock is the worker's check
            // (its first wait on the held row may be a signal's write or the claim's row lock).
            `SELECT 1 FROM pg_stat_activity a WHERE a.datname = current_database() AND a.wait_event_type = 'Lock' AND a.pid <> pg_backend_pid()`,
          )) as unknown[];
          return waiting.length > 0 ? true : undefined;
        },
        60_000,
      );
      await first.kill();
    } finally {
      await holder.rollbackTransaction();
      await holder.release();
    }
    expect(
      ((await db.query('SELECT status FROM application WHERE id = $1', [id])) as { status: string }[])[0]!
        .status,
    ).toBe('submitted');

    const second = await startWorker(cleanup, stack.env);
    // BullMQ's lock of the dead worker lapses (30 s), the stalled job goes back to wait and is retried.
    await waitFor(
      'the claim to reach in_review',
      async () => {
        const [row] = (await db.query('SELECT status FROM application WHERE id = $1', [id])) as {
          status: string;
        }[];
        return row!.status === 'in_review' ? true : undefined;
      },
      150_000,
    );
    const events = (await db.query(
      `SELECT to_status FROM application_event WHERE application_id = $1 ORDER BY at`,
      [id],
    )) as { to_status: string }[];
    expect(events.map((e) => e.to_status)).toEqual(['draft', 'submitted', 'checking', 'in_review']);
    await waitUntilNothingStuck(stack.pool, 30_000);
    expect(halfDone(await claimStates(stack.pool, [id]))).toEqual([]);
    await expectMoneyInvariants(stack.pool, [id]);
    await second.stop();
  });
});
