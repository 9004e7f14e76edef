import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Clock } from '../common/clock';
import { handleJobs, JobProcessor, type QueueProcessor } from '../queue/job-processor';
import { writeOutbox } from '../queue/outbox.service';
import { BudgetRepository } from './budget.repository';
import { BUDGET_APPLY_TRANCHES, BUDGET_SNAPSHOT, budgetSnapshotJob } from './budget.jobs';

@Injectable()
@JobProcessor()
export class BudgetProcessor implements QueueProcessor {
  private readonly logger = new Logger(BudgetProcessor.name);

  readonly jobs = handleJobs([BUDGET_SNAPSHOT, BUDGET_APPLY_TRANCHES], {
    'budget.snapshot': async (payload, job) => {
      const recorded = await this.budgets.recordSnapshot(payload.programId, String(job.id), payload.reason);
      this.logger.debug({ jobId: job.id, programId: payload.programId, recorded }, 'budget snapshot');
      return { recorded };
    },
    'budget.apply-tranches': async () => {
      const applied = await this.applyDue();
      if (applied.length) this.logger.log({ tranches: applied.map((a) => a.trancheId) }, 'tranches applied');
      return { applied: applied.length };
    },
  });

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly budgets: BudgetRepository,
    private readonly clock: Clock,
  ) {}

  /** Applies the tranches due today, each with its budget snapshot. Public for tests. */
  applyDue() {
    return this.dataSource.transaction(async (manager) => {
      const applied = await this.budgets.applyDueTranches(manager, this.clock.today());
      for (const { programId, ledgerId } of applied)
        await writeOutbox(
          manager,
          budgetSnapshotJob(programId, 'tranche applied', `${programId}-${ledgerId}`),
        );
      return applied;
    });
  }
}
