import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { Worker } from 'bullmq';
import type { AppConfig } from '../config/config';
import { InjectConfig } from '../config/config.module';
import { QUEUE_PROCESSORS, type QueueProcessor } from './processor';
import { bullConnection, bullPrefix } from './queue.factory';

/** Starts one BullMQ Worker per registered processor (worker process only). */
@Injectable()
export class WorkerHostService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(WorkerHostService.name);
  private readonly workers: Worker[] = [];

  constructor(
    @InjectConfig() private readonly config: AppConfig,
    @Inject(QUEUE_PROCESSORS) private readonly processors: QueueProcessor[],
  ) {}

  onApplicationBootstrap(): void {
    for (const processor of this.processors) {
      const worker = new Worker(processor.queue, (job) => processor.process(job), {
        connection: bullConnection(this.config, true),
        prefix: bullPrefix(this.config),
        concurrency: processor.concurrency ?? 4,
      });
      worker.on('failed', (job, error) =>
        this.logger.warn(
          { queue: processor.queue, job: job?.name, jobId: job?.id, attempt: job?.attemptsMade, err: error },
          'job failed',
        ),
      );
      worker.on('error', (error) =>
        this.logger.error({ queue: processor.queue, err: error }, 'worker error'),
      );
      this.workers.push(worker);
    }
    this.logger.log(`processing queues: ${this.processors.map((p) => p.queue).join(', ')}`);
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.close()));
  }
}
