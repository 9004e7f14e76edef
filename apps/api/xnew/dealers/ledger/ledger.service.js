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
Object.defineProperty(exports, "__esModule", { value: true });
exports.LedgerService = void 0;
const common_1 = require("@nestjs/common");
const shared_1 = require("@huanxin/shared");
const domain_error_1 = require("../../common/errors/domain-error");
const ledger_repository_1 = require("./ledger.repository");
/**
 * The dealer's ledger (`GET /api/dealer/ledger`): each claim the organisation is paid for, in its
 * one money state (shared `ledgerState`), with the amount in that state and when the next move is
 * due by the SLA clocks (`ledgerExpectedOn`); the totals are the items summed by state
 * (`ledgerTotals`), released claims in none.
 */
let LedgerService = class LedgerService {
    constructor(ledger) {
        this.ledger = ledger;
    }
    async ledgerOf(caller) {
        if (!caller.organizationId)
            throw new domain_error_1.DomainError(shared_1.ErrorCode.FORBIDDEN, 'Not allowed');
        const items = (await this.ledger.rows(caller.organizationId)).flatMap((row) => {
            const item = toItem(row);
            return item ? [item] : [];
        });
        return { totals: (0, shared_1.ledgerTotals)(items), items };
    }
    /**
     * The money state of these claims for the organisation, for its sales list: present for a claim
     * it is paid for (point of sale) or owes on; absent for a resident's own claim matched to a sale
     * (the dealer advanced nothing on it).
     */
    async moneyOfClaims(organizationId, applicationIds) {
        const money = new Map();
        for (const row of await this.ledger.rowsOfClaims(organizationId, applicationIds)) {
            const item = toItem(row);
            if (item)
                money.set(row.applicationId, {
                    state: item.state,
                    amountFen: item.amountFen,
                    ...(item.expectedOn ? { expectedOn: item.expectedOn } : {}),
                });
        }
        return money;
    }
};
exports.LedgerService = LedgerService;
exports.LedgerService = LedgerService = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [ledger_repository_1.LedgerRepository])
], LedgerService);
function toItem(row) {
    const state = (0, shared_1.ledgerState)({
        status: row.status,
        liveLine: row.liveLine,
        lastLineFailed: row.lastLineFailed && row.liveLine === null,
        openReceivableFen: row.owedFen,
    });
    if (state === null)
        return null;
    // A cancelled claim shows what the return gave back: the released reservation or commitment,
    // or — returned after payment, its receivable settled — the subsidy that was paid.
    const amountFen = state === 'receivable'
        ? row.owedFen
        : state === 'released'
            ? row.releasedFen
            : state === 'cancelled'
                ? row.releasedFen || row.heldFen
                : row.heldFen;
    const expectedOn = (0, shared_1.ledgerExpectedOn)(state, {
        submittedAt: row.submittedAt,
        completeAt: row.completeAt,
        approvedAt: row.approvedAt,
        receivableOpenedAt: row.receivableOpenedAt,
        receivableDueOn: row.receivableDueOn,
        reviewDays: row.reviewDays,
        payDays: row.payDays,
    });
    return {
        saleId: row.saleId,
        applicationCode: row.applicationCode,
        state,
        amountFen,
        ...(expectedOn ? { expectedOn } : {}),
    };
}
//# sourceMappingURL=ledger.service.js.map