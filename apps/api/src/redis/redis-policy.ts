import { Redis } from 'ioredis';
import type { AppConfig } from '../config/config';
import type { Logger } from '../common/logging/logger';

/**
 * BullMQ needs `maxmemory-policy noeviction` (an evicted job key is a lost job). Production refuses
 * to start otherwise; elsewhere it is a warning. A Redis that forbids CONFIG is trusted as is.
 */
export async function checkRedisForQueues(config: AppConfig, logger: Logger): Promise<void> {
  const redis = new Redis(config.redis.url, {
    maxRetriesPerRequest: 1,
    lazyConnect: true,
    connectTimeout: 5000,
  });
  try {
    await redis.connect();
    const reply = (await redis.config('GET', 'maxmemory-policy').catch(() => null)) as string[] | null;
    const policy = reply?.[1];
    if (policy && policy !== 'noeviction') {
      const message = `Redis maxmemory-policy is ${policy}; queues need noeviction`;
      if (config.isProduction) throw new Error(message);
      logger.warn(message);
    }
  } catch (error) {
    if (config.isProduction) throw error;
    logger.warn({ err: error }, 'Redis not reachable at start; queue features wait for it');
  } finally {
    redis.disconnect();
  }
}
