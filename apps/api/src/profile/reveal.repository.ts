import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ApplicationStatus } from '@huanxin/shared';
import type { DataSource } from 'typeorm';

export interface RevealClaim {
  id: string;
  status: ApplicationStatus;
  programId: string;
}

/** A resident's encrypted values (null when the resident has no real-name details yet). */
export interface ResidentSecrets {
  phoneEnc: string | null;
  profile: { nameEnc: string; idNumberEnc: string; bankAccountEnc: string; addressEnc: string } | null;
}

/** The named queries of the reveal: the claim that justifies it, and the values it may open. */
@Injectable()
export class RevealRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The claim, only when it belongs to that resident (another resident's claim id finds nothing). */
  async findClaimOfResident(applicationId: string, residentId: string): Promise<RevealClaim | null> {
    const rows: { id: string; status: ApplicationStatus; program_id: string }[] = await this.dataSource.query(
      `SELECT id, status, program_id FROM application WHERE id = $1 AND applicant_id = $2`,
      [applicationId, residentId],
    );
    const row = rows[0];
    return row ? { id: row.id, status: row.status, programId: row.program_id } : null;
  }

  /** The resident's encrypted phone and profile; null when the id is not a resident's. */
  async findResidentSecrets(residentId: string): Promise<ResidentSecrets | null> {
    const rows: {
      phone_enc: string | null;
      name_enc: string | null;
      id_number_enc: string | null;
      bank_account_enc: string | null;
      address_enc: string | null;
    }[] = await this.dataSource.query(
      `SELECT u.phone_enc, p.name_enc, p.id_number_enc, p.bank_account_enc, p.address_enc
       FROM user_account u LEFT JOIN resident_profile p ON p.user_id = u.id
       WHERE u.id = $1 AND u.role = 'resident'`,
      [residentId],
    );
    const row = rows[0];
    if (!row) return null;
    return {
      phoneEnc: row.phone_enc,
      profile: row.name_enc
        ? {
            nameEnc: row.name_enc,
            idNumberEnc: row.id_number_enc!,
            bankAccountEnc: row.bank_account_enc!,
            addressEnc: row.address_enc!,
          }
        : null,
    };
  }
}
