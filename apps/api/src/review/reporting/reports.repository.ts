import { Injectable } from '@nestjs/common';
import type { ApplicationStatus } from '@huanxin/shared';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

export interface ExportRow {
  id: string;
  code: string;
  programId: string;
  programCode: string;
  status: ApplicationStatus;
  stage: string | null;
  amountFen: number;
  riskScore: number;
  flags: string | null;
  submittedAt: Date | null;
  completeAt: Date | null;
  nameEnc: string | null;
  idNumberEnc: string | null;
  bankAccountEnc: string | null;
  phoneEnc: string | null;
}

/**
 * Named queries of the review console's export. The counts of its stats come from the shared
 * statistics layer (StatsRepository), the same figures the public dashboard publishes.
 */
@Injectable()
export class ReportsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * One page of the export, in code order after `afterCode` (keyset paging through the unique
   * index on `code`, so a long export never holds more than a page in memory). The amount is what
   * the claim holds of the budget, or its evaluated amount once released.
   */
  async exportPage(
    filter: { programId: string | null; status: string | null },
    afterCode: string,
    limit: number,
  ): Promise<ExportRow[]> {
    const rows = (await this.dataSource.query(
      `SELECT a.id, a.code, a.program_id, p.code AS program_code, a.status, a.stage,
              CASE WHEN a.reserved_fen > 0 THEN a.reserved_fen ELSE COALESCE((a.evaluation->>'amountFen')::bigint, 0) END AS amount_fen,
              a.risk_score, a.submitted_at, a.complete_at,
              (SELECT string_agg(f.code, ', ' ORDER BY f.code) FROM application_flag f WHERE f.application_id = a.id) AS flags,
              rp.name_enc, rp.id_number_enc, rp.bank_account_enc, u.phone_enc
         FROM application a
         JOIN program p ON p.id = a.program_id
         JOIN user_account u ON u.id = a.applicant_id
         LEFT JOIN resident_profile rp ON rp.user_id = a.applicant_id
        WHERE a.status <> 'draft' AND a.code > $1
          AND ($2::uuid IS NULL OR a.program_id = $2) AND ($3::text IS NULL OR a.status = $3)
        ORDER BY a.code LIMIT $4`,
      [afterCode, filter.programId, filter.status, limit],
    )) as {
      id: string;
      code: string;
      program_id: string;
      program_code: string;
      status: ApplicationStatus;
      stage: string | null;
      amount_fen: string;
      risk_score: number;
      flags: string | null;
      submitted_at: Date | null;
      complete_at: Date | null;
      name_enc: string | null;
      id_number_enc: string | null;
      bank_account_enc: string | null;
      phone_enc: string | null;
    }[];
    return rows.map((row) => ({
      id: row.id,
      code: row.code,
      programId: row.program_id,
      programCode: row.program_code,
      status: row.status,
      stage: row.stage,
      amountFen: Number(row.amount_fen),
      riskScore: row.risk_score,
      flags: row.flags,
      submittedAt: row.submitted_at,
      completeAt: row.complete_at,
      nameEnc: row.name_enc,
      idNumberEnc: row.id_number_enc,
      bankAccountEnc: row.bank_account_enc,
      phoneEnc: row.phone_enc,
    }));
  }
}
