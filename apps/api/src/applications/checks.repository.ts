import { Injectable } from '@nestjs/common';
import { riskWeight } from '@huanxin/shared';
import type { EntityManager } from 'typeorm';

export interface RaisedFlag {
  code: string;
  detail: Record<string, unknown>;
}

/** Named queries of the automated checks: the fraud signals they read and the flags they raise. */
@Injectable()
export class ChecksRepository {
  /** Other applicants' claims carrying a document with the same content hash as one of this claim's. */
  async applicationsSharingDocuments(
    manager: EntityManager,
    application: { id: string; applicantId: string },
  ): Promise<string[]> {
    const rows: { other: string }[] = await manager.query(
      `SELECT DISTINCT other.application_id AS other
         FROM application_document mine
         JOIN application_document other ON other.sha256 = mine.sha256 AND other.application_id <> mine.application_id
         JOIN application a ON a.id = other.application_id
        WHERE mine.application_id = $1 AND a.applicant_id <> $2`,
      [application.id, application.applicantId],
    );
    return rows.map((row) => row.other);
  }

  /** How many other residents gave the same bank account as this applicant. */
  async applicantsSharingBankAccount(manager: EntityManager, applicantId: string): Promise<number> {
    const [row] = (await manager.query(
      `SELECT count(*)::int AS count FROM resident_profile mine JOIN resident_profile other
          ON other.bank_account_bidx = mine.bank_account_bidx AND other.user_id <> mine.user_id
        WHERE mine.user_id = $1`,
      [applicantId],
    )) as { count: number }[];
    return row?.count ?? 0;
  }

  /**
   * Other applicants who submitted from this claim's device (address + browser) in the 24 hours
   * before it. Only earlier submissions count (same instant: the older claim first), so the answer
   * does not depend on when the job runs.
   */
  async earlierApplicantsOnDevice(manager: EntityManager, applicationId: string): Promise<number> {
    const [row] = (await manager.query(
      `SELECT count(DISTINCT other.applicant_id)::int AS others FROM application mine JOIN application other
          ON other.submit_device = mine.submit_device AND other.applicant_id <> mine.applicant_id
         AND other.submitted_at >= mine.submitted_at - interval '24 hours'
         AND (other.submitted_at < mine.submitted_at OR (other.submitted_at = mine.submitted_at AND other.code < mine.code))
        WHERE mine.id = $1 AND mine.submit_device IS NOT NULL`,
      [applicationId],
    )) as { others: number }[];
    return row?.others ?? 0;
  }

  /**
   * Raises the flags in one statement, once per claim and code (a replayed check adds nothing), and
   * adds the weights of the newly raised ones to the claim's risk score (shared `RISK_SIGNALS`).
   */
  async insertFlags(manager: EntityManager, applicationId: string, flags: RaisedFlag[]): Promise<void> {
    if (flags.length === 0) return;
    await manager.query(
      `WITH raised AS (
         INSERT INTO application_flag (application_id, code, detail, weight)
         SELECT $1::uuid, code, detail::jsonb, weight FROM unnest($2::text[], $3::text[], $4::int[]) AS f(code, detail, weight)
         ON CONFLICT (application_id, code) DO NOTHING RETURNING weight)
       UPDATE application SET risk_score = risk_score + (SELECT COALESCE(sum(weight), 0) FROM raised) WHERE id = $1`,
      [
        applicationId,
        flags.map((f) => f.code),
        flags.map((f) => JSON.stringify(f.detail)),
        flags.map((f) => riskWeight(f.code)),
      ],
    );
  }
}
