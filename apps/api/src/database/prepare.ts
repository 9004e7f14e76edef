import type { DataSource } from 'typeorm';
import type { AppConfig } from '../config/config';
import type { Logger } from '../common/logging/logger';
import { PiiCipher } from '../common/crypto/pii-cipher';
import { createDataSource } from './data-source';
import { ensureDatabase } from './ensure-database';
import { seedDemoAccounts } from './seeds/demo-accounts.seed';
import { seedPrograms } from './seeds/programs.seed';

/** Serialises migrations and seeds across processes (API replicas and workers start together). */
const PREPARE_LOCK = 7_406_011_002;
const LOCK_POLL_MS = 200;

/**
 * Takes the prepare lock by polling `pg_try_advisory_lock`, never by a blocking
 * `pg_advisory_lock`. A session blocked inside a statement keeps its transaction open, and a
 * migration that builds an index CONCURRENTLY waits for every open transaction — the waiter's
 * too, which waits for the migration: a deadlock the first time `npm start` (API and worker at
 * once) met such a migration. Between polls the waiter holds no transaction.
 */
async function acquirePrepareLock(dataSource: DataSource): Promise<void> {
  for (;;) {
    const [{ locked }] = (await dataSource.query('SELECT pg_try_advisory_lock($1) AS locked', [
      PREPARE_LOCK,
    ])) as [{ locked: boolean }];
    if (locked) return;
    await new Promise((resolve) => setTimeout(resolve, LOCK_POLL_MS));
  }
}

/**
 * Everything the database needs before the app serves: created if missing (outside production),
 * migrations applied, the program catalogue seeded, and outside production the demo accounts. Safe to run from several processes at once.
 */
export async function prepareDatabase(config: AppConfig, logger: Logger): Promise<void> {
  if (config.database.createIfMissing && (await ensureDatabase(config.database.url))) {
    logger.info('database created');
  }
  const dataSource = createDataSource({ ...config, database: { ...config.database, poolSize: 1 } });
  await dataSource.initialize();
  try {
    await acquirePrepareLock(dataSource);
    try {
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      if (applied.length) logger.info({ migrations: applied.map((m) => m.name) }, 'migrations applied');
      const seeded = await seedPrograms(dataSource);
      if (seeded.length) logger.info({ programs: seeded }, 'program catalogue seeded');
      // Demo accounts exist only outside production (config leaves no demo password there).
      if (!config.isProduction && config.auth.demoPassword) {
        const demo = await seedDemoAccounts(dataSource, config.auth.demoPassword, new PiiCipher(config));
        if (demo.length) logger.info({ accounts: demo }, 'demo accounts created (not in production)');
      }
    } finally {
      await dataSource.query('SELECT pg_advisory_unlock($1)', [PREPARE_LOCK]);
    }
  } finally {
    await dataSource.destroy();
  }
}
