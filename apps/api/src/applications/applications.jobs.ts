import { defineJob, defineScheduledJob } from '../queue/jobs';

/**
 * Automated checks of a submitted claim (queue `applications`), once per submission event; the
 * same job sends the resident the submission's notice (ChecksProcessor), so a submission queues
 * one job, not two.
 */
export const CHECK_APPLICATION = defineJob({
  queue: 'applications',
  name: 'applications.check',
  jobId: ({ eventId }: { applicationId: string; eventId: string }) => `check-${eventId}`,
});

/** Hourly: drafts and returned claims past their program's deadlines expire. */
export const EXPIRE_APPLICATIONS = defineScheduledJob({
  queue: 'applications',
  name: 'applications.expire',
  schedule: { key: 'applications-expire-hourly', pattern: '5 * * * *', tz: 'Asia/Shanghai' },
});

/** Hourly: deletes `Idempotency-Key` records older than a day. */
export const PRUNE_IDEMPOTENCY_KEYS = defineScheduledJob({
  queue: 'applications',
  name: 'applications.prune-idempotency-keys',
  schedule: { key: 'idempotency-keys-prune-hourly', pattern: '35 * * * *', tz: 'Asia/Shanghai' },
});

export const checkJob = (applicationId: string, eventId: string) =>
  CHECK_APPLICATION.job({ applicationId, eventId });

// The resident's status message is the notifications domain's job; producers here import it from here.
export { notifyAllJob, notifyJob } from '../notifications/notifications.jobs';
