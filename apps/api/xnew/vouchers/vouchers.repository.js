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
exports.VouchersRepository = void 0;
const common_1 = require("@nestjs/common");
const typeorm_1 = require("@nestjs/typeorm");
const shared_1 = require("@huanxin/shared");
const sql_1 = require("../database/sql");
const outbox_service_1 = require("../queue/outbox.service");
const notifications_jobs_1 = require("../notifications/notifications.jobs");
/** Claims that use up a category's quota (as the eligibility history counts them). */
const COUNTING_CLAIMS = ['submitted', 'checking', 'in_review', 'returned', 'approved', 'paid'];
const COLUMNS = `v.id, v.code, v.holder_id, v.program_id, v.program_version_id, p.code AS program_code, v.category,
                 v.max_subsidy_fen, v.reserved_fen, v.status, v.expires_at, v.created_at, v.redeemed_fen, v.closed_at`;
/** Named voucher queries; every change of a voucher's money goes with the budget repository's. */
let VouchersRepository = class VouchersRepository {
    constructor(dataSource) {
        this.dataSource = dataSource;
    }
    transaction(work) {
        return this.dataSource.transaction(work);
    }
    /**
     * What of the person's quota for the program's category is used (§5): their vouchers that are
     * live or redeemed (a redeemed voucher counts even after the goods were returned), plus their
     * claims after purchase in that category that count in the history. The caller holds the
     * person's lock (ApplicationsRepository.lockPerson), so a concurrent issue or submit of the
     * same person waits and then sees this one. The point-of-sale claim a redeemed voucher created
     * is left out (`voucher.application_id`, its unique index): voucher and claim are one use.
     * `excludeApplicationId` leaves out the claim being submitted (it is not a use yet).
     */
    async quotaUsed(manager, person) {
        const [row] = (await manager.query(`SELECT (SELECT count(*) FROM voucher WHERE id_number_bidx = $1 AND program_id = $2 AND category = $3
                 AND status = ANY($4::text[]))
            + (SELECT count(*) FROM application a WHERE a.id_number_bidx = $1 AND a.program_id = $2
                 AND a.facts #>> $5::text[] = $3 AND a.status = ANY($6::text[])
                 AND ($7::uuid IS NULL OR a.id <> $7::uuid)
                 AND NOT EXISTS (SELECT 1 FROM voucher r WHERE r.application_id = a.id)) AS used`, [
            person.idNumberBidx,
            person.programId,
            person.category,
            [...shared_1.VOUCHER_COUNTING_STATUSES],
            person.categoryPath,
            COUNTING_CLAIMS,
            person.excludeApplicationId ?? null,
        ]));
        return Number(row.used);
    }
    /**
     * A new `issued` voucher holding its whole maximum (the caller reserves it next, last in the
     * transaction). Null when the code is taken (the unique index decides; the caller draws again).
     */
    async insertIssued(manager, voucher) {
        const rows = (await manager.query(`INSERT INTO voucher (code, holder_id, id_number_bidx, program_id, program_version_id, category, max_subsidy_fen,
                            reserved_fen, status, expires_at, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $7, 'issued', $8, $9) ON CONFLICT (code) DO NOTHING RETURNING id`, [
            voucher.code,
            voucher.holderId,
            voucher.idNumberBidx,
            voucher.programId,
            voucher.programVersionId,
            voucher.category,
            voucher.maxSubsidyFen,
            voucher.expiresAt,
            voucher.createdAt,
        ]));
        return rows[0] ?? null;
    }
    /** The holder's vouchers, newest first. */
    async listOwned(holderId) {
        const rows = (await this.dataSource.query(`SELECT ${COLUMNS} FROM voucher v JOIN program p ON p.id = v.program_id
        WHERE v.holder_id = $1 ORDER BY v.created_at DESC, v.id DESC LIMIT 200`, [holderId]));
        return rows.map(fromRaw);
    }
    /** One voucher, locked for a change; `holderId` restricts it to the caller's own. */
    async lock(manager, id, holderId) {
        const [row] = (await manager.query(`SELECT ${COLUMNS} FROM voucher v JOIN program p ON p.id = v.program_id
        WHERE v.id = $1 AND ($2::uuid IS NULL OR v.holder_id = $2) FOR UPDATE OF v`, [id, holderId]));
        return row ? fromRaw(row) : null;
    }
    /**
     * The voucher a dealer typed or scanned, locked for its redemption (`FOR UPDATE`: a second till
     * redeeming the same code waits here and then reads it `redeemed`), with its program's current
     * version — the rules the point-of-sale claim is created and evaluated under. One statement.
     */
    async lockByCode(manager, code) {
        const [row] = (await manager.query(`SELECT ${COLUMNS}, v.id_number_bidx, p.current_version_id
         FROM voucher v JOIN program p ON p.id = v.program_id
        WHERE v.code = $1 FOR UPDATE OF v`, [code]));
        if (!row)
            return null;
        return { ...fromRaw(row), idNumberBidx: row.id_number_bidx, currentVersionId: row.current_version_id };
    }
    /**
     * The (locked, issued) voucher is redeemed: it names the claim it created and the subsidy
     * granted, and holds nothing from then on (the claim holds the subsidy; the budget statement
     * that moves the money runs last, after the sale). Guarded on `issued`: false when it changed.
     */
    async markRedeemed(manager, redeemed) {
        const rows = await (0, sql_1.returning)(manager, `UPDATE voucher SET status = 'redeemed', reserved_fen = 0, application_id = $2, redeemed_fen = $3, closed_at = $4
        WHERE id = $1 AND status = 'issued' RETURNING id`, [redeemed.id, redeemed.applicationId, redeemed.subsidyFen, redeemed.at]);
        return rows.length > 0;
    }
    /** The sale a redeemed voucher was redeemed with, once the sale row exists (same transaction). */
    async attachSale(manager, id, saleId) {
        const rows = await (0, sql_1.returning)(manager, `UPDATE voucher SET sale_id = $2 WHERE id = $1 AND status = 'redeemed' AND sale_id IS NULL RETURNING id`, [id, saleId]);
        if (rows.length === 0)
            throw new Error(`voucher ${id}: not redeemed in this transaction`);
    }
    /**
     * An issued voucher leaves `issued` for `cancelled` or `expired` and holds nothing from then on.
     * Guarded on `issued`: false when it changed meanwhile.
     */
    async close(manager, id, to, at) {
        const rows = await (0, sql_1.returning)(manager, `UPDATE voucher SET status = $2, reserved_fen = 0, closed_at = $3 WHERE id = $1 AND status = 'issued' RETURNING id`, [id, to, at]);
        return rows.length > 0;
    }
    /** Issued vouchers whose time is up at `now`, oldest expiry first (the partial index). */
    async expiredIds(now, limit) {
        const rows = (await this.dataSource.query(`SELECT id FROM voucher WHERE status = 'issued' AND expires_at <= $1 ORDER BY expires_at LIMIT $2`, [now, limit]));
        return rows.map((row) => row.id);
    }
    /**
     * Marks the issued vouchers that lapse within `withinMs` and whose holder was not yet told, and
     * answers them (one statement: a concurrent sweep marks each once). The caller writes each
     * notice in the same transaction.
     */
    async markReminders(manager, now, withinMs, limit) {
        const rows = await (0, sql_1.returning)(manager, `WITH due AS (
         SELECT id FROM voucher WHERE status = 'issued' AND reminded_at IS NULL AND expires_at > $1
            AND expires_at <= $1::timestamptz + ($2::bigint * interval '1 millisecond')
          ORDER BY expires_at LIMIT $3 FOR UPDATE SKIP LOCKED)
       UPDATE voucher v SET reminded_at = $1 FROM due, program p
        WHERE v.id = due.id AND p.id = v.program_id
       RETURNING ${COLUMNS}`, [now, withinMs, limit]);
        return rows.map(fromRaw);
    }
    /** An in-app notice plus its SMS (through the outbox, in the caller's transaction), once per key. */
    async queueNotice(manager, notice) {
        const [row] = (await manager.query(`INSERT INTO notification (user_id, event_key, kind, params, text_zh) VALUES ($1, $2, $3, $4::jsonb, $5)
       ON CONFLICT (event_key) DO NOTHING RETURNING id`, [notice.userId, notice.eventKey, notice.kind, JSON.stringify(notice.params), notice.text]));
        if (row)
            await (0, outbox_service_1.writeOutbox)(manager, notifications_jobs_1.NOTIFY_ACCOUNT.job({ notificationId: row.id }));
    }
};
exports.VouchersRepository = VouchersRepository;
exports.VouchersRepository = VouchersRepository = __decorate([
    (0, common_1.Injectable)(),
    __param(0, (0, typeorm_1.InjectDataSource)()),
    __metadata("design:paramtypes", [Function])
], VouchersRepository);
function fromRaw(row) {
    return {
        id: row.id,
        code: row.code,
        holderId: row.holder_id,
        programId: row.program_id,
        programVersionId: row.program_version_id,
        programCode: row.program_code,
        category: row.category,
        maxSubsidyFen: Number(row.max_subsidy_fen),
        reservedFen: Number(row.reserved_fen),
        status: row.status,
        expiresAt: row.expires_at,
        createdAt: row.created_at,
        redeemedFen: row.redeemed_fen === null ? null : Number(row.redeemed_fen),
        closedAt: row.closed_at,
    };
}
//# sourceMappingURL=vouchers.repository.js.map