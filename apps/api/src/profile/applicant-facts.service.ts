import { Injectable } from '@nestjs/common';
import { validateResidentId } from '@huanxin/shared';
import type { EntityManager } from 'typeorm';
import { PiiCipher } from '../common/crypto/pii-cipher';
import { ProfileRepository } from './profile.repository';

/** Server-side applicant facts for the eligibility engine, derived from the verified profile. */
@Injectable()
export class ApplicantFactsService {
  constructor(
    private readonly profiles: ProfileRepository,
    private readonly cipher: PiiCipher,
  ) {}

  /** The birth date encoded in the resident's ID number, when they have given one. */
  async applicantFacts(userId: string, manager?: EntityManager): Promise<{ birthDate?: string }> {
    return this.factsOf(await this.profiles.findIdNumberEnc(userId, manager));
  }

  /** `applicantFacts` of several residents, read in one statement. */
  async applicantFactsMany(
    userIds: readonly string[],
    manager?: EntityManager,
  ): Promise<Map<string, { birthDate?: string }>> {
    const encrypted = await this.profiles.findIdNumberEncs(userIds, manager);
    return new Map(userIds.map((userId) => [userId, this.factsOf(encrypted.get(userId) ?? null)]));
  }

  private factsOf(idNumberEnc: string | null): { birthDate?: string } {
    if (!idNumberEnc) return {};
    const birthDate = validateResidentId(this.cipher.decrypt(idNumberEnc, 'profile.id_number')).birthDate;
    return birthDate ? { birthDate } : {};
  }
}
