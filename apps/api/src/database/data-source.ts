import { DataSource, type DataSourceOptions } from 'typeorm';
import type { AppConfig } from '../config/config';
import { autoPreparingClient } from './auto-prepare';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

export function dataSourceOptions(config: AppConfig): DataSourceOptions {
  return {
    type: 'postgres',
    url: config.database.url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    migrationsRun: false,
    installExtensions: false,
    uuidExtension: 'pgcrypto',
    logging: false,
    extra: {
      max: config.database.poolSize,
      // A bounded wait for a connection: past it pg-pool fails with "timeout exceeded when trying
      // to connect", which the error filter answers 503 with Retry-After (common/errors/infrastructure.ts).
      connectionTimeoutMillis: config.database.poolTimeoutMs,
      application_name: 'huanxin',
      // The connections prepare the statements they send most (auto-prepare.ts says why).
      ...(config.database.preparedStatements > 0
        ? { Client: autoPreparingClient(config.database.preparedStatements) }
        : {}),
    },
  };
}

export function createDataSource(config: AppConfig): DataSource {
  return new DataSource(dataSourceOptions(config));
}
