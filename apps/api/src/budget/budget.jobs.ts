import { defineJob, defineScheduledJob } from '../queue/jobs';

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

/**
 * Every five minutes (Asia/Shanghai, so one run falls at 00:00 — the first minute of a tranche's
 * date): applies the tranches that came due. A reservation that finds too little money applies
 * them itself (BudgetRepository.reserve), so this job only brings the published figures up to
 * date; a missed run loses nothing, the next applies the same tranches once.
 */
export const BUDGET_APPLY_TRANCHES = defineScheduledJob({
  queue: 'budget',
  name: 'budget.apply-tranches',
  schedule: { key: 'budget-apply-tranches', pattern: '*/5 * * * *', tz: 'Asia/Shanghai' },
});
