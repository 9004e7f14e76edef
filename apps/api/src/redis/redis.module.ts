import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
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
export class RedisModule implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  async onApplicationShutdown(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
