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
exports.ReturnsRepository = void 0;
const common_1 = require("@nestjs/common");
const typeorm_1 = require("@nestjs/typeorm");
const shared_1 = require("@huanxin/shared");
const sql_1 = require("../../database/sql");
const dealer_sale_entity_1 = require("../sales/dealer-sale.entity");
/** Claims after purchase that a reviewer can still act on: flagged when their sale is returned. */
const OPEN_CLAIM_STATUSES = ['submitted', 'checking', 'in_review', 'returned'];
/**
 * Named queries of a sale's return (operations.md §6): the sale row locked for the return, the
 * return recorded on it, the receivable of a return after payout, the flag on a resident's open
 * claim matched to the sale, and the dealer accounts told about it. Claim status and money move
 * through ApplicationStateService; a claim's payment line through PaymentsRepository.
 */
let ReturnsRepository = class ReturnsRepository {
    constructor(dataSource) {
        this.dataSource = dataSource;
    }
    transaction(work) {
        return this.dataSource.transaction(work);
    }
    /**
     * The organisation's sale, locked until the transaction ends (two returns of one sale run one
     * after the other: the second finds it returned); another organisation's sale is null, as is an
     * unknown id.
     */
    lockOwnSale(manager, organizationId, saleId) {
        return manager
            .getRepository(dealer_sale_entity_1.DealerSaleEntity)
            .findOne({ where: { id: saleId, organizationId }, lock: { mode: 'pessimistic_write' } });
    }
    /** Records the return on a sale still `recorded`; false when it was returned meanwhile. */
    async markReturned(manager, saleId, the) {
        const rows = await (0, sql_1.returning)(manager, `UPDATE dealer_sale SET status = 'returned', returned_on = $2, return_reason = $3, return_outcome = $4, returned_at = $5
        WHERE id = $1 AND status = 'recorded' RETURNING id`, [saleId, the.returnedOn, the.reason, the.outcome, the.at]);
        return rows.length === 1;
    }
    /** Opens the receivable of a sale returned after payout, against the selling organisation. */
    async openReturnReceivable(manager, receivable) {
        const [row] = (await manager.query(`INSERT INTO receivable (application_id, payee_kind, payee_organization_id, amount_fen, reason, sale_id, due_on, created_by)
       VALUES ($1, 'dealer', $2, $3, $4, $5, $6, $7) RETURNING id`, [
            receivable.applicationId,
            receivable.organizationId,
            receivable.amountFen,
            receivable.reason,
            receivable.saleId,
            receivable.dueOn,
            receivable.createdBy,
        ]));
        return row.id;
    }
    /**
     * Raises SALE_RETURNED on these claims while a reviewer can still act on them (once per claim;
     * the weight joins the risk score as the checks' flags do). Answers the claims flagged now.
     */
    async flagReturnedSale(manager, applicationIds, detail) {
        if (applicationIds.length === 0)
            return [];
        const rows = await (0, sql_1.returning)(manager, `WITH raised AS (
         INSERT INTO application_flag (application_id, code, detail, weight)
         SELECT a.id, 'SALE_RETURNED', $3::jsonb, $4 FROM application a
          WHERE a.id = ANY($1::uuid[]) AND a.status = ANY($2::text[])
         ON CONFLICT (application_id, code) DO NOTHING RETURNING application_id, weight)
       UPDATE application a SET risk_score = a.risk_score + r.weight
         FROM raised r WHERE a.id = r.application_id RETURNING a.id`, [[...applicationIds], OPEN_CLAIM_STATUSES, JSON.stringify(detail), (0, shared_1.riskWeight)('SALE_RETURNED')]);
        return rows.map((row) => row.id);
    }
    /** The organisation's dealer accounts that can sign in (not disabled), for the return's notice. */
    async dealerAccounts(manager, organizationId) {
        const rows = (await manager.query(`SELECT id FROM user_account WHERE organization_id = $1 AND role = 'dealer' AND disabled_at IS NULL ORDER BY id`, [organizationId]));
        return rows.map((row) => row.id);
    }
};
exports.ReturnsRepository = ReturnsRepository;
exports.ReturnsRepository = ReturnsRepository = __decorate([
    (0, common_1.Injectable)(),
    __param(0, (0, typeorm_1.InjectDataSource)()),
    __metadata("design:paramtypes", [Function])
], ReturnsRepository);
//# sourceMappingURL=returns.repository.js.map