import { Global, Module } from '@nestjs/common';
import { OutboxService } from './outbox.service';
import { QueuesService } from './queues.service';

/** Producing side, available in both processes: the outbox writer and the queue handles. */
@Global()
@Module({ providers: [OutboxService, QueuesService], exports: [OutboxService, QueuesService] })
export class QueueModule {}
