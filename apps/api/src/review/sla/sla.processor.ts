import { Injectable } from '@nestjs/common';
import { handleJobs, JobProcessor, type QueueProcessor } from '../../queue/job-processor';
import { SlaDigestService } from './sla-digest.service';
import { REVIEW_SLA_DIGEST } from './sla.jobs';

/** Runs the daily SLA digest (idempotent per approver and day). */
@Injectable()
@JobProcessor({ concurrency: 1 })
export class ReviewSlaProcessor implements QueueProcessor {
  readonly jobs = handleJobs([REVIEW_SLA_DIGEST], {
    'review-sla.daily-digest': () => this.digest.notifyApprovers(),
  });

  constructor(private readonly digest: SlaDigestService) {}
}
