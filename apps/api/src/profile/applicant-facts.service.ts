import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { validateResidentId } from '@huanxin/shared';
import type { DataSource, EntityManager } from 'typeorm';
import { PiiCipher } from '../common/crypto/pii-cipher';
import { ResidentProfileEntity } from './resident-profile.entity';

/** Server-side applicant facts for the eligibility engine, derived from the verified profile. */
@Injectable()
export class ApplicantFactsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cipher: PiiCipher,
  ) {}

  async hasProfile(userId: string, manager: EntityManager = this.dataSource.manager): Promise<boolean> {
    return (await manager.getRepository(ResidentProfileEntity).countBy({ userId })) > 0;
  }

  /** The birth date encoded in the resident's ID number, when they have given one. */
  async applicantFacts(
    userId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<{ birthDate?: string }> {
    const profile = await manager
      .getRepository(ResidentProfileEntity)
      .findOne({ where: { userId }, select: { idNumberEnc: true, userId: true } });
    if (!profile) return {};
    const birthDate = validateResidentId(
      this.cipher.decrypt(profile.idNumberEnc, 'profile.id_number'),
    ).birthDate;
    return birthDate ? { birthDate } : {};
  }
}
