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
exports.ReviewDecisionService = void 0;
exports.returnableFields = returnableFields;
const common_1 = require("@nestjs/common");
const shared_1 = require("@huanxin/shared");
const application_errors_1 = require("../applications/application-errors");
const application_state_service_1 = require("../applications/application-state.service");
const applications_repository_1 = require("../applications/applications.repository");
const idempotency_1 = require("../applications/idempotency");
const idempotency_repository_1 = require("../applications/idempotency.repository");
const audit_service_1 = require("../audit/audit.service");
const clock_1 = require("../common/clock");
const domain_error_1 = require("../common/errors/domain-error");
const redact_1 = require("../common/logging/redact");
const programs_repository_1 = require("../programs/programs.repository");
const matrix_registry_1 = require("./matrix/matrix.registry");
const review_queue_service_1 = require("./review-queue.service");
const review_repository_1 = require("./review.repository");
/** The fields a return may name: the program's fact paths and `document:<kind>` of its documents. */
function returnableFields(definition) {
    return new Map([
        ...definition.factFields.map((f) => [f.path, f.label.zh]),
        ...definition.documents.map((d) => [`document:${d.kind}`, d.title.zh]),
    ]);
}
/**
 * Review decisions (operations.md §7, api-contract.md Review): approve, reject, return — each once
 * per `Idempotency-Key`, in one transaction that locks the claim, so two approvers at once cause
 * one effect (the second finds the claim moved on). A decision needs the caller's own lease on an
 * `in_review` claim. Approvals at or above the program's `twoPersonThresholdFen`, with `override`
 * (over a matrix conflict) or at a high risk score go to `second_approval`; a different user with
 * role `approver` finishes them, which commits the money. Reject releases it; return keeps it and
 * tells the resident what to fix. The money moves only through ApplicationStateService.
 */
