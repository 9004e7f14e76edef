import { Injectable } from '@nestjs/common';
import { ErrorCode, maskPhone } from '@huanxin/shared';
import { Clock } from '../common/clock';
import { PiiCipher } from '../common/crypto/pii-cipher';
import { DomainError } from '../common/errors/domain-error';
import { UsersRepository } from '../users/users.repository';
import { OtpService } from './otp.service';
import { SessionIssuer, type SignedIn } from './session-issuer.service';

/** Resident sign-in with an SMS code: the account is created on the first verified code. */
@Injectable()
export class OtpSignInService {
  constructor(
    private readonly otp: OtpService,
    private readonly users: UsersRepository,
    private readonly cipher: PiiCipher,
    private readonly issuer: SessionIssuer,
    private readonly clock: Clock,
  ) {}

  async signIn(
    challengeId: string,
    code: string,
    ip: string,
    previousSessionId: string | undefined,
  ): Promise<SignedIn> {
    // Failures are audited by OtpService (summed per phone, with its keyed hash).
    const verified = await this.otp.verify(challengeId, code, 'login', ip);
    const user = await this.users.findOrCreateResident(
      verified.phoneBidx,
      this.cipher.encrypt(verified.phone, 'user.phone'),
      maskPhone(verified.phone),
    );
    if (user.disabledAt) {
      await this.issuer.recordFailure({
        action: 'auth.login',
        actor: { id: user.id, role: user.role },
        detail: { method: 'otp', reason: 'disabled' },
      });
      throw new DomainError(ErrorCode.INVALID_CREDENTIALS, 'This account is disabled');
    }
    await this.users.recordLoginSuccess(user.id, this.clock.now());
    return this.issuer.issue(user, previousSessionId, 'otp');
  }
}
