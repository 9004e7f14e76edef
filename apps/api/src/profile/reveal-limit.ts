import { Injectable } from '@nestjs/common';
import { ErrorCode } from '@huanxin/shared';
import type { Redis } from 'ioredis';
import { Clock } from '../common/clock';
import { DomainError } from '../common/errors/domain-error';
import { hit } from '../common/http/rate-limit';
import type { AppConfig } from '../config/config';
import { InjectConfig } from '../config/config.module';
import { InjectRedis } from '../redis/redis.module';

const DAY_SECONDS = 86_400;
/** Asia/Shanghai has no daylight saving: midnight there is 16:00 UTC. */
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/**
 * Counts a reviewer's reveals per calendar day (Asia/Shanghai) in Redis and refuses the one past
 * REVEAL_LIMIT_PER_DAY. Fails closed: without Redis no count, so no reveal (503).
 */
@Injectable()
export class RevealLimiter {
  constructor(
    @InjectRedis() private readonly redis: Redis,
    @InjectConfig() private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  /** Counts one reveal; throws REVEAL_LIMIT_EXCEEDED (429, Retry-After = until midnight) when over. */
  async consume(userId: string): Promise<void> {
    const rule = {
      name: 'reveals-day',
      limit: this.config.reveal.limitPerDay,
      windowSeconds: DAY_SECONDS,
      onStoreDown: 'closed' as const,
    };
    try {
      await hit(this.redis, rule, `user:${userId}:${this.clock.today()}`);
    } catch (error) {
      if (!(error instanceof DomainError) || error.code !== ErrorCode.RATE_LIMITED) throw error;
      throw new DomainError(ErrorCode.REVEAL_LIMIT_EXCEEDED, 'Daily limit of personal-data reveals reached', {
        headers: { 'retry-after': String(this.secondsUntilMidnight()) },
      });
    }
  }

  private secondsUntilMidnight(): number {
    const local = this.clock.now().getTime() + SHANGHAI_OFFSET_MS;
    const next = (Math.floor(local / (DAY_SECONDS * 1000)) + 1) * DAY_SECONDS * 1000;
    return Math.max(1, Math.ceil((next - local) / 1000));
  }
}
