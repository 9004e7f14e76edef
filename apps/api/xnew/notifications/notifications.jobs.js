"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.NOTIFY_ACCOUNT = exports.notifyJob = exports.NOTIFY_STATUS = void 0;
const jobs_1 = require("../queue/jobs");
/** Tells the resident about a claim's status change (queue `notifications`), once per event. */
exports.NOTIFY_STATUS = (0, jobs_1.defineJob)({
    queue: 'notifications',
    name: 'notifications.application-status',
    jobId: ({ eventId }) => `notify-${eventId}`,
});
const notifyJob = (applicationId, eventId) => exports.NOTIFY_STATUS.job({ applicationId, eventId });
exports.notifyJob = notifyJob;
/** A notice about the account itself (e.g. payout details changed): its notification row, sent by SMS. */
exports.NOTIFY_ACCOUNT = (0, jobs_1.defineJob)({
    queue: 'notifications',
    name: 'notifications.account-notice',
    jobId: ({ notificationId }) => `notice-${notificationId}`,
});
//# sourceMappingURL=notifications.jobs.js.map