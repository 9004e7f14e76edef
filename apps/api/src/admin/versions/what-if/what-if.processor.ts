import { Injectable } from '@nestjs/common';
import { handleJobs, JobProcessor, type QueueProcessor } from '../../../queue/job-processor';
import { WHAT_IF } from './what-if.jobs';
import { WhatIfService } from './what-if.service';

/**
 * Queue `programs`: a large program's what-if (WhatIfService.runJob), its progress reported after
 * every page. A read: running it twice after a crash costs time, not correctness. One at a time per
 * worker process — each walks a whole program.
 */
@Injectable()
@JobProcessor({ concurrency: 1 })
export class WhatIfProcessor implements QueueProcessor {
  readonly jobs = handleJobs([WHAT_IF], {
    'programs.what-if': (payload, job) => this.whatIf.runJob(payload, job),
  });

  constructor(private readonly whatIf: WhatIfService) {}
}
