"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.prepareDatabase = prepareDatabase;
const pii_cipher_1 = require("../common/crypto/pii-cipher");
const data_source_1 = require("./data-source");
const ensure_database_1 = require("./ensure-database");
const demo_accounts_seed_1 = require("./seeds/demo-accounts.seed");
const programs_seed_1 = require("./seeds/programs.seed");
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
async function acquirePrepareLock(dataSource) {
    for (;;) {
        const [{ locked }] = (await dataSource.query('SELECT pg_try_advisory_lock($1) AS locked', [
            PREPARE_LOCK,
        ]));
        if (locked)
            return;
        await new Promise((resolve) => setTimeout(resolve, LOCK_POLL_MS));
    }
}
/**
 * Everything the database needs before the app serves: created if missing (outside production),
 * migrations applied, the program catalogue seeded, and outside production the demo accounts. Safe to run from several processes at once.
 */
async function prepareDatabase(config, logger) {
    if (config.database.createIfMissing && (await (0, ensure_database_1.ensureDatabase)(config.database.url))) {
        logger.info('database created');
    }
    const dataSource = (0, data_source_1.createDataSource)({ ...config, database: { ...config.database, poolSize: 1 } });
    await dataSource.initialize();
    try {
        await acquirePrepareLock(dataSource);
        try {
            const applied = await dataSource.runMigrations({ transaction: 'each' });
            if (applied.length)
                logger.info({ migrations: applied.map((m) => m.name) }, 'migrations applied');
            const seeded = await (0, programs_seed_1.seedPrograms)(dataSource);
            if (seeded.length)
                logger.info({ programs: seeded }, 'program catalogue seeded');
            // Demo accounts exist only outside production (config leaves no demo password there).
            if (!config.isProduction && config.auth.demoPassword) {
                const demo = await (0, demo_accounts_seed_1.seedDemoAccounts)(dataSource, config.auth.demoPassword, new pii_cipher_1.PiiCipher(config));
                if (demo.length)
                    logger.info({ accounts: demo }, 'demo accounts created (not in production)');
            }
        }
        finally {
            await dataSource.query('SELECT pg_advisory_unlock($1)', [PREPARE_LOCK]);
        }
    }
    finally {
        await dataSource.destroy();
    }
}
//# sourceMappingURL=prepare.js.map