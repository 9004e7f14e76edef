import { defineJob } from '../queue/jobs';

/** Tells the resident about a claim's status change (queue `notifications`), once per event. */
export const NOTIFY_STATUS = defineJob({
  queue: 'notifications',
  name: 'notifications.application-status',
  jobId: ({ eventId }: { applicationId: string; eventId: string }) => `notify-${eventId}`,
});

export const notifyJob = (applicationId: string, eventId: string) =>
  NOTIFY_STATUS.job({ applicationId, eventId });

/** A notice about the account itself (e.g. payout details changed): its notification row, sent by SMS. */
export const NOTIFY_ACCOUNT = defineJob({
  queue: 'notifications',
  name: 'notifications.account-notice',
  jobId: ({ notificationId }: { notificationId: string }) => `notice-${notificationId}`,
});
