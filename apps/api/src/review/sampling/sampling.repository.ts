import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { returning } from '../../database/sql';
import type { Candidate } from './draw';

export interface SampleRow {
  id: string;
  programId: string;
  programCode: string;
  seed: string;
  size: number;
  riskWeighted: boolean;
  population: number;
  createdAt: Date;
  createdBy: { id: string; displayName: string };
}

export interface SampleItemRow {
  id: string;
  applicationId: string;
  code: string;
  status: string;
  amountFen: number;
  riskScore: number;
  applicantId: string;
  /** The dealer organisation a point-of-sale claim pays; null for a resident claim. */
  payeeOrganizationId: string | null;
  outcome: 'confirmed' | 'clawback' | null;
  note: string | null;
  decidedAt: Date | null;
  receivableId: string | null;
}

/** The claims a sample is drawn from: approved (money committed) or already paid. */
const SAMPLED_STATUSES = ['approved', 'paid'];

/**
 * Named queries of the post-approval audit samples and the receivables a clawback opens. The
 * population reads `application (program_id, status)`; items and receivables by their indexes.
 */
@Injectable()
export class SamplingRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /** A program's approved and paid claims with their risk scores. */
  async population(manager: EntityManager, programId: string): Promise<Candidate[]> {
    const rows = (await manager.query(
      `SELECT id, risk_score FROM application WHERE program_id = $1 AND status = ANY($2::text[])`,
      [programId, SAMPLED_STATUSES],
    )) as { id: string; risk_score: number }[];
    return rows.map((row) => ({ id: row.id, riskScore: row.risk_score }));
  }

  async insertSample(
    manager: EntityManager,
    sample: {
      programId: string;
      seed: string;
      size: number;
      riskWeighted: boolean;
      population: number;
      createdBy: string;
    },
    applicationIds: readonly string[],
  ): Promise<string> {
    const [row] = (await manager.query(
      `INSERT INTO review_sample (program_id, seed, size, risk_weighted, population, created_by)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [sample.programId, sample.seed, sample.size, sample.riskWeighted, sample.population, sample.createdBy],
    )) as { id: string }[];
    await manager.query(
      `INSERT INTO review_sample_item (sample_id, application_id, position)
       SELECT $1, item.id, item.position - 1 FROM unnest($2::uuid[]) WITH ORDINALITY AS item(id, position)`,
      [row!.id, applicationIds],
    );
    return row!.id;
  }

  private sampleQuery(where: string): string {
    return `SELECT s.id, s.program_id, p.code AS program_code, s.seed, s.size, s.risk_weighted, s.population,
                   s.created_at, s.created_by, u.display_name,
                   (SELECT count(*)::int FROM review_sample_item i WHERE i.sample_id = s.id AND i.outcome IS NOT NULL) AS decided,
                   (SELECT count(*)::int FROM review_sample_item i WHERE i.sample_id = s.id AND i.outcome = 'clawback') AS clawbacks
              FROM review_sample s JOIN program p ON p.id = s.program_id JOIN user_account u ON u.id = s.created_by
             WHERE ${where}`;
  }

  private static toSample(row: RawSample): SampleRow & { decided: number; clawbacks: number } {
    return {
      id: row.id,
      programId: row.program_id,
      programCode: row.program_code,
      seed: row.seed,
      size: row.size,
      riskWeighted: row.risk_weighted,
      population: row.population,
      createdAt: row.created_at,
      createdBy: { id: row.created_by, displayName: row.display_name },
      decided: row.decided,
      clawbacks: row.clawbacks,
    };
  }

  async findSample(id: string): Promise<(SampleRow & { decided: number; clawbacks: number }) | null> {
    const [row] = (await this.dataSource.query(this.sampleQuery('s.id = $1'), [id])) as RawSample[];
    return row ? SamplingRepository.toSample(row) : null;
  }

  /** The newest samples first, of one program or all. */
  async listSamples(
    programId: string | null,
    limit: number,
  ): Promise<(SampleRow & { decided: number; clawbacks: number })[]> {
    const rows = (await this.dataSource.query(
      `${this.sampleQuery('($1::uuid IS NULL OR s.program_id = $1)')} ORDER BY s.created_at DESC, s.id LIMIT $2`,
      [programId, limit],
    )) as RawSample[];
    return rows.map((row) => SamplingRepository.toSample(row));
  }

  /** A sample's items in draw order, with each claim's figures and outcome. */
  async items(sampleId: string, manager: EntityManager = this.dataSource.manager): Promise<SampleItemRow[]> {
    const rows = (await manager.query(
      `SELECT i.id, i.application_id, a.code, a.status, a.reserved_fen, a.risk_score, a.applicant_id,
              a.payee_organization_id, i.outcome, i.note, i.decided_at, r.id AS receivable_id
         FROM review_sample_item i JOIN application a ON a.id = i.application_id
         LEFT JOIN receivable r ON r.sample_item_id = i.id
        WHERE i.sample_id = $1 ORDER BY i.position`,
      [sampleId],
    )) as RawItem[];
    return rows.map(toItem);
  }

  /** One item of a sample, locked until the transaction ends (one outcome per item). */
  async lockItem(
    manager: EntityManager,
    sampleId: string,
    applicationId: string,
  ): Promise<SampleItemRow | null> {
    const [locked] = (await manager.query(
      `SELECT id FROM review_sample_item WHERE sample_id = $1 AND application_id = $2 FOR UPDATE`,
      [sampleId, applicationId],
    )) as { id: string }[];
    if (!locked) return null;
    const rows = (await manager.query(
      `SELECT i.id, i.application_id, a.code, a.status, a.reserved_fen, a.risk_score, a.applicant_id,
              a.payee_organization_id, i.outcome, i.note, i.decided_at, NULL AS receivable_id
         FROM review_sample_item i JOIN application a ON a.id = i.application_id WHERE i.id = $1`,
      [locked.id],
    )) as RawItem[];
    return toItem(rows[0]!);
  }

  /** Records the outcome while there is none (false when one was recorded meanwhile). */
  async recordOutcome(
    manager: EntityManager,
    itemId: string,
    outcome: { outcome: 'confirmed' | 'clawback'; note: string | null; by: string; at: Date },
  ): Promise<boolean> {
    const rows = await returning<{ id: string }>(
      manager,
      `UPDATE review_sample_item SET outcome = $2, note = $3, decided_by = $4, decided_at = $5
        WHERE id = $1 AND outcome IS NULL RETURNING id`,
      [itemId, outcome.outcome, outcome.note, outcome.by, outcome.at],
    );
    return rows.length === 1;
  }

  /** Opens the receivable of a clawback against the claim's payee. */
  async openReceivable(
    manager: EntityManager,
    receivable: {
      applicationId: string;
      payee: { kind: 'resident'; userId: string } | { kind: 'dealer'; organizationId: string };
      amountFen: number;
      reason: string;
      sampleItemId: string;
      createdBy: string;
    },
  ): Promise<string> {
    const { payee } = receivable;
    const [row] = (await manager.query(
      `INSERT INTO receivable (application_id, payee_kind, payee_user_id, payee_organization_id, amount_fen, reason, sample_item_id, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [
        receivable.applicationId,
        payee.kind,
        payee.kind === 'resident' ? payee.userId : null,
        payee.kind === 'dealer' ? payee.organizationId : null,
        receivable.amountFen,
        receivable.reason,
        receivable.sampleItemId,
        receivable.createdBy,
      ],
    )) as { id: string }[];
    return row!.id;
  }
}

interface RawSample {
  id: string;
  program_id: string;
  program_code: string;
  seed: string;
  size: number;
  risk_weighted: boolean;
  population: number;
  created_at: Date;
  created_by: string;
  display_name: string;
  decided: number;
  clawbacks: number;
}

interface RawItem {
  id: string;
  application_id: string;
  code: string;
  status: string;
  reserved_fen: string;
  risk_score: number;
  applicant_id: string;
  payee_organization_id: string | null;
  outcome: 'confirmed' | 'clawback' | null;
  note: string | null;
  decided_at: Date | null;
  receivable_id: string | null;
}

function toItem(row: RawItem): SampleItemRow {
  return {
    id: row.id,
    applicationId: row.application_id,
    code: row.code,
    status: row.status,
    amountFen: Number(row.reserved_fen),
    riskScore: row.risk_score,
    applicantId: row.applicant_id,
    payeeOrganizationId: row.payee_organization_id,
    outcome: row.outcome,
    note: row.note,
    decidedAt: row.decided_at,
    receivableId: row.receivable_id,
  };
}
