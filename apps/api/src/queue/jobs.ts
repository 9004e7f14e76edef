import type { JobsOptions } from 'bullmq';

/**
 * Every queue and job the system knows, with its payload type. Domains declare theirs in
 * `<domain>.jobs.ts` and add them here, so producers (through the outbox) and processors agree.
 */
export interface JobCatalogue {
  budget: {
    'budget.snapshot': { programId: string; reason: string };
  };
  accounts: {
    'accounts.disable-stale': Record<string, never>;
  };
  applications: {
    'applications.check': { applicationId: string };
    'applications.expire': Record<string, never>;
  };
  notifications: {
    'notifications.application-status': { applicationId: string; eventId: string };
    /** A notice about the account itself (e.g. payout details changed): its row, sent by SMS. */
    'notifications.account-notice': { notificationId: string };
  };
}

export type QueueName = keyof JobCatalogue;
export type JobName<Q extends QueueName> = keyof JobCatalogue[Q] & string;
export type JobPayload<Q extends QueueName, N extends JobName<Q>> = JobCatalogue[Q][N];

export const QUEUE_NAMES: readonly QueueName[] = ['budget', 'accounts', 'applications', 'notifications'];

/** A job to run once: `jobId` is its business key (no `:`; BullMQ reserves it). */
export interface OutboxJob<Q extends QueueName = QueueName, N extends JobName<Q> = JobName<Q>> {
  queue: Q;
  name: N;
  jobId: string;
  payload: JobPayload<Q, N>;
}

/** Retries with exponential backoff; completed jobs kept a day for inspection, failed ones kept. */
export const DEFAULT_JOB_OPTIONS: JobsOptions = {
  attempts: 8,
  backoff: { type: 'exponential', delay: 2000 },
  removeOnComplete: { age: 24 * 3600, count: 10_000 },
  removeOnFail: false,
};

export function assertJobId(jobId: string): string {
  if (!/^[A-Za-z0-9_.-]{1,200}$/.test(jobId) || /^\d+$/.test(jobId)) {
    throw new Error(
      `invalid job id ${JSON.stringify(jobId)}: letters, digits, _ . - only, not a bare integer`,
    );
  }
  return jobId;
}
