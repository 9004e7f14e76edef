import { Injectable } from '@nestjs/common';
import { ErrorCode, FieldErrorCode } from '@huanxin/shared';
import { OtpService } from '../auth/otp.service';
import { PiiCipher } from '../common/crypto/pii-cipher';
import { DomainError, validationFailed } from '../common/errors/domain-error';
import { UsersRepository } from '../users/users.repository';

/**
 * The fresh SMS proof a resident gives before changing what money is paid to (bank account) or
 * whom (ID number): a code of purpose `payout-change`, sent to the account's own phone (ASVS
 * 7.5.1, 6.6.2). A sign-in code is refused here and this code is refused at sign-in.
 */
@Injectable()
export class PayoutProofService {
  constructor(
    private readonly otp: OtpService,
    private readonly users: UsersRepository,
    private readonly cipher: PiiCipher,
  ) {}

  async send(userId: string, ip: string): Promise<{ challengeId: string; expiresAt: string }> {
    return this.otp.send(await this.phoneOf(userId), ip, 'payout-change');
  }

  /** Refuses (422 without a code, 401 for a wrong one) unless the code is this resident's, for this purpose. */
  async verify(
    userId: string,
    proof: { otpChallengeId?: string; otpCode?: string },
    ip: string,
  ): Promise<void> {
    if (!proof.otpChallengeId || !proof.otpCode) {
      throw validationFailed({
        ...(proof.otpChallengeId ? {} : { otpChallengeId: FieldErrorCode.REQUIRED }),
        ...(proof.otpCode ? {} : { otpCode: FieldErrorCode.REQUIRED }),
      });
    }
    const user = await this.users.findById(userId);
    let phoneBidx: string;
    try {
      ({ phoneBidx } = await this.otp.verify(proof.otpChallengeId, proof.otpCode, 'payout-change', ip));
    } catch (error) {
      if (error instanceof DomainError && error.code !== ErrorCode.RATE_LIMITED) {
        throw new DomainError(error.code, error.message, {
          fields: { otpCode: error.code },
          ...(error.details.headers ? { headers: error.details.headers } : {}),
        });
      }
      throw error;
    }
    // A code sent to another phone (another resident's challenge) proves nothing about this account.
    if (!user?.phoneBidx || user.phoneBidx !== phoneBidx) {
      throw new DomainError(ErrorCode.OTP_INVALID, 'The code is wrong or no longer valid', {
        fields: { otpCode: ErrorCode.OTP_INVALID },
      });
    }
  }

  private async phoneOf(userId: string): Promise<string> {
    const user = await this.users.findById(userId);
    if (!user?.phoneEnc) throw new DomainError(ErrorCode.NOT_FOUND, 'No phone on this account');
    return this.cipher.decrypt(user.phoneEnc, 'user.phone');
  }
}
