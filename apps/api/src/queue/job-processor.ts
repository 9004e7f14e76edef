import { DiscoveryService } from '@nestjs/core';
import type { Job } from 'bullmq';
import type { AppConfig } from '../config/config';
import type { JobDefinition, PayloadOf, QueueName } from './jobs';

/** Handles one job: the payload is typed by the job's definition. */
export type JobHandler<D extends JobDefinition> = (
  payload: PayloadOf<D>,
  job: Job<PayloadOf<D>>,
) => Promise<unknown>;

/** One handler per job, keyed by the job's name: a job left without a handler does not compile. */
export type JobHandlers<D extends JobDefinition> = { [Def in D as Def['name']]: JobHandler<Def> };

/**
 * A queue's jobs and their handlers, made by `handleJobs`. Handlers must be idempotent (a job may
 * run twice after a crash): guard state changes and use unique keys.
 */
export class QueueJobs {
  private constructor(
    readonly queue: QueueName,
    readonly definitions: readonly JobDefinition[],
    private readonly handlers: ReadonlyMap<string, (payload: unknown, job: Job) => Promise<unknown>>,
  ) {}

  static of<D extends JobDefinition>(
    definitions: readonly D[],
    handlers: NoInfer<JobHandlers<D>>,
  ): QueueJobs {
    const queues = [...new Set(definitions.map((definition) => definition.queue))];
    if (queues.length !== 1) throw new Error(`one processor handles one queue, not [${queues.join(', ')}]`);
    const byName = new Map<string, (payload: unknown, job: Job) => Promise<unknown>>();
    for (const definition of definitions) {
      // The one unchecked step: BullMQ hands back `job.data` untyped; the job's name picked the
      // definition, and only the outbox (from that definition) or its schedule wrote the job.
      const handler = (handlers as Record<string, (payload: unknown, job: Job) => Promise<unknown>>)[
        definition.name
      ];
      if (typeof handler !== 'function') throw new Error(`job ${definition.name} has no handler`);
      byName.set(definition.name, handler);
    }
    return new QueueJobs(queues[0]!, definitions, byName);
  }

  handle(job: Job): Promise<unknown> {
    const handler = this.handlers.get(job.name);
    if (!handler) throw new Error(`unknown job ${job.name} on queue ${this.queue}`);
    return handler(job.data, job);
  }
}

/**
 * A processor's jobs, all of one queue, each with its handler:
 * `readonly jobs = handleJobs([BUDGET_SNAPSHOT], { 'budget.snapshot': (payload, job) => … })`.
 */
export function handleJobs<D extends JobDefinition>(
  definitions: readonly D[],
  handlers: NoInfer<JobHandlers<D>>,
): QueueJobs {
  return QueueJobs.of(definitions, handlers);
}

/** What the worker needs of a processor: its queue's jobs. */
export interface QueueProcessor {
  readonly jobs: QueueJobs;
}

export interface JobProcessorOptions {
  /**
   * Jobs of this queue run at once in one worker process (default 4): a number, or read from the
   * settings (e.g. `(config) => config.worker.checksConcurrency`).
   */
  concurrency?: number | ((config: AppConfig) => number);
}

/**
 * Marks a provider as its queue's processor. A domain module lists the processor among its
 * providers; the worker finds every marked provider of the modules it imports (no second list).
 * The API process instantiates processors too but never runs them.
 */
export const JobProcessor = DiscoveryService.createDecorator<JobProcessorOptions>();
