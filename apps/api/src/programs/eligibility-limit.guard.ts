import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { RateLimiter } from '../common/http/rate-limit';
import type { AppConfig } from '../config/config';
import { InjectConfig } from '../config/config.module';

/**
 * `POST /api/programs/:code/eligibility` is public and costs an evaluation (and, signed in, the
 * claim history). A signed-in caller is limited per user; an anonymous one per address, but with a
 * budget sized for carrier NAT (thousands of residents behind one address at launch), not for one
 * person (names in docs/auth-defenses.md). Both fail open: the route changes nothing.
 */
@Injectable()
export class EligibilityLimitGuard implements CanActivate {
  constructor(
    private readonly limiter: RateLimiter,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    // The global AuthGuard ran first and resolved the session, if there was one.
    if (request.user) {
      await this.limiter.hit(
        { name: 'eligibility', limit: 60, windowSeconds: 60, onStoreDown: 'open' },
        `user:${request.user.id}`,
      );
    } else {
      await this.limiter.hit(
        {
          name: 'eligibility-anonymous',
          limit: this.config.publicReads.eligibilityIpLimitPerMinute,
          windowSeconds: 60,
          onStoreDown: 'open',
        },
        `ip:${request.ip}`,
      );
    }
    return true;
  }
}
