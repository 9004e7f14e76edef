import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { Job } from 'bullmq';
import type { QueueProcessor } from '../queue/processor';
import { QueuesService } from '../queue/queues.service';
import {
  APPLICATIONS_QUEUE,
  CHECK_APPLICATION,
  EXPIRE_APPLICATIONS,
  PRUNE_IDEMPOTENCY_KEYS,
} from './applications.jobs';
import { ChecksService } from './checks.service';
import { ExpiryService } from './expiry.service';
import { IdempotencyRepository } from './idempotency.repository';

export type { RaisedFlag } from './checks.repository';

/**
 * The `applications` queue: the automated checks after submission, and two hourly jobs — expiry
 * of stale claims and pruning of idempotency keys older than a day. Each handler is idempotent.
 */
@Injectable()
export class ChecksProcessor implements QueueProcessor, OnApplicationBootstrap {
  readonly queue = APPLICATIONS_QUEUE;
  readonly concurrency = 4;

  constructor(
    private readonly checks: ChecksService,
    private readonly expiry: ExpiryService,
    private readonly idempotency: IdempotencyRepository,
    private readonly queues: QueuesService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const queue = this.queues.get(APPLICATIONS_QUEUE);
    await queue.upsertJobScheduler(
      'applications-expire-hourly',
      { pattern: '5 * * * *', tz: 'Asia/Shanghai' },
      { name: EXPIRE_APPLICATIONS, data: {} },
    );
    await queue.upsertJobScheduler(
      'idempotency-keys-prune-hourly',
      { pattern: '35 * * * *', tz: 'Asia/Shanghai' },
      { name: PRUNE_IDEMPOTENCY_KEYS, data: {} },
    );
  }

  async process(job: Job): Promise<unknown> {
    if (job.name === CHECK_APPLICATION)
      return this.check((job.data as { applicationId: string }).applicationId);
    if (job.name === EXPIRE_APPLICATIONS) return { expired: await this.expire() };
    if (job.name === PRUNE_IDEMPOTENCY_KEYS) return { pruned: await this.idempotency.pruneExpired() };
    throw new Error(`unknown job ${job.name} on queue ${this.queue}`);
  }

  /** submitted → checking → in_review, with any flags raised on the way. */
  check(applicationId: string): Promise<{ moved: boolean; flags: string[] }> {
    return this.checks.check(applicationId);
  }

  expire(): Promise<number> {
    return this.expiry.expire();
  }
}
