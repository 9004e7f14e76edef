import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { PayeeKind, PaymentBatchStatus, PaymentLineStatus } from '@huanxin/shared';
import type { DataSource, EntityManager } from 'typeorm';
import { returning } from '../database/sql';
import { NOTIFY_ACCOUNT } from '../notifications/notifications.jobs';
import { writeOutbox } from '../queue/outbox.service';

/** An approved claim not in a live line, with what the batch needs to decide on it. */
export interface CandidateRow {
  applicationId: string;
  code: string;
  applicantId: string;
  payeeOrganizationId: string | null;
  programVersionId: string;
  facts: Record<string, unknown>;
  committedFen: number;
  /** The account of the claim's last failed line, if its last line failed. */
  failedAccountBidx: string | null;
}

export interface BatchRow {
  id: string;
  programId: string;
  programCode: string;
  status: PaymentBatchStatus;
  totalFen: number;
  createdBy: { id: string; displayName: string };
  createdAt: Date;
  releasedBy: { id: string; displayName: string } | null;
  releasedAt: Date | null;
  counts: Record<PaymentLineStatus, number>;
}

export interface LineRow {
  id: string;
  batchId: string;
  applicationId: string;
  applicationCode: string;
  applicationStatus: string;
  payeeKind: PayeeKind;
  payeeUserId: string | null;
  payeeOrganizationId: string | null;
  payeeNameEnc: string;
  bankName: string;
  accountEnc: string;
  amountFen: number;
  nettedFen: number;
  status: PaymentLineStatus;
  reason: string | null;
  bankRef: string | null;
  settledAt: Date | null;
}

export interface NewLine {
  applicationId: string;
  payeeKind: PayeeKind;
  payeeUserId: string | null;
  payeeOrganizationId: string | null;
  payeeNameEnc: string;
  bankName: string;
  accountEnc: string;
  accountBidx: string;
  amountFen: number;
  nettedFen: number;
}

export interface ReceivableRow {
  id: string;
  applicationCode: string;
  programCode: string;
  payeeKind: PayeeKind;
  payeeNameEnc: string | null;
  organizationName: string | null;
  amountFen: number;
  nettedFen: number;
  reason: string;
  status: 'open' | 'collected' | 'waived';
  createdAt: Date;
}

const BATCH_SELECT = `
  SELECT b.id, b.program_id, p.code AS program_code, b.status, b.total_fen, b.created_at, b.released_at,
         b.created_by, c.display_name AS created_by_name, b.released_by, r.display_name AS released_by_name,
         (SELECT count(*)::int FROM payment_line l WHERE l.batch_id = b.id AND l.status = 'pending') AS pending,
         (SELECT count(*)::int FROM payment_line l WHERE l.batch_id = b.id AND l.status = 'paid') AS paid,
         (SELECT count(*)::int FROM payment_line l WHERE l.batch_id = b.id AND l.status = 'failed') AS failed
    FROM payment_batch b JOIN program p ON p.id = b.program_id
    JOIN user_account c ON c.id = b.created_by LEFT JOIN user_account r ON r.id = b.released_by`;

const LINE_SELECT = `
  SELECT l.id, l.batch_id, l.application_id, a.code AS application_code, a.status AS application_status,
         l.payee_kind, l.payee_user_id, l.payee_organization_id, l.payee_name_enc, l.bank_name, l.account_enc,
         l.amount_fen, l.netted_fen, l.status, l.reason, l.bank_ref, l.settled_at
    FROM payment_line l JOIN application a ON a.id = l.application_id`;

/**
 * Named queries of payment batches, their lines, the netting of receivables and the payee's
 * notices. Claim status and money are not written here: ApplicationStateService does that.
 */
