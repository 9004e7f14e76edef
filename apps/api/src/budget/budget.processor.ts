import { Injectable, Logger } from '@nestjs/common';
import type { Job } from 'bullmq';
import type { JobPayload } from '../queue/jobs';
import type { QueueProcessor } from '../queue/processor';
import { BudgetRepository } from './budget.repository';
import { BUDGET_QUEUE, BUDGET_SNAPSHOT } from './budget.jobs';

@Injectable()
export class BudgetProcessor implements QueueProcessor {
  readonly queue = BUDGET_QUEUE;
  private readonly logger = new Logger(BudgetProcessor.name);

  constructor(private readonly budgets: BudgetRepository) {}

  async process(job: Job): Promise<unknown> {
    switch (job.name) {
      case BUDGET_SNAPSHOT: {
        const payload = job.data as JobPayload<'budget', 'budget.snapshot'>;
        const recorded = await this.budgets.recordSnapshot(payload.programId, String(job.id), payload.reason);
        this.logger.debug({ jobId: job.id, programId: payload.programId, recorded }, 'budget snapshot');
        return { recorded };
      }
      default:
        throw new Error(`unknown job ${job.name} on queue ${this.queue}`);
    }
  }
}
