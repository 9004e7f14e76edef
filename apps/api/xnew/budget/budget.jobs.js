"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.BUDGET_APPLY_TRANCHES = exports.budgetSnapshotJob = exports.BUDGET_SNAPSHOT = void 0;
const jobs_1 = require("../queue/jobs");
/**
 * A snapshot of a program's budget after a change (queue `budget`); the change's key is the job id,
 * so a replay of the same change is a no-op.
 */
exports.BUDGET_SNAPSHOT = (0, jobs_1.defineJob)({
    queue: 'budget',
    name: 'budget.snapshot',
    jobId: ({ changeKey }) => `budget-snapshot-${changeKey}`,
});
const budgetSnapshotJob = (programId, reason, changeKey) => exports.BUDGET_SNAPSHOT.job({ programId, reason, changeKey });
exports.budgetSnapshotJob = budgetSnapshotJob;
/**
 * Every five minutes (Asia/Shanghai, so one run falls at 00:00 — the first minute of a tranche's
 * date): applies the tranches that came due. A reservation that finds too little money applies
 * them itself (BudgetRepository.reserve), so this job only brings the published figures up to
 * date; a missed run loses nothing, the next applies the same tranches once.
 */
exports.BUDGET_APPLY_TRANCHES = (0, jobs_1.defineScheduledJob)({
    queue: 'budget',
    name: 'budget.apply-tranches',
    schedule: { key: 'budget-apply-tranches', pattern: '*/5 * * * *', tz: 'Asia/Shanghai' },
});
//# sourceMappingURL=budget.jobs.js.map