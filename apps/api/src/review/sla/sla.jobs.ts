import { defineScheduledJob } from '../../queue/jobs';

/**
 * Daily at 08:00 (queue `review-sla`): every active approver gets one in-app notice of the claims
 * in review at `warning` or `overdue` (operations.md §7). Once per approver and day.
 */
export const REVIEW_SLA_DIGEST = defineScheduledJob({
  queue: 'review-sla',
  name: 'review-sla.daily-digest',
  schedule: { key: 'review-sla-digest-daily', pattern: '0 8 * * *', tz: 'Asia/Shanghai' },
});
