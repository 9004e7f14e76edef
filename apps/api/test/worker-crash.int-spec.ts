import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { getDataSourceToken } from '@nestjs/typeorm';
import { eligibleClaim } from '@huanxin/shared/testing';
import request from 'supertest';
import type { DataSource, QueryRunner } from 'typeorm';
import { useFakeClock, type FakeClock } from './utils/fake-clock';
import { createResident, PDF_BYTES } from './utils/residents';
import { createTestApp, type TestApp } from './utils/test-app';

jest.setTimeout(180_000);

const WORKER = path.join(__dirname, '..', 'dist', 'main.worker.js');

function startWorker(): ChildProcess {
  return spawn(process.execPath, [WORKER], { env: { ...process.env, LOG_LEVEL: 'silent' }, stdio: 'ignore' });
}

async function waitFor<T>(probe: () => Promise<T | undefined>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/**
 * The built worker as a real process, killed (SIGKILL) in the middle of a check job: BullMQ sees
 * the job stall, a second worker retries it, and the claim reaches in_review exactly once.
 */
describe('a worker killed in the middle of a check job', () => {
  let t: TestApp;
  let clock: FakeClock;
  let db: DataSource;
  const workers: ChildProcess[] = [];

  beforeAll(async () => {
    if (!existsSync(WORKER))
      throw new Error(`${WORKER} is missing: build the API first (turbo builds it before the tests)`);
    t = await createTestApp({ WRITE_LIMIT_PER_MINUTE: '100000' });
    // The API's date is fixed inside the program window; the worker's re-check only flags, never blocks.
    clock = useFakeClock(t.app, new Date('2026-05-04T02:00:00Z'));
    db = t.app.get<DataSource>(getDataSourceToken());
  });
  afterAll(async () => {
    for (const worker of workers) if (worker.exitCode === null) worker.kill('SIGKILL');
    clock.restore();
    await t.close();
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

      const first = startWorker();
      workers.push(first);
      // The job is active (the relay moved it and the worker took it) and blocked on the row lock.
      await waitFor(async () => {
        const waiting = (await db.query(
          // (pg_stat_activity cuts long query texts at 1 kB, so match the start of TypeORM's SELECT.)
          `SELECT 1 FROM pg_stat_activity a WHERE a.datname = current_database() AND a.wait_event_type = 'Lock' AND a.query LIKE 'SELECT "ApplicationEntity".%'`,
        )) as unknown[];
        return waiting.length > 0 ? true : undefined;
      }, 60_000);
      first.kill('SIGKILL');
      await new Promise((resolve) => first.once('exit', resolve));
    } finally {
      await holder.rollbackTransaction();
      await holder.release();
    }
    expect(
      ((await db.query('SELECT status FROM application WHERE id = $1', [id])) as { status: string }[])[0]!
        .status,
    ).toBe('submitted');

    const second = startWorker();
    workers.push(second);
    // BullMQ's lock of the dead worker lapses (30 s), the stalled job goes back to wait and is retried.
    await waitFor(async () => {
      const [row] = (await db.query('SELECT status FROM application WHERE id = $1', [id])) as {
        status: string;
      }[];
      return row!.status === 'in_review' ? true : undefined;
    }, 150_000);
    const events = (await db.query(
      `SELECT to_status FROM application_event WHERE application_id = $1 ORDER BY at`,
      [id],
    )) as { to_status: string }[];
    expect(events.map((e) => e.to_status)).toEqual(['draft', 'submitted', 'checking', 'in_review']);
    second.kill('SIGTERM');
  });
});
