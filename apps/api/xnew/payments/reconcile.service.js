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
exports.ReconcileService = void 0;
const node_crypto_1 = require("node:crypto");
const common_1 = require("@nestjs/common");
const shared_1 = require("@huanxin/shared");
const application_state_service_1 = require("../applications/application-state.service");
const applications_repository_1 = require("../applications/applications.repository");
const audit_service_1 = require("../audit/audit.service");
const clock_1 = require("../common/clock");
const domain_error_1 = require("../common/errors/domain-error");
const payments_service_1 = require("./payments.service");
const payments_repository_1 = require("./payments.repository");
const result_file_1 = require("./result-file");
/** What the payee is told when the bank could not pay (SMS and in-app). */
const failedText = (code, reason) => `【章丘换新】您的申请${code}补贴发放失败（${reason}）。请登录平台核对并更新收款银行账户，更新后将在下一批次重新发放，无需重新审核。`;
/**
 * Reconciliation of a released batch from the bank's result file (operations.md §8). The whole file
 * is checked first — columns, rows, and every row against the batch as it stands under the batch's
 * lock — and only then applied, in the same transaction: any problem answers 4xx with every bad
 * row and changes nothing. A line already settled as the file says is `unchanged` (the same file
 * twice changes nothing). A line id the portal never issued is a bad row (`UNKNOWN_LINE`), not
 * guessed at and not skipped: a file that names one is the wrong file or an edited one, and paying
 * the rest of it would settle money on a file nobody can vouch for (issue 12, "Bad input"). So the
 * contract's `unknownLines` of a 200 is always empty; the 422 lists them row by row.
 *
 * paid → the line is paid and the claim moves approved → paid through the one state writer (money
 * committed → paid on the ledger); failed → the claim stays approved (its money committed) and the
 * payee is told why and asked to update the bank account; the next batch takes the claim again,
 * without a new review, once the account differs.
 */
let ReconcileService = class ReconcileService {
    constructor(batches, applications, state, audit, clock) {
        this.batches = batches;
        this.applications = applications;
        this.state = state;
        this.audit = audit;
        this.clock = clock;
    }
    async reconcile(userId, batchId, content) {
        const rows = (0, result_file_1.readResultFile)(content);
        const at = this.clock.now();
        return this.batches.transaction(async (manager) => {
            const batch = await this.batches.lockBatch(manager, batchId);
            if (!batch)
                throw (0, payments_service_1.batchNotFound)();
            if (batch.status !== 'released')
                throw new domain_error_1.DomainError(shared_1.ErrorCode.BATCH_NOT_RELEASED, 'Only a released batch can be reconciled');
            const lines = new Map((await this.batches.lines(batchId, manager, true)).map((line) => [line.id, line]));
            const elsewhere = await this.batches.batchesOfLines(manager, rows.filter((row) => !lines.has(row.lineId)).map((row) => row.lineId));
            const { apply, unchanged } = this.check(rows, lines, elsewhere);
            let paid = 0;
            let failed = 0;
            for (const { row, line } of apply) {
                if (row.result === 'paid') {
                    await this.pay(manager, line, row, userId, at);
                    paid += 1;
                }
                else {
                    await this.fail(manager, line, row, at);
                    failed += 1;
                }
            }
            await this.batches.collectNetted(manager, apply.filter(({ row }) => row.result === 'paid').map(({ line }) => line.id));
            // The contract's `unknownLines`: always empty, an unknown line refuses the file (above).
            const summary = { paid, failed, unchanged, unknownLines: [] };
            await this.audit.record({
                action: 'payments.batch.reconciled',
                result: 'success',
                objectType: 'payment_batch',
                objectId: batchId,
                detail: {
                    ...summary,
                    rows: rows.length,
                    sha256: (0, node_crypto_1.createHash)('sha256').update(content).digest('hex'),
                },
            }, manager);
            return summary;
        });
    }
    /** Every row against the batch; throws with every bad row, or says what to apply. */
    check(rows, lines, elsewhere) {
        const errors = [];
        const apply = [];
        let unchanged = 0;
        for (const row of rows) {
            const problem = (field, code) => errors.push({ line: row.line, lineId: row.lineId, field, code });
            const line = lines.get(row.lineId);
            if (!line) {
                problem('lineId', elsewhere.has(row.lineId) ? 'LINE_OF_OTHER_BATCH' : 'UNKNOWN_LINE');
                continue;
            }
            if (row.amountFen !== null && row.amountFen !== line.amountFen) {
                problem('amount', 'AMOUNT_MISMATCH');
                continue;
            }
            if (line.status === 'pending')
                apply.push({ row, line });
            else if (line.status === row.result)
                unchanged += 1;
            // A paid line reported failed (or the reverse) would undo a payment or pay twice.
            else
                problem('result', line.status === 'paid' ? 'ALREADY_PAID' : 'ALREADY_FAILED');
        }
        if (errors.length > 0)
            throw (0, result_file_1.invalid)(errors);
        return { apply, unchanged };
    }
    async pay(manager, line, row, userId, at) {
        if (!(await this.batches.settleLine(manager, line.id, {
            status: 'paid',
            reason: null,
            bankRef: row.bankRef,
            at,
        })))
            throw new domain_error_1.DomainError(shared_1.ErrorCode.WRONG_STATE, 'The line changed meanwhile; import the file again');
        const application = await this.applications.lockById(manager, line.applicationId);
        if (!application)
            throw new Error(`line ${line.id} has no claim`);
        await this.state.move(manager, application, {
            to: 'paid',
            actorId: userId,
            note: `paid by the bank (${line.id}, ${row.bankRef})`,
        });
        await this.audit.record({
            action: 'payments.line.paid',
            result: 'success',
            objectType: 'application',
            objectId: line.applicationId,
            detail: {
                lineId: line.id,
                batchId: line.batchId,
                code: line.applicationCode,
                amountFen: line.amountFen,
                bankRef: row.bankRef,
            },
        }, manager);
    }
    async fail(manager, line, row, at) {
        if (!(await this.batches.settleLine(manager, line.id, {
            status: 'failed',
            reason: row.reason,
            bankRef: row.bankRef,
            at,
        })))
            throw new domain_error_1.DomainError(shared_1.ErrorCode.WRONG_STATE, 'The line changed meanwhile; import the file again');
        await this.audit.record({
            action: 'payments.line.failed',
            result: 'success',
            objectType: 'application',
            objectId: line.applicationId,
            detail: { lineId: line.id, batchId: line.batchId, code: line.applicationCode, reason: row.reason },
        }, manager);
        // Residents are told in-app and by SMS; a dealer payee's notice comes with the dealers' portal.
        if (line.payeeKind === 'resident' && line.payeeUserId)
            await this.batches.queuePayeeNotice(manager, {
                userId: line.payeeUserId,
                eventKey: `payment-failed-${line.id}`,
                kind: 'payment_failed',
                params: { applicationId: line.applicationId, code: line.applicationCode, reason: row.reason },
                text: failedText(line.applicationCode, row.reason ?? ''),
            });
    }
};
exports.ReconcileService = ReconcileService;
exports.ReconcileService = ReconcileService = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [payments_repository_1.PaymentsRepository,
        applications_repository_1.ApplicationsRepository,
        application_state_service_1.ApplicationStateService,
        audit_service_1.AuditService,
        clock_1.Clock])
], ReconcileService);
//# sourceMappingURL=reconcile.service.js.map