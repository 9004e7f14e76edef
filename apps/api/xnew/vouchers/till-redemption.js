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
exports.TillRedemption = void 0;
exports.saleFacts = saleFacts;
const common_1 = require("@nestjs/common");
const shared_1 = require("@huanxin/shared");
const application_state_service_1 = require("../applications/application-state.service");
const applications_repository_1 = require("../applications/applications.repository");
const audit_service_1 = require("../audit/audit.service");
const budget_repository_1 = require("../budget/budget.repository");
const clock_1 = require("../common/clock");
const pii_cipher_1 = require("../common/crypto/pii-cipher");
const domain_error_1 = require("../common/errors/domain-error");
const voucher_redemption_1 = require("../dealers/sales/voucher-redemption");
const server_evaluator_1 = require("../eligibility/server-evaluator");
const programs_cache_1 = require("../programs/programs.cache");
const programs_repository_1 = require("../programs/programs.repository");
const vouchers_repository_1 = require("./vouchers.repository");
/** The sale's field that answers each claim key (a conflict is that field's duplicate). */
const KEY_FIELDS = {
    serialNo: { field: 'serialNo', code: shared_1.ErrorCode.DUPLICATE_SERIAL },
    invoiceNo: { field: 'invoiceNo', code: shared_1.ErrorCode.DUPLICATE_INVOICE },
};
const refuse = (code, field, message, extra) => new domain_error_1.DomainError(code, message, { fields: { [field]: code }, ...(extra && { extra }) });
/**
 * Redemption at the till (operations.md §1, §5): the dealer sale's VoucherRedeemer. In the sale's
 * one transaction, so any refusal changes nothing:
 *
 * 1. the voucher row by code, `FOR UPDATE` — two tills redeeming one code queue here and the
 *    second reads it `redeemed` (409 VOUCHER_USED);
 * 2. the checks, each a 4xx on its field: a code that is not one, not on file or of a program the
 *    dealer does not join (409 VOUCHER_NOT_FOUND — a foreign voucher is not revealed); redeemed
 *    (VOUCHER_USED); cancelled, expired or past `expiresAt` on the Clock (VOUCHER_EXPIRED);
 *    another program than the sale's (VOUCHER_PROGRAM_MISMATCH) or another category than the
 *    product's (VOUCHER_CATEGORY_MISMATCH); a buyer who is not the holder (422 BUYER_NOT_HOLDER,
 *    by the ID number's blind index);
 * 3. the holder's person lock (the one a claim's submit and a voucher's issue take), then the
 *    program's current rules on the sale's facts with the holder's history: not eligible is
 *    422 NOT_ELIGIBLE with the clauses; else the engine's amount is the subsidy;
 * 4. the point-of-sale claim, already `submitted`, paying the dealer organisation, with its check
 *    job and notification in the outbox (ApplicationStateService.openAtTill), its claim keys
 *    (serial and invoice: the same backstop as a resident's claim), the voucher marked
 *    `redeemed` with the claim and the subsidy, the audit rows;
 * 5. `settle`, once the sale row is written: the voucher names its sale, and the one budget
 *    statement moves the voucher's reservation to the claim, shrunk to the subsidy (the rest
 *    released) — BudgetRepository.redeemVoucher — the transaction's last statement.
 *
 * Lock order: voucher row, person, claim keys, budget row — the order of a submit (claim row,
 * person, keys, budget) and of an issue (person, budget), so none waits on another crosswise.
 */
