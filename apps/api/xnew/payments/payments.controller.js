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
exports.PaymentsController = void 0;
const common_1 = require("@nestjs/common");
const swagger_1 = require("@nestjs/swagger");
const shared_1 = require("@huanxin/shared");
const auth_decorators_1 = require("../auth/auth.decorators");
const multipart_upload_1 = require("../documents/multipart-upload");
const payments_dto_1 = require("./payments.dto");
const payments_service_1 = require("./payments.service");
const reconcile_service_1 = require("./reconcile.service");
const upload_1 = require("./upload");
const uuid = new common_1.ParseUUIDPipe({ version: '4' });
/** Payment batches, the bank file, reconciliation and receivables (api-contract.md, Payments). */
let PaymentsController = class PaymentsController {
    constructor(payments, reconciler) {
        this.payments = payments;
        this.reconciler = reconciler;
    }
    build(user, body) {
        return this.payments.build(user.id, body.programCode);
    }
    list() {
        return this.payments.list();
    }
    detail(id) {
        return this.payments.detail(id);
    }
    release(user, id) {
        return this.payments.release(user.id, id);
    }
    async file(id, query, reply) {
        const file = await this.payments.bankFile(id, query.format ?? 'csv');
        await reply
            .header('content-type', file.contentType)
            .header('content-disposition', `attachment; filename="${file.filename}"`)
            .header('x-content-type-options', 'nosniff')
            .header('cache-control', 'no-store')
            .send(file.body);
    }
    async reconcile(user, id, request) {
        return this.reconciler.reconcile(user.id, id, await (0, upload_1.readUpload)((0, multipart_upload_1.multipartUpload)(request)));
    }
    receivables() {
        return this.payments.receivables();
    }
    collect(user, id, body) {
        return this.payments.collectReceivable(user.id, id, {
            bankRef: body.bankRef.trim(),
            ...(body.note?.trim() ? { note: body.note.trim() } : {}),
        });
    }
};
exports.PaymentsController = PaymentsController;
__decorate([
    (0, common_1.Post)('batches'),
    (0, swagger_1.ApiOperation)({
        summary: "Build a draft batch of the program's approved, unpaid claims that may be paid now (goods after the return window): 201 { id, status, programCode, lines, totalFen, createdBy }; 409 NOTHING_TO_PAY",
    }),
    __param(0, (0, auth_decorators_1.CurrentUser)()),
    __param(1, (0, common_1.Body)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, payments_dto_1.CreateBatchDto]),
    __metadata("design:returntype", void 0)
], PaymentsController.prototype, "build", null);
__decorate([
    (0, common_1.Get)('batches'),
    (0, swagger_1.ApiOperation)({ summary: 'Payment batches, newest first (the last 100), with line counts by status' }),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", []),
    __metadata("design:returntype", void 0)
], PaymentsController.prototype, "list", null);
__decorate([
    (0, common_1.Get)('batches/:id'),
    (0, swagger_1.ApiOperation)({
        summary: 'One batch with its lines { lineId, applicationCode, payee, payeeNameMasked, accountMasked, amountFen, status, reason? }',
    }),
    __param(0, (0, common_1.Param)('id', uuid)),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String]),
    __metadata("design:returntype", void 0)
], PaymentsController.prototype, "detail", null);
__decorate([
    (0, common_1.Post)('batches/:id/release'),
    (0, common_1.HttpCode)(200),
    (0, swagger_1.ApiOperation)({
        summary: 'Release a draft batch (a finance user other than its builder: 403 SELF_RELEASE)',
    }),
    __param(0, (0, auth_decorators_1.CurrentUser)()),
    __param(1, (0, common_1.Param)('id', uuid)),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, String]),
    __metadata("design:returntype", void 0)
], PaymentsController.prototype, "release", null);
__decorate([
    (0, common_1.Get)('batches/:id/file'),
    (0, swagger_1.ApiOperation)({
        summary: "The bank's batch-transfer file (CSV or XLSX; full account numbers) of a released batch's lines still to pay; 409 before release; every download audited",
    }),
    __param(0, (0, common_1.Param)('id', uuid)),
    __param(1, (0, common_1.Query)()),
    __param(2, (0, common_1.Res)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, payments_dto_1.BankFileQueryDto, Object]),
    __metadata("design:returntype", Promise)
], PaymentsController.prototype, "file", null);
__decorate([
    (0, common_1.Post)('batches/:id/reconcile'),
    (0, common_1.HttpCode)(200),
    (0, swagger_1.ApiConsumes)('multipart/form-data'),
    (0, swagger_1.ApiBody)({
        schema: {
            type: 'object',
            required: ['file'],
            properties: {
                file: { type: 'string', format: 'binary', description: 'CSV lineId,result,reason,bankRef' },
            },
        },
    }),
    (0, swagger_1.ApiOperation)({
        summary: "Import the bank's result file: 200 { paid, failed, unchanged, unknownLines }; the same file again → all unchanged; 422 with per-line errors and nothing changed for a bad file",
    }),
    __param(0, (0, auth_decorators_1.CurrentUser)()),
    __param(1, (0, common_1.Param)('id', uuid)),
    __param(2, (0, common_1.Req)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, String, Object]),
    __metadata("design:returntype", Promise)
], PaymentsController.prototype, "reconcile", null);
__decorate([
    (0, common_1.Get)('receivables'),
    (0, swagger_1.ApiOperation)({
        summary: 'Receivables (clawbacks from review sampling, sales returned after payout), newest first, with what was netted against dealer batches and the due date',
    }),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", []),
    __metadata("design:returntype", void 0)
], PaymentsController.prototype, "receivables", null);
__decorate([
    (0, common_1.Post)('receivables/:id/collect'),
    (0, common_1.HttpCode)(200),
    (0, swagger_1.ApiOperation)({
        summary: 'Record that the payee paid an open receivable back directly (bank reference): collected; an overdue dealer’s held payouts join the next batch. 404 RECEIVABLE_NOT_FOUND; 409 RECEIVABLE_NOT_OPEN (settled, or a pending line nets it)',
    }),
    __param(0, (0, auth_decorators_1.CurrentUser)()),
    __param(1, (0, common_1.Param)('id', uuid)),
    __param(2, (0, common_1.Body)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, String, payments_dto_1.CollectReceivableDto]),
    __metadata("design:returntype", void 0)
], PaymentsController.prototype, "collect", null);
exports.PaymentsController = PaymentsController = __decorate([
    (0, swagger_1.ApiTags)('payments'),
    (0, common_1.Controller)('payments'),
    (0, auth_decorators_1.RequirePermission)(shared_1.Permission.PaymentsManage),
    __metadata("design:paramtypes", [payments_service_1.PaymentsService,
        reconcile_service_1.ReconcileService])
], PaymentsController);
//# sourceMappingURL=payments.controller.js.map