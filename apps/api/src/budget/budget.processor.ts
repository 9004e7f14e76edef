import { Injectable, Logger } from '@nestjs/common';
import { handleJobs, JobProcessor, type QueueProcessor } from '../queue/job-processor';
import { BudgetRepository } from './budget.repository';
import { BUDGET_SNAPSHOT } from './budget.jobs';

@Injectable()
@JobProcessor()
export class BudgetProcessor implements QueueProcessor {
  private readonly logger = new Logger(BudgetProcessor.name);

  readonly jobs = handleJobs([BUDGET_SNAPSHOT], {
    'budget.snapshot': async (payload, job) => {
      const recorded = await this.budgets.recordSnapshot(payload.programId, String(job.id), payload.reason);
      this.logger.debug({ jobId: job.id, programId: payload.programId, recorded }, 'budget snapshot');
      return { recorded };
    },
  });

  constructor(private readonly budgets: BudgetRepository) {}
}
