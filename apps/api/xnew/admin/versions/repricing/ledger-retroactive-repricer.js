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
exports.LedgerRetroactiveRepricer = void 0;
const node_crypto_1 = require("node:crypto");
const common_1 = require("@nestjs/common");
const shared_1 = require("@huanxin/shared");
const audit_service_1 = require("../../../audit/audit.service");
const budget_repository_1 = require("../../../budget/budget.repository");
const clock_1 = require("../../../common/clock");
const domain_error_1 = require("../../../common/errors/domain-error");
const claim_reevaluation_1 = require("../what-if/claim-reevaluation");
const what_if_service_1 = require("../what-if/what-if.service");
const repricing_repository_1 = require("./repricing.repository");
const retroactive_repricer_1 = require("./retroactive-repricer");
/**
 * The retroactive re-pricing (operations.md §10, programs.md "Rules across programs"), run by the
 * publish inside its transaction. Every claim whose money can still move — submitted, checking,
 * in review, returned (reserved) or approved (committed), and not in a released batch — is locked
 * page by page and re-evaluated under the new version (ClaimReevaluation: the claims' own
 * evaluator, at the date each was submitted). Then, per claim (the decision is
 * `retroactiveOutcome`, shared with the what-if, so the what-if's `retroactive` figures are what
 * this moves):
 *
 * - the new version pays MORE: the claim gets the new amount, version and evaluation, a timeline
 *   entry (old → new amount, version, 文号), an `application_reprice` row, an audit row, the
 *   resident's notice (in-app and SMS), and the difference on the ledger (reserve, and commit for an
 *   approved claim). An approved claim whose line is in a DRAFT batch has the line and the batch
 *   total raised with it: the batch is not signed off yet, and the bank must pay what the ledger
 *   settles. A line in a released batch is never changed — its claim is not re-priced at all;
 * - the new version pays LESS, or the claim is not eligible under it: the claim keeps its amount
 *   and its version (a retroactive raise must not take money away from a filed claim) and its
 *   timeline says so; nothing moves and the resident is not messaged (nothing changed for them);
 * - the same amount: nothing at all.
 *
 * The budget is the LAST statement (BudgetRepository.topUpMany: one guarded UPDATE and every
 * ledger row): if what remains cannot cover the sum of the raises, BUDGET_SHORTFALL with
 * `shortfallFen` is thrown and the publish's transaction — every claim write above with it — rolls
 * back, so nothing changes.
 */
