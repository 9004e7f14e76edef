import { type DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { BudgetModule } from './budget/budget.module';
import { CommonModule } from './common/common.module';
import type { AppConfig } from './config/config';
import { ConfigModule } from './config/config.module';
import { dataSourceOptions } from './database/data-source';
import { HealthModule } from './health/health.module';
import { ProgramsModule } from './programs/programs.module';
import { QueueModule } from './queue/queue.module';
import { RedisModule } from './redis/redis.module';

/** Infrastructure both processes share: config, database, Redis, queues. */
export function coreImports(config: AppConfig) {
  return [
    ConfigModule.forRoot(config),
    TypeOrmModule.forRoot(dataSourceOptions(config)),
    RedisModule,
    QueueModule,
    CommonModule,
  ];
}

/** The HTTP API. */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return { module: AppModule, imports: [...coreImports(config), HealthModule, BudgetModule, ProgramsModule] };
  }
}
