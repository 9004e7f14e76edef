import { Injectable } from '@nestjs/common';
import { RateLimiter } from '../common/http/rate-limit';
import type { AppConfig } from '../config/config';
import { InjectConfig } from '../config/config.module';

/**
 * The per-address limits of the public sign-in routes, in one place (names in docs/auth-defenses.md).
 * They fail closed. Refusals are audited by the RateLimiter, summed per limiter and address.
 */
@Injectable()
export class AuthLimits {
  constructor(
    private readonly limiter: RateLimiter,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  /** `POST /api/auth/login`. */
  login(ip: string): Promise<void> {
    return this.limiter.hit(
      {
        name: 'login-ip-hour',
        limit: this.config.auth.authIpLimitPerHour,
        windowSeconds: 3600,
        onStoreDown: 'closed',
      },
      `ip:${ip}`,
    );
  }

  /** `POST /api/auth/otp/verify` and the payout-change code: as many as password sign-ins. */
  otpVerify(ip: string): Promise<void> {
    return this.limiter.hit(
      {
        name: 'otp-verify-ip-hour',
        limit: this.config.auth.authIpLimitPerHour,
        windowSeconds: 3600,
        onStoreDown: 'closed',
      },
      `ip:${ip}`,
    );
  }

  /** Sending a code, per address (the per-phone limits are OTP_SEND_LIMITS). */
  otpSend(ip: string): Promise<void> {
    return this.limiter.hit(
      {
        name: 'otp-send-ip-hour',
        limit: this.config.auth.otpIpLimitPerHour,
        windowSeconds: 3600,
        onStoreDown: 'closed',
      },
      `ip:${ip}`,
    );
  }

  hit: RateLimiter['hit'] = (rule, key) => this.limiter.hit(rule, key);
}
