import { type DynamicModule, Module } from '@nestjs/common';
import { AccountsProcessor } from './accounts/accounts.processor';
import { ApplicationsModule } from './applications/applications.module';
import { ChecksProcessor } from './applications/checks.processor';
import { NotificationsModule } from './notifications/notifications.module';
import { NotificationsProcessor } from './notifications/notifications.processor';
import { coreImports } from './app.module';
import { BudgetModule } from './budget/budget.module';
import { BudgetProcessor } from './budget/budget.processor';
import type { AppConfig } from './config/config';
import { OutboxRelay } from './queue/outbox.relay';
import { QUEUE_PROCESSORS, type QueueProcessor } from './queue/processor';
import { WorkerHostService } from './queue/worker-host.service';

/** The queue worker: the outbox relay plus one processor per queue. No HTTP. */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [...coreImports(config), BudgetModule, ApplicationsModule, NotificationsModule],
      providers: [
        OutboxRelay,
        BudgetProcessor,
        AccountsProcessor,
        ChecksProcessor,
        NotificationsProcessor,
        {
          provide: QUEUE_PROCESSORS,
          useFactory: (...processors: QueueProcessor[]) => processors,
          inject: [BudgetProcessor, AccountsProcessor, ChecksProcessor, NotificationsProcessor],
        },
        WorkerHostService,
      ],
    };
  }
}
