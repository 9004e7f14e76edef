import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { DEFAULT_JOB_OPTIONS, QUEUE_NAMES, type QueueName } from './jobs';
import { QueuesService } from './queues.service';

interface PendingRow {
  id: string;
  queue: string;
  job_name: string;
  job_id: string;
  payload: Record<string, unknown>;
}

/** Rows per relay transaction; a full batch is followed at once by the next. */
const BATCH = 500;
/** The pause when the outbox is empty: a job waits at most this long for its relay. */
const IDLE_DELAY_MS = 100;

/**
 * Moves committed outbox rows onto their queues. Rows are claimed with `FOR UPDATE SKIP LOCKED`,
 * so several workers can relay at once; a row is marked dispatched only after BullMQ accepted the
 * job, and a re-add after a crash is harmless because `jobId` is the business key.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private running = false;
  private loop: Promise<void> | undefined;
  private wake: (() => void) | undefined;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly queues: QueuesService,
  ) {}

  onApplicationBootstrap(): void {
    this.running = true;
    this.loop = this.run();
  }

  async onApplicationShutdown(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
  }

  /**
   * Relays one batch; returns how many rows were dispatched. Public for tests. The batch's jobs go
   * to each queue in one `addBulk` (one Redis round trip per queue, not one per job: at a few
   * hundred submits a second the per-job adds were the relay's whole cost), in outbox order.
   */
  async relayOnce(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const rows: PendingRow[] = await manager.query(
        `SELECT id, queue, job_name, job_id, payload FROM outbox
          WHERE dispatched_at IS NULL ORDER BY created_at LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [BATCH],
      );
      if (rows.length === 0) return 0;
      const dispatched: string[] = [];
      const byQueue = new Map<QueueName, PendingRow[]>();
      for (const row of rows) {
        if (!QUEUE_NAMES.includes(row.queue as QueueName)) {
          await manager.query(`UPDATE outbox SET attempts = attempts + 1, last_error = $2 WHERE id = $1`, [
            row.id,
            'unknown queue',
          ]);
          continue;
        }
        const queue = row.queue as QueueName;
        byQueue.set(queue, [...(byQueue.get(queue) ?? []), row]);
      }
      for (const [queue, batch] of byQueue) {
        try {
          await this.queues.get(queue).addBulk(
            batch.map((row) => ({
              name: row.job_name,
              data: row.payload,
              opts: { ...DEFAULT_JOB_OPTIONS, jobId: row.job_id },
            })),
          );
          dispatched.push(...batch.map((row) => row.id));
        } catch (error) {
          this.logger.warn({ queue, rows: batch.length, err: error }, 'outbox dispatch failed; will retry');
          await manager.query(
            `UPDATE outbox SET attempts = attempts + 1, last_error = $2 WHERE id = ANY($1::uuid[])`,
            [batch.map((row) => row.id), error instanceof Error ? error.message.slice(0, 500) : 'error'],
          );
          break; // Redis is likely down: keep order, retry the rest on the next tick.
        }
      }
      if (dispatched.length) {
        await manager.query(`UPDATE outbox SET dispatched_at = now() WHERE id = ANY($1::uuid[])`, [
          dispatched,
        ]);
      }
      return dispatched.length;
    });
  }

  private async run(): Promise<void> {
    while (this.running) {
      let moved = 0;
      try {
        moved = await this.relayOnce();
      } catch (error) {
        this.logger.error({ err: error }, 'outbox relay tick failed');
      }
      if (moved < BATCH && this.running) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, IDLE_DELAY_MS);
          this.wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
      }
    }
  }
}