@Injectable()
export class PaymentsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /**
   * A program's approved claims that are in no live (pending or paid) line, oldest code first,
   * with the account of their last line when that line failed. (Whether another batch takes them
   * meanwhile is settled by the unique index when the lines are inserted, not here.)
   */
  async candidates(manager: EntityManager, programId: string): Promise<CandidateRow[]> {
    // The program's row FOR SHARE until COMMIT: a retroactive publish holds it FOR UPDATE while it
    // re-prices approved claims (issue 15), so a batch is built either before it — and the publish
    // then re-prices the draft lines — or after it, from the new amounts; never from amounts read
    // before the publish and inserted after it. Builds of one program do not block each other.
    await manager.query(`SELECT 1 FROM program WHERE id = $1 FOR SHARE`, [programId]);
    const rows = (await manager.query(
      `SELECT a.id, a.code, a.applicant_id, a.payee_organization_id, a.program_version_id, a.facts, a.reserved_fen, last.account_bidx, last.status AS last_status
         FROM application a
         LEFT JOIN LATERAL (SELECT l.status, l.account_bidx FROM payment_line l
                             WHERE l.application_id = a.id ORDER BY l.id DESC LIMIT 1) last ON true
        WHERE a.program_id = $1 AND a.status = 'approved'
          AND NOT EXISTS (SELECT 1 FROM payment_line l WHERE l.application_id = a.id AND l.status IN ('pending', 'paid'))
        ORDER BY a.code`,
      [programId],
    )) as {
      id: string;
      code: string;
      applicant_id: string;
      payee_organization_id: string | null;
      program_version_id: string;
      facts: Record<string, unknown>;
      reserved_fen: string;
      account_bidx: string | null;
      last_status: string | null;
    }[];
    return rows.map((row) => ({
      applicationId: row.id,
      code: row.code,
      applicantId: row.applicant_id,
      payeeOrganizationId: row.payee_organization_id,
      programVersionId: row.program_version_id,
      facts: row.facts,
      committedFen: Number(row.reserved_fen),
      failedAccountBidx: row.last_status === 'failed' ? row.account_bidx : null,
    }));
  }

  /**
   * Open receivables of dealer payees with what live lines have not yet netted, oldest first.
   * Residents' receivables are not netted (a resident is paid once per claim; they repay).
   */
  async openDealerReceivables(
    manager: EntityManager,
    organizationIds: readonly string[],
  ): Promise<{ id: string; organizationId: string; openFen: number }[]> {
    if (organizationIds.length === 0) return [];
    const rows = (await manager.query(
      `SELECT r.id, r.payee_organization_id,
              r.amount_fen - coalesce((SELECT sum(n.amount_fen) FROM payment_netting n JOIN payment_line l ON l.id = n.line_id
                                        WHERE n.receivable_id = r.id AND l.status IN ('pending', 'paid')), 0) AS open_fen
         FROM receivable r
        WHERE r.status = 'open' AND r.payee_kind = 'dealer' AND r.payee_organization_id = ANY($1::uuid[])
        ORDER BY r.created_at, r.id
        FOR UPDATE OF r`,
      [[...organizationIds]],
    )) as { id: string; payee_organization_id: string; open_fen: string }[];
    return rows.map((row) => ({
      id: row.id,
      organizationId: row.payee_organization_id,
      openFen: Number(row.open_fen),
    }));
  }

  async insertBatch(manager: EntityManager, programId: string, createdBy: string, at: Date): Promise<string> {
    const [row] = (await manager.query(
      `INSERT INTO payment_batch (program_id, status, total_fen, created_by, created_at) VALUES ($1, 'draft', 0, $2, $3) RETURNING id`,
      [programId, createdBy, at],
    )) as { id: string }[];
    return row!.id;
  }

  /**
   * The batch's lines, in the given order, each given a new line id. A claim that meanwhile got a
   * live line in another batch (a concurrent build) is skipped by the partial unique index
   * `payment_line_one_live_per_claim`: the INSERT waits for the other transaction and then skips
   * the claims it took. Returns the lines inserted (application id → line id).
   */
  async insertLines(
    manager: EntityManager,
    batchId: string,
    lines: readonly NewLine[],
  ): Promise<Map<string, string>> {
    if (lines.length === 0) return new Map();
    const column = <K extends keyof NewLine>(key: K) => lines.map((line) => line[key]);
    const rows = (await manager.query(
      `INSERT INTO payment_line (id, batch_id, application_id, payee_kind, payee_user_id, payee_organization_id,
                                 payee_name_enc, bank_name, account_enc, account_bidx, amount_fen, netted_fen, status)
       SELECT 'PL' || lpad(nextval('payment_line_seq')::text, 10, '0'), $1, t.application_id, t.payee_kind, t.payee_user_id,
              t.payee_organization_id, t.payee_name_enc, t.bank_name, t.account_enc, t.account_bidx, t.amount_fen, t.netted_fen, 'pending'
         FROM unnest($2::uuid[], $3::text[], $4::uuid[], $5::uuid[], $6::text[], $7::text[], $8::text[], $9::text[], $10::bigint[], $11::bigint[])
              WITH ORDINALITY AS t(application_id, payee_kind, payee_user_id, payee_organization_id, payee_name_enc, bank_name,
                                   account_enc, account_bidx, amount_fen, netted_fen, position)
        ORDER BY t.position
       ON CONFLICT (application_id) WHERE status IN ('pending', 'paid') DO NOTHING
       RETURNING id, application_id`,
      [
        batchId,
        column('applicationId'),
        column('payeeKind'),
        column('payeeUserId'),
        column('payeeOrganizationId'),
        column('payeeNameEnc'),
        column('bankName'),
        column('accountEnc'),
        column('accountBidx'),
        column('amountFen'),
        column('nettedFen'),
      ],
    )) as { id: string; application_id: string }[];
    return new Map(rows.map((row) => [row.application_id, row.id]));
  }

  async insertNetting(
    manager: EntityManager,
    allocations: readonly { lineId: string; receivableId: string; amountFen: number }[],
  ): Promise<void> {
    if (allocations.length === 0) return;
    await manager.query(
      `INSERT INTO payment_netting (line_id, receivable_id, amount_fen)
       SELECT * FROM unnest($1::text[], $2::uuid[], $3::bigint[])`,
      [
        allocations.map((a) => a.lineId),
        allocations.map((a) => a.receivableId),
        allocations.map((a) => a.amountFen),
      ],
    );
  }

  async setTotal(manager: EntityManager, batchId: string): Promise<void> {
    await manager.query(
      `UPDATE payment_batch SET total_fen = (SELECT coalesce(sum(amount_fen), 0) FROM payment_line WHERE batch_id = $1) WHERE id = $1`,
      [batchId],
    );
  }

  async findBatch(id: string, manager: EntityManager = this.dataSource.manager): Promise<BatchRow | null> {
    const [row] = (await manager.query(`${BATCH_SELECT} WHERE b.id = $1`, [id])) as RawBatch[];
    return row ? toBatch(row) : null;
  }

  /** The batch row locked for the rest of the transaction (release and reconcile run one at a time). */
  async lockBatch(
    manager: EntityManager,
    id: string,
  ): Promise<{ id: string; status: PaymentBatchStatus; createdBy: string; programId: string } | null> {
    const [row] = (await manager.query(
      `SELECT id, status, created_by, program_id FROM payment_batch WHERE id = $1 FOR UPDATE`,
      [id],
    )) as { id: string; status: PaymentBatchStatus; created_by: string; program_id: string }[];
    return row
      ? { id: row.id, status: row.status, createdBy: row.created_by, programId: row.program_id }
      : null;
  }

  /** Newest first. */
  async listBatches(limit: number): Promise<BatchRow[]> {
    const rows = (await this.dataSource.query(`${BATCH_SELECT} ORDER BY b.created_at DESC, b.id LIMIT $1`, [
      limit,
    ])) as RawBatch[];
    return rows.map(toBatch);
  }

  async release(manager: EntityManager, id: string, by: string, at: Date): Promise<boolean> {
    const rows = await returning(
      manager,
      `UPDATE payment_batch SET status = 'released', released_by = $2, released_at = $3
        WHERE id = $1 AND status = 'draft' AND created_by <> $2 RETURNING id`,
      [id, by, at],
    );
    return rows.length === 1;
  }

  /** A batch's lines in line order; `lock` locks them for the rest of the transaction. */
  async lines(
    batchId: string,
    manager: EntityManager = this.dataSource.manager,
    lock = false,
  ): Promise<LineRow[]> {
    const rows = (await manager.query(
      `${LINE_SELECT} WHERE l.batch_id = $1 ORDER BY l.id${lock ? ' FOR UPDATE OF l' : ''}`,
      [batchId],
    )) as RawLine[];
    return rows.map(toLine);
  }

  /** Which batch each of these line ids belongs to (ids that exist nowhere are absent). */
  async batchesOfLines(manager: EntityManager, lineIds: readonly string[]): Promise<Map<string, string>> {
    if (lineIds.length === 0) return new Map();
    const rows = (await manager.query(`SELECT id, batch_id FROM payment_line WHERE id = ANY($1::text[])`, [
      [...lineIds],
    ])) as { id: string; batch_id: string }[];
    return new Map(rows.map((row) => [row.id, row.batch_id]));
  }

  /** Settles a pending line (paid or failed); false when it was not pending any more. */
  async settleLine(
    manager: EntityManager,
    lineId: string,
    outcome: { status: 'paid' | 'failed'; reason: string | null; bankRef: string | null; at: Date },
  ): Promise<boolean> {
    const rows = await returning(
      manager,
      `UPDATE payment_line SET status = $2, reason = $3, bank_ref = $4, settled_at = $5
        WHERE id = $1 AND status = 'pending' RETURNING id`,
      [lineId, outcome.status, outcome.reason, outcome.bankRef, outcome.at],
    );
    return rows.length === 1;
  }

  /** Receivables fully netted by paid lines are collected (returns how many). */
  async collectNetted(manager: EntityManager, lineIds: readonly string[]): Promise<number> {
    if (lineIds.length === 0) return 0;
    const rows = await returning(
      manager,
      `UPDATE receivable r SET status = 'collected'
        WHERE r.status = 'open' AND r.id IN (SELECT receivable_id FROM payment_netting WHERE line_id = ANY($1::text[]))
          AND r.amount_fen <= (SELECT coalesce(sum(n.amount_fen), 0) FROM payment_netting n JOIN payment_line l ON l.id = n.line_id
                                WHERE n.receivable_id = r.id AND l.status = 'paid')
        RETURNING r.id`,
      [[...lineIds]],
    );
    return rows.length;
  }

  /**
   * The payee's in-app notice and its SMS (through the outbox, in the caller's transaction), once
   * per `eventKey`.
   */
  async queuePayeeNotice(
    manager: EntityManager,
    notice: { userId: string; eventKey: string; kind: string; params: Record<string, unknown>; text: string },
  ): Promise<void> {
    const [row] = (await manager.query(
      `INSERT INTO notification (user_id, event_key, kind, params, text_zh) VALUES ($1, $2, $3, $4::jsonb, $5)
       ON CONFLICT (event_key) DO NOTHING RETURNING id`,
      [notice.userId, notice.eventKey, notice.kind, JSON.stringify(notice.params), notice.text],
    )) as { id: string }[];
    if (row) await writeOutbox(manager, NOTIFY_ACCOUNT.job({ notificationId: row.id }));
  }

  /** Every receivable, newest first, with what live lines have netted of it. */
  async receivables(limit: number): Promise<ReceivableRow[]> {
    const rows = (await this.dataSource.query(
      `SELECT r.id, a.code AS application_code, p.code AS program_code, r.payee_kind, rp.name_enc, o.name AS organization_name,
              r.amount_fen, r.reason, r.status, r.created_at,
              coalesce((SELECT sum(n.amount_fen) FROM payment_netting n JOIN payment_line l ON l.id = n.line_id
                         WHERE n.receivable_id = r.id AND l.status IN ('pending', 'paid')), 0) AS netted_fen
         FROM receivable r JOIN application a ON a.id = r.application_id JOIN program p ON p.id = a.program_id
         LEFT JOIN resident_profile rp ON rp.user_id = r.payee_user_id
         LEFT JOIN organization o ON o.id = r.payee_organization_id
        ORDER BY r.created_at DESC, r.id LIMIT $1`,
      [limit],
    )) as {
      id: string;
      application_code: string;
      program_code: string;
      payee_kind: PayeeKind;
      name_enc: string | null;
      organization_name: string | null;
      amount_fen: string;
      reason: string;
      status: 'open' | 'collected' | 'waived';
      created_at: Date;
      netted_fen: string;
    }[];
    return rows.map((row) => ({
      id: row.id,
      applicationCode: row.application_code,
      programCode: row.program_code,
      payeeKind: row.payee_kind,
      payeeNameEnc: row.name_enc,
      organizationName: row.organization_name,
      amountFen: Number(row.amount_fen),
      nettedFen: Number(row.netted_fen),
      reason: row.reason,
      status: row.status,
      createdAt: row.created_at,
    }));
  }
}

