"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
require("reflect-metadata");
const app_factory_1 = require("./app.factory");
const logger_1 = require("./common/logging/logger");
const config_1 = require("./config/config");
const prepare_1 = require("./database/prepare");
const redis_policy_1 = require("./redis/redis-policy");
/** HTTP entry: validate config, prepare the database, check Redis, serve. */
async function bootstrap() {
    const config = (0, config_1.loadConfig)();
    const logger = (0, logger_1.createLogger)({ level: config.log.level, name: 'huanxin-api' });
    await (0, prepare_1.prepareDatabase)(config, logger);
    await (0, redis_policy_1.checkRedisForQueues)(config, logger);
    const app = await (0, app_factory_1.createHttpApp)(config, logger);
    await app.listen({ port: config.http.port, host: '0.0.0.0' });
    logger.info({ port: config.http.port, env: config.env }, 'Huanxin API listening');
}
bootstrap().catch((error) => {
    if (error instanceof config_1.ConfigError)
        console.error(error.message);
    else
        console.error('Huanxin API failed to start:', error);
    process.exit(1);
});
//# sourceMappingURL=main.js.map