let TillRedemption = class TillRedemption extends voucher_redemption_1.VoucherRedeemer {
    constructor(vouchers, applications, state, programs, evaluator, budget, audit, cipher, cache, clock) {
        super();
        this.vouchers = vouchers;
        this.applications = applications;
        this.state = state;
        this.programs = programs;
        this.evaluator = evaluator;
        this.budget = budget;
        this.audit = audit;
        this.cipher = cipher;
        this.cache = cache;
        this.clock = clock;
    }
    async redeem(manager, request) {
        const { sale, product, organization } = request;
        const code = (0, shared_1.normalizeVoucherCode)(request.voucherCode);
        const voucher = code === null ? null : await this.vouchers.lockByCode(manager, code);
        if (!voucher || !organization.programs.includes(voucher.programCode) || !voucher.currentVersionId)
            throw refuse(shared_1.ErrorCode.VOUCHER_NOT_FOUND, 'voucherCode', 'No voucher with this code can be redeemed');
        this.checkVoucher(voucher, sale, product);
        const person = await this.applications.lockPerson(manager, voucher.holderId);
        if (person !== voucher.idNumberBidx)
            throw refuse(shared_1.ErrorCode.BUYER_NOT_HOLDER, 'buyer.idNumber', 'The buyer is not the voucher holder');
        const definition = await this.programs.definitionByVersionId(voucher.currentVersionId, manager);
        const facts = saleFacts(definition, sale, product, organization.uscc);
        const today = this.clock.today();
        const evaluation = await this.evaluator.evaluate(definition, facts, {
            applicantId: voucher.holderId,
            // The history has the holder's counting vouchers; this one is not a use besides itself.
            excludeId: voucher.id,
            manager,
            asOf: today,
        });
        if (!evaluation.eligible)
            throw new domain_error_1.DomainError(shared_1.ErrorCode.NOT_ELIGIBLE, 'The sale does not meet the program rules', {
                clauses: evaluation.clauses.filter((clause) => clause.result === 'fail' || clause.result === 'unknown'),
            });
        const subsidyFen = evaluation.amountFen;
        const claimCode = (0, shared_1.applicationCode)(Number(today.slice(0, 4)), await this.applications.nextCode(manager));
        const actor = { id: request.userId, role: 'dealer' };
        const claim = await this.state.openAtTill(manager, {
            code: claimCode,
            applicantId: voucher.holderId,
            programId: voucher.programId,
            programVersionId: voucher.currentVersionId,
            facts,
            evaluation,
            amountFen: subsidyFen,
            idNumberBidx: voucher.idNumberBidx,
            payeeOrganizationId: organization.id,
            actor,
            note: `voucher ${voucher.code}`,
        });
        await this.claimKeys(manager, claim.id, voucher.programId, definition, facts);
        const at = this.clock.now();
        if (!(await this.vouchers.markRedeemed(manager, {
            id: voucher.id,
            applicationId: claim.id,
            subsidyFen,
            at,
        })))
            throw refuse(shared_1.ErrorCode.VOUCHER_USED, 'voucherCode', 'The voucher was redeemed already');
        await this.audit.recordMany([
            {
                action: 'application.status_changed',
                actor,
                result: 'success',
                objectType: 'application',
                objectId: claim.id,
                detail: { from: 'draft', to: 'submitted', code: claimCode, via: 'till', voucherId: voucher.id },
            },
            {
                action: 'voucher.redeemed',
                actor,
                result: 'success',
                objectType: 'voucher',
                objectId: voucher.id,
                detail: {
                    code: voucher.code,
                    programCode: voucher.programCode,
                    applicationId: claim.id,
                    subsidyFen,
                    releasedFen: Math.max(0, voucher.reservedFen - subsidyFen),
                },
            },
        ], manager);
        return {
            subsidyFen,
            applicationId: claim.id,
            settle: async (saleId) => {
                await this.vouchers.attachSale(manager, voucher.id, saleId);
                // Last: the budget row is locked from this statement to COMMIT.
                const moved = await this.budget.redeemVoucher(manager, { voucher, claimId: claim.id, subsidyFen });
                if (moved === 'exhausted')
                    throw new domain_error_1.DomainError(shared_1.ErrorCode.BUDGET_EXHAUSTED, 'The program budget is used up (先到先得，额满即止)');
                if (moved === 'mismatch')
                    throw new Error(`voucher ${voucher.id}: the budget does not hold its reservation`);
                this.cache.invalidate();
            },
        };
    }
    /** The voucher's own checks, in the order a dealer can act on them. */
    checkVoucher(voucher, sale, product) {
        if (voucher.status === 'redeemed')
            throw refuse(shared_1.ErrorCode.VOUCHER_USED, 'voucherCode', 'The voucher was redeemed already');
        if (voucher.status !== 'issued' || voucher.expiresAt.getTime() <= this.clock.now().getTime())
            throw refuse(shared_1.ErrorCode.VOUCHER_EXPIRED, 'voucherCode', `The voucher is ${voucher.status === 'issued' ? 'expired' : voucher.status}`);
        if (voucher.programCode !== sale.programCode)
            throw refuse(shared_1.ErrorCode.VOUCHER_PROGRAM_MISMATCH, 'programCode', 'The voucher is for another program', {
                voucherProgramCode: voucher.programCode,
            });
        if (voucher.category !== product.category)
            throw refuse(shared_1.ErrorCode.VOUCHER_CATEGORY_MISMATCH, 'productId', "The product's category is not the voucher's", {
                voucherCategory: voucher.category,
            });
        if (this.cipher.blindIndex(sale.buyer.idNumber, 'id_number') !== voucher.idNumberBidx)
            throw refuse(shared_1.ErrorCode.BUYER_NOT_HOLDER, 'buyer.idNumber', 'The buyer is not the voucher holder');
    }
    /**
     * The claim's keys (serial, invoice), as a resident claim's submit claims them: one advisory lock
     * per key in a fixed order, then another claim holding one — in this program, or in another
     * that does not stack with it — refuses the sale on that field.
     */
    async claimKeys(manager, claimId, programId, definition, facts) {
        const keys = (0, server_evaluator_1.claimKeysOf)(definition, facts)
            .filter((key) => key.unique !== 'none')
            .sort((a, b) => `${a.name}:${a.value}`.localeCompare(`${b.name}:${b.value}`));
        const holders = await this.applications.claimKeys(manager, { id: claimId, programId }, keys);
        for (const key of keys) {
            const conflict = holders.some((holder) => holder.name === key.name &&
                holder.value === key.value &&
                (holder.program_id === programId ||
                    (key.unique === 'global' &&
                        !definition.stacksWith.includes(holder.definition.code) &&
                        !holder.definition.stacksWith.includes(definition.code))));
            if (!conflict)
                continue;
            const known = KEY_FIELDS[key.name];
            throw known
                ? refuse(known.code, known.field, 'This key already backs another claim')
                : refuse(shared_1.ErrorCode.DUPLICATE_CLAIM, 'voucherCode', 'This key already backs another claim');
        }
    }
};
exports.TillRedemption = TillRedemption;
exports.TillRedemption = TillRedemption = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [vouchers_repository_1.VouchersRepository,
        applications_repository_1.ApplicationsRepository,
        application_state_service_1.ApplicationStateService,
        programs_repository_1.ProgramsRepository,
        server_evaluator_1.ServerEvaluator,
        budget_repository_1.BudgetRepository,
        audit_service_1.AuditService,
        pii_cipher_1.PiiCipher,
        programs_cache_1.ProgramsCache,
        clock_1.Clock])
], TillRedemption);
/**
 * The point-of-sale claim's facts, from the sale: the item (category, price, invoice, serial, the
 * seller's credit code, the product's efficiency grade) and the old item handed in — only the
 * facts the program's definition has.
 */
function saleFacts(definition, sale, product, dealerUscc) {
    const candidates = {
        'item.category': product.category,
        'item.priceFen': sale.priceFen,
        'item.invoiceNo': sale.invoiceNo,
        'item.invoiceDate': sale.invoiceDate,
        'item.serialNo': sale.serialNo,
        'item.dealerUscc': dealerUscc,
        'item.efficiencyGrade': product.efficiencyGrade ?? undefined,
        'oldItem.handedIn': sale.oldItem !== null,
        'oldItem.recyclingReceiptNo': sale.oldItem?.receiptNo ?? undefined,
    };
    const facts = {};
    for (const field of definition.factFields) {
        const value = candidates[field.path];
        if (value === undefined)
            continue;
        const [group, name] = field.path.split('.');
        (facts[group] ??= {})[name] = value;
    }
    return facts;
}
//# sourceMappingURL=till-redemption.js.map