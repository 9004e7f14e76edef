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
exports.LedgerRepository = void 0;
const common_1 = require("@nestjs/common");
const typeorm_1 = require("@nestjs/typeorm");
const shared_1 = require("@huanxin/shared");
const sql_1 = require("../../database/sql");
/**
 * The ledger's one source: the claims the organisation is the payee of (application.payee_
 * organization_id, partial index `application_dealer_payee`) and those it owes an open receivable
 * on (receivable.payee_organization_id), in ONE statement whatever their number; every lookup of
 * a claim's line, receivables, approval and release goes through an index on the claim's id.
 *
 * Why one query over dealer-payee claims rather than a list of ledger sources: a point-of-sale
 * claim is an ordinary claim that names the dealer as payee (operations.md §1: one pipeline, two
 * entry points). When the vouchers issue redeems a voucher, the claim it creates carries
 * `payee_organization_id`, and so appears here with no change to this query: its money states
 * are the same reserve → commit → batch → pay of the budget ledger. The receivable branch
 * covers money owed on a claim the organisation does not (or no longer) receive, e.g. a return
 * reported after a resident claim was paid.
 */
const ledgerRows = (name, claims) => (0, sql_1.namedStatement)(name, `WITH claim AS (${claims})
     SELECT a.id, a.code, a.status, a.reserved_fen, a.submitted_at, a.complete_at,
            (SELECT s.id FROM dealer_sale s WHERE s.application_id = a.id AND s.organization_id = $1) AS sale_id,
            (v.definition #>> '{settings,serviceLevels,reviewDays}')::int AS review_days,
            (v.definition #>> '{settings,serviceLevels,payDays}')::int AS pay_days,
            (SELECT max(e.at) FROM application_event e WHERE e.application_id = a.id AND e.to_status = 'approved') AS approved_at,
            (SELECT l.status FROM payment_line l WHERE l.application_id = a.id AND l.status IN ('pending', 'paid') LIMIT 1) AS live_line,
            (SELECT l.status = 'failed' FROM payment_line l WHERE l.application_id = a.id ORDER BY l.id DESC LIMIT 1) AS last_line_failed,
            (SELECT b.amount_fen FROM budget_ledger b WHERE b.subject_id = a.id AND b.entry IN ('release', 'decommit')
              ORDER BY b.created_at DESC LIMIT 1) AS released_fen,
            owed.owed_fen, owed.opened_at, owed.due_on
       FROM claim c
       JOIN application a ON a.id = c.id
       JOIN program_version v ON v.id = a.program_version_id
       LEFT JOIN LATERAL (
         SELECT sum(r.amount_fen - coalesce((SELECT sum(n.amount_fen) FROM payment_netting n JOIN payment_line l ON l.id = n.line_id
                                              WHERE n.receivable_id = r.id AND l.status = 'paid'), 0)) AS owed_fen,
                min(r.created_at) AS opened_at,
                min(coalesce(r.due_on, (r.created_at AT TIME ZONE 'Asia/Shanghai')::date + ${shared_1.RECEIVABLE_DUE_DAYS}))::text AS due_on
           FROM receivable r WHERE r.application_id = a.id AND r.payee_organization_id = $1 AND r.status = 'open') owed ON true
      ORDER BY a.created_at DESC, a.id DESC`);
/** The whole ledger of organisation $1. */
const LEDGER_ROWS = ledgerRows('dealer_ledger_rows', `SELECT a.id FROM application a WHERE a.payee_organization_id = $1
   UNION
   SELECT r.application_id FROM receivable r WHERE r.payee_organization_id = $1 AND r.status = 'open'`);
/** The same rows for the claims $2 only (a page of the dealer's sales). */
const LEDGER_ROWS_OF_CLAIMS = ledgerRows('dealer_ledger_rows_of_claims', `SELECT a.id FROM application a WHERE a.id = ANY($2::uuid[]) AND a.payee_organization_id = $1
   UNION
   SELECT r.application_id FROM receivable r
    WHERE r.application_id = ANY($2::uuid[]) AND r.payee_organization_id = $1 AND r.status = 'open'`);
/** Named queries of the dealer's ledger (reads only: money moves through ApplicationStateService). */
let LedgerRepository = class LedgerRepository {
    constructor(dataSource) {
        this.dataSource = dataSource;
    }
    /** Every ledger claim of the organisation, newest first (one prepared statement). */
    async rows(organizationId) {
        return (await (0, sql_1.preparedRead)(this.dataSource, LEDGER_ROWS, [organizationId])).map(toLedgerRow);
    }
    /** The ledger rows of these claims (those the organisation is paid for or owes on; others absent). */
    async rowsOfClaims(organizationId, applicationIds) {
        if (applicationIds.length === 0)
            return [];
        return (await (0, sql_1.preparedRead)(this.dataSource, LEDGER_ROWS_OF_CLAIMS, [
            organizationId,
            [...applicationIds],
        ])).map(toLedgerRow);
    }
};
exports.LedgerRepository = LedgerRepository;
exports.LedgerRepository = LedgerRepository = __decorate([
    (0, common_1.Injectable)(),
    __param(0, (0, typeorm_1.InjectDataSource)()),
    __metadata("design:paramtypes", [Function])
], LedgerRepository);
function toLedgerRow(row) {
    return {
        applicationId: row.id,
        applicationCode: row.code,
        saleId: row.sale_id,
        status: row.status,
        heldFen: Number(row.reserved_fen),
        releasedFen: Number(row.released_fen ?? 0),
        liveLine: row.live_line,
        lastLineFailed: row.last_line_failed === true,
        owedFen: Number(row.owed_fen ?? 0),
        receivableOpenedAt: row.opened_at,
        receivableDueOn: row.due_on,
        submittedAt: row.submitted_at,
        completeAt: row.complete_at,
        approvedAt: row.approved_at,
        reviewDays: row.review_days,
        payDays: row.pay_days,
    };
}
//# sourceMappingURL=ledger.repository.js.map