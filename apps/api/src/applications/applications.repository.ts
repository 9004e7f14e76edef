import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ApplicationStatus, EligibilityResult, ProgramDefinition } from '@huanxin/shared';
import { In, type DataSource, type EntityManager } from 'typeorm';
import { MicroBatch } from '../common/http/micro-batch';
import { GenericPlanReads } from '../database/generic-plan-reads';
import { returning, textPairs, type NamedStatement } from '../database/sql';
import type { OutboxJob } from '../queue/jobs';
import { ApplicationEventEntity } from './application-event.entity';
import { ApplicationEntity } from './application.entity';
import type { RaisedFlag } from './checks.repository';

/** A flag the checks raise on a claim, with its weight in the risk score (shared `riskWeight`). */
export interface RaisedFlagRow extends RaisedFlag {
  weight: number;
}

/**
 * What the resident's list shows of a claim, as two fragments of its JSON object that PostgreSQL
 * wrote (strings quoted and escaped, jsonb as stored, timestamps as `Date#toISOString` writes them,
 * null as `null`), around the program's members, which come from the cached definition: the list's
 * body is put together without parsing or re-serializing anything. Two text columns rather than one
 * per member: the driver's work per row and per statement (a field description, a parser and a
 * string for each column) is most of what reading the list costs the API.
 */
export interface ApplicationListRow {
  /** The version's id, plain (the program's code and version come from its cached definition). */
  programVersionId: string;
  /** `{"id":…,"code":…,"status":…` (no trailing comma). */
  head: string;
  /** `"facts":…,"evaluation":…,"reservedFen":…,"submittedAt":…,"createdAt":…,"updatedAt":…}`. */
  tail: string;
}

/**
 * `YYYY-MM-DDTHH:MM:SS.sssZ` in UTC, as `Date#toISOString` gives it for the `Date` the pg driver
 * reads (both truncate the microseconds), JSON-quoted; `null` for NULL.
 */
const isoJson = (column: string) =>
  `COALESCE(to_json(to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))::text, 'null')`;

/**
 * The list's statement, prepared once per connection (named) on the generic-plan pool: no parse
 * and no plan per batch (its plan is the same index scan whatever residents it names).
 */
const LIST_FOR_APPLICANTS: NamedStatement = {
  name: 'application_list_for_applicants',
  text: `SELECT applicant_id AS "applicantId", program_version_id AS "programVersionId",
                '{"id":' || to_json(id)::text || ',"code":' || to_json(code)::text
                  || ',"status":' || to_json(status)::text AS head,
                '"facts":' || facts::text || ',"evaluation":' || COALESCE(evaluation::text, 'null')
                  || ',"reservedFen":' || reserved_fen::text
                  || ',"submittedAt":' || ${isoJson('submitted_at')}
                  || ',"createdAt":' || ${isoJson('created_at')}
                  || ',"updatedAt":' || ${isoJson('updated_at')} || '}' AS tail
           FROM "application"
          WHERE applicant_id = ANY($1::uuid[])
          ORDER BY applicant_id, created_at DESC`,
};

/** The seed of `hashtextextended` for submission's advisory locks (keys are prefixed per kind). */
const LOCK_SEED = 7406;

/**
 * Named claim queries. The status, `reserved_fen` and timeline writes (`insertDraft`, `moveStatus`,
 * `insertEvent`, `deleteClaimKeys`) are called by ApplicationStateService only: it is the one
 * writer of a claim's status and money.
 */
