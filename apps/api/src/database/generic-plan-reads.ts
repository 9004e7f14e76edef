import { Global, Inject, Injectable, Logger, Module, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Pool } from 'pg';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { preparedRead, type NamedStatement } from './sql';

/**
 * Hot reads whose best plan does not depend on their parameters' values, sent as named prepared
 * statements on a small pool of their own whose sessions always use the statement's generic plan
 * (`plan_cache_mode = force_generic_plan`): planned once per connection, never again.
 *
 * On the main pool PostgreSQL decides per statement: five custom plans, then the generic plan only
 * if its estimate is no worse than theirs. For `applicant_id = ANY($1::uuid[])` it never is — the
 * generic plan assumes ten array elements, a batch of residents usually holds fewer — so every
 * execution of the resident's list was planned again, half of its database time (a planner pass over
 * the claim table's fourteen indexes for a one-row index scan). The setting cannot go on the main
 * pool: TypeORM's statements carry their values as parameters too, and there a generic plan would
 * lose what a value tells the planner (a partial index's predicate, a rare status).
 *
 * The pool has the main pool's bounded wait (DATABASE_POOL_TIMEOUT_MS; its timeout answers 503 like
 * the main pool's) and opens at its first read, so a process that sends none (the worker) holds no
 * connection of it. Statements sent here are listed in `test/hot-query-plans.int-spec.ts`, which
 * asserts their generic plans use indexes.
 */
@Injectable()
export class GenericPlanReads implements OnApplicationShutdown {
  private readonly logger = new Logger(GenericPlanReads.name);
  private pool: Pool | undefined;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  read<T extends object>(statement: NamedStatement, values: unknown[]): Promise<T[]> {
    return preparedRead<T>(this.dataSource, statement, values, (this.pool ??= this.open()));
  }

  async onApplicationShutdown(): Promise<void> {
    const pool = this.pool;
    this.pool = undefined;
    await pool?.end();
  }

  private open(): Pool {
    const pool = new Pool({
      connectionString: this.config.database.url,
      max: this.config.database.genericPoolSize,
      connectionTimeoutMillis: this.config.database.poolTimeoutMs,
      application_name: 'huanxin',
      options: '-c plan_cache_mode=force_generic_plan',
    });
    // An idle connection the server ended (a restart, a failover): pg-pool drops it and opens
    // another on the next read; without a listener the error would end the process.
    pool.on('error', (error) => this.logger.warn(`generic-plan pool: ${error.message}`));
    return pool;
  }
}

@Global()
@Module({ providers: [GenericPlanReads], exports: [GenericPlanReads] })
export class GenericPlanReadsModule {}
