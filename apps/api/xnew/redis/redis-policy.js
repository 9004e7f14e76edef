"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.checkRedisForQueues = checkRedisForQueues;
const ioredis_1 = require("ioredis");
/**
 * BullMQ needs `maxmemory-policy noeviction` (an evicted job key is a lost job). Production refuses
 * to start otherwise; elsewhere it is a warning. A Redis that forbids CONFIG is trusted as is.
 */
async function checkRedisForQueues(config, logger) {
    const redis = new ioredis_1.Redis(config.redis.url, {
        maxRetriesPerRequest: 1,
        lazyConnect: true,
        connectTimeout: 5000,
    });
    try {
        await redis.connect();
        const reply = (await redis.config('GET', 'maxmemory-policy').catch(() => null));
        const policy = reply?.[1];
        if (policy && policy !== 'noeviction') {
            const message = `Redis maxmemory-policy is ${policy}; queues need noeviction`;
            if (config.isProduction)
                throw new Error(message);
            logger.warn(message);
        }
    }
    catch (error) {
        if (config.isProduction)
            throw error;
        logger.warn({ err: error }, 'Redis not reachable at start; queue features wait for it');
    }
    finally {
        redis.disconnect();
    }
}
//# sourceMappingURL=redis-policy.js.map