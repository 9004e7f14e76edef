import { Injectable } from '@nestjs/common';
import { handleJobs, JobProcessor, type QueueProcessor } from '../queue/job-processor';
import { CHECK_APPLICATION, EXPIRE_APPLICATIONS, PRUNE_IDEMPOTENCY_KEYS } from './applications.jobs';
import { ChecksService } from './checks.service';
import { ExpiryService } from './expiry.service';
import { IdempotencyRepository } from './idempotency.repository';

export type { RaisedFlag } from './checks.repository';

/**
 * The `applications` queue: the automated checks after submission, and two hourly jobs — expiry
 * of stale claims and pruning of idempotency keys older than a day. Each handler is idempotent.
 */
@Injectable()
// CHECKS_CONCURRENCY: the check job is a few short queries, so several run at once (issue 10: the
// worker must drain at least twice as fast as residents submit).
@JobProcessor({ concurrency: (config) => config.worker.checksConcurrency })
export class ChecksProcessor implements QueueProcessor {
  readonly jobs = handleJobs([CHECK_APPLICATION, EXPIRE_APPLICATIONS, PRUNE_IDEMPOTENCY_KEYS], {
    'applications.check': (payload) => this.check(payload.applicationId),
    'applications.expire': async () => ({ expired: await this.expire() }),
    'applications.prune-idempotency-keys': async () => ({ pruned: await this.idempotency.pruneExpired() }),
  });

  constructor(
    private readonly checks: ChecksService,
    private readonly expiry: ExpiryService,
    private readonly idempotency: IdempotencyRepository,
  ) {}

  /** submitted → checking → in_review, with any flags raised on the way. */
  check(applicationId: string): Promise<{ moved: boolean; flags: string[] }> {
    return this.checks.check(applicationId);
  }

  expire(): Promise<number> {
    return this.expiry.expire();
  }
}
