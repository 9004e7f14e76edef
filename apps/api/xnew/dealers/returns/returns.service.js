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
exports.ReturnsService = void 0;
const common_1 = require("@nestjs/common");
const shared_1 = require("@huanxin/shared");
const application_state_service_1 = require("../../applications/application-state.service");
const applications_repository_1 = require("../../applications/applications.repository");
const audit_service_1 = require("../../audit/audit.service");
const clock_1 = require("../../common/clock");
const domain_error_1 = require("../../common/errors/domain-error");
const config_module_1 = require("../../config/config.module");
const payments_repository_1 = require("../../payments/payments.repository");
const dealer_records_rules_1 = require("../../risk/dealer-records.rules");
const sales_repository_1 = require("../sales/sales.repository");
const returns_repository_1 = require("./returns.repository");
const DAY_MS = 86_400_000;
const alreadyReturned = () => new domain_error_1.DomainError(shared_1.ErrorCode.ALREADY_RETURNED, 'This sale’s return is recorded already');
const paymentPending = () => new domain_error_1.DomainError(shared_1.ErrorCode.RETURN_PAYMENT_PENDING, 'A released payment batch is paying this sale’s claim: report the return once the bank’s result is in');
/**
 * A dealer reports a sale's goods returned (operations.md §6; `POST /api/dealer/sales/:id/return`).
 * One transaction decides the outcome under locks, in this order: the sale (a second return of it
 * waits, then finds it returned: 409 ALREADY_RETURNED), the claim it created (every writer of a
 * claim's status locks it), then the claim's live payment line with its batch:
 *
 * - no live line (submitted … returned, approved, or approved with a failed line): the claim is
 *   cancelled, its reservation released or its commitment decommitted → `cancelled`;
 * - a pending line of a draft batch: the line leaves the batch (its netting too; the batch total
 *   follows), then as above → `removed_from_batch`;
 * - a pending line of a released batch: refused, 409 RETURN_PAYMENT_PENDING, nothing changed.
 *   The releaser approved those lines and the bank file may be with the bank: the dealer reports
 *   the return again once the result file is reconciled — paid, it becomes a receivable; failed,
 *   a plain cancellation. (A pre-read without locks refuses it before any claim lock, so a return
 *   never waits on a reconciliation that holds the batch, its lines and then the claims.)
 * - paid: the claim is cancelled (the money stays paid on the budget) and a receivable of the
 *   paid subsidy opens against the dealer, due in RETURN_RECEIVABLE_DAYS → `receivable`.
 *
 * A claim that had ended already (rejected, withdrawn, expired) and a sale without a claim only
 * mark the sale returned (`cancelled`); a resident's open claim after purchase matched to the
 * sale is flagged SALE_RETURNED for the reviewer. The voucher stays redeemed: its quota stays
 * used (§5). Audited; the resident (by the status change) and the dealer's accounts are told.
 */
