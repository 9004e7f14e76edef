"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.RUN_LOTTERIES = exports.SWEEP_VOUCHERS = void 0;
const jobs_1 = require("../queue/jobs");
/**
 * Every five minutes: issued vouchers past their expiry give their reservation back, and holders
 * whose voucher lapses within a day are told (once). Five minutes, not hourly: an expired
 * voucher's money is budget other residents are waiting for.
 */
exports.SWEEP_VOUCHERS = (0, jobs_1.defineScheduledJob)({
    queue: 'vouchers',
    name: 'vouchers.sweep',
    schedule: { key: 'vouchers-sweep-5min', pattern: '*/5 * * * *', tz: 'Asia/Shanghai' },
});
/**
 * Every five minutes: opens each lottery program's current round (its seed committed) and draws
 * the rounds whose draw time has come. A draw is one transaction and a drawn round is left alone,
 * so a late or repeated run draws each round once.
 */
exports.RUN_LOTTERIES = (0, jobs_1.defineScheduledJob)({
    queue: 'vouchers',
    name: 'vouchers.lottery',
    schedule: { key: 'vouchers-lottery-5min', pattern: '*/5 * * * *', tz: 'Asia/Shanghai' },
});
//# sourceMappingURL=vouchers.jobs.js.map