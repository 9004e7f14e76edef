"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.notifyJob = exports.checkJob = exports.PRUNE_IDEMPOTENCY_KEYS = exports.EXPIRE_APPLICATIONS = exports.CHECK_APPLICATION = void 0;
const jobs_1 = require("../queue/jobs");
/** Automated checks of a submitted claim (queue `applications`), once per submission event. */
exports.CHECK_APPLICATION = (0, jobs_1.defineJob)({
    queue: 'applications',
    name: 'applications.check',
    jobId: ({ eventId }) => `check-${eventId}`,
});
/** Hourly: drafts and returned claims past their program's deadlines expire. */
exports.EXPIRE_APPLICATIONS = (0, jobs_1.defineScheduledJob)({
    queue: 'applications',
    name: 'applications.expire',
    schedule: { key: 'applications-expire-hourly', pattern: '5 * * * *', tz: 'Asia/Shanghai' },
});
/** Hourly: deletes `Idempotency-Key` records older than a day. */
exports.PRUNE_IDEMPOTENCY_KEYS = (0, jobs_1.defineScheduledJob)({
    queue: 'applications',
    name: 'applications.prune-idempotency-keys',
    schedule: { key: 'idempotency-keys-prune-hourly', pattern: '35 * * * *', tz: 'Asia/Shanghai' },
});
const checkJob = (applicationId, eventId) => exports.CHECK_APPLICATION.job({ applicationId, eventId });
exports.checkJob = checkJob;
// The resident's status message is the notifications domain's job; producers here import it from here.
var notifications_jobs_1 = require("../notifications/notifications.jobs");
Object.defineProperty(exports, "notifyJob", { enumerable: true, get: function () { return notifications_jobs_1.notifyJob; } });
//# sourceMappingURL=applications.jobs.js.map