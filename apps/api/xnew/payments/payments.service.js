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
exports.PaymentsService = exports.batchNotFound = void 0;
const common_1 = require("@nestjs/common");
const shared_1 = require("@huanxin/shared");
const audit_service_1 = require("../audit/audit.service");
const clock_1 = require("../common/clock");
const domain_error_1 = require("../common/errors/domain-error");
const programs_repository_1 = require("../programs/programs.repository");
const bank_file_1 = require("./bank-file");
const netting_1 = require("./netting");
const payee_1 = require("./payee");
const payment_views_1 = require("./payment-views");
const payments_repository_1 = require("./payments.repository");
const LIST_LIMIT = 100;
const batchNotFound = () => new domain_error_1.DomainError(shared_1.ErrorCode.BATCH_NOT_FOUND, 'No such payment batch');
exports.batchNotFound = batchNotFound;
/**
 * Payment batches (operations.md §8): built from a program's approved, unpaid claims by one finance
 * user, released by another, then exported as the bank's batch-transfer file.
 */
let PaymentsService = class PaymentsService {
    constructor(batches, programs, payees, views, audit, clock) {
        this.batches = batches;
        this.programs = programs;
        this.payees = payees;
        this.views = views;
        this.audit = audit;
        this.clock = clock;
    }
    /**
     * Builds a draft batch of the program's claims that may be paid now: approved, in no live line,
     * past the goods return window, with a payee — and, when the claim's last line failed, only once
     * the payee's account differs from the one that failed. Dealers' open receivables are netted
     * against their lines. The lines are inserted under the partial unique index, so a concurrent
     * build gets the claims this one did not take (or NOTHING_TO_PAY when none is left).
     *
     * While a dealer has an overdue receivable (a return after payout not paid back by its due
     * date, operations.md §6; or an overdue clawback) its claims are held: no line, listed in the
     * answer's `held` with the reason and the receivable, audited; they are paid by the first batch
     * after the receivable is settled (netted by a paid line, or collected).
     */
    async build(userId, programCode) {
        const program = await this.programs.findCurrentByCode(programCode);
        if (!program)
            throw new domain_error_1.DomainError(shared_1.ErrorCode.PROGRAM_NOT_FOUND, `No program ${programCode}`);
        const today = this.clock.today();
        const at = this.clock.now();
        return this.batches.transaction(async (manager) => {
            const payable = [];
            for (const claim of await this.batches.candidates(manager, program.id)) {
                const definition = await this.programs.definitionByVersionId(claim.programVersionId);
                const from = (0, shared_1.payableFrom)(definition, claim.facts);
                if (from === null || from <= today)
                    payable.push(claim);
            }
            const payees = await this.payees.resolve(manager, payable);
            const overdue = await this.batches.overdueDealers(manager, [
                ...new Set([...payees.values()].flatMap((p) => p.kind === 'dealer' && p.organizationId ? [p.organizationId] : [])),
            ], today);
            const held = [];
            const lines = await this.linesFor(manager, payable.filter((claim) => {
                const payee = payees.get(claim.applicationId);
                if (payee === undefined || payee.accountBidx === claim.failedAccountBidx)
                    return false;
                const receivable = payee.organizationId ? overdue.get(payee.organizationId) : undefined;
                if (payee.kind === 'dealer' && receivable) {
                    held.push({
                        applicationCode: claim.code,
                        payee: 'dealer',
                        reason: 'RECEIVABLE_OVERDUE',
                        receivableId: receivable.receivableId,
                        owedFen: receivable.owedFen,
                        dueOn: receivable.dueOn,
                    });
                    return false;
                }
                return true;
            }), payees);
            const batchId = await this.batches.insertBatch(manager, program.id, userId, at);
            const inserted = await this.batches.insertLines(manager, batchId, lines.rows);
            if (inserted.size === 0)
                throw new domain_error_1.DomainError(shared_1.ErrorCode.NOTHING_TO_PAY, 'No approved claim of this program can be paid now', {
                    ...(held.length > 0 && { extra: { held } }),
                });
            await this.batches.insertNetting(manager, lines.netting.flatMap((n) => {
                const lineId = inserted.get(n.applicationId);
                return lineId ? [{ lineId, receivableId: n.receivableId, amountFen: n.amountFen }] : [];
            }));
            await this.batches.setTotal(manager, batchId);
            const batch = (await this.batches.findBatch(batchId, manager));
            await this.audit.record({
                action: 'payments.batch.created',
                result: 'success',
                objectType: 'payment_batch',
                objectId: batchId,
                detail: {
                    programCode,
                    lines: inserted.size,
                    totalFen: batch.totalFen,
                    skipped: payable.length - inserted.size,
                    ...(held.length > 0 && {
                        held: held.map((h) => ({
                            code: h.applicationCode,
                            reason: h.reason,
                            receivableId: h.receivableId,
                        })),
                    }),
                },
            }, manager);
            return { ...this.views.detail(batch, await this.batches.lines(batchId, manager)), held };
        });
    }
    /** The new lines with the payee's details encrypted, dealers' receivables netted. */
    async linesFor(manager, claims, payees) {
        const dealerIds = [
            ...new Set([...payees.values()].flatMap((p) => p.kind === 'dealer' && p.organizationId ? [p.organizationId] : [])),
        ];
        const receivables = await this.batches.openDealerReceivables(manager, dealerIds);
        const netted = (0, netting_1.netReceivables)(claims.map((claim) => ({
            key: claim.applicationId,
            payeeKey: (0, payee_1.payeeKey)(payees.get(claim.applicationId)),
            amountFen: claim.committedFen,
        })), receivables.map((r) => ({ id: r.id, payeeKey: `dealer:${r.organizationId}`, openFen: r.openFen })));
        const rows = claims.map((claim) => {
            const payee = payees.get(claim.applicationId);
            const figures = netted.lines.get(claim.applicationId);
            return {
                applicationId: claim.applicationId,
                payeeKind: payee.kind,
                payeeUserId: payee.userId,
                payeeOrganizationId: payee.organizationId,
                payeeNameEnc: this.views.encrypt(payee.name, 'name'),
                bankName: payee.bankName,
                accountEnc: this.views.encrypt(payee.account, 'account'),
                accountBidx: payee.accountBidx,
                amountFen: figures.payFen,
                nettedFen: figures.nettedFen,
            };
        });
        return {
            rows,
            netting: netted.allocations.map((a) => ({
                applicationId: a.lineKey,
                receivableId: a.receivableId,
                amountFen: a.amountFen,
            })),
        };
    }
    async list() {
        return (await this.batches.listBatches(LIST_LIMIT)).map((batch) => this.views.summary(batch));
    }
    async detail(id) {
        const batch = await this.batches.findBatch(id);
        if (!batch)
            throw (0, exports.batchNotFound)();
        return this.views.detail(batch, await this.batches.lines(id));
    }
    /** Four eyes: a draft batch is released by a finance user other than its builder (403 SELF_RELEASE). */
    async release(userId, id) {
        await this.batches.transaction(async (manager) => {
            const batch = await this.batches.lockBatch(manager, id);
            if (!batch)
                throw (0, exports.batchNotFound)();
            if (batch.createdBy === userId)
                throw new domain_error_1.DomainError(shared_1.ErrorCode.SELF_RELEASE, 'A batch is released by a different finance user than its builder');
            if (batch.status !== 'draft')
                throw new domain_error_1.DomainError(shared_1.ErrorCode.BATCH_NOT_DRAFT, `The batch is already ${batch.status}`);
            if (!(await this.batches.release(manager, id, userId, this.clock.now())))
                throw new domain_error_1.DomainError(shared_1.ErrorCode.BATCH_NOT_DRAFT, 'The batch changed meanwhile; reload it');
            await this.audit.record({ action: 'payments.batch.released', result: 'success', objectType: 'payment_batch', objectId: id }, manager);
        });
        return this.detail(id);
    }
    /**
     * The bank's batch-transfer file of a released batch: its lines still to pay (a paid or failed
     * line is never sent to the bank again), with full names and accounts decrypted from the lines.
     * Every download is audited (format and line count, no personal data).
     */
    async bankFile(id, format) {
        const batch = await this.batches.findBatch(id);
        if (!batch)
            throw (0, exports.batchNotFound)();
        if (batch.status !== 'released')
            throw new domain_error_1.DomainError(shared_1.ErrorCode.BATCH_NOT_RELEASED, 'The bank file is exported only from a released batch');
        const lines = (await this.batches.lines(id)).filter((line) => line.status === 'pending' && line.amountFen > 0);
        if (lines.length === 0)
            throw new domain_error_1.DomainError(shared_1.ErrorCode.BATCH_SETTLED, 'Every line of the batch is paid or failed: nothing to send');
        const transfers = lines.map((line) => ({
            lineId: line.id,
            payeeName: this.views.payeeName(line),
            account: this.views.account(line),
            bankName: line.bankName,
            amountFen: line.amountFen,
            applicationCode: line.applicationCode,
        }));
        const body = format === 'xlsx' ? await (0, bank_file_1.bankFileXlsx)(transfers) : (0, bank_file_1.bankFileCsv)(transfers);
        await this.audit.record({
            action: 'payments.batch.file_downloaded',
            result: 'success',
            objectType: 'payment_batch',
            objectId: id,
            detail: { format, lines: lines.length, totalFen: lines.reduce((sum, line) => sum + line.amountFen, 0) },
        });
        return {
            filename: `payment-batch-${batch.programCode}-${id.slice(0, 8)}.${format}`,
            contentType: format === 'xlsx' ? bank_file_1.XLSX_CONTENT_TYPE : 'text/csv; charset=utf-8',
            body,
        };
    }
    async receivables() {
        return (await this.batches.receivables(LIST_LIMIT)).map((row) => this.views.receivable(row));
    }
    /**
     * Finance records that the payee paid an open receivable back directly (a bank transfer, its
     * reference): collected, so the dealer's held payouts go into the next batch. 404
     * RECEIVABLE_NOT_FOUND; 409 RECEIVABLE_NOT_OPEN when collected or waived already, or while a
     * pending line nets it (the bank's payment of that line settles it). Audited.
     */
    async collectReceivable(userId, id, body) {
        await this.batches.transaction(async (manager) => {
            const collected = await this.batches.collectReceivable(manager, id);
            if (!collected.ok)
                throw collected.found
                    ? new domain_error_1.DomainError(shared_1.ErrorCode.RECEIVABLE_NOT_OPEN, 'The receivable is settled already, or a pending payment line is netting it')
                    : new domain_error_1.DomainError(shared_1.ErrorCode.RECEIVABLE_NOT_FOUND, 'No such receivable');
            await this.audit.record({
                action: 'payments.receivable.collected',
                result: 'success',
                objectType: 'receivable',
                objectId: id,
                detail: {
                    amountFen: collected.amountFen,
                    owedFen: collected.owedFen,
                    bankRef: body.bankRef,
                    ...(body.note ? { note: body.note } : {}),
                    by: userId,
                },
            }, manager);
        });
        const row = (await this.batches.receivables(LIST_LIMIT)).find((r) => r.id === id);
        if (!row)
            throw new domain_error_1.DomainError(shared_1.ErrorCode.RECEIVABLE_NOT_FOUND, 'No such receivable');
        return this.views.receivable(row);
    }
};
exports.PaymentsService = PaymentsService;
exports.PaymentsService = PaymentsService = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [payments_repository_1.PaymentsRepository,
        programs_repository_1.ProgramsRepository,
        payee_1.PayeeRegistry,
        payment_views_1.PaymentViews,
        audit_service_1.AuditService,
        clock_1.Clock])
], PaymentsService);
//# sourceMappingURL=payments.service.js.map