let LedgerRetroactiveRepricer = class LedgerRetroactiveRepricer extends retroactive_repricer_1.RetroactiveRepricer {
    constructor(reevaluation, repricing, budgets, audit, clock) {
        super();
        this.reevaluation = reevaluation;
        this.repricing = repricing;
        this.budgets = budgets;
        this.audit = audit;
        this.clock = clock;
    }
    async reprice(manager, input) {
        const version = await this.repricing.version(manager, input.versionId);
        if (version.programId !== input.programId)
            throw new Error(`version ${input.versionId} is not a version of program ${input.programId}`);
        // The program's row, locked until COMMIT (the publish took it already; taken again here so the
        // re-pricing never runs without it): a payment batch build of the program takes it FOR SHARE
        // (PaymentsRepository.candidates), so no batch can be built from amounts read before this
        // transaction re-priced them.
        await this.repricing.lockProgram(manager, input.programId);
        const at = this.clock.now();
        const moves = [];
        let changed = 0;
        let after = null;
        const definitions = new Map();
        for (;;) {
            const page = await this.reevaluation.page(manager, input.programId, after, {
                movableOnly: true,
                lock: true,
            });
            if (page.length === 0)
                break;
            after = page[page.length - 1].id;
            const claims = page.filter((claim) => claim_reevaluation_1.MOVABLE_STATUSES.includes(claim.status) && !claim.frozen && claim.programVersionId !== version.id);
            const outcomes = await this.reevaluation.reevaluate(manager, claims, version.definition, definitions, {
                withBefore: false,
            });
            const numbers = await this.repricing.versionNumbers(manager, [
                ...new Set(claims.map((claim) => claim.programVersionId)),
            ]);
            const written = [];
            const notices = [];
            const lines = [];
            for (const { claim, after: offered, afterEvaluation } of outcomes) {
                const decision = (0, what_if_service_1.retroactiveOutcome)(claim.reservedFen, offered);
                if (!decision)
                    continue;
                const from = { fen: claim.reservedFen, version: numbers.get(claim.programVersionId) ?? 0 };
                const to = { version: version.version, documentNo: version.documentNo };
                const eventId = (0, node_crypto_1.randomUUID)();
                if (decision.outcome === 'raised') {
                    const deltaFen = decision.toFen - claim.reservedFen;
                    written.push({
                        ...common(claim, eventId),
                        offeredFen: decision.toFen,
                        toFen: decision.toFen,
                        outcome: 'raised',
                        evaluation: afterEvaluation,
                        note: raisedNote(from, decision.toFen, to),
                    });
                    notices.push(notice(claim, eventId, from.fen, decision.toFen, to));
                    moves.push({ subjectId: claim.id, amountFen: deltaFen, committed: claim.status === 'approved' });
                    if (claim.draftLineId)
                        lines.push({ lineId: claim.draftLineId, deltaFen });
                }
                else {
                    written.push({
                        ...common(claim, eventId),
                        offeredFen: decision.offeredFen,
                        toFen: claim.reservedFen,
                        outcome: 'kept',
                        evaluation: afterEvaluation,
                        note: keptNote(from, decision.offeredFen, to),
                    });
                }
            }
            changed += await this.repricing.write(manager, written, {
                toVersionId: version.id,
                actorId: input.actorId,
                at,
            });
            await this.repricing.repriceDraftLines(manager, lines);
            await this.repricing.notify(manager, notices);
            await this.audit.recordMany(written.map((claim) => ({
                action: 'application.repriced',
                result: 'success',
                objectType: 'application',
                objectId: claim.applicationId,
                detail: {
                    outcome: claim.outcome,
                    fromFen: claim.fromFen,
                    offeredFen: claim.offeredFen,
                    toFen: claim.toFen,
                    fromVersionId: claim.fromVersionId,
                    toVersionId: version.id,
                },
            })), manager);
        }
        const deltaFen = moves.reduce((sum, move) => sum + move.amountFen, 0);
        const note = `retroactive v${version.version}${version.documentNo ? ` ${version.documentNo}` : ''}`;
        if (!(await this.budgets.topUpMany(manager, input.programId, moves, note))) {
            const remaining = await this.budgets.remainingIn(manager, input.programId);
            throw new domain_error_1.DomainError(shared_1.ErrorCode.BUDGET_SHORTFALL, `The retroactive top-ups need ${deltaFen} fen; ${remaining} fen remain`, { extra: { shortfallFen: deltaFen - remaining, requiredFen: deltaFen, remainingFen: remaining } });
        }
        return { changed, deltaFen };
    }
};
exports.LedgerRetroactiveRepricer = LedgerRetroactiveRepricer;
exports.LedgerRetroactiveRepricer = LedgerRetroactiveRepricer = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [claim_reevaluation_1.ClaimReevaluation,
        repricing_repository_1.RepricingRepository,
        budget_repository_1.BudgetRepository,
        audit_service_1.AuditService,
        clock_1.Clock])
], LedgerRetroactiveRepricer);
function common(claim, eventId) {
    return {
        applicationId: claim.id,
        status: claim.status,
        fromVersionId: claim.programVersionId,
        fromFen: claim.reservedFen,
        eventId,
        draftLineId: claim.draftLineId,
    };
}
const yuan = (fen) => `${(0, shared_1.fenToYuanString)(fen)} 元`;
const versionName = (to) => `第 ${to.version} 版${to.documentNo ? `（${to.documentNo}）` : ''}`;
/** The timeline's words for a raise (the resident reads them): amounts, versions, 文号. */
function raisedNote(from, toFen, to) {
    return `政策追溯调整：按${versionName(to)}重新核定，补贴由 ${yuan(from.fen)}（第 ${from.version} 版）调整为 ${yuan(toFen)}`;
}
/** …and for a claim kept at its amount (the new version pays less, or it is not eligible under it). */
function keptNote(from, offeredFen, to) {
    const offered = offeredFen === null ? '不符合新版条件' : `核定为 ${yuan(offeredFen)}`;
    return `政策追溯调整：按${versionName(to)}${offered}，低于原核定；追溯调整不减少已申报的补贴，保留第 ${from.version} 版核定的 ${yuan(from.fen)}`;
}
function notice(claim, eventId, fromFen, toFen, to) {
    return {
        id: (0, node_crypto_1.randomUUID)(),
        userId: claim.applicantId,
        eventKey: `repriced-${eventId}`,
        // The status notice's params (the web links the notice to the claim) plus the amounts.
        params: {
            applicationId: claim.id,
            code: claim.code,
            status: claim.status,
            fromFen,
            toFen,
            version: to.version,
        },
        textZh: `【章丘换新】您的申请${claim.code}按新政策${to.documentNo ? `（${to.documentNo}）` : ''}追溯调整，补贴由${(0, shared_1.fenToYuanString)(fromFen)}元调整为${(0, shared_1.fenToYuanString)(toFen)}元。详情请登录平台查看。`,
    };
}
//# sourceMappingURL=ledger-retroactive-repricer.js.map