import { type CanActivate, type ExecutionContext, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ErrorCode } from '@huanxin/shared';
import type { FastifyRequest } from 'fastify';
import type { Redis } from 'ioredis';
import { DomainError } from '../errors/domain-error';
import { InjectRedis } from '../../redis/redis.module';

export interface RateLimitRule {
  /** Stable name, used in the Redis key and in docs/auth-defenses.md. */
  name: string;
  limit: number;
  windowSeconds: number;
  /** When Redis cannot be reached: refuse (`closed`, for anything abuse-prone) or allow (`open`). */
  onStoreDown: 'open' | 'closed';
}

const RATE_LIMIT = Symbol('RATE_LIMIT');

/** Limits a route per client address with a fixed window in Redis. */
export const RateLimit = (rule: RateLimitRule): MethodDecorator & ClassDecorator =>
  SetMetadata(RATE_LIMIT, rule);

/**
 * Counts one hit against `key` in a fixed window; throws 429 with Retry-After when over the limit.
 * Shared by the guard and by services that limit on a business key (a phone number, an account).
 */
export async function hit(redis: Redis, rule: RateLimitRule, key: string): Promise<void> {
  const redisKey = `rl:${rule.name}:${key}`;
  let count: number;
  let ttl: number;
  try {
    const result = await redis
      .multi()
      .incr(redisKey)
      .expire(redisKey, rule.windowSeconds, 'NX')
      .ttl(redisKey)
      .exec();
    count = Number(result?.[0]?.[1]);
    ttl = Number(result?.[2]?.[1]);
  } catch {
    if (rule.onStoreDown === 'open') return;
    throw new DomainError(ErrorCode.SERVICE_UNAVAILABLE, 'Temporarily unavailable, please retry shortly', {
      headers: { 'retry-after': '30' },
    });
  }
  if (count > rule.limit) {
    const retryAfter = String(Math.max(1, ttl));
    throw new DomainError(ErrorCode.RATE_LIMITED, 'Too many requests, please retry later', {
      headers: { 'retry-after': retryAfter },
    });
  }
}

@Injectable()
export class RateLimitGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @InjectRedis() private readonly redis: Redis,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const rule = this.reflector.getAllAndOverride<RateLimitRule | undefined>(RATE_LIMIT, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!rule) return true;
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    await hit(this.redis, rule, `ip:${request.ip}`);
    return true;
  }
}
