"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
var __param = (this && this.__param) || function (paramIndex, decorator) {
    return function (target, key) { decorator(target, key, paramIndex); }
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.PaymentsRepository = void 0;
const common_1 = require("@nestjs/common");
const typeorm_1 = require("@nestjs/typeorm");
const shared_1 = require("@huanxin/shared");
const sql_1 = require("../database/sql");
const notifications_jobs_1 = require("../notifications/notifications.jobs");
const outbox_service_1 = require("../queue/outbox.service");
/**
 * A receivable's due date (Asia/Shanghai): a return's stored `due_on`, else — a clawback's —
 * its opening date + RECEIVABLE_DUE_DAYS.
 */
const DUE_ON = `coalesce(r.due_on, (r.created_at AT TIME ZONE 'Asia/Shanghai')::date + ${shared_1.RECEIVABLE_DUE_DAYS})`;
/** What live lines (pending or paid) have not netted of receivable r. */
const OPEN_FEN = `r.amount_fen - coalesce((SELECT sum(n.amount_fen) FROM payment_netting n JOIN payment_line l ON l.id = n.line_id
                                        WHERE n.receivable_id = r.id AND l.status IN ('pending', 'paid')), 0)`;
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
let PaymentsRepository = class PaymentsRepository {
    constructor(dataSource) {
        this.dataSource = dataSource;
    }
    transaction(work) {
        return this.dataSource.transaction(work);
    }
    /**
     * A program's approved claims that are in no live (pending or paid) line, oldest code first,
     * with the account of their last line when that line failed. (Whether another batch takes them
     * meanwhile is settled by the unique index when the lines are inserted, not here.) The claims
     * are locked for the build: a return that cancels one (dealers/returns) either commits first —
     * the claim, no longer approved, is not taken — or waits for the build and then takes the new
     * line out of the draft batch; never a line for a cancelled claim.
     */
    async candidates(manager, programId) {
        // The program's row FOR SHARE until COMMIT: a retroactive publish holds it FOR UPDATE while it
        // re-prices approved claims (issue 15), so a batch is built either before it — and the publish
        // then re-prices the draft lines — or after it, from the new amounts; never from amounts read
        // before the publish and inserted after it. Builds of one program do not block each other.
        await manager.query(`SELECT 1 FROM program WHERE id = $1 FOR SHARE`, [programId]);
        const rows = (await manager.query(`SELECT a.id, a.code, a.applicant_id, a.payee_organization_id, a.program_version_id, a.facts, a.reserved_fen, last.account_bidx, last.status AS last_status
         FROM application a
         LEFT JOIN LATERAL (SELECT l.status, l.account_bidx FROM payment_line l
                             WHERE l.application_id = a.id ORDER BY l.id DESC LIMIT 1) last ON true
        WHERE a.program_id = $1 AND a.status = 'approved'
          AND NOT EXISTS (SELECT 1 FROM payment_line l WHERE l.application_id = a.id AND l.status IN ('pending', 'paid'))
        ORDER BY a.code
        FOR UPDATE OF a`, [programId]));
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
    async openDealerReceivables(manager, organizationIds) {
        if (organizationIds.length === 0)
            return [];
        const rows = (await manager.query(`SELECT r.id, r.payee_organization_id,
              r.amount_fen - coalesce((SELECT sum(n.amount_fen) FROM payment_netting n JOIN payment_line l ON l.id = n.line_id
                                        WHERE n.receivable_id = r.id AND l.status IN ('pending', 'paid')), 0) AS open_fen
         FROM receivable r
        WHERE r.status = 'open' AND r.payee_kind = 'dealer' AND r.payee_organization_id = ANY($1::uuid[])
        ORDER BY r.created_at, r.id
        FOR UPDATE OF r`, [[...organizationIds]]));
        return rows.map((row) => ({
            id: row.id,
            organizationId: row.payee_organization_id,
            openFen: Number(row.open_fen),
        }));
    }
    /**
     * The organisations among these whose oldest overdue receivable (due before `today`, still owed
     * after what live lines netted) holds their new payouts (operations.md §6), with that receivable.
     */
    async overdueDealers(manager, organizationIds, today) {
        if (organizationIds.length === 0)
            return new Map();
        const rows = (await manager.query(`SELECT DISTINCT ON (o.organization_id) o.organization_id, o.id, o.owed_fen, o.due_on::text AS due_on
         FROM (SELECT r.id, r.payee_organization_id AS organization_id, ${OPEN_FEN} AS owed_fen, ${DUE_ON} AS due_on
                 FROM receivable r
                WHERE r.status = 'open' AND r.payee_kind = 'dealer' AND r.payee_organization_id = ANY($1::uuid[])) o
        WHERE o.due_on < $2::date AND o.owed_fen > 0
        ORDER BY o.organization_id, o.due_on, o.id`, [[...organizationIds], today]));
        return new Map(rows.map((row) => [
            row.organization_id,
            {
                organizationId: row.organization_id,
                receivableId: row.id,
                owedFen: Number(row.owed_fen),
                dueOn: row.due_on,
            },
        ]));
    }
    /**
     * The claim's live line and its batch, optionally locked (line and batch row: a concurrent
     * release or reconciliation of that batch waits, or is waited for).
     */
    async liveLineOf(manager, applicationId, lock = false) {
        const [row] = (await manager.query(`SELECT l.id, l.status, l.batch_id, b.status AS batch_status, l.amount_fen, l.netted_fen
         FROM payment_line l JOIN payment_batch b ON b.id = l.batch_id
        WHERE l.application_id = $1 AND l.status IN ('pending', 'paid')${lock ? ' FOR UPDATE OF l, b' : ''}`, [applicationId]));
        return row
            ? {
                id: row.id,
                status: row.status,
                batchId: row.batch_id,
                batchStatus: row.batch_status,
                amountFen: Number(row.amount_fen),
                nettedFen: Number(row.netted_fen),
            }
            : null;
    }
    /**
     * Takes a pending line out of its (draft) batch: its netting allocations go (the receivables
     * they netted are open again for the next batch), the line goes, the batch total follows. The
     * caller holds the line and batch locks and checked the batch is a draft. False when the line
     * was not pending in a draft batch any more.
     */
    async removeLine(manager, lineId, batchId) {
        await manager.query(`DELETE FROM payment_netting WHERE line_id = $1`, [lineId]);
        const removed = await (0, sql_1.returning)(manager, `DELETE FROM payment_line l USING payment_batch b
        WHERE l.id = $1 AND l.batch_id = $2 AND b.id = l.batch_id AND l.status = 'pending' AND b.status = 'draft'
        RETURNING l.id`, [lineId, batchId]);
        if (removed.length !== 1)
            return false;
        await this.setTotal(manager, batchId);
        return true;
    }
    /**
     * Records that the payee paid an open receivable back directly: collected, when no pending line
     * still nets it (that line settles it when the bank pays). Answers the row's amount, or why not.
     */
    async collectReceivable(manager, id) {
        const [locked] = (await manager.query(`SELECT r.id, r.status, r.amount_fen, ${OPEN_FEN} AS owed_fen,
              EXISTS (SELECT 1 FROM payment_netting n JOIN payment_line l ON l.id = n.line_id
                       WHERE n.receivable_id = r.id AND l.status = 'pending') AS netting
         FROM receivable r WHERE r.id = $1 FOR UPDATE OF r`, [id]));
        if (!locked)
            return { ok: false, found: false };
        if (locked.status !== 'open' || locked.netting)
            return { ok: false, found: true };
        await manager.query(`UPDATE receivable SET status = 'collected' WHERE id = $1`, [id]);
        return { ok: true, amountFen: Number(locked.amount_fen), owedFen: Number(locked.owed_fen) };
    }
    async insertBatch(manager, programId, createdBy, at) {
        const [row] = (await manager.query(`INSERT INTO payment_batch (program_id, status, total_fen, created_by, created_at) VALUES ($1, 'draft', 0, $2, $3) RETURNING id`, [programId, createdBy, at]));
        return row.id;
    }
    /**
     * The batch's lines, in the given order, each given a new line id. A claim that meanwhile got a
     * live line in another batch (a concurrent build) is skipped by the partial unique index
     * `payment_line_one_live_per_claim`: the INSERT waits for the other transaction and then skips
     * the claims it took. Returns the lines inserted (application id → line id).
     */
    async insertLines(manager, batchId, lines) {
        if (lines.length === 0)
            return new Map();
        const column = (key) => lines.map((line) => line[key]);
        const rows = (await manager.query(`INSERT INTO payment_line (id, batch_id, application_id, payee_kind, payee_user_id, payee_organization_id,
                                 payee_name_enc, bank_name, account_enc, account_bidx, amount_fen, netted_fen, status)
       SELECT 'PL' || lpad(nextval('payment_line_seq')::text, 10, '0'), $1, t.application_id, t.payee_kind, t.payee_user_id,
              t.payee_organization_id, t.payee_name_enc, t.bank_name, t.account_enc, t.account_bidx, t.amount_fen, t.netted_fen, 'pending'
         FROM unnest($2::uuid[], $3::text[], $4::uuid[], $5::uuid[], $6::text[], $7::text[], $8::text[], $9::text[], $10::bigint[], $11::bigint[])
              WITH ORDINALITY AS t(application_id, payee_kind, payee_user_id, payee_organization_id, payee_name_enc, bank_name,
                                   account_enc, account_bidx, amount_fen, netted_fen, position)
        ORDER BY t.position
       ON CONFLICT (application_id) WHERE status IN ('pending', 'paid') DO NOTHING
       RETURNING id, application_id`, [
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
        ]));
        return new Map(rows.map((row) => [row.application_id, row.id]));
    }
    async insertNetting(manager, allocations) {
        if (allocations.length === 0)
            return;
        await manager.query(`INSERT INTO payment_netting (line_id, receivable_id, amount_fen)
       SELECT * FROM unnest($1::text[], $2::uuid[], $3::bigint[])`, [
            allocations.map((a) => a.lineId),
            allocations.map((a) => a.receivableId),
            allocations.map((a) => a.amountFen),
        ]);
    }
    async setTotal(manager, batchId) {
        await manager.query(`UPDATE payment_batch SET total_fen = (SELECT coalesce(sum(amount_fen), 0) FROM payment_line WHERE batch_id = $1) WHERE id = $1`, [batchId]);
    }
    async findBatch(id, manager = this.dataSource.manager) {
        const [row] = (await manager.query(`${BATCH_SELECT} WHERE b.id = $1`, [id]));
        return row ? toBatch(row) : null;
    }
    /** The batch row locked for the rest of the transaction (release and reconcile run one at a time). */
    async lockBatch(manager, id) {
        const [row] = (await manager.query(`SELECT id, status, created_by, program_id FROM payment_batch WHERE id = $1 FOR UPDATE`, [id]));
        return row
            ? { id: row.id, status: row.status, createdBy: row.created_by, programId: row.program_id }
            : null;
    }
    /** Newest first. */
    async listBatches(limit) {
        const rows = (await this.dataSource.query(`${BATCH_SELECT} ORDER BY b.created_at DESC, b.id LIMIT $1`, [
            limit,
        ]));
        return rows.map(toBatch);
    }
    async release(manager, id, by, at) {
        const rows = await (0, sql_1.returning)(manager, `UPDATE payment_batch SET status = 'released', released_by = $2, released_at = $3
        WHERE id = $1 AND status = 'draft' AND created_by <> $2 RETURNING id`, [id, by, at]);
        return rows.length === 1;
    }
    /** A batch's lines in line order; `lock` locks them for the rest of the transaction. */
    async lines(batchId, manager = this.dataSource.manager, lock = false) {
        const rows = (await manager.query(`${LINE_SELECT} WHERE l.batch_id = $1 ORDER BY l.id${lock ? ' FOR UPDATE OF l' : ''}`, [batchId]));
        return rows.map(toLine);
    }
    /** Which batch each of these line ids belongs to (ids that exist nowhere are absent). */
    async batchesOfLines(manager, lineIds) {
        if (lineIds.length === 0)
            return new Map();
        const rows = (await manager.query(`SELECT id, batch_id FROM payment_line WHERE id = ANY($1::text[])`, [
            [...lineIds],
        ]));
        return new Map(rows.map((row) => [row.id, row.batch_id]));
    }
    /** Settles a pending line (paid or failed); false when it was not pending any more. */
    async settleLine(manager, lineId, outcome) {
        const rows = await (0, sql_1.returning)(manager, `UPDATE payment_line SET status = $2, reason = $3, bank_ref = $4, settled_at = $5
        WHERE id = $1 AND status = 'pending' RETURNING id`, [lineId, outcome.status, outcome.reason, outcome.bankRef, outcome.at]);
        return rows.length === 1;
    }
    /** Receivables fully netted by paid lines are collected (returns how many). */
    async collectNetted(manager, lineIds) {
        if (lineIds.length === 0)
            return 0;
        const rows = await (0, sql_1.returning)(manager, `UPDATE receivable r SET status = 'collected'
        WHERE r.status = 'open' AND r.id IN (SELECT receivable_id FROM payment_netting WHERE line_id = ANY($1::text[]))
          AND r.amount_fen <= (SELECT coalesce(sum(n.amount_fen), 0) FROM payment_netting n JOIN payment_line l ON l.id = n.line_id
                                WHERE n.receivable_id = r.id AND l.status = 'paid')
        RETURNING r.id`, [[...lineIds]]);
        return rows.length;
    }
    /**
     * The payee's in-app notice and its SMS (through the outbox, in the caller's transaction), once
     * per `eventKey`.
     */
    async queuePayeeNotice(manager, notice) {
        const [row] = (await manager.query(`INSERT INTO notification (user_id, event_key, kind, params, text_zh) VALUES ($1, $2, $3, $4::jsonb, $5)
       ON CONFLICT (event_key) DO NOTHING RETURNING id`, [notice.userId, notice.eventKey, notice.kind, JSON.stringify(notice.params), notice.text]));
        if (row)
            await (0, outbox_service_1.writeOutbox)(manager, notifications_jobs_1.NOTIFY_ACCOUNT.job({ notificationId: row.id }));
    }
    /** Every receivable, newest first, with what live lines have netted of it. */
    async receivables(limit) {
        const rows = (await this.dataSource.query(`SELECT r.id, a.code AS application_code, p.code AS program_code, r.payee_kind, rp.name_enc, o.name AS organization_name,
              r.amount_fen, r.reason, r.status, r.created_at,
              CASE WHEN r.sale_id IS NULL THEN 'sample' ELSE 'return' END AS source, ${DUE_ON}::text AS due_on,
              coalesce((SELECT sum(n.amount_fen) FROM payment_netting n JOIN payment_line l ON l.id = n.line_id
                         WHERE n.receivable_id = r.id AND l.status IN ('pending', 'paid')), 0) AS netted_fen
         FROM receivable r JOIN application a ON a.id = r.application_id JOIN program p ON p.id = a.program_id
         LEFT JOIN resident_profile rp ON rp.user_id = r.payee_user_id
         LEFT JOIN organization o ON o.id = r.payee_organization_id
        ORDER BY r.created_at DESC, r.id LIMIT $1`, [limit]));
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
            source: row.source,
            dueOn: row.due_on,
            createdAt: row.created_at,
        }));
    }
};
exports.PaymentsRepository = PaymentsRepository;
exports.PaymentsRepository = PaymentsRepository = __decorate([
    (0, common_1.Injectable)(),
    __param(0, (0, typeorm_1.InjectDataSource)()),
    __metadata("design:paramtypes", [Function])
], PaymentsRepository);
function toBatch(row) {
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
function toLine(row) {
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
//# sourceMappingURL=payments.repository.js.map