import { defineScheduledJob } from '../queue/jobs';

/** Daily (queue `audit`), just after midnight in Jinan: anchors the audit chain's head outside the database. */
export const AUDIT_ANCHOR = defineScheduledJob({
  queue: 'audit',
  name: 'audit.anchor',
  schedule: { key: 'audit-anchor-daily', pattern: '5 0 * * *', tz: 'Asia/Shanghai' },
});
