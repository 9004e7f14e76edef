import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { ErrorCode } from '@huanxin/shared';
import type { FastifyRequest } from 'fastify';
import { Clock } from '../common/clock';
import { DomainError } from '../common/errors/domain-error';
import { LocalRateLimit } from '../common/http/local-rate-limit';
import type { AppConfig } from '../config/config';
import { InjectConfig } from '../config/config.module';

/**
 * The public program pages (list, detail) per client address: PUBLIC_READ_IP_LIMIT_PER_MINUTE,
 * sized for carrier NAT (thousands of residents behind one address at launch, each loading the
 * list a few times), counted in this process's memory (LocalRateLimit: no Redis round trip for a
 * read answered from memory; with N replicas an address gets up to N× the limit).
 */
@Injectable()
export class PublicReadLimitGuard implements CanActivate {
  private readonly limit: LocalRateLimit;

  constructor(
    private readonly clock: Clock,
    @InjectConfig() config: AppConfig,
  ) {
    this.limit = new LocalRateLimit(config.publicReads.readIpLimitPerMinute, 60_000);
  }

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const retryAfter = this.limit.hit(request.ip, this.clock.now().getTime());
    if (retryAfter !== null) {
      throw new DomainError(ErrorCode.RATE_LIMITED, 'Too many requests, please retry later', {
        headers: { 'retry-after': String(retryAfter) },
      });
    }
    return true;
  }
}
