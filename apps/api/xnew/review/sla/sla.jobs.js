"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.REVIEW_SLA_DIGEST = void 0;
const jobs_1 = require("../../queue/jobs");
/**
 * Daily at 08:00 (queue `review-sla`): every active approver gets one in-app notice of the claims
 * in review at `warning` or `overdue` (operations.md §7). Once per approver and day.
 */
exports.REVIEW_SLA_DIGEST = (0, jobs_1.defineScheduledJob)({
    queue: 'review-sla',
    name: 'review-sla.daily-digest',
    schedule: { key: 'review-sla-digest-daily', pattern: '0 8 * * *', tz: 'Asia/Shanghai' },
});
//# sourceMappingURL=sla.jobs.js.map