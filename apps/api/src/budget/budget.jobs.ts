/** Jobs of the budget domain (queue `budget`); payload types are declared in queue/jobs.ts. */
export const BUDGET_QUEUE = 'budget' as const;
export const BUDGET_SNAPSHOT = 'budget.snapshot' as const;

/** The snapshot job for a budget change; the key makes a replay of the same change a no-op. */
export const budgetSnapshotJob = (programId: string, reason: string, changeKey: string) => ({
  queue: BUDGET_QUEUE,
  name: BUDGET_SNAPSHOT,
  jobId: `budget-snapshot-${changeKey}`,
  payload: { programId, reason },
});
