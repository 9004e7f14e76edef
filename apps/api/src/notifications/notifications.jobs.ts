import { defineJob } from '../queue/jobs';

/** A claim's timeline event, as a notice job names it. */
export interface StatusEventRef {
  applicationId: string;
  eventId: string;
}

/** Tells the resident about a claim's status change (queue `notifications`), once per event. */
export const NOTIFY_STATUS = defineJob({
  queue: 'notifications',
  name: 'notifications.application-status',
  jobId: ({ eventId }: StatusEventRef) => `notify-${eventId}`,
});

/**
 * The same notices for the status changes of several claims made by one transaction (the automated
 * checks move a batch of claims at once): one job for them all, so the queue's cost — an outbox row,
 * a relay, a job's Redis scripts — is paid once per batch, not once per claim (issue 10: the worker
 * must drain at least twice as fast as residents submit). Each event is still notified once: the
 * notices are keyed by event, as the single job's are. Its id is its first event's, which no other
 * transaction's job can carry.
 */
export const NOTIFY_STATUSES = defineJob({
  queue: 'notifications',
  name: 'notifications.application-statuses',
  jobId: ({ events }: { events: readonly StatusEventRef[] }) => `notify-all-${events[0]!.eventId}`,
});

export const notifyJob = (applicationId: string, eventId: string) =>
  NOTIFY_STATUS.job({ applicationId, eventId });

/** One job for the notices of `events` (at least one): the single-event job when there is one. */
export const notifyAllJob = (events: readonly StatusEventRef[]) => {
  if (events.length === 0) throw new Error('notifyAllJob needs at least one event');
  return events.length === 1
    ? notifyJob(events[0]!.applicationId, events[0]!.eventId)
    : NOTIFY_STATUSES.job({ events });
};

/** A notice about the account itself (e.g. payout details changed): its notification row, sent by SMS. */
export const NOTIFY_ACCOUNT = defineJob({
  queue: 'notifications',
  name: 'notifications.account-notice',
  jobId: ({ notificationId }: { notificationId: string }) => `notice-${notificationId}`,
});
