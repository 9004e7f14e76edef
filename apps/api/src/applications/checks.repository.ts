import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { groupBy } from '../common/group-by';

export interface RaisedFlag {
  code: string;
  detail: Record<string, unknown>;
}

/**
 * Named queries of the automated checks' fraud signals (the flags they raise are written with the
 * claims' move: ApplicationsRepository.moveStatusMany).
 */
@Injectable()
export class ChecksRepository {
  /**
   * For each claim: other applicants' claims carrying a document with the same content hash as one
   * of its own (claims without such a document are absent). One statement for the batch.
   */
  async applicationsSharingDocuments(
    manager: EntityManager,
    applicationIds: readonly string[],
  ): Promise<Map<string, string[]>> {
    const rows: { mine: string; other: string }[] = await manager.query(
      `SELECT DISTINCT mine.application_id AS mine, other.application_id AS other
         FROM application_document mine
         JOIN application me ON me.id = mine.application_id
         JOIN application_document other ON other.sha256 = mine.sha256 AND other.application_id <> mine.application_id
         JOIN application a ON a.id = other.application_id
        WHERE mine.application_id = ANY($1::uuid[]) AND a.applicant_id <> me.applicant_id
        ORDER BY 1, 2`,
      [applicationIds],
    );
    return groupBy(
      rows,
      (row) => row.mine,
      (row) => row.other,
    );
  }

  /** For each applicant: how many other residents gave the same bank account (absent: none). */
  async applicantsSharingBankAccount(
    manager: EntityManager,
    applicantIds: readonly string[],
  ): Promise<Map<string, number>> {
    const rows = (await manager.query(
      `SELECT mine.user_id AS applicant, count(*)::int AS count FROM resident_profile mine JOIN resident_profile other
          ON other.bank_account_bidx = mine.bank_account_bidx AND other.user_id <> mine.user_id
        WHERE mine.user_id = ANY($1::uuid[])
        GROUP BY mine.user_id`,
      [applicantIds],
    )) as { applicant: string; count: number }[];
    return new Map(rows.map((row) => [row.applicant, row.count]));
  }

  /**
   * For each claim: other applicants who submitted from its device (address + browser) in the 24
   * hours before it (absent: none). Only earlier submissions count (same instant: the older claim
   * first), so the answer does not depend on when the job runs or which claims share its batch.
   */
  async earlierApplicantsOnDevice(
    manager: EntityManager,
    applicationIds: readonly string[],
  ): Promise<Map<string, number>> {
    const rows = (await manager.query(
      `SELECT mine.id, count(DISTINCT other.applicant_id)::int AS others FROM application mine JOIN application other
          ON other.submit_device = mine.submit_device AND other.applicant_id <> mine.applicant_id
         AND other.submitted_at >= mine.submitted_at - interval '24 hours'
         AND (other.submitted_at < mine.submitted_at OR (other.submitted_at = mine.submitted_at AND other.code < mine.code))
        WHERE mine.id = ANY($1::uuid[]) AND mine.submit_device IS NOT NULL
        GROUP BY mine.id`,
      [applicationIds],
    )) as { id: string; others: number }[];
    return new Map(rows.map((row) => [row.id, row.others]));
  }
}
