import { Injectable } from '@nestjs/common';
import { StatusNotices } from '../notifications/status-notices';
import { JobBatch } from '../queue/job-batch';
import type { PayloadOf } from '../queue/jobs';
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
    'applications.check': (payload) => this.checkAndNotify(payload),
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
    private readonly notices: StatusNotices,
    private readonly expiry: ExpiryService,
    private readonly idempotency: IdempotencyRepository,
  ) {}

  /**
   * A submission's job: its checks (in the batch of the check jobs running at once) and the
   * resident's notice of the submission, whose event the job carries — one job per submission, not
   * a check and a notice (issue 10: a queued job's Redis scripts were most of the worker's cost per
   * claim). Both run whatever the other does; the job fails if either did, and its retry repeats
   * neither: a checked claim is no longer `submitted`, a sent notice is marked sent.
   */
  async checkAndNotify(payload: PayloadOf<typeof CHECK_APPLICATION>): Promise<CheckResult> {
    const [checked, notified] = await Promise.allSettled([
      this.batch.load(payload.applicationId),
      this.notices.notify(payload),
    ]);
    if (checked.status === 'rejected') throw checked.reason;
    if (notified.status === 'rejected') throw notified.reason;
    return checked.value;
  }

  /** submitted → checking → in_review, with any flags raised on the way. */
  check(applicationId: string): Promise<CheckResult> {
    return this.checks.check(applicationId);
  }

  expire(): Promise<number> {
    return this.expiry.expire();
  }
}
