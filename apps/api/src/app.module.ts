import { type DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AdminModule } from './admin/admin.module';
import { ApplicationsModule } from './applications/applications.module';
import { AuditCoreModule, AuditModule } from './audit/audit.module';
import { AuthCoreModule, AuthModule } from './auth/auth.module';
import { AuthGuard } from './auth/auth.guard';
import { BudgetModule } from './budget/budget.module';
import { CommonModule } from './common/common.module';
import type { AppConfig } from './config/config';
import { ConfigModule } from './config/config.module';
import { dataSourceOptions } from './database/data-source';
import { DealerLedgerModule } from './dealers/ledger/ledger.module';
import { DealerReturnsModule } from './dealers/returns/returns.module';
import { DealerRecordsModule } from './dealers/certificates/dealer-records.module';
import { DealersModule } from './dealers/dealers.module';
import { SalesImportModule } from './dealers/import/sales-import.module';
import { SalesModule } from './dealers/sales/sales.module';
import { DevModule } from './dev/dev.module';
import { DocumentsModule } from './documents/documents.module';
import { HealthModule } from './health/health.module';
import { PaymentsModule } from './payments/payments.module';
import { ProfileModule } from './profile/profile.module';
import { ProgramsModule } from './programs/programs.module';
import { QueueModule } from './queue/queue.module';
import { GenericPlanReadsModule } from './database/generic-plan-reads';
import { RedisModule } from './redis/redis.module';
import { ReviewReportsModule } from './review/reporting/reports.module';
import { ReviewSamplingModule } from './review/sampling/sampling.module';
import { ReviewSlaModule } from './review/sla/sla.module';
import { ReviewModule } from './review/review.module';
import { StatsModule } from './stats/stats.module';
import { UsersModule } from './users/users.module';
import { VouchersModule } from './vouchers/vouchers.module';

/** Infrastructure both processes share: config, database, Redis, queues, audit, accounts. */
export function coreImports(config: AppConfig) {
  return [
    ConfigModule.forRoot(config),
    TypeOrmModule.forRoot(dataSourceOptions(config)),
    GenericPlanReadsModule,
    RedisModule,
    QueueModule,
    CommonModule,
    AuditCoreModule,
    UsersModule,
    AuthCoreModule,
  ];
}

/** The HTTP API. Every route passes the global AuthGuard (denied by default). */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ...coreImports(config),
        AuthModule,
        HealthModule,
        BudgetModule,
        ProgramsModule,
        ProfileModule,
        ApplicationsModule,
        DocumentsModule,
        AdminModule,
        DealersModule,
        SalesModule,
        SalesImportModule,
        DealerLedgerModule,
        DealerReturnsModule,
        DealerRecordsModule,
        AuditModule,
        ReviewSamplingModule,
        ReviewReportsModule,
        ReviewSlaModule,
        ReviewModule,
        PaymentsModule,
        StatsModule,
        VouchersModule,
        // The SMS outbox route does not exist in production.
        ...(config.isProduction ? [] : [DevModule]),
      ],
      providers: [{ provide: APP_GUARD, useExisting: AuthGuard }],
    };
  }
}
