import { defineScheduledJob } from '../queue/jobs';

/** Daily (queue `accounts`): disables staff accounts idle for STALE_ACCOUNT_DAYS. */
export const DISABLE_STALE_ACCOUNTS = defineScheduledJob({
  queue: 'accounts',
  name: 'accounts.disable-stale',
  schedule: { key: 'accounts-disable-stale-daily', pattern: '30 3 * * *', tz: 'Asia/Shanghai' },
});

/** Staff accounts unused this long are disabled (等保 8.1.4.2: remove or disable idle accounts). */
export const STALE_ACCOUNT_DAYS = 90;