interface RawBatch {
  id: string;
  program_id: string;
  program_code: string;
  status: PaymentBatchStatus;
  total_fen: string;
  created_at: Date;
  released_at: Date | null;
  created_by: string;
  created_by_name: string;
  released_by: string | null;
  released_by_name: string | null;
  pending: number;
  paid: number;
  failed: number;
}

function toBatch(row: RawBatch): BatchRow {
  return {
    id: row.id,
    programId: row.program_id,
    programCode: row.program_code,
    status: row.status,
    totalFen: Number(row.total_fen),
    createdBy: { id: row.created_by, displayName: row.created_by_name },
    createdAt: row.created_at,
    releasedBy: row.released_by ? { id: row.released_by, displayName: row.released_by_name ?? '' } : null,
    releasedAt: row.released_at,
    counts: { pending: row.pending, paid: row.paid, failed: row.failed },
  };
}

interface RawLine {
  id: string;
  batch_id: string;
  application_id: string;
  application_code: string;
  application_status: string;
  payee_kind: PayeeKind;
  payee_user_id: string | null;
  payee_organization_id: string | null;
  payee_name_enc: string;
  bank_name: string;
  account_enc: string;
  amount_fen: string;
  netted_fen: string;
  status: PaymentLineStatus;
  reason: string | null;
  bank_ref: string | null;
  settled_at: Date | null;
}

function toLine(row: RawLine): LineRow {
  return {
    id: row.id,
    batchId: row.batch_id,
    applicationId: row.application_id,
    applicationCode: row.application_code,
    applicationStatus: row.application_status,
    payeeKind: row.payee_kind,
    payeeUserId: row.payee_user_id,
    payeeOrganizationId: row.payee_organization_id,
    payeeNameEnc: row.payee_name_enc,
    bankName: row.bank_name,
    accountEnc: row.account_enc,
    amountFen: Number(row.amount_fen),
    nettedFen: Number(row.netted_fen),
    status: row.status,
    reason: row.reason,
    bankRef: row.bank_ref,
    settledAt: row.settled_at,
  };
}
