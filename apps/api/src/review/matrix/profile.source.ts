import { Injectable } from '@nestjs/common';
import { maskBankCard, maskIdNumber, maskName } from '@huanxin/shared';
import { PiiCipher } from '../../common/crypto/pii-cipher';
import { ReviewRepository } from '../review.repository';
import type { MatrixCase, MatrixSourceProvider, MatrixValue } from './matrix-source';

/**
 * The applicant's real-name profile as it stands now: ID number, name, payout account, street.
 * Values are masked; ID and account are compared by their blind indexes.
 */
@Injectable()
export class ProfileMatrixSource implements MatrixSourceProvider {
  readonly source = 'profile' as const;

  constructor(
    private readonly reviews: ReviewRepository,
    private readonly cipher: PiiCipher,
  ) {}

  async values({ application }: MatrixCase): Promise<MatrixValue[]> {
    const profile = await this.reviews.profileOf(application.applicantId);
    if (!profile) return [];
    return [
      {
        field: 'applicant.idNumber',
        value: maskIdNumber(this.cipher.decrypt(profile.idNumberEnc, 'profile.id_number')),
        compareAs: profile.idNumberBidx,
      },
      { field: 'applicant.name', value: maskName(this.cipher.decrypt(profile.nameEnc, 'profile.name')) },
      {
        field: 'payout.bankAccount',
        value: profile.bankAccountEnc
          ? maskBankCard(this.cipher.decrypt(profile.bankAccountEnc, 'profile.bank_account'))
          : null,
        compareAs: profile.bankAccountBidx,
      },
      { field: 'applicant.street', value: profile.street },
    ];
  }
}
