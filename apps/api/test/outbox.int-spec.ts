import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { budgetSnapshotJob } from '../src/budget/budget.jobs';
import { loadConfig } from '../src/config/config';
import { OutboxRelay } from '../src/queue/outbox.relay';
import { writeOutbox } from '../src/queue/outbox.service';
import { QueuesService } from '../src/queue/queues.service';
import { WorkerModule } from '../src/worker.module';

async function waitFor<T>(probe: () => Promise<T | undefined>, timeoutMs = 15000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * The outbox against real PostgreSQL, Redis and a running BullMQ worker: a committed change's job
 * runs once; a rolled-back change's job never exists; relaying and processing twice change nothing.
 */
describe('transactional outbox → BullMQ → worker', () => {
  let worker: INestApplicationContext;
  let dataSource: DataSource;
  let programId: string;

  beforeAll(async () => {
    worker = await NestFactory.createApplicationContext(WorkerModule.forRoot(loadConfig()), {
      logger: false,
    });
    await worker.init();
    dataSource = worker.get<DataSource>(getDataSourceToken());
    const [row] = (await dataSource.query(`SELECT id FROM program ORDER BY code LIMIT 1`)) as {
      id: string;
    }[];
    programId = row!.id;
  });

  afterAll(async () => {
    await worker.close();
  });

  const snapshots = async (jobKey: string) =>
    Number(
      (
        (await dataSource.query('SELECT count(*)::int AS n FROM budget_snapshot WHERE job_key = $1', [
          jobKey,
        ])) as { n: number }[]
      )[0]!.n,
    );

  it('runs the job of a committed change exactly once', async () => {
    const job = budgetSnapshotJob(programId, 'test', `${programId}-commit-1`);
    await dataSource.transaction((manager) => writeOutbox(manager, job));
    const count = await waitFor(async () =>
      (await snapshots(job.jobId)) > 0 ? snapshots(job.jobId) : undefined,
    );
    expect(count).toBe(1);
    // The relay marks the row in its own transaction, which may commit after the job already ran.
    const dispatchedAt = await waitFor(async () => {
      const [outbox] = (await dataSource.query('SELECT dispatched_at FROM outbox WHERE job_id = $1', [
        job.jobId,
      ])) as { dispatched_at: Date | null }[];
      return outbox?.dispatched_at ?? undefined;
    });
    expect(dispatchedAt).toBeInstanceOf(Date);
  });

  it('never sends the job of a rolled-back change', async () => {
    const job = budgetSnapshotJob(programId, 'test', `${programId}-rollback-1`);
    await expect(
      dataSource.transaction(async (manager) => {
        await writeOutbox(manager, job);
        throw new Error('business rule failed after the outbox write');
      }),
    ).rejects.toThrow('business rule failed');
    await worker.get(OutboxRelay).relayOnce();
    expect(await dataSource.query('SELECT 1 FROM outbox WHERE job_id = $1', [job.jobId])).toHaveLength(0);
    expect(await worker.get(QueuesService).get('budget').getJob(job.jobId)).toBeUndefined();
    expect(await snapshots(job.jobId)).toBe(0);
  });

  it('a row relayed twice (crash before marking it) and a job run twice leave one effect', async () => {
    const job = budgetSnapshotJob(programId, 'test', `${programId}-twice-1`);
    await dataSource.transaction((manager) => writeOutbox(manager, job));
    await waitFor(async () => ((await snapshots(job.jobId)) > 0 ? true : undefined));
    // Simulate a relay that crashed after queue.add but before marking the row.
    await dataSource.query('UPDATE outbox SET dispatched_at = NULL WHERE job_id = $1', [job.jobId]);
    await waitFor(async () => {
      const [row] = (await dataSource.query('SELECT dispatched_at FROM outbox WHERE job_id = $1', [
        job.jobId,
      ])) as { dispatched_at: Date | null }[];
      return row?.dispatched_at ? true : undefined;
    });
    const queued = await worker.get(QueuesService).get('budget').getJob(job.jobId);
    expect(queued?.attemptsMade ?? 0).toBeLessThanOrEqual(1);
    // Running the handler again (a retried job) inserts nothing new.
    await dataSource.query(
      `INSERT INTO budget_snapshot (program_id, job_key, reason, total_fen, reserved_fen, committed_fen, paid_fen, remaining_fen, taken_at)
       SELECT program_id, $2, 'replay', total_fen, reserved_fen, committed_fen, paid_fen, remaining_fen, now() FROM budget WHERE program_id = $1
       ON CONFLICT (job_key) DO NOTHING`,
      [programId, job.jobId],
    );
    expect(await snapshots(job.jobId)).toBe(1);
  });
});
