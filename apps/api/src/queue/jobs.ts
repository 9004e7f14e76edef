import type { JobsOptions } from 'bullmq';

/** The queues; each is processed by one processor in the worker (see job-processor.ts). */
export const QUEUE_NAMES = [
  'budget',
  'accounts',
  'applications',
  'notifications',
  'review-sla',
  'audit',
  'vouchers',
  'programs',
] as const;
export type QueueName = (typeof QUEUE_NAMES)[number];

/** A repeating job: BullMQ's job scheduler `key` (kept stable: a new key would add a second schedule). */
export interface JobSchedule {
  readonly key: string;
  readonly pattern: string;
  readonly tz: string;
}

declare const payloadType: unique symbol;

/**
 * One job, declared once in its domain's `<domain>.jobs.ts` with `defineJob` or
 * `defineScheduledJob`: its queue, its name (`<queue>.<what>`), its payload type (carried by the
 * type only) and either the rule that makes its job id from the payload or its schedule.
 */
export interface JobDefinition<Q extends QueueName = QueueName, N extends string = string, P = unknown> {
  readonly queue: Q;
  readonly name: N;
  readonly schedule?: JobSchedule;
  readonly [payloadType]?: P;
}

export type PayloadOf<D> = D extends JobDefinition<QueueName, string, infer P> ? P : never;

/** A job ready for the outbox, made only by an `OutboxJobDefinition` (so never from loose strings). */
export interface OutboxJob<P = unknown> {
  readonly queue: QueueName;
  readonly name: string;
  /** The business key: the same change always makes the same id, so a re-add is a no-op. */
  readonly jobId: string;
  readonly payload: P;
}

export interface OutboxJobDefinition<
  Q extends QueueName,
  N extends string,
  P extends object,
> extends JobDefinition<Q, N, P> {
  /** The job for this payload, with its id from the definition's rule (checked by `assertJobId`). */
  job(payload: P): OutboxJob<P>;
}

const declared = new Map<string, JobDefinition>();

function register<D extends JobDefinition>(definition: D): D {
  if (!definition.name.startsWith(`${definition.queue}.`))
    throw new Error(`job ${definition.name} must be named <queue>.<what> (queue ${definition.queue})`);
  if (declared.has(definition.name)) throw new Error(`job ${definition.name} is declared twice`);
  declared.set(definition.name, definition);
  return definition;
}

/**
 * A job written by the outbox. The payload type is the `jobId` rule's parameter type:
 * `defineJob({ queue: 'budget', name: 'budget.snapshot', jobId: (p: { programId: string; … }) => … })`.
 */
export function defineJob<Q extends QueueName, N extends `${Q}.${string}`, P extends object>(spec: {
  queue: Q;
  name: N;
  jobId: (payload: P) => string;
}): OutboxJobDefinition<Q, N, P> {
  const { queue, name, jobId } = spec;
  return register({
    queue,
    name,
    job: (payload: P): OutboxJob<P> => ({ queue, name, jobId: assertJobId(jobId(payload)), payload }),
  });
}

/** A job BullMQ's scheduler starts on a cron pattern (the worker registers it); its payload is empty. */
export function defineScheduledJob<Q extends QueueName, N extends `${Q}.${string}`>(spec: {
  queue: Q;
  name: N;
  schedule: JobSchedule;
}): JobDefinition<Q, N, Record<string, never>> {
  return register({ queue: spec.queue, name: spec.name, schedule: spec.schedule });
}

/** Every job declared so far (the `*.jobs.ts` files imported); for the worker's checks and tests. */
export function declaredJobs(): readonly JobDefinition[] {
  return [...declared.values()];
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
