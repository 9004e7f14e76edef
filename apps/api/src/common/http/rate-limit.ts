import { type CanActivate, type ExecutionContext, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ErrorCode } from '@huanxin/shared';
import type { FastifyRequest } from 'fastify';
import type { Redis } from 'ioredis';
import { SecurityAuditService } from '../../audit/security-audit.service';
import { DomainError } from '../errors/domain-error';
import { incrWindow } from '../../redis/counters';
import { InjectRedis } from '../../redis/redis.module';

export interface RateLimitRule {
  /** Stable name, used in the Redis key and in docs/auth-defenses.md. */
  name: string;
  limit: number;
  windowSeconds: number;
  /** When Redis cannot be reached: refuse (`closed`, for anything abuse-prone) or allow (`open`). */
  onStoreDown: 'open' | 'closed';
}

/** Called once per refused hit (e.g. to audit it, aggregated). */
export type OnRefused = (rule: RateLimitRule, key: string) => Promise<void>;

const RATE_LIMIT = Symbol('RATE_LIMIT');

/** Limits a route per client address with a fixed window in Redis. */
export const RateLimit = (rule: RateLimitRule): MethodDecorator & ClassDecorator =>
  SetMetadata(RATE_LIMIT, rule);

/**
 * Counts one hit against `key` in a fixed window; throws 429 with Retry-After when over the limit.
 * Shared by the guard and by services that limit on a business key (a phone number, an account).
 * The count and its TTL are set by one Lua script (`incrWindow`), so no counter outlives its window.
 */
export async function hit(
  redis: Redis,
  rule: RateLimitRule,
  key: string,
  onRefused?: OnRefused,
): Promise<void> {
  let counted;
  try {
    counted = await incrWindow(redis, `rl:${rule.name}:${key}`, rule.windowSeconds);
  } catch {
    if (rule.onStoreDown === 'open') return;
    throw new DomainError(ErrorCode.SERVICE_UNAVAILABLE, 'Temporarily unavailable, please retry shortly', {
      headers: { 'retry-after': '30' },
    });
  }
  if (counted.count > rule.limit) {
    if (onRefused) await onRefused(rule, key).catch(() => undefined);
    throw new DomainError(ErrorCode.RATE_LIMITED, 'Too many requests, please retry later', {
      headers: { 'retry-after': String(Math.max(1, counted.ttl)) },
    });
  }
}

/**
 * `hit` with refusals audited as `rate_limit.refused`, summed per limiter and key (the first refusal
 * of a window and then the 10th, 100th…: see SecurityAuditService), so a flood stays a few rows.
 */
@Injectable()
export class RateLimiter {
  constructor(
    @InjectRedis() private readonly redis: Redis,
    private readonly securityAudit: SecurityAuditService,
  ) {}

  hit(rule: RateLimitRule, key: string): Promise<void> {
    return hit(this.redis, rule, key, (refused, refusedKey) =>
      this.securityAudit.recordRepeated(
        {
          action: 'rate_limit.refused',
          result: 'denied',
          // Keys are an address, a user id or a phone's keyed hash: never a phone number.
          detail: { limiter: refused.name, key: refusedKey },
        },
        `rl:${refused.name}:${refusedKey}`,
        refused.windowSeconds,
      ),
    );
  }
}

@Injectable()
export class RateLimitGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly limiter: RateLimiter,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const rule = this.reflector.getAllAndOverride<RateLimitRule | undefined>(RATE_LIMIT, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!rule) return true;
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    await this.limiter.hit(rule, `ip:${request.ip}`);
    return true;
  }
}
