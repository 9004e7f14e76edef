"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.dataSourceOptions = dataSourceOptions;
exports.createDataSource = createDataSource;
const typeorm_1 = require("typeorm");
const entities_1 = require("./entities");
const migrations_1 = require("./migrations");
function dataSourceOptions(config) {
    return {
        type: 'postgres',
        url: config.database.url,
        entities: entities_1.ENTITIES,
        migrations: migrations_1.MIGRATIONS,
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
        },
    };
}
function createDataSource(config) {
    return new typeorm_1.DataSource(dataSourceOptions(config));
}
//# sourceMappingURL=data-source.js.map