let ReturnsService = class ReturnsService {
    constructor(returns, sales, applications, state, payments, audit, clock, config) {
        this.returns = returns;
        this.sales = sales;
        this.applications = applications;
        this.state = state;
        this.payments = payments;
        this.audit = audit;
        this.clock = clock;
        this.config = config;
    }
    async returnSale(user, saleId, body) {
        if (!user.organizationId || user.role !== 'dealer')
            throw new domain_error_1.DomainError(shared_1.ErrorCode.FORBIDDEN, 'Not allowed');
        const organizationId = user.organizationId;
        return this.returns.transaction(async (manager) => {
            const sale = await this.returns.lockOwnSale(manager, organizationId, saleId);
            if (!sale)
                throw new domain_error_1.DomainError(shared_1.ErrorCode.SALE_NOT_FOUND, 'No such sale');
            const checked = (0, shared_1.checkSaleReturn)(body, { today: this.clock.today(), saleDate: sale.invoiceDate });
            if (!checked.ok)
                throw (0, domain_error_1.validationFailed)(checked.fields, 'The return report is incomplete or wrong');
            if (sale.status === 'returned')
                throw alreadyReturned();
            const request = checked.value;
            const result = sale.applicationId
                ? await this.returnClaim(manager, user, sale, sale.applicationId, request)
                : null;
            const outcome = result?.outcome ?? 'cancelled';
            const at = this.clock.now();
            if (!(await this.returns.markReturned(manager, sale.id, { ...request, outcome, at })))
                throw alreadyReturned();
            const flagged = sale.applicationId ? [] : await this.flagMatchedClaim(manager, sale, request);
            await this.audit.record({
                action: 'dealer_sale.returned',
                result: 'success',
                objectType: 'dealer_sale',
                objectId: sale.id,
                detail: {
                    returnedOn: request.returnedOn,
                    reason: request.reason,
                    outcome,
                    ...(result && {
                        applicationId: result.claim.id,
                        code: result.claim.code,
                        from: result.claim.status,
                    }),
                    ...(result?.removedLine && {
                        lineId: result.removedLine.id,
                        batchId: result.removedLine.batchId,
                    }),
                    ...(result?.receivable && {
                        receivableId: result.receivable.id,
                        receivableFen: result.receivable.amountFen,
                        dueOn: result.receivable.dueOn,
                    }),
                    ...(flagged.length > 0 && { flagged }),
                },
            }, manager);
            if (result?.cancelled)
                await this.tellDealer(manager, organizationId, sale, result);
            return {
                outcome,
                ...(result?.receivable && {
                    receivableFen: result.receivable.amountFen,
                    dueOn: result.receivable.dueOn,
                }),
            };
        });
    }
    /** Decides the outcome for the sale's claim (see the class comment) and applies it. */
    async returnClaim(manager, user, sale, applicationId, request) {
        const seen = await this.payments.liveLineOf(manager, applicationId);
        if (seen?.status === 'pending' && seen.batchStatus !== 'draft')
            throw paymentPending();
        const claim = await this.applications.lockById(manager, applicationId);
        if (!claim)
            throw new Error(`sale ${sale.id} names a missing claim ${applicationId}`);
        const from = { ...claim };
        const note = `商品退货：${request.reason}`;
        const cancel = () => this.state.move(manager, claim, { to: 'cancelled', note, actorId: user.id });
        switch (claim.status) {
            case 'submitted':
            case 'checking':
            case 'in_review':
            case 'returned':
                await cancel();
                return { outcome: 'cancelled', claim: from, cancelled: true };
            case 'approved': {
                const line = await this.payments.liveLineOf(manager, applicationId, true);
                if (line?.status === 'pending') {
                    if (line.batchStatus !== 'draft')
                        throw paymentPending();
                    if (!(await this.payments.removeLine(manager, line.id, line.batchId)))
                        throw new domain_error_1.DomainError(shared_1.ErrorCode.WRONG_STATE, 'The payment batch changed meanwhile; try again');
                    await this.audit.record({
                        action: 'payments.batch.line_removed',
                        result: 'success',
                        objectType: 'payment_batch',
                        objectId: line.batchId,
                        detail: {
                            lineId: line.id,
                            code: claim.code,
                            amountFen: line.amountFen,
                            nettedFen: line.nettedFen,
                            why: 'goods returned',
                        },
                    }, manager);
                    await cancel();
                    return {
                        outcome: 'removed_from_batch',
                        claim: from,
                        cancelled: true,
                        removedLine: { id: line.id, batchId: line.batchId },
                    };
                }
                await cancel();
                return { outcome: 'cancelled', claim: from, cancelled: true };
            }
            case 'paid': {
                const amountFen = claim.reservedFen;
                const dueOn = addDays(this.clock.today(), this.config.returns.receivableDays);
                const id = await this.returns.openReturnReceivable(manager, {
                    applicationId,
                    organizationId: sale.organizationId,
                    saleId: sale.id,
                    amountFen,
                    reason: `商品退货：${request.reason}`,
                    dueOn,
                    createdBy: user.id,
                });
                await cancel();
                return { outcome: 'receivable', claim: from, cancelled: true, receivable: { id, amountFen, dueOn } };
            }
            case 'cancelled':
                throw alreadyReturned();
            case 'draft':
            case 'rejected':
            case 'withdrawn':
            case 'expired':
                // Nothing is held for the claim any more: only the sale is marked returned.
                return { outcome: 'cancelled', claim: from, cancelled: false };
        }
    }
    /** A resident's open claim after purchase matched to this sale: flagged for the reviewer. */
    async flagMatchedClaim(manager, sale, request) {
        const matched = await this.sales.claimsForSales([sale]);
        const claim = matched.get(sale.id);
        if (!claim)
            return [];
        return this.returns.flagReturnedSale(manager, [claim.id], (0, dealer_records_rules_1.saleReturnedDetail)({ id: sale.id, returnedOn: request.returnedOn }));
    }
    /** Every dealer account of the organisation is told in-app (and by SMS where it has a phone). */
    async tellDealer(manager, organizationId, sale, result) {
        const code = result.claim.code;
        const text = result.outcome === 'receivable'
            ? `【章丘换新】销售记录（发票${sale.invoiceNo}）已登记退货，补贴申请${code}已取消。已发放的补贴${yuan(result.receivable.amountFen)}元须于${result.receivable.dueOn}前退回，将从下一批次结算中抵扣；逾期未退回的，新的结算将暂停发放。`
            : `【章丘换新】销售记录（发票${sale.invoiceNo}）已登记退货，补贴申请${code}已取消${result.outcome === 'removed_from_batch' ? '并移出待发放批次' : ''}，该笔补贴不再结算。`;
        for (const userId of await this.returns.dealerAccounts(manager, organizationId))
            await this.payments.queuePayeeNotice(manager, {
                userId,
                eventKey: `sale-returned-${sale.id}-${userId}`,
                kind: 'sale_returned',
                params: {
                    saleId: sale.id,
                    applicationId: result.claim.id,
                    code,
                    outcome: result.outcome,
                    ...(result.receivable && {
                        receivableFen: result.receivable.amountFen,
                        dueOn: result.receivable.dueOn,
                    }),
                },
                text,
            });
    }
};
exports.ReturnsService = ReturnsService;
exports.ReturnsService = ReturnsService = __decorate([
    (0, common_1.Injectable)(),
    __param(7, (0, config_module_1.InjectConfig)()),
    __metadata("design:paramtypes", [returns_repository_1.ReturnsRepository,
        sales_repository_1.SalesRepository,
        applications_repository_1.ApplicationsRepository,
        application_state_service_1.ApplicationStateService,
        payments_repository_1.PaymentsRepository,
        audit_service_1.AuditService,
        clock_1.Clock, Object])
], ReturnsService);
/** `YYYY-MM-DD` + days. */
function addDays(date, days) {
    return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}
function yuan(fen) {
    return (fen / 100).toFixed(2);
}
//# sourceMappingURL=returns.service.js.map