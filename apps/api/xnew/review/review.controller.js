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
exports.ReviewController = void 0;
const common_1 = require("@nestjs/common");
const swagger_1 = require("@nestjs/swagger");
const shared_1 = require("@huanxin/shared");
const idempotency_1 = require("../applications/idempotency");
const auth_decorators_1 = require("../auth/auth.decorators");
const review_dto_1 = require("./review.dto");
const review_case_service_1 = require("./review-case.service");
const review_decision_service_1 = require("./review-decision.service");
const review_lease_service_1 = require("./review-lease.service");
const review_queue_service_1 = require("./review-queue.service");
const uuid = new common_1.ParseUUIDPipe({ version: '4' });
/** Shown inline in the reviewer's viewer; anything else (OFD) is downloaded. */
const INLINE_TYPES = new Set(['application/pdf', 'image/jpeg', 'image/png']);
const EXTENSIONS = {
    'application/pdf': 'pdf',
    'image/jpeg': 'jpg',
    'image/png': 'png',
    'application/ofd': 'ofd',
};
/** The review workbench (api-contract.md, Review): queue, leases, the case, decisions. */
let ReviewController = class ReviewController {
    constructor(queue, leases, cases, decisions) {
        this.queue = queue;
        this.leases = leases;
        this.cases = cases;
        this.decisions = decisions;
    }
    page(query) {
        return this.queue.page(query);
    }
    reasons() {
        return shared_1.REVIEW_REASONS;
    }
    take(user, id) {
        return this.leases.take(user.id, id);
    }
    async release(user, id) {
        await this.leases.release(user.id, id);
    }
    case(id) {
        return this.cases.case(id);
    }
    async document(id, docId, reply) {
        const document = await this.cases.document(id, docId);
        const disposition = INLINE_TYPES.has(document.contentType) ? 'inline' : 'attachment';
        const extension = EXTENSIONS[document.contentType] ?? 'bin';
        await reply
            .header('content-type', document.contentType)
            .header('content-disposition', `${disposition}; filename="${document.kind}-${document.id}.${extension}"`)
            .header('x-content-type-options', 'nosniff')
            .header('cache-control', 'no-store')
            .send(document.stream);
    }
    async decide(user, id, key, body, reply) {
        const result = await this.decisions.decide(user, id, (0, idempotency_1.requireIdempotencyKey)(key), body);
        void reply.status(result.status);
        return result.body;
    }
};
exports.ReviewController = ReviewController;
__decorate([
    (0, common_1.Get)('queue'),
    (0, swagger_1.ApiOperation)({
        summary: 'The review queue: { items: [{ id, code, programCode, applicantNameMasked, amountFen, completeAt, dueAt, slaState, flags, riskScore, stage, assignee, payee }], total }; oldest complete claim first by default',
    }),
    __param(0, (0, common_1.Query)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [review_dto_1.ReviewQueueQueryDto]),
    __metadata("design:returntype", void 0)
], ReviewController.prototype, "page", null);
__decorate([
    (0, common_1.Get)('reasons'),
    (0, swagger_1.ApiOperation)({ summary: 'The published reason codes of reject and return decisions (zh/en)' }),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", []),
    __metadata("design:returntype", Array)
], ReviewController.prototype, "reasons", null);
__decorate([
    (0, common_1.Post)('applications/:id/claim'),
    (0, common_1.HttpCode)(200),
    (0, auth_decorators_1.RequirePermission)(shared_1.Permission.ReviewDecide),
    (0, swagger_1.ApiOperation)({
        summary: 'Take (or renew) the case for 30 minutes: { leaseUntil }; 409 CASE_HELD when another user holds it',
    }),
    __param(0, (0, auth_decorators_1.CurrentUser)()),
    __param(1, (0, common_1.Param)('id', uuid)),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, String]),
    __metadata("design:returntype", void 0)
], ReviewController.prototype, "take", null);
__decorate([
    (0, common_1.Delete)('applications/:id/claim'),
    (0, common_1.HttpCode)(204),
    (0, auth_decorators_1.RequirePermission)(shared_1.Permission.ReviewDecide),
    (0, swagger_1.ApiOperation)({ summary: "Give up the caller's lease on the case" }),
    __param(0, (0, auth_decorators_1.CurrentUser)()),
    __param(1, (0, common_1.Param)('id', uuid)),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, String]),
    __metadata("design:returntype", Promise)
], ReviewController.prototype, "release", null);
__decorate([
    (0, common_1.Get)('applications/:id'),
    (0, swagger_1.ApiOperation)({
        summary: 'The case: masked facts, clause trace re-run now, documents, field matrix, flags, risk score, history, decisions',
    }),
    __param(0, (0, common_1.Param)('id', uuid)),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String]),
    __metadata("design:returntype", void 0)
], ReviewController.prototype, "case", null);
__decorate([
    (0, common_1.Get)('applications/:id/documents/:docId'),
    (0, swagger_1.ApiOperation)({ summary: 'A document of the case (inline for PDF and images, nosniff)' }),
    __param(0, (0, common_1.Param)('id', uuid)),
    __param(1, (0, common_1.Param)('docId', uuid)),
    __param(2, (0, common_1.Res)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, String, Object]),
    __metadata("design:returntype", Promise)
], ReviewController.prototype, "document", null);
__decorate([
    (0, common_1.Post)('applications/:id/decision'),
    (0, common_1.HttpCode)(200),
    (0, auth_decorators_1.RequirePermission)(shared_1.Permission.ReviewDecide),
    (0, swagger_1.ApiHeader)({ name: 'Idempotency-Key', required: true, description: 'One per decision, reused on retries' }),
    (0, swagger_1.ApiOperation)({
        summary: 'Approve, reject or return: { status, stage }; 409 CASE_NOT_HELD / WRONG_STATE; 422 reason/fields/conflict; 403 SELF_APPROVAL / APPROVER_REQUIRED',
    }),
    __param(0, (0, auth_decorators_1.CurrentUser)()),
    __param(1, (0, common_1.Param)('id', uuid)),
    __param(2, (0, common_1.Headers)('idempotency-key')),
    __param(3, (0, common_1.Body)()),
    __param(4, (0, common_1.Res)({ passthrough: true })),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, String, Object, review_dto_1.ReviewDecisionDto, Object]),
    __metadata("design:returntype", Promise)
], ReviewController.prototype, "decide", null);
exports.ReviewController = ReviewController = __decorate([
    (0, swagger_1.ApiTags)('review'),
    (0, common_1.Controller)('review'),
    (0, auth_decorators_1.RequirePermission)(shared_1.Permission.ReviewRead),
    __metadata("design:paramtypes", [review_queue_service_1.ReviewQueueService,
        review_lease_service_1.ReviewLeaseService,
        review_case_service_1.ReviewCaseService,
        review_decision_service_1.ReviewDecisionService])
], ReviewController);
//# sourceMappingURL=review.controller.js.map