let ReviewDecisionService = class ReviewDecisionService {
    constructor(reviews, applications, programs, idempotency, state, matrix, audit, clock, queue) {
        this.reviews = reviews;
        this.applications = applications;
        this.programs = programs;
        this.idempotency = idempotency;
        this.state = state;
        this.matrix = matrix;
        this.audit = audit;
        this.clock = clock;
        this.queue = queue;
    }
    async decide(user, id, idempotencyKey, body) {
        const owner = {
            userId: user.id,
            scope: `review-decision:${id}`,
            key: idempotencyKey,
            requestHash: (0, idempotency_1.fingerprint)({ id, body }),
        };
        // The matrix is read before the transaction (its sources read through their own connections;
        // holding one while waiting for another can exhaust the pool). Facts cannot change while the
        // claim is in review; the transaction checks they are still the ones judged.
        const conflicts = body.decision === 'approve' ? await this.conflicts(id) : null;
        const stored = await this.reviews.transaction((manager) => (0, idempotency_1.once)(this.idempotency, manager, owner, async () => {
            const application = await this.applications.lockById(manager, id);
            if (!application || application.status === 'draft')
                throw (0, application_errors_1.applicationNotFound)();
            if (application.status !== 'in_review')
                throw new domain_error_1.DomainError(shared_1.ErrorCode.WRONG_STATE, `A claim that is ${application.status} cannot be decided`);
            const now = this.clock.now();
            if (!(await this.reviews.holdsLease(manager, id, user.id, now)))
                throw new domain_error_1.DomainError(shared_1.ErrorCode.CASE_NOT_HELD, 'Take the case before deciding it (your lease is missing or expired)');
            const definition = await this.programs.definitionByVersionId(application.programVersionId, manager);
            const stage = application.stage ?? 'review';
            const reason = this.checkRequest(body, definition);
            if (stage === 'second_approval')
                await this.checkSecondApprover(manager, user, id);
            // An approval is judged on the matrix read before the transaction: if the claim was not in
            // review then, or its facts differ now, it changed meanwhile.
            if (body.decision === 'approve' &&
                (!conflicts || JSON.stringify(conflicts.facts) !== JSON.stringify(application.facts)))
                throw new domain_error_1.DomainError(shared_1.ErrorCode.WRONG_STATE, 'The claim changed meanwhile; reload it');
            const note = body.note ? (0, redact_1.maskText)(body.note) : null;
            const decision = {
                applicationId: id,
                decidedBy: user.id,
                decision: body.decision,
                stage,
                reasonCode: reason?.code ?? null,
                fields: body.decision === 'return' ? [...new Set(body.fields)] : [],
                note,
                override: body.override === true,
                at: now,
            };
            let result;
            if (body.decision === 'approve') {
                const fourEyes = stage === 'review' &&
                    this.needsSecondApproval(application, definition, body, conflicts?.fields ?? []);
                await this.reviews.insertDecision(manager, decision);
                if (fourEyes) {
                    if (!(await this.reviews.setStage(manager, id, 'review', 'second_approval', now)))
                        throw new domain_error_1.DomainError(shared_1.ErrorCode.WRONG_STATE, 'The claim changed meanwhile; reload it');
                    await this.state.note(manager, application, {
                        note: '初审通过，待复核（双人审批）',
                        actorId: user.id,
                    });
                    result = { status: 'in_review', stage: 'second_approval' };
                }
                else {
                    await this.state.move(manager, application, {
                        to: 'approved',
                        note: '审核通过',
                        actorId: user.id,
                    });
                    result = { status: 'approved', stage: null };
                }
            }
            else {
                await this.reviews.insertDecision(manager, decision);
                const to = body.decision === 'reject' ? 'rejected' : 'returned';
                await this.state.move(manager, application, {
                    to,
                    note: this.residentNote(body, reason, definition, note),
                    actorId: user.id,
                });
                result = { status: to, stage: null };
            }
            await this.reviews.endLease(manager, id);
            await this.audit.record({
                action: 'review.decision',
                result: 'success',
                objectType: 'application',
                objectId: id,
                detail: {
                    code: application.code,
                    decision: body.decision,
                    stage,
                    reasonCode: decision.reasonCode,
                    fields: decision.fields,
                    override: decision.override,
                    outcome: result,
                },
            }, manager);
            return { status: 200, body: { ...result } };
        }));
        // The claim left the queue or changed stage: this process's kept queue totals are counted anew.
        this.queue.forgetTotals();
        return stored;
    }
    /** The matrix's conflicting fields of the claim as it is now, and the facts they were judged on. */
    async conflicts(id) {
        const application = await this.reviews.findApplication(id);
        if (!application || application.status !== 'in_review')
            return null;
        const definition = await this.programs.definitionByVersionId(application.programVersionId);
        const rows = await this.matrix.build({ application, definition });
        return {
            fields: rows.filter((row) => row.result === 'conflict').map((row) => row.field),
            facts: application.facts,
        };
    }
    /** Reason, fields, note and override as the decision kind needs them; 422 with `fields` otherwise. */
    checkRequest(body, definition) {
        const fields = {};
        let reason = null;
        if (body.decision === 'approve') {
            if (body.reasonCode !== undefined)
                fields.reasonCode = shared_1.FieldErrorCode.UNKNOWN_FIELD;
            if (body.fields !== undefined)
                fields.fields = shared_1.FieldErrorCode.UNKNOWN_FIELD;
            if (body.override && !body.note?.trim())
                fields.note = shared_1.FieldErrorCode.REQUIRED;
        }
        else {
            if (body.override === true)
                fields.override = shared_1.FieldErrorCode.UNKNOWN_FIELD;
            if (!body.reasonCode)
                fields.reasonCode = shared_1.FieldErrorCode.REQUIRED;
            else {
                const found = (0, shared_1.reviewReason)(body.reasonCode);
                if (!found || found.kind !== body.decision)
                    fields.reasonCode = shared_1.FieldErrorCode.NOT_IN_OPTIONS;
                else
                    reason = found;
            }
            if (body.decision === 'reject' && body.fields !== undefined)
                fields.fields = shared_1.FieldErrorCode.UNKNOWN_FIELD;
            if (body.decision === 'return') {
                if (!body.fields?.length)
                    fields.fields = shared_1.FieldErrorCode.REQUIRED;
                else {
                    const allowed = returnableFields(definition);
                    body.fields.forEach((field, i) => {
                        if (!allowed.has(field))
                            fields[`fields.${i}`] = shared_1.FieldErrorCode.NOT_IN_OPTIONS;
                    });
                }
            }
        }
        if (Object.keys(fields).length)
            throw (0, domain_error_1.validationFailed)(fields, 'The decision is incomplete or names unknown values');
        return reason;
    }
    /**
     * Four eyes: at or above the threshold, over a conflict (which needs `override` and a note) or at
     * a high risk score, a first approval only moves the claim to `second_approval`.
     */
    needsSecondApproval(application, definition, body, conflicts) {
        if (conflicts.length && !(body.override && body.note?.trim())) {
            throw new domain_error_1.DomainError(shared_1.ErrorCode.VALIDATION_FAILED, 'The field matrix has conflicts: approve with override and a note', {
                fields: {
                    override: shared_1.FieldErrorCode.REQUIRED,
                    ...(body.note?.trim() ? {} : { note: shared_1.FieldErrorCode.REQUIRED }),
                },
                extra: { conflicts },
            });
        }
        return (application.reservedFen >= definition.settings.twoPersonThresholdFen ||
            body.override === true ||
            application.riskScore >= shared_1.HIGH_RISK_SCORE);
    }
    /** Nobody approves their own first decision; the second one needs the role `approver`. */
    async checkSecondApprover(manager, user, id) {
        if ((await this.reviews.firstApprover(manager, id)) === user.id)
            throw new domain_error_1.DomainError(shared_1.ErrorCode.SELF_APPROVAL, 'The second approval must be made by someone else');
        if (!(0, shared_1.can)(user.role, shared_1.Permission.ReviewApproveHighValue))
            throw new domain_error_1.DomainError(shared_1.ErrorCode.APPROVER_REQUIRED, 'The second approval needs the role approver');
    }
    /** What the resident reads on the timeline and in the SMS: the reason and, for a return, what to fix. */
    residentNote(body, reason, definition, note) {
        const extra = note ? `。说明：${note}` : '';
        if (body.decision === 'reject')
            return `未通过：${reason.title.zh}${extra}`;
        const labels = returnableFields(definition);
        const what = [...new Set(body.fields)].map((field) => labels.get(field) ?? field).join('、');
        return `退回补正：${reason.title.zh}。请修改：${what}${extra}`;
    }
};
exports.ReviewDecisionService = ReviewDecisionService;
exports.ReviewDecisionService = ReviewDecisionService = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [review_repository_1.ReviewRepository,
        applications_repository_1.ApplicationsRepository,
        programs_repository_1.ProgramsRepository,
        idempotency_repository_1.IdempotencyRepository,
        application_state_service_1.ApplicationStateService,
        matrix_registry_1.MatrixRegistry,
        audit_service_1.AuditService,
        clock_1.Clock,
        review_queue_service_1.ReviewQueueService])
], ReviewDecisionService);
//# sourceMappingURL=review-decision.service.js.map