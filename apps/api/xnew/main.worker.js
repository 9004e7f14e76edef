"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
require("reflect-metadata");
const core_1 = require("@nestjs/core");
const logger_1 = require("./common/logging/logger");
const nest_logger_1 = require("./common/logging/nest-logger");
const config_1 = require("./config/config");
const prepare_1 = require("./database/prepare");
const redis_policy_1 = require("./redis/redis-policy");
const worker_module_1 = require("./worker.module");
/** Queue-worker entry: same modules as the API, processors and the outbox relay on, no HTTP. */
async function bootstrap() {
    const loaded = (0, config_1.loadConfig)();
    // The worker's own pool size (WORKER_DATABASE_POOL_SIZE); the API keeps DATABASE_POOL_SIZE.
    const config = { ...loaded, database: { ...loaded.database, poolSize: loaded.worker.databasePoolSize } };
    const logger = (0, logger_1.createLogger)({ level: config.log.level, name: 'huanxin-worker' });
    await (0, prepare_1.prepareDatabase)(config, logger);
    await (0, redis_policy_1.checkRedisForQueues)(config, logger);
    const app = await core_1.NestFactory.createApplicationContext(worker_module_1.WorkerModule.forRoot(config), {
        logger: new nest_logger_1.PinoNestLogger(logger.child({ component: 'nest' })),
    });
    app.enableShutdownHooks();
    await app.init();
    logger.info({ env: config.env }, 'Huanxin worker running');
}
bootstrap().catch((error) => {
    if (error instanceof config_1.ConfigError)
        console.error(error.message);
    else
        console.error('Huanxin worker failed to start:', error);
    process.exit(1);
});
//# sourceMappingURL=main.worker.js.map