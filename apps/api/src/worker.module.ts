import { type DynamicModule, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { AccountsModule } from './accounts/accounts.module';
import { coreImports } from './app.module';
import { ApplicationsModule } from './applications/applications.module';
import { StuckClaimsRepository } from './applications/stuck-claims.repository';
import { StuckClaimSweep } from './applications/stuck-claims.sweep';
import { AuditAnchorProcessor } from './audit/audit-anchor.processor';
import { AuditSequencer } from './audit/audit.sequencer';
import { BudgetModule } from './budget/budget.module';
import type { AppConfig } from './config/config';
import { NotificationsModule } from './notifications/notifications.module';
import { OutboxRelay } from './queue/outbox.relay';
import { WorkerHostService } from './queue/worker-host.service';
import { ReviewSlaModule } from './review/sla/sla.module';
import { VouchersModule } from './vouchers/vouchers.module';
import { WhatIfModule } from './admin/versions/what-if/what-if.module';

/**
 * The queue worker: the outbox relay plus the domain modules whose `@JobProcessor()` providers
 * WorkerHostService finds and runs (a domain adds a processor in its own module), the audit
 * sequencer and the stuck-claim sweep (timers, not Redis schedules). No HTTP.
 */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        ...coreImports(config),
        DiscoveryModule,
        BudgetModule,
        AccountsModule,
        ApplicationsModule,
        NotificationsModule,
        ReviewSlaModule,
        VouchersModule,
        WhatIfModule,
      ],
      providers: [
        OutboxRelay,
        WorkerHostService,
        AuditSequencer,
        AuditAnchorProcessor,
        StuckClaimsRepository,
        StuckClaimSweep,
      ],
    };
  }
}
