import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import type { Queue } from 'bullmq';
import type { AppConfig } from '../config/config';
import { InjectConfig } from '../config/config.module';
import { QUEUE_NAMES, type QueueName } from './jobs';
import { createQueue } from './queue.factory';

/** One BullMQ Queue per name, created on first use and closed at shutdown. */
@Injectable()
export class QueuesService implements OnApplicationShutdown {
  private readonly queues = new Map<QueueName, Queue>();

  constructor(@InjectConfig() private readonly config: AppConfig) {}

  get(name: QueueName): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = createQueue(this.config, name);
      this.queues.set(name, queue);
    }
    return queue;
  }

  names(): readonly QueueName[] {
    return QUEUE_NAMES;
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([...this.queues.values()].map((queue) => queue.close()));
  }
}
