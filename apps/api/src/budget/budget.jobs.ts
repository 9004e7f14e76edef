import { defineJob } from '../queue/jobs';

/**
 * A snapshot of a program's budget after a change (queue `budget`); the change's key is the job id,
 * so a replay of the same change is a no-op.
 */
export const BUDGET_SNAPSHOT = defineJob({
  queue: 'budget',
  name: 'budget.snapshot',
  jobId: ({ changeKey }: { programId: string; reason: string; changeKey: string }) =>
    `budget-snapshot-${changeKey}`,
});

export const budgetSnapshotJob = (programId: string, reason: string, changeKey: string) =>
  BUDGET_SNAPSHOT.job({ programId, reason, changeKey });
