/** Jobs of the accounts domain (queue `accounts`). */
export const ACCOUNTS_QUEUE = 'accounts' as const;
export const DISABLE_STALE_ACCOUNTS = 'accounts.disable-stale' as const;
/** Staff accounts unused this long are disabled (等保 8.1.4.2: remove or disable idle accounts). */
export const STALE_ACCOUNT_DAYS = 90;
