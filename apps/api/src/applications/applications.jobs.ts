/** Jobs of the applications domain (queue `applications`) and resident notifications. */
export const APPLICATIONS_QUEUE = 'applications' as const;
export const CHECK_APPLICATION = 'applications.check' as const;
export const EXPIRE_APPLICATIONS = 'applications.expire' as const;
/** Hourly: deletes `Idempotency-Key` records older than a day (payload `{}`). */
export const PRUNE_IDEMPOTENCY_KEYS = 'applications.prune-idempotency-keys' as const;
export const NOTIFICATIONS_QUEUE = 'notifications' as const;
export const NOTIFY_STATUS = 'notifications.application-status' as const;

export const checkJob = (applicationId: string, eventId: string) => ({
  queue: APPLICATIONS_QUEUE,
  name: CHECK_APPLICATION,
  jobId: `check-${eventId}`,
  payload: { applicationId },
});

export const notifyJob = (applicationId: string, eventId: string) => ({
  queue: NOTIFICATIONS_QUEUE,
  name: NOTIFY_STATUS,
  jobId: `notify-${eventId}`,
  payload: { applicationId, eventId },
});
