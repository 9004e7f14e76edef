import { once } from 'node:events';
import {
  Global,
  Inject,
  Logger,
  Module,
  type OnApplicationShutdown,
  type OnModuleInit,
} from '@nestjs/common';
import { Redis } from 'ioredis';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';

export const REDIS = Symbol('REDIS');
export const InjectRedis = (): ParameterDecorator => Inject(REDIS);

/** A client for application keys (limits, sessions): every key is under `<REDIS_PREFIX>:`. */
export function createRedis(config: AppConfig): Redis {
  return new Redis(config.redis.url, {
    keyPrefix: `${config.redis.prefix}:`,
    maxRetriesPerRequest: 1,
    // Fail fast instead of queueing commands while disconnected: limits must fail closed.
    enableOfflineQueue: false,
    connectTimeout: 5000,
  });
}

@Global()
@Module({
  providers: [{ provide: REDIS, useFactory: createRedis, inject: [APP_CONFIG] }],
  exports: [REDIS],
})
export class RedisModule implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(RedisModule.name);

  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  /**
   * The client refuses commands while disconnected (so limits fail closed); wait for the first
   * connection before serving, or the first requests after a start would fail. A Redis that is
   * down does not block the start for more than 5 s: health reports it.
   */
  async onModuleInit(): Promise<void> {
    if (this.redis.status === 'ready') return;
    const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 5000).unref());
    const result = await Promise.race([
      once(this.redis, 'ready').then(() => 'ready' as const),
      timeout,
    ]).catch(() => 'error' as const);
    if (result !== 'ready') this.logger.warn('Redis not ready at start; commands fail until it is');
  }

  async onApplicationShutdown(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
