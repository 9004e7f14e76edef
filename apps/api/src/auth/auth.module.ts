import { Global, Module } from '@nestjs/common';
import { PiiCipher } from '../common/crypto/pii-cipher';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { TrackedCache } from '../redis/tracked-cache';
import { NotificationsModule } from '../notifications/notifications.module';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthLimits } from './auth-limits';
import { EnrolmentTokens } from './enrolment-tokens';
import { OtpChallengeStore } from './otp-challenge.store';
import { OtpSignInService } from './otp-sign-in.service';
import { OtpService } from './otp.service';
import { PasswordSignInService } from './password-sign-in.service';
import { PasswordService } from './password.service';
import { SecondFactorService } from './second-factor.service';
import { SessionIssuer } from './session-issuer.service';
import { SESSION_CACHE, SESSION_KEY_PREFIX, SessionService } from './session.service';
import { StaffLockout } from './staff-lockout';
import { TotpEnrolmentService } from './totp-enrolment.service';
import { TotpService } from './totp.service';

/** Sessions, the cipher and passwords are used across domains (admin, profile, jobs). */
@Global()
@Module({
  providers: [
    SessionService,
    PiiCipher,
    PasswordService,
    {
      provide: SESSION_CACHE,
      inject: [APP_CONFIG],
      // Opens its connections at the first look-up: the worker, which only ends sessions, never does.
      useFactory: (config: AppConfig) =>
        config.sessionCache.entries > 0
          ? new TrackedCache({
              url: config.redis.url,
              clientPrefix: `${config.redis.prefix}:`,
              prefix: SESSION_KEY_PREFIX,
              maxEntries: config.sessionCache.entries,
            })
          : null,
    },
  ],
  exports: [SessionService, PiiCipher, PasswordService],
})
export class AuthCoreModule {}

/**
 * Sign-in, split by concern: OTP codes (store + service), resident sign-in, password sign-in with
 * its lock-out, the second factor and its enrolment, and the session issuer they all end in.
 * OtpService is exported for flows that need a fresh SMS proof (the payout-details change).
 */
@Module({
  imports: [NotificationsModule],
  controllers: [AuthController],
  providers: [
    AuthLimits,
    OtpChallengeStore,
    OtpService,
    OtpSignInService,
    StaffLockout,
    TotpService,
    EnrolmentTokens,
    SecondFactorService,
    TotpEnrolmentService,
    SessionIssuer,
    PasswordSignInService,
    AuthGuard,
  ],
  exports: [AuthGuard, OtpService],
})
export class AuthModule {}
