import { Injectable } from '@nestjs/common';
import { ErrorCode } from '@huanxin/shared';
import { DomainError } from '../common/errors/domain-error';
import { maskText } from '../common/logging/redact';
import { AuthLimits } from './auth-limits';
import { PasswordService } from './password.service';
import { SecondFactorService } from './second-factor.service';
import { SessionIssuer, type SignedIn } from './session-issuer.service';
import { StaffLockout } from './staff-lockout';

export interface PasswordSignInInput {
  username: string;
  password: string;
  totp?: string;
}

/**
 * Staff and dealer sign-in: password, then TOTP where required. Unknown, locked, disabled and
 * pending accounts all run one dummy password verification and answer the same
 * INVALID_CREDENTIALS, so neither the code nor the time tells an account's state apart from
 * "no such user" (the audit row keeps the real reason).
 */
@Injectable()
export class PasswordSignInService {
  constructor(
    private readonly lockout: StaffLockout,
    private readonly passwords: PasswordService,
    private readonly secondFactor: SecondFactorService,
    private readonly issuer: SessionIssuer,
    private readonly limits: AuthLimits,
  ) {}

  async signIn(
    input: PasswordSignInInput,
    ip: string,
    previousSessionId: string | undefined,
  ): Promise<SignedIn | { enrolmentToken: string }> {
    await this.limits.login(ip);
    const username = input.username.trim().toLowerCase();
    const user = await this.lockout.findAccount(username);
    const fail = async (
      reason: string,
      code: ErrorCode = ErrorCode.INVALID_CREDENTIALS,
      message = 'Wrong username or password',
    ) => {
      await this.issuer.recordFailure({
        action: 'auth.login',
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

    if (!user) {
      await this.passwords.verify(null, input.password);
      throw await fail('unknown_user');
    }
    const { checked } = await this.lockout.reserve(user);
    if (!checked) {
      await this.passwords.verify(null, input.password);
      throw await fail('locked');
    }
    if (!(await this.passwords.verify(user.passwordHash, input.password))) {
      throw await fail((await this.lockout.failed(user)) ? 'wrong_password_locked' : 'wrong_password');
    }
    if (user.disabledAt) throw await fail('disabled');
    if (user.pendingActivationBy) throw await fail('pending_activation');

    let totpStep: number | undefined;
    if (this.secondFactor.required(user.role)) {
      if (!user.totpSecretEnc) {
        if (!(await this.lockout.refund(user))) throw await fail('locked');
        const enrolmentToken = await this.secondFactor.startEnrolment(user);
        await this.issuer.recordFailure({
          action: 'auth.login',
          actor: { id: user.id, role: user.role },
          detail: { method: 'password', reason: 'mfa_enrolment_required' },
        });
        return { enrolmentToken };
      }
      if (!input.totp) {
        // The password was right: give the slot back, but never reset the count (that would let
        // an attacker holding the password reset the TOTP guess counter by omitting the code).
        if (!(await this.lockout.refund(user))) throw await fail('locked');
        throw await fail('mfa_missing', ErrorCode.MFA_REQUIRED, 'Enter the code from your authenticator app');
      }
      const step = await this.secondFactor.verify(user, input.totp);
      if (step === null) {
        await this.lockout.failed(user);
        throw await fail('mfa_invalid', ErrorCode.MFA_INVALID, 'The authenticator code is wrong');
      }
      totpStep = step;
    }
    if (!(await this.lockout.succeeded(user, totpStep))) throw await fail('locked');
    return this.issuer.issue(user, previousSessionId, totpStep === undefined ? 'password' : 'password+totp');
  }
}
