import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  ErrorCode,
  maskBankCard,
  maskIdNumber,
  maskName,
  maskPhone,
  PRIVACY_CONSENT_VERSION,
  validateBankCard,
  validateResidentId,
  type MaskedProfile,
} from '@huanxin/shared';
import { type DataSource, QueryFailedError } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { Clock } from '../common/clock';
import { PiiCipher } from '../common/crypto/pii-cipher';
import { DomainError } from '../common/errors/domain-error';
import { UsersRepository } from '../users/users.repository';
import { ConsentRecordEntity } from './consent-record.entity';
import type { UpdateProfileDto } from './profile.dto';
import { ResidentProfileEntity } from './resident-profile.entity';

/** The resident's real-name details: encrypted at rest, masked in every answer, revealed only by audit. */
@Injectable()
export class ProfileService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UsersRepository,
    private readonly cipher: PiiCipher,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async get(userId: string): Promise<MaskedProfile> {
    const profile = await this.dataSource.getRepository(ResidentProfileEntity).findOneBy({ userId });
    if (!profile) throw new DomainError(ErrorCode.PROFILE_NOT_FOUND, 'No real-name details yet');
    return this.masked(profile, await this.phone(userId));
  }

  /** Saves the profile; the separate consent is recorded first, in the same transaction. */
  async save(userId: string, input: UpdateProfileDto): Promise<MaskedProfile> {
    const idNumber = validateResidentId(input.idNumber).value;
    const bankAccount = validateBankCard(input.bankAccount).value;
    const idNumberBidx = this.cipher.blindIndex(idNumber, 'id_number');
    const now = this.clock.now();
    const idNumberInUse = () =>
      new DomainError(ErrorCode.ID_NUMBER_IN_USE, 'This ID number is already registered to another account', {
        fields: { idNumber: ErrorCode.ID_NUMBER_IN_USE },
      });
    const saved = await this.dataSource
      .transaction(async (manager) => {
        const owner = await manager
          .getRepository(ResidentProfileEntity)
          .findOne({ where: { idNumberBidx }, select: { userId: true } });
        if (owner && owner.userId !== userId) throw idNumberInUse();
        await manager.insert(ConsentRecordEntity, {
          userId,
          purpose: 'sensitive-personal-information',
          version: PRIVACY_CONSENT_VERSION,
          grantedAt: now,
        });
        const row: Partial<ResidentProfileEntity> = {
          userId,
          nameEnc: this.cipher.encrypt(input.name.trim(), 'profile.name'),
          idNumberEnc: this.cipher.encrypt(idNumber, 'profile.id_number'),
          idNumberBidx,
          street: input.street,
          addressEnc: this.cipher.encrypt(input.address.trim(), 'profile.address'),
          bankName: input.bankName.trim(),
          bankAccountEnc: this.cipher.encrypt(bankAccount, 'profile.bank_account'),
          bankAccountBidx: this.cipher.blindIndex(bankAccount, 'bank_account'),
          consentVersion: PRIVACY_CONSENT_VERSION,
          consentAt: now,
        };
        await manager.upsert(ResidentProfileEntity, row, ['userId']);
        await this.audit.record(
          {
            action: 'profile.updated',
            result: 'success',
            objectType: 'resident',
            objectId: userId,
            detail: { consentVersion: PRIVACY_CONSENT_VERSION },
          },
          manager,
        );
        return manager.getRepository(ResidentProfileEntity).findOneByOrFail({ userId });
      })
      .catch((error: unknown) => {
        // Two residents saving one ID number at once: the unique blind index refuses the second
        // (the only unique key the upsert does not resolve), which is the same conflict as above.
        if (error instanceof QueryFailedError && (error.driverError as { code?: string }).code === '23505')
          throw idNumberInUse();
        throw error;
      });
    return this.masked(saved, await this.phone(userId));
  }

  private async phone(userId: string): Promise<string> {
    const user = await this.users.findById(userId);
    return user?.phoneEnc ? this.cipher.decrypt(user.phoneEnc, 'user.phone') : '';
  }

  private masked(profile: ResidentProfileEntity, phone: string): MaskedProfile {
    return {
      name: maskName(this.cipher.decrypt(profile.nameEnc, 'profile.name')),
      idNumberMasked: maskIdNumber(this.cipher.decrypt(profile.idNumberEnc, 'profile.id_number')),
      phoneMasked: phone ? maskPhone(phone) : '',
      street: profile.street,
      address: maskAddress(this.cipher.decrypt(profile.addressEnc, 'profile.address')),
      bankName: profile.bankName,
      bankAccountMasked: maskBankCard(this.cipher.decrypt(profile.bankAccountEnc, 'profile.bank_account')),
      consentAt: profile.consentAt.toISOString(),
    };
  }
}

/** Keeps the first characters of an address (street level), hides the house number. */
function maskAddress(address: string): string {
  const chars = [...address];
  return chars.length <= 6 ? `${chars.slice(0, 2).join('')}****` : `${chars.slice(0, 6).join('')}****`;
}
