import { defineScheduledJob } from '../queue/jobs';

/**
 * Every five minutes: issued vouchers past their expiry give their reservation back, and holders
 * whose voucher lapses within a day are told (once). Five minutes, not hourly: an expired
 * voucher's money is budget other residents are waiting for.
 */
export const SWEEP_VOUCHERS = defineScheduledJob({
  queue: 'vouchers',
  name: 'vouchers.sweep',
  schedule: { key: 'vouchers-sweep-5min', pattern: '*/5 * * * *', tz: 'Asia/Shanghai' },
});

/**
 * Every five minutes: opens each lottery program's current round (its seed committed) and draws
 * the rounds whose draw time has come. A draw is one transaction and a drawn round is left alone,
 * so a late or repeated run draws each round once.
 */
export const RUN_LOTTERIES = defineScheduledJob({
  queue: 'vouchers',
  name: 'vouchers.lottery',
  schedule: { key: 'vouchers-lottery-5min', pattern: '*/5 * * * *', tz: 'Asia/Shanghai' },
});
