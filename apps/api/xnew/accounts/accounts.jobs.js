"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.STALE_ACCOUNT_DAYS = exports.DISABLE_STALE_ACCOUNTS = void 0;
const jobs_1 = require("../queue/jobs");
/** Daily (queue `accounts`): disables staff accounts idle for STALE_ACCOUNT_DAYS. */
exports.DISABLE_STALE_ACCOUNTS = (0, jobs_1.defineScheduledJob)({
    queue: 'accounts',
    name: 'accounts.disable-stale',
    schedule: { key: 'accounts-disable-stale-daily', pattern: '30 3 * * *', tz: 'Asia/Shanghai' },
});
/** Staff accounts unused this long are disabled (等保 8.1.4.2: remove or disable idle accounts). */
exports.STALE_ACCOUNT_DAYS = 90;
//# sourceMappingURL=accounts.jobs.js.map