@Injectable()
export class ApplicationsRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly genericReads: GenericPlanReads,
  ) {}

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

  /** A plain read, no lock (the check job's snapshot, read before its transaction). */
  findById(id: string): Promise<ApplicationEntity | null> {
    return this.dataSource.getRepository(ApplicationEntity).findOneBy({ id });
  }

  lockById(manager: EntityManager, id: string): Promise<ApplicationEntity | null> {
    return manager
      .getRepository(ApplicationEntity)
      .findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /** Plain reads of several claims, no lock (the check batch's snapshots); missing ids are absent. */
  findByIds(ids: readonly string[]): Promise<ApplicationEntity[]> {
    return this.dataSource.getRepository(ApplicationEntity).findBy({ id: In([...ids]) });
  }

  /**
   * Locks several claims for the rest of the transaction, in id order (two batches that share a
   * claim then wait for each other instead of deadlocking), answering what a guard re-checks of
   * each: its status and when it was submitted (the caller read the rest before); missing ids are
   * absent.
   */
  async lockByIds(
    manager: EntityManager,
    ids: readonly string[],
  ): Promise<{ id: string; status: ApplicationStatus; submittedAt: Date | null }[]> {
    const rows = (await manager.query(
      `SELECT id, status, submitted_at FROM application WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE`,
      [ids],
    )) as { id: string; status: ApplicationStatus; submitted_at: Date | null }[];
    return rows.map((row) => ({ id: row.id, status: row.status, submittedAt: row.submitted_at }));
  }

  /**
   * A resident's claims, newest first (`GET /api/applications`): one indexed query
   * (applicant_id, created_at) for the columns the list shows, already as JSON text, sent as a
   * prepared statement straight to the pool's driver (TypeORM's query runner, the parsing of
   * jsonb and timestamps, and the re-serializing of them were most of this route's time). The
   * lists of residents asking at the same moment are read by one statement (`= ANY`, see
   * MicroBatch): as fresh as a query each. Those are the requests one batch of session look-ups
   * has just let in, so the batch is sent once their promise jobs have run (the `promises` window).
   */
  listForApplicant(applicantId: string): Promise<ApplicationListRow[]> {
    return this.lists.load(applicantId);
  }

  private readonly lists = new MicroBatch<string, ApplicationListRow[]>(
    async (applicantIds) => {
      const rows = await this.genericReads.read<ApplicationListRow & { applicantId: string }>(
        LIST_FOR_APPLICANTS,
        [applicantIds],
      );
      const byApplicant = new Map<string, ApplicationListRow[]>();
      for (const row of rows) {
        const list = byApplicant.get(row.applicantId);
        if (list) list.push(row);
        else byApplicant.set(row.applicantId, [row]);
      }
      return applicantIds.map((id) => byApplicant.get(id) ?? []);
    },
    64,
    'promises',
  );

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

  /**
   * A point-of-sale claim, already `submitted`, as ONE statement: the claim row (holding
   * `reservedFen`, the payee organisation, the person), its timeline (created → submitted, the
   * dealer as actor) and the outbox rows of its automated checks and the resident's notification,
   * both keyed by the submission event. The claim's reservation is the caller's (the voucher's
   * moved to it, last in the transaction). State service only.
   */
  async insertAtTill(
    manager: EntityManager,
    claim: {
      id: string;
      code: string;
      applicantId: string;
      programId: string;
      programVersionId: string;
      facts: Record<string, unknown>;
      evaluation: EligibilityResult;
      reservedFen: number;
      idNumberBidx: string;
      payeeOrganizationId: string;
      at: Date;
      note: string;
      actorId: string;
      submittedEventId: string;
      jobs: readonly OutboxJob[];
    },
  ): Promise<void> {
    const rows = await returning(
      manager,
      `WITH claim AS (
         INSERT INTO application (id, code, applicant_id, program_id, program_version_id, status, facts, evaluation,
                                  reserved_fen, submitted_at, id_number_bidx, payee_organization_id, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, 'submitted', $6::jsonb, $7::jsonb, $8, $9, $10, $11, $9, $9) RETURNING id),
       created AS (
         INSERT INTO application_event (application_id, at, from_status, to_status, note, actor_id)
         SELECT id, $9, NULL, 'draft', $12::text, $13::uuid FROM claim RETURNING id),
       submitted AS (
         INSERT INTO application_event (id, application_id, at, from_status, to_status, note, actor_id)
         SELECT $14::uuid, claim.id, $9, 'draft', 'submitted', $12::text, $13::uuid FROM claim, created RETURNING id)
       INSERT INTO outbox (queue, job_name, job_id, payload)
       SELECT j.queue, j.job_name, j.job_id, j.payload::jsonb
         FROM submitted, unnest($15::text[], $16::text[], $17::text[], $18::text[]) AS j(queue, job_name, job_id, payload)
       RETURNING id`,
      [
        claim.id,
        claim.code,
        claim.applicantId,
        claim.programId,
        claim.programVersionId,
        JSON.stringify(claim.facts),
        JSON.stringify(claim.evaluation),
        claim.reservedFen,
        claim.at,
        claim.idNumberBidx,
        claim.payeeOrganizationId,
        claim.note,
        claim.actorId,
        claim.submittedEventId,
        claim.jobs.map((job) => job.queue),
        claim.jobs.map((job) => job.name),
        claim.jobs.map((job) => job.jobId),
        claim.jobs.map((job) => JSON.stringify(job.payload)),
      ],
    );
    if (rows.length !== claim.jobs.length) throw new Error(`claim ${claim.code}: not all of it was written`);
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
   * A status change, its timeline event and the outbox row of its notification, as ONE statement
   * (one round trip instead of three): the state-guarded UPDATE (`WHERE status = <from>`), then
   * the event and the outbox row only if it matched (each INSERT reads the row before it through
   * RETURNING). The event's id is given, so the notification job (keyed by it) can be written in
   * the same statement. False when the claim is no longer in `from`. State service only.
   * Entering `in_review` starts the review at stage `review` and, the first time only, the SLA clock
   * (`complete_at`: a returned claim comes back at its original age); leaving it clears the stage.
   */
  async moveStatus(
    manager: EntityManager,
    change: {
      id: string;
      from: ApplicationStatus;
      to: ApplicationStatus;
      reservedFen: number;
      at: Date;
      event: { id: string; note: string | null; actorId: string | null };
      job: OutboxJob;
    },
  ): Promise<boolean> {
    const rows = await returning(
      manager,
      `WITH moved AS (
         UPDATE application SET status = $3, reserved_fen = $4, updated_at = $5,
                submitted_at = CASE WHEN $3 = 'submitted' THEN $5 ELSE submitted_at END,
                returned_at = CASE WHEN $3 = 'returned' THEN $5 ELSE returned_at END,
                complete_at = CASE WHEN $3 = 'in_review' THEN COALESCE(complete_at, $5) ELSE complete_at END,
                stage = CASE WHEN $3 = 'in_review' THEN 'review' END
          WHERE id = $1 AND status = $2 RETURNING id),
       event AS (
         INSERT INTO application_event (id, application_id, at, from_status, to_status, note, actor_id)
         SELECT $6::uuid, id, $5, $2, $3, $7::text, $8::uuid FROM moved RETURNING id)
       INSERT INTO outbox (queue, job_name, job_id, payload)
       SELECT $9::text, $10::text, $11::text, $12::jsonb FROM event RETURNING id`,
      [
        change.id,
        change.from,
        change.to,
        change.reservedFen,
        change.at,
        change.event.id,
        change.event.note,
        change.event.actorId,
        change.job.queue,
        change.job.name,
        change.job.jobId,
        JSON.stringify(change.job.payload),
      ],
    );
    return rows.length > 0;
  }

  /**
   * `moveStatus` for several claims making the same move that changes no money (`reserved_fen`
   * stays), in one statement: each claim's status, its timeline event (its own id and note), the
   * flags it raises and, where given, the outbox row of the move's notice (one job for all the
   * claims, written when any moved). Answers the ids moved (a claim no longer `from` is not).
   *
   * With `via`, each claim passes through that status in the same statement: two timeline events
   * (`from → via` with the claim's `via` note, then `via → to`), one row version. The claim's row is
   * written once whatever it goes through: every `application` UPDATE is a new tuple in each of the
   * table's indexes (status is indexed, so none is HOT), and the checks' three writes of each claim
   * (two statuses and the risk score) were most of the worker's database time per claim.
   *
   * A flag is raised once per claim and code (a replayed check, or a flag another path raised
   * first, adds nothing); the weights of the newly raised ones are added to the claim's risk score
   * in the same UPDATE. Flags of a claim that does not move are written too: the caller locked the
   * claims and fails the whole move (rolling them back) if any did not.
   */
  async moveStatusMany(
    manager: EntityManager,
    change: {
      from: ApplicationStatus;
      to: ApplicationStatus;
      via?: ApplicationStatus;
      at: Date;
      actorId: string | null;
      /** The notice of the whole move (one job for every claim's last event), if any. */
      job: OutboxJob | null;
      claims: readonly {
        id: string;
        eventId: string;
        note: string | null;
        /** The `from → via` event; required with `change.via`. */
        viaEvent?: { id: string; note: string | null };
        flags?: readonly RaisedFlagRow[];
      }[];
    },
  ): Promise<string[]> {
    const { claims, via } = change;
    if (via !== undefined && claims.some((c) => c.viaEvent === undefined))
      throw new Error('a move through a status needs the event of each claim on the way');
    const flags = claims.flatMap((c) => (c.flags ?? []).map((flag) => ({ id: c.id, ...flag })));
    const rows = await returning<{ id: string }>(
      manager,
      `WITH input AS (
         SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $12::uuid[], $13::text[])
             AS i(id, event_id, note, via_event_id, via_note)),
       raised AS (
         INSERT INTO application_flag (application_id, code, detail, weight)
         SELECT * FROM unnest($15::uuid[], $16::text[], $17::jsonb[], $18::int[])
         ON CONFLICT (application_id, code) DO NOTHING RETURNING application_id, weight),
       risk AS (SELECT application_id, sum(weight)::int AS weight FROM raised GROUP BY application_id),
       moved AS (
         UPDATE application a SET status = $9, updated_at = $10,
                returned_at = CASE WHEN $9 = 'returned' THEN $10 ELSE a.returned_at END,
                complete_at = CASE WHEN $9 = 'in_review' THEN COALESCE(a.complete_at, $10) ELSE a.complete_at END,
                stage = CASE WHEN $9 = 'in_review' THEN 'review' END,
                risk_score = a.risk_score + COALESCE(r.weight, 0)
           FROM input i LEFT JOIN risk r ON r.application_id = i.id
          WHERE a.id = i.id AND a.status = $8 RETURNING a.id),
       event AS (
         -- One INSERT for both hops, sorted: seq (the timeline's tie-break between events of the
         -- same instant) is drawn in that order.
         INSERT INTO application_event (id, application_id, at, from_status, to_status, note, actor_id)
         SELECT e.id, e.application_id, $10, e.from_status, e.to_status, e.note, $11::uuid
           FROM (SELECT h.*, m.id AS application_id FROM moved m JOIN input i ON i.id = m.id,
                   LATERAL (VALUES (1, i.via_event_id, $8::text, $14::text, i.via_note),
                                   (2, i.event_id, COALESCE($14, $8)::text, $9::text, i.note)) AS h(hop, id, from_status, to_status, note)
                  WHERE h.hop = 2 OR $14 IS NOT NULL
                  ORDER BY m.id, h.hop) e
         RETURNING application_id, to_status),
       queued AS (
         INSERT INTO outbox (queue, job_name, job_id, payload)
         SELECT $4, $5, $6, $7::jsonb WHERE $6::text IS NOT NULL AND EXISTS (SELECT 1 FROM moved))
       SELECT application_id AS id FROM event WHERE to_status = $9`,
      [
        claims.map((c) => c.id),
        claims.map((c) => c.eventId),
        claims.map((c) => c.note),
        change.job?.queue ?? null,
        change.job?.name ?? null,
        change.job?.jobId ?? null,
        change.job ? JSON.stringify(change.job.payload) : null,
        change.from,
        change.to,
        change.at,
        change.actorId,
        claims.map((c) => c.viaEvent?.id ?? null),
        claims.map((c) => c.viaEvent?.note ?? null),
        via ?? null,
        flags.map((f) => f.id),
        flags.map((f) => f.code),
        flags.map((f) => JSON.stringify(f.detail)),
        flags.map((f) => f.weight),
      ],
    );
    return rows.map((row) => row.id);
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
    // One round trip: the profile row FOR SHARE and the person's advisory lock in the same
    // statement. The lock only has to be held before the history is read, which is a later
    // statement (with a snapshot of its own, taken after the lock was granted).
    const [profile] = (await manager.query(
      `SELECT id_number_bidx, pg_advisory_xact_lock(hashtextextended('person:' || id_number_bidx, $2))::text AS locked
         FROM resident_profile WHERE user_id = $1 FOR SHARE`,
      [applicantId, LOCK_SEED],
    )) as { id_number_bidx: string }[];
    return profile?.id_number_bidx ?? null;
  }

  /**
   * Claims `keys` (already in the fixed lock order) for the claim, in two round trips whatever
   * their number. First every key's advisory lock, in the given order, in one statement (unnest
   * yields the array in order and the aggregate calls the lock once per element): a second claim of
   * a key waits there until the first commits or rolls back, and two submits never wait on each
   * other crosswise. Then, in a statement of its own (so its snapshot is taken after the locks were
   * granted), the other claims holding any of the keys, and this claim's key rows inserted — a
   * holder found means the caller refuses and rolls the rows back. The unique index
   * (name, value, program) is the backstop.
   */
  async claimKeys(
    manager: EntityManager,
    application: { id: string; programId: string },
    keys: { name: string; value: string }[],
  ): Promise<
    {
      name: string;
      value: string;
      application_id: string;
      program_id: string;
      definition: ProgramDefinition;
    }[]
  > {
    if (keys.length === 0) return [];
    const names = keys.map((key) => key.name);
    const values = keys.map((key) => key.value);
    await manager.query(
      `SELECT count(pg_advisory_xact_lock(hashtextextended('claim-key:' || n || ':' || v, $3)))
         FROM unnest($1::text[], $2::text[]) AS k(n, v)`,
      [names, values, LOCK_SEED],
    );
    // The pairs as scalar parameters (sql.ts textPairs: a generic plan that keeps the index).
    const pairs = textPairs(3, keys.length);
    return manager.query(
      `WITH mine AS (
         INSERT INTO claim_key (application_id, program_id, name, value)
         SELECT $1::uuid, $2::uuid, n, v FROM (VALUES ${pairs}) AS k(n, v)
         ON CONFLICT (name, value, program_id) DO NOTHING)
       SELECT k.name, k.value, k.application_id, k.program_id, v.definition FROM claim_key k
         JOIN application a ON a.id = k.application_id JOIN program_version v ON v.id = a.program_version_id
        WHERE (k.name, k.value) IN (${pairs})
          AND k.application_id <> $1::uuid`,
      [application.id, application.programId, ...keys.flatMap((key) => [key.name, key.value])],
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

  /** The claim's latest payment line (payments module), for the resident's "paid on … / failed" view. */
  async latestPayment(applicationId: string): Promise<{
    status: 'pending' | 'paid' | 'failed';
    amountFen: number;
    settledAt: Date | null;
    reason: string | null;
  } | null> {
    const [row] = (await this.dataSource.query(
      `SELECT status, amount_fen, settled_at, reason FROM payment_line WHERE application_id = $1 ORDER BY id DESC LIMIT 1`,
      [applicationId],
    )) as {
      status: 'pending' | 'paid' | 'failed';
      amount_fen: string;
      settled_at: Date | null;
      reason: string | null;
    }[];
    return row
      ? {
          status: row.status,
          amountFen: Number(row.amount_fen),
          settledAt: row.settled_at,
          reason: row.reason,
        }
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
