import { Injectable } from '@nestjs/common';
import { ErrorCode, type TotpEnrolment } from '@huanxin/shared';
import { SecurityAuditService } from '../audit/security-audit.service';
import { Clock } from '../common/clock';
import { DomainError } from '../common/errors/domain-error';
import type { UserEntity } from '../users/user.entity';
import { UsersRepository } from '../users/users.repository';
import { EnrolmentTokens } from './enrolment-tokens';
import { SessionIssuer, type SignedIn } from './session-issuer.service';
import { TotpService } from './totp.service';

const expired = () =>
  new DomainError(ErrorCode.MFA_ENROLMENT_EXPIRED, 'The enrolment has expired: sign in again');

/**
 * TOTP enrolment in two steps after a correct password. A token works only while the account has
 * no factor: a leftover token cannot replace a working one (both steps refuse, and the final write
 * is conditional), and confirming one token kills the user's other pending tokens.
 *
 * Six dependencies: tokens, accounts, TOTP, the session issuer and the audit are the enrolment;
 * the clock stamps the first sign-in.
 */
@Injectable()
export class TotpEnrolmentService {
  constructor(
    private readonly tokens: EnrolmentTokens,
    private readonly users: UsersRepository,
    private readonly totp: TotpService,
    private readonly issuer: SessionIssuer,
    private readonly securityAudit: SecurityAuditService,
    private readonly clock: Clock,
  ) {}

  /** Step 1: a new secret and its QR code. */
  async begin(enrolmentToken: string): Promise<TotpEnrolment> {
    const { user } = await this.pending(enrolmentToken);
    const { secret, secretEnc } = this.totp.newSecret();
    if (!(await this.tokens.attachSecret(enrolmentToken, { userId: user.id, secretEnc }))) throw expired();
    await this.securityAudit.record({
      action: 'auth.mfa.enrolment_started',
      result: 'success',
      actor: { id: user.id, role: user.role },
      objectType: 'user',
      objectId: user.id,
    });
    return this.totp.enrolment(secret, user.username ?? user.id);
  }

  /** Step 2: the first code proves the app holds the secret; the account is enrolled and signed in. */
  async confirm(
    enrolmentToken: string,
    token: string,
    previousSessionId: string | undefined,
  ): Promise<SignedIn> {
    const { user, secretEnc } = await this.pending(enrolmentToken);
    if (!secretEnc) throw new DomainError(ErrorCode.MFA_ENROLMENT_EXPIRED, 'Start the enrolment again');
    const step = this.totp.checkSealed(secretEnc, token);
    if (step === null) {
      // Summed per account: the token holder may retry (the code is on their phone), not flood the log.
      await this.securityAudit.recordRepeated(
        {
          action: 'auth.mfa.enrolment_failed',
          result: 'failure',
          actor: { id: user.id, role: user.role },
          objectType: 'user',
          objectId: user.id,
          detail: { reason: 'mfa_invalid' },
        },
        `mfa-enrol-fail:${user.id}`,
      );
      throw new DomainError(ErrorCode.MFA_INVALID, 'The authenticator code is wrong');
    }
    const enrolled = await this.users.enrolTotpSecret(user.id, secretEnc, step);
    await this.tokens.revokeAll(user.id);
    if (!enrolled) throw expired();
    // Enrolled, but a lock that fell meanwhile still refuses the sign-in itself.
    if (!(await this.users.recordStaffLoginSuccess(user.id, this.clock.now(), step)))
      throw new DomainError(ErrorCode.INVALID_CREDENTIALS, 'Wrong username or password');
    await this.securityAudit.record({
      action: 'auth.mfa.enrolled',
      result: 'success',
      actor: { id: user.id, role: user.role },
      objectType: 'user',
      objectId: user.id,
    });
    return this.issuer.issue(user, previousSessionId, 'password+totp');
  }

  private async pending(enrolmentToken: string): Promise<{ user: UserEntity; secretEnc?: string }> {
    const pending = await this.tokens.get(enrolmentToken);
    if (!pending) throw expired();
    const user = await this.users.findById(pending.userId);
    // Already enrolled (a leftover token), disabled or awaiting activation: the token is worthless.
    if (!user || user.disabledAt || user.pendingActivationBy || user.totpSecretEnc) throw expired();
    return { user, secretEnc: pending.secretEnc };
  }
}
