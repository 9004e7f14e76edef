import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ApplicationStatus, EligibilityResult, ProgramDefinition } from '@huanxin/shared';
import type { DataSource, EntityManager } from 'typeorm';
import { returning } from '../database/sql';
import { ApplicationEventEntity } from './application-event.entity';
import { ApplicationEntity } from './application.entity';

/** The seed of `hashtextextended` for submission's advisory locks (keys are prefixed per kind). */
const LOCK_SEED = 7406;

/**
 * Named claim queries. The status, `reserved_fen` and timeline writes (`insertDraft`, `setStatus`,
 * `insertEvent`, `deleteClaimKeys`) are called by ApplicationStateService only: it is the one
 * writer of a claim's status and money.
 */
@Injectable()
export class ApplicationsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Runs `work` in one transaction (READ COMMITTED). */
  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  findOwned(id: string, applicantId: string): Promise<ApplicationEntity | null> {
    return this.dataSource.getRepository(ApplicationEntity).findOneBy({ id, applicantId });
  }

  /** Locks the claim for the rest of the transaction (a second submit waits, then sees the new status). */
  lockOwned(manager: EntityManager, id: string, applicantId: string): Promise<ApplicationEntity | null> {
    return manager
      .getRepository(ApplicationEntity)
      .findOne({ where: { id, applicantId }, lock: { mode: 'pessimistic_write' } });
  }

  lockById(manager: EntityManager, id: string): Promise<ApplicationEntity | null> {
    return manager
      .getRepository(ApplicationEntity)
      .findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  listForApplicant(applicantId: string): Promise<ApplicationEntity[]> {
    return this.dataSource
      .getRepository(ApplicationEntity)
      .find({ where: { applicantId }, order: { createdAt: 'DESC' } });
  }

  timeline(applicationId: string): Promise<ApplicationEventEntity[]> {
    return this.dataSource
      .getRepository(ApplicationEventEntity)
      .find({ where: { applicationId }, order: { at: 'ASC', seq: 'ASC' } });
  }

  async nextCode(manager: EntityManager): Promise<number> {
    const [row] = (await manager.query(`SELECT nextval('application_code_seq') AS n`)) as { n: string }[];
    return Number(row!.n);
  }

  /** A new claim in `draft`, holding nothing of the budget. State service only. */
  async insertDraft(
    manager: EntityManager,
    draft: {
      code: string;
      applicantId: string;
      programId: string;
      programVersionId: string;
      facts: Record<string, unknown>;
      evaluation: EligibilityResult;
      at: Date;
    },
  ): Promise<ApplicationEntity> {
    const [row] = (await manager.query(
      `INSERT INTO application (code, applicant_id, program_id, program_version_id, status, facts, evaluation, reserved_fen, created_at, updated_at)
       VALUES ($1, $2, $3, $4, 'draft', $5::jsonb, $6::jsonb, 0, $7, $7) RETURNING id`,
      [
        draft.code,
        draft.applicantId,
        draft.programId,
        draft.programVersionId,
        JSON.stringify(draft.facts),
        JSON.stringify(draft.evaluation),
        draft.at,
      ],
    )) as { id: string }[];
    return manager.getRepository(ApplicationEntity).findOneByOrFail({ id: row!.id });
  }

  /** New facts and their evaluation, only while the claim is still in `status`; false otherwise. */
  async updateFacts(
    id: string,
    status: ApplicationStatus,
    facts: Record<string, unknown>,
    evaluation: EligibilityResult,
    at: Date,
  ): Promise<boolean> {
    const updated = await returning(
      this.dataSource,
      `UPDATE application SET facts = $3::jsonb, evaluation = $4::jsonb, updated_at = $5 WHERE id = $1 AND status = $2 RETURNING id`,
      [id, status, JSON.stringify(facts), JSON.stringify(evaluation), at],
    );
    return updated.length > 0;
  }

  /** What a submission records besides its status and money: the evaluation, device and person. */
  async recordSubmission(
    manager: EntityManager,
    id: string,
    submission: { evaluation: EligibilityResult; submitDevice: string | null; idNumberBidx: string },
  ): Promise<void> {
    await manager.query(
      `UPDATE application SET evaluation = $2::jsonb, submit_device = $3, id_number_bidx = $4 WHERE id = $1`,
      [id, JSON.stringify(submission.evaluation), submission.submitDevice, submission.idNumberBidx],
    );
  }

  /**
   * The state-guarded status change (`WHERE status = <from>`: a concurrent change makes it match
   * nothing instead of overwriting). False when the claim is no longer in `from`. State service only.
   * Entering `in_review` starts the review at stage `review` and, the first time only, the SLA clock
   * (`complete_at`: a returned claim comes back at its original age); leaving it clears the stage.
   */
  async setStatus(
    manager: EntityManager,
    change: { id: string; from: ApplicationStatus; to: ApplicationStatus; reservedFen: number; at: Date },
  ): Promise<boolean> {
    const updated = await returning(
      manager,
      `UPDATE application SET status = $3, reserved_fen = $4, updated_at = $5,
              submitted_at = CASE WHEN $3 = 'submitted' THEN $5 ELSE submitted_at END,
              returned_at = CASE WHEN $3 = 'returned' THEN $5 ELSE returned_at END,
              complete_at = CASE WHEN $3 = 'in_review' THEN COALESCE(complete_at, $5) ELSE complete_at END,
              stage = CASE WHEN $3 = 'in_review' THEN 'review' END
        WHERE id = $1 AND status = $2 RETURNING id`,
      [change.id, change.from, change.to, change.reservedFen, change.at],
    );
    return updated.length > 0;
  }

  /** One timeline row (`from` is null for the creation of the draft); returns its id. */
  async insertEvent(
    manager: EntityManager,
    event: {
      applicationId: string;
      at: Date;
      from: ApplicationStatus | null;
      to: ApplicationStatus;
      note: string | null;
      actorId: string | null;
    },
  ): Promise<string> {
    const [row] = (await manager.query(
      `INSERT INTO application_event (application_id, at, from_status, to_status, note, actor_id) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [event.applicationId, event.at, event.from, event.to, event.note, event.actorId],
    )) as { id: string }[];
    return row!.id;
  }

  /** The kinds of document a claim has on file. */
  async documentKinds(manager: EntityManager, applicationId: string): Promise<string[]> {
    const rows: { kind: string }[] = await manager.query(
      `SELECT DISTINCT kind FROM application_document WHERE application_id = $1`,
      [applicationId],
    );
    return rows.map((row) => row.kind);
  }

  /**
   * Serialises the submissions of one PERSON for the rest of the transaction and returns who that
   * is: the blind index of the applicant's ID number (null when they have no real-name profile).
   * The profile row is read FOR SHARE, so the ID number cannot change under a submission; the
   * advisory lock is keyed on the ID number, not the account, so a second submission by the same
   * person, from any account, waits here until the first commits and then sees its claim in the
   * history. Every submission takes its locks in one order (claim row, person, claim keys in
   * sorted order, budget row), so two submissions never wait on each other crosswise.
   */
  async lockPerson(manager: EntityManager, applicantId: string): Promise<string | null> {
    const [profile] = (await manager.query(
      `SELECT id_number_bidx FROM resident_profile WHERE user_id = $1 FOR SHARE`,
      [applicantId],
    )) as { id_number_bidx: string }[];
    if (!profile) return null;
    await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, $2))`, [
      `person:${profile.id_number_bidx}`,
      LOCK_SEED,
    ]);
    return profile.id_number_bidx;
  }

  /**
   * Takes the key's advisory lock for the rest of the transaction (a second claim of the same key
   * waits here until the first commits or rolls back), then lists the other claims holding it.
   */
  async lockClaimKeyHolders(
    manager: EntityManager,
    key: { name: string; value: string },
    excludeApplicationId: string,
  ): Promise<{ application_id: string; program_id: string; definition: ProgramDefinition }[]> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, $2))`, [
      `claim-key:${key.name}:${key.value}`,
      LOCK_SEED,
    ]);
    return manager.query(
      `SELECT k.application_id, k.program_id, v.definition FROM claim_key k
         JOIN application a ON a.id = k.application_id JOIN program_version v ON v.id = a.program_version_id
        WHERE k.name = $1 AND k.value = $2 AND k.application_id <> $3`,
      [key.name, key.value, excludeApplicationId],
    );
  }

  async insertClaimKey(
    manager: EntityManager,
    application: { id: string; programId: string },
    key: { name: string; value: string },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO claim_key (application_id, program_id, name, value) VALUES ($1, $2, $3, $4) ON CONFLICT (name, value, program_id) DO NOTHING`,
      [application.id, application.programId, key.name, key.value],
    );
  }

  /** Frees a released claim's keys for other claims. State service only. */
  async deleteClaimKeys(manager: EntityManager, applicationId: string): Promise<void> {
    await manager.query(`DELETE FROM claim_key WHERE application_id = $1`, [applicationId]);
  }

  /** The latest return decision of a claim (the resident's `correction` while it is returned). */
  async latestReturn(
    applicationId: string,
  ): Promise<{ reasonCode: string; fields: string[]; note: string | null; decidedAt: Date } | null> {
    const [row] = (await this.dataSource.query(
      `SELECT reason_code, fields, note, decided_at FROM review_decision
        WHERE application_id = $1 AND decision = 'return' ORDER BY decided_at DESC, id DESC LIMIT 1`,
      [applicationId],
    )) as { reason_code: string; fields: string[]; note: string | null; decided_at: Date }[];
    return row
      ? { reasonCode: row.reason_code, fields: row.fields, note: row.note, decidedAt: row.decided_at }
      : null;
  }

  /** Drafts and returned claims with their program's expiry settings (the expiry job filters them). */
  expiryCandidates(): Promise<
    {
      id: string;
      status: 'draft' | 'returned';
      updated_at: Date;
      returned_at: Date | null;
      definition: { settings: { draftExpiryDays?: number; returnedExpiryDays?: number } };
    }[]
  > {
    return this.dataSource.query(
      `SELECT a.id, a.status, a.updated_at, a.returned_at, v.definition FROM application a
           JOIN program_version v ON v.id = a.program_version_id WHERE a.status IN ('draft', 'returned')`,
    );
  }
}
