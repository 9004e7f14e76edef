import { randomUUID } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { Job } from 'bullmq';
import type { DataSource } from 'typeorm';
import { PRUNE_IDEMPOTENCY_KEYS } from '../src/applications/applications.jobs';
import { ChecksProcessor } from '../src/applications/checks.processor';
import { IdempotencyRepository } from '../src/applications/idempotency.repository';
import { loadConfig } from '../src/config/config';
import { QueuesService } from '../src/queue/queues.service';
import { WorkerModule } from '../src/worker.module';
import { HOUR, MINUTE, useFakeClock, type FakeClock } from './utils/fake-clock';

jest.setTimeout(60_000);

/**
 * Idempotency keys are kept a day (issue 9, item 13): the worker schedules an hourly pruning job
 * on the applications queue, and the job deletes the keys created more than 24 hours ago by the
 * app's Clock (faked here), keeping the younger ones.
 */
describe('idempotency key pruning', () => {
  let worker: INestApplicationContext;
  let db: DataSource;
  let clock: FakeClock;
  const start = new Date('2026-06-01T00:00:00Z');

  beforeAll(async () => {
    worker = await NestFactory.createApplicationContext(WorkerModule.forRoot(loadConfig()), {
      logger: false,
    });
    await worker.init();
    clock = useFakeClock(worker, start);
    db = worker.get<DataSource>(getDataSourceToken());
  });
  afterAll(async () => {
    clock.restore();
    await worker.close();
  });

  /** A completed key written through the repository at the fake clock's time. */
  async function key(): Promise<{ userId: string; scope: string; key: string; requestHash: string }> {
    const owner = {
      userId: randomUUID(),
      scope: `submit:${randomUUID()}`,
      key: randomUUID(),
      requestHash: 'h',
    };
    const keys = worker.get(IdempotencyRepository);
    await db.transaction(async (manager) => {
      expect(await keys.claim(manager, owner)).toBe(true);
      await keys.complete(manager, owner, { status: 200, body: { ok: true } });
    });
    return owner;
  }
  const exists = async (owner: { userId: string; key: string }) =>
    (
      (await db.query(`SELECT count(*)::int AS n FROM idempotency_key WHERE user_id = $1 AND key = $2`, [
        owner.userId,
        owner.key,
      ])) as { n: number }[]
    )[0]!.n === 1;
  const runPruneJob = () =>
    worker
      .get(ChecksProcessor)
      .jobs.handle({ name: PRUNE_IDEMPOTENCY_KEYS.name, data: {} } as Job) as Promise<{
      pruned: number;
    }>;

  it('the worker schedules the pruning job every hour', async () => {
    const scheduler = await worker
      .get(QueuesService)
      .get(PRUNE_IDEMPOTENCY_KEYS.queue)
      .getJobScheduler('idempotency-keys-prune-hourly');
    expect(scheduler).toMatchObject({ name: PRUNE_IDEMPOTENCY_KEYS.name, pattern: '35 * * * *' });
  });

  it('deletes keys older than 24 hours and keeps younger ones', async () => {
    clock.set(start);
    const old = await key();
    clock.advance(20 * HOUR);
    const young = await key();
    const [row] = (await db.query(`SELECT created_at FROM idempotency_key WHERE key = $1`, [old.key])) as {
      created_at: Date;
    }[];
    expect(row!.created_at.toISOString()).toBe(start.toISOString());

    clock.set(new Date(start.getTime() + 24 * HOUR - MINUTE));
    await runPruneJob();
    expect(await exists(old)).toBe(true);

    clock.set(new Date(start.getTime() + 24 * HOUR + MINUTE));
    const first = await runPruneJob();
    expect(first.pruned).toBeGreaterThanOrEqual(1);
    expect(await exists(old)).toBe(false);
    expect(await exists(young)).toBe(true);

    clock.advance(20 * HOUR);
    await runPruneJob();
    expect(await exists(young)).toBe(false);
  });

  it('a key used again after pruning is a new request', async () => {
    clock.set(start);
    const owner = await key();
    clock.advance(25 * HOUR);
    await runPruneJob();
    const keys = worker.get(IdempotencyRepository);
    await db.transaction(async (manager) => {
      expect(await keys.stored(manager, owner)).toBeNull();
      expect(await keys.claim(manager, owner)).toBe(true);
    });
  });
});
