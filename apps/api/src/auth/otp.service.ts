import { createHmac, randomInt, randomUUID, timingSafeEqual } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { ErrorCode, FieldErrorCode, validateMobile } from '@huanxin/shared';
import type { Redis } from 'ioredis';
import { Clock } from '../common/clock';
import { PiiCipher } from '../common/crypto/pii-cipher';
import { DomainError, validationFailed } from '../common/errors/domain-error';
import { hit, type RateLimitRule } from '../common/http/rate-limit';
import type { AppConfig } from '../config/config';
import { InjectConfig } from '../config/config.module';
import { SmsService } from '../notifications/sms.service';
import { InjectRedis } from '../redis/redis.module';

export const OTP_TTL_MS = 5 * 60_000;
export const OTP_MAX_ATTEMPTS = 5;
const PHONE_FAILURES_PER_HOUR = 20;

/**
 * Send limits (ASVS 6.6.3; the usual SMS gateway defaults): per phone 1 a minute, 5 an hour,
 * 10 a day, plus per client address. They fail closed: if Redis cannot count, no SMS is sent.
 * Names are listed in docs/auth-defenses.md.
 */
export const OTP_SEND_LIMITS: readonly RateLimitRule[] = [
  { name: 'otp-send-phone-minute', limit: 1, windowSeconds: 60, onStoreDown: 'closed' },
  { name: 'otp-send-phone-hour', limit: 5, windowSeconds: 3600, onStoreDown: 'closed' },
  { name: 'otp-send-phone-day', limit: 10, windowSeconds: 86_400, onStoreDown: 'closed' },
];

export interface VerifiedPhone {
  phone: string;
  phoneBidx: string;
}

/**
 * SMS one-time codes for resident sign-in: 6 digits from the CSPRNG, stored only as an HMAC bound
 * to its challenge, valid 5 minutes, single use, void after 5 wrong tries.
 */
@Injectable()
export class OtpService {
  constructor(
    @InjectRedis() private readonly redis: Redis,
    @InjectConfig() private readonly config: AppConfig,
    private readonly cipher: PiiCipher,
    private readonly sms: SmsService,
    private readonly clock: Clock,
  ) {}

  async send(rawPhone: string, ip: string): Promise<{ challengeId: string; expiresAt: string }> {
    const checked = validateMobile(rawPhone);
    if (!checked.ok) throw validationFailed({ phone: checked.errors[0] ?? FieldErrorCode.INVALID_FORMAT });
    const phone = checked.value;
    const phoneBidx = this.cipher.blindIndex(phone, 'phone');

    await hit(
      this.redis,
      {
        name: 'otp-send-ip-hour',
        limit: this.config.auth.otpIpLimitPerHour,
        windowSeconds: 3600,
        onStoreDown: 'closed',
      },
      `ip:${ip}`,
    );
    for (const rule of OTP_SEND_LIMITS) await hit(this.redis, rule, `phone:${phoneBidx}`);

    const challengeId = randomUUID();
    const code = randomInt(0, 1_000_000).toString().padStart(6, '0');
    const expiresAt = this.clock.now().getTime() + OTP_TTL_MS;
    const key = challengeKey(challengeId);
    await this.redis
      .multi()
      .hset(key, {
        phoneBidx,
        phoneEnc: this.cipher.encrypt(phone, 'otp.phone'),
        codeMac: this.mac(challengeId, code),
        purpose: 'login',
        attempts: 0,
        expiresAt,
      })
      .pexpire(key, OTP_TTL_MS + 60_000)
      .exec();

    try {
      await this.sms.send({
        phone,
        code,
        text: `【章丘换新】您的登录验证码为${code}，5分钟内有效，请勿告诉他人。`,
      });
    } catch {
      await this.redis.del(key);
      throw new DomainError(
        ErrorCode.SMS_UNAVAILABLE,
        'The SMS service is unavailable, please retry shortly',
        { headers: { 'retry-after': '30' } },
      );
    }
    return { challengeId, expiresAt: new Date(expiresAt).toISOString() };
  }

  /** Checks a code; on success the challenge is consumed (a replay fails). */
  async verify(challengeId: string, code: string, purpose = 'login'): Promise<VerifiedPhone> {
    const key = challengeKey(challengeId);
    if (await this.redis.exists(deadKey(challengeId))) {
      throw new DomainError(ErrorCode.OTP_TOO_MANY_ATTEMPTS, 'Too many wrong codes: request a new one', {
        headers: { 'retry-after': '60' },
      });
    }
    const challenge = await this.redis.hgetall(key);
    if (!challenge.codeMac || challenge.purpose !== purpose) throw invalid();
    if (this.clock.now().getTime() > Number(challenge.expiresAt)) {
      await this.redis.del(key);
      throw new DomainError(ErrorCode.OTP_EXPIRED, 'The code has expired: request a new one');
    }
    const failuresKey = `otp-fail:${challenge.phoneBidx}`;
    if (Number(await this.redis.get(failuresKey)) >= PHONE_FAILURES_PER_HOUR) {
      throw new DomainError(
        ErrorCode.OTP_TOO_MANY_ATTEMPTS,
        'Too many wrong codes for this phone: try again later',
        { headers: { 'retry-after': '3600' } },
      );
    }

    const expected = Buffer.from(challenge.codeMac, 'base64url');
    const given = Buffer.from(this.mac(challengeId, /^\d{6}$/.test(code) ? code : 'x'), 'base64url');
    if (!timingSafeEqual(expected, given)) {
      const [[, attempts]] = (await this.redis
        .multi()
        .hincrby(key, 'attempts', 1)
        .incr(failuresKey)
        .expire(failuresKey, 3600, 'NX')
        .exec()) as [[Error | null, number], ...unknown[]];
      if (attempts >= OTP_MAX_ATTEMPTS) {
        await this.redis.multi().del(key).set(deadKey(challengeId), '1', 'PX', OTP_TTL_MS).exec();
      }
      throw invalid();
    }
    // Single use, also under concurrency: only the caller whose DEL removed the key proceeds.
    if ((await this.redis.del(key)) !== 1) throw invalid();
    return { phone: this.cipher.decrypt(challenge.phoneEnc!, 'otp.phone'), phoneBidx: challenge.phoneBidx! };
  }

  private mac(challengeId: string, code: string): string {
    return createHmac('sha256', this.config.secrets.appSecret)
      .update(`otp:${challengeId}:${code}`)
      .digest('base64url');
  }
}

function invalid(): DomainError {
  return new DomainError(ErrorCode.OTP_INVALID, 'The code is wrong or no longer valid');
}

function challengeKey(challengeId: string): string {
  return `otp:${challengeId}`;
}

function deadKey(challengeId: string): string {
  return `otp-dead:${challengeId}`;
}
