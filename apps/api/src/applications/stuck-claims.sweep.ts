import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Clock } from '../common/clock';
import type { AppConfig } from '../config/config';
import { InjectConfig } from '../config/config.module';
import { writeOutbox } from '../queue/outbox.service';
import { QueuesService } from '../queue/queues.service';
import { checkJob } from './applications.jobs';
import { StuckClaimsRepository } from './stuck-claims.repository';

const BATCH = 100;

export interface SweepResult {
  /** Claims whose check job was written to the outbox again. */
  requeued: string[];
  /** Claims whose check job failed for good (kept in its queue for an operator; not retried here). */
  failed: string[];
}

/**
 * Worker only. A claim waits in `submitted` (or `checking`) for its check job; the job is in the
 * outbox until the relay hands it to BullMQ, and from then on only in Redis. When Redis loses its
 * data (a restart without persistence, a failover to an empty replica) the outbox says "sent" and
 * the queue has nothing: the claim would wait forever. Every STUCK_CLAIM_SWEEP_INTERVAL_MS this
 * finds claims unchanged for STUCK_CLAIM_AGE_SECONDS whose check job is neither in the outbox nor
 * in the queue, and writes the job to the outbox again.
 *
 * - A timer in the worker, not a BullMQ repeatable job: the schedule of a repeatable job lives in
 *   Redis and is lost with the very data this sweep exists to recover.
 * - Idempotent: the job id is the same business key (`check-<submission event>`), so BullMQ drops
 *   a re-add while the job exists, and the check job changes nothing on a claim no longer waiting.
 * - A job that failed for good (attempts used up) is reported, not retried forever: it failed for
 *   a reason an operator must see.
 * - One sweep at a time across workers (a transaction-scoped advisory lock only sweeps take).
 */
@Injectable()
export class StuckClaimSweep implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(StuckClaimSweep.name);
  private running = false;
  private loop: Promise<void> | undefined;
  private wake: (() => void) | undefined;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectConfig() private readonly config: AppConfig,
    private readonly repository: StuckClaimsRepository,
    private readonly queues: QueuesService,
    private readonly clock: Clock,
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

  /** One sweep of up to BATCH claims. Public for tests. */
  async sweepOnce(): Promise<SweepResult> {
    const result: SweepResult = { requeued: [], failed: [] };
    const before = new Date(this.clock.now().getTime() - this.config.stuckClaims.ageSeconds * 1000);
    await this.dataSource.transaction(async (manager) => {
      if (!(await this.repository.tryLock(manager))) return;
      const claims = await this.repository.stuckClaims(manager, before, BATCH);
      if (claims.length === 0) return;
      const jobs = claims.map((claim) => ({ claim, job: checkJob(claim.id, claim.eventId) }));
      const pending = await this.repository.pendingInOutbox(
        manager,
        jobs.map(({ job }) => job.jobId),
      );
      const queue = this.queues.get('applications');
      for (const { claim, job } of jobs) {
        if (pending.has(job.jobId)) continue;
        const state = await queue.getJobState(job.jobId);
        if (state === 'failed') result.failed.push(claim.id);
        // 'unknown': not in Redis at all. (A completed job's claim is no longer waiting, unless the
        // check found nothing to do: re-adding under the same id would be dropped anyway.)
        if (state !== 'unknown') continue;
        await writeOutbox(manager, job);
        result.requeued.push(claim.id);
      }
    });
    if (result.requeued.length)
      this.logger.warn(
        { claims: result.requeued },
        'claims stuck without a check job: check job queued again',
      );
    if (result.failed.length)
      this.logger.error({ claims: result.failed }, 'claims stuck behind a failed check job');
    return result;
  }

  private async run(): Promise<void> {
    while (this.running) {
      try {
        await this.sweepOnce();
      } catch (error) {
        // Redis or PostgreSQL down: the next tick tries again.
        this.logger.warn({ err: error }, 'stuck-claim sweep failed; will retry');
      }
      if (!this.running) break;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, this.config.stuckClaims.sweepIntervalMs);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
  }
}
