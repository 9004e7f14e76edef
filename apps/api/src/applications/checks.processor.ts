import { Injectable } from '@nestjs/common';
import { JobBatch } from '../queue/job-batch';
import { handleJobs, JobProcessor, type QueueProcessor } from '../queue/job-processor';
import { CHECK_APPLICATION, EXPIRE_APPLICATIONS, PRUNE_IDEMPOTENCY_KEYS } from './applications.jobs';
import { ChecksService, type CheckResult } from './checks.service';
import { ExpiryService } from './expiry.service';
import { IdempotencyRepository } from './idempotency.repository';

export type { RaisedFlag } from './checks.repository';

/** Claims per check batch, and batches at once (each one connection and a few statements). */
const CHECK_BATCH = { maxBatch: 64, parallel: 2 };

/**
 * The `applications` queue: the automated checks after submission, and two hourly jobs — expiry
 * of stale claims and pruning of idempotency keys older than a day. Each handler is idempotent.
 */
@Injectable()
// CHECKS_CONCURRENCY: check jobs active at once; those that run together are checked as one batch
// (issue 10: the worker must drain at least twice as fast as residents submit).
@JobProcessor({ concurrency: (config) => config.worker.checksConcurrency })
export class ChecksProcessor implements QueueProcessor {
  readonly jobs = handleJobs([CHECK_APPLICATION, EXPIRE_APPLICATIONS, PRUNE_IDEMPOTENCY_KEYS], {
    'applications.check': (payload) => this.batch.load(payload.applicationId),
    'applications.expire': async () => ({ expired: await this.expire() }),
    'applications.prune-idempotency-keys': async () => ({ pruned: await this.idempotency.pruneExpired() }),
  });

  /** The check jobs running at once, checked together (a failed batch is re-run claim by claim). */
  private readonly batch = new JobBatch<string, CheckResult>(
    (ids) => this.checks.checkMany(ids),
    CHECK_BATCH,
  );

  constructor(
    private readonly checks: ChecksService,
    private readonly expiry: ExpiryService,
    private readonly idempotency: IdempotencyRepository,
  ) {}

  /** submitted → checking → in_review, with any flags raised on the way. */
  check(applicationId: string): Promise<CheckResult> {
    return this.checks.check(applicationId);
  }

  expire(): Promise<number> {
    return this.expiry.expire();
  }
}
