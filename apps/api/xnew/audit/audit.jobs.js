"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.AUDIT_ANCHOR = void 0;
const jobs_1 = require("../queue/jobs");
/** Daily (queue `audit`), just after midnight in Jinan: anchors the audit chain's head outside the database. */
exports.AUDIT_ANCHOR = (0, jobs_1.defineScheduledJob)({
    queue: 'audit',
    name: 'audit.anchor',
    schedule: { key: 'audit-anchor-daily', pattern: '5 0 * * *', tz: 'Asia/Shanghai' },
});
//# sourceMappingURL=audit.jobs.js.map