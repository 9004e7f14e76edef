import { Injectable } from '@nestjs/common';
import {
  ErrorCode,
  maskBankCard,
  maskIdNumber,
  maskName,
  maskPhone,
  type MaskedProfile,
} from '@huanxin/shared';
import { PiiCipher } from '../common/crypto/pii-cipher';
import { DomainError } from '../common/errors/domain-error';
import { UsersRepository } from '../users/users.repository';
import { ProfileWriter } from './profile-writer.service';
import type { UpdateProfileDto } from './profile.dto';
import { ProfileRepository } from './profile.repository';
import { ResidentProfileEntity } from './resident-profile.entity';

/** The resident's real-name details: encrypted at rest, masked in every answer, revealed only through RevealService. */
@Injectable()
export class ProfileService {
  constructor(
    private readonly profiles: ProfileRepository,
    private readonly users: UsersRepository,
    private readonly cipher: PiiCipher,
    private readonly writer: ProfileWriter,
  ) {}

  async get(userId: string): Promise<MaskedProfile> {
    const profile = await this.profiles.find(userId);
    if (!profile) throw new DomainError(ErrorCode.PROFILE_NOT_FOUND, 'No real-name details yet');
    return this.masked(profile, await this.phone(userId));
  }

  /** Saves the profile (see ProfileWriter: payout-detail changes need a fresh SMS code). */
  async save(userId: string, input: UpdateProfileDto, ip: string): Promise<MaskedProfile> {
    const saved = await this.writer.save(userId, input, ip);
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
