import type { Job } from 'bullmq';
import type { QueueName } from './jobs';

/**
 * A queue's processor: one per queue, running only in the worker process. Handlers must be
 * idempotent (a job may run twice after a crash): guard state changes and use unique keys.
 */
export interface QueueProcessor {
  readonly queue: QueueName;
  readonly concurrency?: number;
  process(job: Job): Promise<unknown>;
}

export const QUEUE_PROCESSORS = Symbol('QUEUE_PROCESSORS');
