import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { ErrorCode, isStaffRole, maskPhone, type Role } from '@huanxin/shared';
import type { Redis } from 'ioredis';
import { AuditService } from '../audit/audit.service';
import { Clock } from '../common/clock';
import { PiiCipher } from '../common/crypto/pii-cipher';
import { DomainError } from '../common/errors/domain-error';
import { maskText } from '../common/logging/redact';
import { hit } from '../common/http/rate-limit';
import type { AuthUser } from '../common/http/request-context';
import type { AppConfig } from '../config/config';
import { InjectConfig } from '../config/config.module';
import { InjectRedis } from '../redis/redis.module';
import type { UserEntity } from '../users/user.entity';
import { UsersRepository } from '../users/users.repository';
import { OtpService } from './otp.service';
import { PasswordService } from './password.service';
import { SessionService } from './session.service';
import { TotpService } from './totp.service';

export const LOCK_AFTER_FAILURES = 5;
export const LOCK_MINUTES = 30;
const ENROLMENT_TTL_SECONDS = 10 * 60;

export interface PublicUser {
  id: string;
  role: Role;
  displayName: string;
  phoneMasked?: string;
  organizationId?: string;
}

export interface SignedIn {
  user: PublicUser;
  sessionId: string;
}

/** Sign-in for residents (SMS code) and for staff and dealers (password, then TOTP where required). */
@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersRepository,
    private readonly sessions: SessionService,
    private readonly otp: OtpService,
    private readonly passwords: PasswordService,
    private readonly totp: TotpService,
    private readonly cipher: PiiCipher,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    @InjectRedis() private readonly redis: Redis,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  async residentSignIn(
    challengeId: string,
    code: string,
    previousSessionId: string | undefined,
  ): Promise<SignedIn> {
    let verified;
    try {
      verified = await this.otp.verify(challengeId, code);
    } catch (error) {
      await this.audit.record({
        action: 'auth.login',
        result: 'failure',
        actor: null,
        detail: { method: 'otp', reason: (error as DomainError).code },
      });
      throw error;
    }
    const user = await this.users.findOrCreateResident(
      verified.phoneBidx,
      this.cipher.encrypt(verified.phone, 'user.phone'),
      maskPhone(verified.phone),
    );
    if (user.disabledAt) {
      await this.audit.record({
        action: 'auth.login',
        result: 'failure',
        actor: { id: user.id, role: user.role },
        detail: { method: 'otp', reason: 'disabled' },
      });
      throw new DomainError(ErrorCode.INVALID_CREDENTIALS, 'This account is disabled');
    }
    await this.users.recordLoginSuccess(user.id, this.clock.now());
    return this.startSession(user, previousSessionId, 'otp');
  }

  async staffSignIn(
    input: { username: string; password: string; totp?: string },
    ip: string,
    previousSessionId: string | undefined,
  ): Promise<SignedIn | { enrolmentToken: string }> {
    await hit(
      this.redis,
      {
        name: 'login-ip-hour',
        limit: this.config.auth.authIpLimitPerHour,
        windowSeconds: 3600,
        onStoreDown: 'closed',
      },
      `ip:${ip}`,
    );
    const username = input.username.trim().toLowerCase();
    const user = await this.users.findByUsername(username);
    const fail = async (
      reason: string,
      code: ErrorCode = ErrorCode.INVALID_CREDENTIALS,
      message = 'Wrong username or password',
    ) => {
      await this.audit.record({
        action: 'auth.login',
        result: 'failure',
        actor: user ? { id: user.id, role: user.role } : null,
        objectType: 'user',
        objectId: user?.id,
        // An unknown username is kept to spot guessing, masked: residents type their phone number here.
        detail: {
          method: 'password',
          reason,
          ...(user ? {} : { username: maskText(username.slice(0, 64)) }),
        },
      });
      return new DomainError(code, message);
    };

    if (!user || user.role === 'resident') {
      await this.passwords.verify(null, input.password);
      throw await fail('unknown_user');
    }
    const now = this.clock.now();
    if (user.lockedUntil && user.lockedUntil > now) {
      throw await fail(
        'locked',
        ErrorCode.ACCOUNT_LOCKED,
        'Too many failed sign-ins: the account is locked for 30 minutes',
      );
    }
    if (!(await this.passwords.verify(user.passwordHash, input.password))) {
      const { locked } = await this.users.recordLoginFailure(
        user.id,
        LOCK_AFTER_FAILURES,
        new Date(now.getTime() + LOCK_MINUTES * 60_000),
      );
      throw await fail(locked ? 'wrong_password_locked' : 'wrong_password');
    }
    if (user.disabledAt) throw await fail('disabled');

    let totpStep: number | undefined;
    if (this.mfaRequired(user.role)) {
      if (!user.totpSecretEnc) {
        const enrolmentToken = randomBytes(32).toString('base64url');
        await this.redis.set(
          `mfa-enrol:${enrolmentToken}`,
          JSON.stringify({ userId: user.id }),
          'EX',
          ENROLMENT_TTL_SECONDS,
        );
        await this.audit.record({
          action: 'auth.login',
          result: 'failure',
          actor: { id: user.id, role: user.role },
          detail: { method: 'password', reason: 'mfa_enrolment_required' },
        });
        return { enrolmentToken };
      }
      if (!input.totp)
        throw await fail('mfa_missing', ErrorCode.MFA_REQUIRED, 'Enter the code from your authenticator app');
      const step = this.totp.check(this.cipher.decrypt(user.totpSecretEnc, 'user.totp'), input.totp);
      if (step === null || !(await this.users.claimTotpStep(user.id, step))) {
        await this.users.recordLoginFailure(
          user.id,
          LOCK_AFTER_FAILURES,
          new Date(now.getTime() + LOCK_MINUTES * 60_000),
        );
        throw await fail('mfa_invalid', ErrorCode.MFA_INVALID, 'The authenticator code is wrong');
      }
      totpStep = step;
    }
    await this.users.recordLoginSuccess(user.id, now, totpStep);
    return this.startSession(user, previousSessionId, totpStep === undefined ? 'password' : 'password+totp');
  }

  /** Step 1 of TOTP enrolment (after a correct password): a new secret and its QR code. */
  async beginTotpEnrolment(
    enrolmentToken: string,
  ): Promise<{ secret: string; otpauthUrl: string; qrDataUrl: string }> {
    const { user, key } = await this.enrolmentUser(enrolmentToken);
    const secret = this.totp.newSecret();
    await this.redis.set(
      key,
      JSON.stringify({ userId: user.id, secretEnc: this.cipher.encrypt(secret, 'user.totp') }),
      'KEEPTTL',
    );
    return this.totp.enrolment(secret, user.username ?? user.id);
  }

  /** Step 2: the first code proves the app holds the secret; the account is then enrolled and signed in. */
  async confirmTotpEnrolment(
    enrolmentToken: string,
    token: string,
    previousSessionId: string | undefined,
  ): Promise<SignedIn> {
    const { user, key, secretEnc } = await this.enrolmentUser(enrolmentToken);
    if (!secretEnc) throw new DomainError(ErrorCode.MFA_ENROLMENT_EXPIRED, 'Start the enrolment again');
    const step = this.totp.check(this.cipher.decrypt(secretEnc, 'user.totp'), token);
    if (step === null) throw new DomainError(ErrorCode.MFA_INVALID, 'The authenticator code is wrong');
    await this.redis.del(key);
    await this.users.setTotpSecret(user.id, secretEnc, step);
    await this.users.recordLoginSuccess(user.id, this.clock.now(), step);
    await this.audit.record({
      action: 'auth.mfa.enrolled',
      result: 'success',
      actor: { id: user.id, role: user.role },
      objectType: 'user',
      objectId: user.id,
    });
    return this.startSession(user, previousSessionId, 'password+totp');
  }

  async signOut(user: AuthUser): Promise<void> {
    await this.sessions.destroy(user.sessionId);
    await this.audit.record({ action: 'auth.logout', result: 'success' });
  }

  async publicUser(user: {
    id: string;
    role: Role;
    displayName: string;
    organizationId: string | null;
  }): Promise<PublicUser> {
    const base: PublicUser = { id: user.id, role: user.role, displayName: user.displayName };
    if (user.organizationId) base.organizationId = user.organizationId;
    if (user.role === 'resident') {
      const entity = await this.users.findById(user.id);
      if (entity?.phoneEnc) base.phoneMasked = maskPhone(this.cipher.decrypt(entity.phoneEnc, 'user.phone'));
    }
    return base;
  }

  private mfaRequired(role: Role): boolean {
    return this.config.auth.staffMfa === 'totp' && isStaffRole(role);
  }

  private async enrolmentUser(
    enrolmentToken: string,
  ): Promise<{ user: UserEntity; key: string; secretEnc?: string }> {
    const key = `mfa-enrol:${enrolmentToken}`;
    const raw = /^[A-Za-z0-9_-]{43}$/.test(enrolmentToken) ? await this.redis.get(key) : null;
    if (!raw)
      throw new DomainError(ErrorCode.MFA_ENROLMENT_EXPIRED, 'The enrolment has expired: sign in again');
    const pending = JSON.parse(raw) as { userId: string; secretEnc?: string };
    const user = await this.users.findById(pending.userId);
    if (!user || user.disabledAt)
      throw new DomainError(ErrorCode.MFA_ENROLMENT_EXPIRED, 'The enrolment has expired: sign in again');
    return { user, key, secretEnc: pending.secretEnc };
  }

  /** A new session id at every sign-in (no fixation); the previous session, if any, ends. */
  private async startSession(
    user: UserEntity,
    previousSessionId: string | undefined,
    method: string,
  ): Promise<SignedIn> {
    if (previousSessionId) await this.sessions.destroy(previousSessionId);
    const sessionUser = {
      id: user.id,
      role: user.role,
      displayName: user.displayName,
      organizationId: user.organizationId,
    };
    const sessionId = await this.sessions.create(sessionUser);
    await this.audit.record({
      action: 'auth.login',
      result: 'success',
      actor: { id: user.id, role: user.role },
      objectType: 'user',
      objectId: user.id,
      detail: { method },
    });
    return { user: await this.publicUser(sessionUser), sessionId };
  }
}
