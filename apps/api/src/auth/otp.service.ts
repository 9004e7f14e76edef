import { Injectable } from '@nestjs/common';
import { ErrorCode, FieldErrorCode, type OtpChallenge, validateMobile } from '@huanxin/shared';
import { SecurityAuditService } from '../audit/security-audit.service';
import { PiiCipher } from '../common/crypto/pii-cipher';
import { DomainError, validationFailed } from '../common/errors/domain-error';
import type { RateLimitRule } from '../common/http/rate-limit';
import { requestContext } from '../common/http/request-context';
import { SmsService } from '../notifications/sms.service';
import { AuthLimits } from './auth-limits';
import { OtpChallengeStore, type OtpPurpose } from './otp-challenge.store';

export { OTP_MAX_ATTEMPTS, OTP_TTL_MS, type OtpPurpose } from './otp-challenge.store';

/**
 * Send limits (ASVS 6.6.3; the usual SMS gateway defaults): per phone 1 a minute, 5 an hour,
 * 10 a day, plus per client address. They fail closed: if Redis cannot count, no SMS is sent.
 * They count every purpose together (a phone's SMS budget is one). Names are listed in
 * docs/auth-defenses.md.
 */
export const OTP_SEND_LIMITS: readonly RateLimitRule[] = [
  { name: 'otp-send-phone-minute', limit: 1, windowSeconds: 60, onStoreDown: 'closed' },
  { name: 'otp-send-phone-hour', limit: 5, windowSeconds: 3600, onStoreDown: 'closed' },
  { name: 'otp-send-phone-day', limit: 10, windowSeconds: 86_400, onStoreDown: 'closed' },
];

/** Wrong codes are audited summed per phone (keyed hash) in this window. */
const FAILURE_AUDIT_WINDOW_SECONDS = 3600;

const TEXTS: Record<OtpPurpose, (code: string) => string> = {
  login: (code) => `【章丘换新】您的登录验证码为${code}，5分钟内有效，请勿告诉他人。`,
  'payout-change': (code) =>
    `【章丘换新】您正在修改收款账户或身份信息，验证码为${code}，5分钟内有效。如非本人操作，请勿提供并联系区商务服务中心。`,
};

export interface VerifiedPhone {
  phone: string;
  phoneBidx: string;
}

/**
 * SMS one-time codes: 6 digits from the CSPRNG, stored only as an HMAC bound to its challenge and
 * purpose, valid 5 minutes, single use, void after 5 wrong tries; 20 wrong codes an hour block a
 * phone (OtpChallengeStore decides all of it atomically). Sends are audited; failures are audited
 * with the phone's keyed hash (blind index), summed per phone and hour.
 */
@Injectable()
export class OtpService {
  constructor(
    private readonly store: OtpChallengeStore,
    private readonly cipher: PiiCipher,
    private readonly sms: SmsService,
    private readonly limits: AuthLimits,
    private readonly securityAudit: SecurityAuditService,
  ) {}

  async send(rawPhone: string, ip: string, purpose: OtpPurpose = 'login'): Promise<OtpChallenge> {
    const checked = validateMobile(rawPhone);
    if (!checked.ok) throw validationFailed({ phone: checked.errors[0] ?? FieldErrorCode.INVALID_FORMAT });
    const phone = checked.value;
    const phoneBidx = this.cipher.blindIndex(phone, 'phone');

    await this.limits.otpSend(ip);
    for (const rule of OTP_SEND_LIMITS) await this.limits.hit(rule, `phone:${phoneBidx}`);

    const { challengeId, code, expiresAt } = await this.store.create(
      phoneBidx,
      this.cipher.encrypt(phone, 'otp.phone'),
      purpose,
    );
    try {
      await this.sms.send({ phone, code, text: TEXTS[purpose](code) });
    } catch {
      await this.store.discard(challengeId);
      throw new DomainError(
        ErrorCode.SMS_UNAVAILABLE,
        'The SMS service is unavailable, please retry shortly',
        { headers: { 'retry-after': '30' } },
      );
    }
    await this.securityAudit.record({
      action: 'auth.otp.sent',
      result: 'success',
      detail: { purpose, phoneHash: phoneBidx },
    });
    return { challengeId, expiresAt: new Date(expiresAt).toISOString() };
  }

  /**
   * Checks a code for `purpose`; on success the challenge is consumed (a replay fails). Limited per
   * client address first (`otp-verify-ip-hour`), like the other sign-in routes.
   */
  async verify(challengeId: string, code: string, purpose: OtpPurpose, ip: string): Promise<VerifiedPhone> {
    await this.limits.otpVerify(ip);
    const checked = await this.store.check(challengeId, code, purpose);
    if (checked.result === 'ok') {
      return { phone: this.cipher.decrypt(checked.phoneEnc, 'otp.phone'), phoneBidx: checked.phoneBidx };
    }
    const error = refusal(checked);
    await this.auditFailure(purpose, error.code, checked.phoneBidx);
    throw error;
  }

  /**
   * One row for the first failure of a phone (or, for an unknown challenge, of an address) in the
   * hour, then rows at the 10th, 100th…, each with the running count: a flood stays a few rows.
   */
  private async auditFailure(purpose: OtpPurpose, reason: string, phoneBidx: string | undefined) {
    const subject = phoneBidx ? `phone:${phoneBidx}` : `ip:${requestContext.get()?.ip ?? 'unknown'}`;
    await this.securityAudit.recordRepeated(
      {
        action: purpose === 'login' ? 'auth.login' : 'auth.otp.failed',
        result: 'failure',
        actor: purpose === 'login' ? null : undefined,
        detail: { method: 'otp', purpose, reason, ...(phoneBidx ? { phoneHash: phoneBidx } : {}) },
      },
      `otp-verify:${purpose}:${subject}`,
      FAILURE_AUDIT_WINDOW_SECONDS,
    );
  }
}

function refusal(checked: Exclude<Awaited<ReturnType<OtpChallengeStore['check']>>, { result: 'ok' }>) {
  switch (checked.result) {
    case 'dead':
      return new DomainError(ErrorCode.OTP_TOO_MANY_ATTEMPTS, 'Too many wrong codes: request a new one', {
        headers: { 'retry-after': '60' },
      });
    case 'phone-locked':
      return new DomainError(
        ErrorCode.OTP_TOO_MANY_ATTEMPTS,
        'Too many wrong codes for this phone: try again later',
        { headers: { 'retry-after': String(checked.retryAfterSeconds) } },
      );
    case 'expired':
      return new DomainError(ErrorCode.OTP_EXPIRED, 'The code has expired: request a new one');
    default:
      return new DomainError(ErrorCode.OTP_INVALID, 'The code is wrong or no longer valid');
  }
}
