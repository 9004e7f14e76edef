import {
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
  type OnModuleInit,
} from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { Worker } from 'bullmq';
import type { AppConfig } from '../config/config';
import { InjectConfig } from '../config/config.module';
import { JobProcessor, type JobProcessorOptions, QueueJobs } from './job-processor';
import { declaredJobs } from './jobs';
import { bullConnection, bullPrefix } from './queue.factory';
import { QueuesService } from './queues.service';

export interface CollectedProcessor {
  readonly name: string;
  readonly instance: object;
  readonly jobs: QueueJobs;
  readonly options: JobProcessorOptions;
}

/**
 * How often the worker checks that every schedule is still in Redis. A Redis that lost its data
 * (a restart without persistence, a failover to an empty replica) lost the schedules with it, and
 * they are otherwise registered only at start: without this, the hourly jobs would stop until the
 * next worker restart.
 */
const SCHEDULE_CHECK_MS = 30_000;

/**
 * Worker process only: finds every `@JobProcessor()` provider of the imported modules, starts one
 * BullMQ Worker per queue and registers the scheduled jobs' schedules.
 */
@Injectable()
export class WorkerHostService implements OnModuleInit, OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(WorkerHostService.name);
  private readonly workers: Worker[] = [];
  private collected: CollectedProcessor[] = [];
  private scheduleCheck: NodeJS.Timeout | undefined;

  constructor(
    @InjectConfig() private readonly config: AppConfig,
    private readonly discovery: DiscoveryService,
    private readonly queues: QueuesService,
  ) {}

  /**
   * The processors found, and what is wrong with them: a @JobProcessor() without `jobs`, a second
   * processor for a queue, a declared job no processor handles. The worker logs each problem and
   * runs what it can (a job without a processor waits in its queue; nothing is lost); a test
   * (test/worker-jobs.int-spec.ts) requires none.
   */
  inspect(): { processors: CollectedProcessor[]; problems: string[] } {
    const processors: CollectedProcessor[] = [];
    const problems: string[] = [];
    for (const wrapper of this.discovery.getProviders({ metadataKey: JobProcessor.KEY })) {
      const name = String(wrapper.name);
      const jobs = (wrapper.instance as { jobs?: unknown } | undefined)?.jobs;
      if (!(jobs instanceof QueueJobs)) {
        problems.push(`${name} is a @JobProcessor() without \`readonly jobs = handleJobs(…)\``);
        continue;
      }
      const other = processors.find((processor) => processor.jobs.queue === jobs.queue);
      if (other) {
        problems.push(`queue ${jobs.queue} has two processors: ${other.name}, ${name} (${name} not started)`);
        continue;
      }
      const options = this.discovery.getMetadataByDecorator(JobProcessor, wrapper) ?? {};
      processors.push({ name, instance: wrapper.instance as object, jobs, options });
    }
    const handled = new Set(processors.flatMap((processor) => processor.jobs.definitions));
    for (const definition of declaredJobs())
      if (!handled.has(definition)) problems.push(`job ${definition.name} has no processor`);
    return { processors, problems };
  }

  onModuleInit(): void {
    const { processors, problems } = this.inspect();
    for (const problem of problems) this.logger.error(problem);
    this.collected = processors;
  }

  async onApplicationBootstrap(): Promise<void> {
    const processors = this.collected;
    for (const { jobs, options } of processors) {
      const worker = new Worker(jobs.queue, (job) => jobs.handle(job), {
        connection: bullConnection(this.config, true),
        prefix: bullPrefix(this.config),
        concurrency:
          typeof options.concurrency === 'function'
            ? options.concurrency(this.config)
            : (options.concurrency ?? 4),
      });
      worker.on('failed', (job, error) =>
        this.logger.warn(
          { queue: jobs.queue, job: job?.name, jobId: job?.id, attempt: job?.attemptsMade, err: error },
          'job failed',
        ),
      );
      worker.on('error', (error) => this.logger.error({ queue: jobs.queue, err: error }, 'worker error'));
      this.workers.push(worker);
    }
    // Upserted on every start: a changed pattern replaces the old one under the same key.
    await this.registerSchedules(processors, false);
    this.scheduleCheck = setInterval(() => {
      this.registerSchedules(this.collected, true).catch((error: unknown) =>
        this.logger.warn({ err: error }, 'schedule check failed; will retry'),
      );
    }, SCHEDULE_CHECK_MS);
    this.scheduleCheck.unref();
    this.logger.log(`processing queues: ${processors.map((p) => p.jobs.queue).join(', ')}`);
  }

  /**
   * Registers every schedule; with `onlyMissing`, only those Redis no longer has (after it lost
   * its data), so a running schedule is never touched. Answers the keys registered.
   */
  async registerSchedules(processors: CollectedProcessor[], onlyMissing: boolean): Promise<string[]> {
    const registered: string[] = [];
    for (const { jobs } of processors) {
      for (const { name, schedule } of jobs.definitions) {
        if (!schedule) continue;
        const queue = this.queues.get(jobs.queue);
        if (onlyMissing && (await queue.getJobScheduler(schedule.key))) continue;
        await queue.upsertJobScheduler(
          schedule.key,
          { pattern: schedule.pattern, tz: schedule.tz },
          { name, data: {} },
        );
        registered.push(schedule.key);
      }
    }
    if (onlyMissing && registered.length)
      this.logger.warn({ schedules: registered }, 'schedules missing from Redis registered again');
    return registered;
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.scheduleCheck);
    await Promise.all(this.workers.map((worker) => worker.close()));
  }
}
