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
exports.VouchersController = void 0;
const common_1 = require("@nestjs/common");
const swagger_1 = require("@nestjs/swagger");
const shared_1 = require("@huanxin/shared");
const idempotency_1 = require("../applications/idempotency");
const auth_decorators_1 = require("../auth/auth.decorators");
const admission_1 = require("../common/http/admission");
const vouchers_dto_1 = require("./vouchers.dto");
const vouchers_service_1 = require("./vouchers.service");
let VouchersController = class VouchersController {
    constructor(vouchers) {
        this.vouchers = vouchers;
    }
    async issue(user, body, key, reply) {
        const result = await this.vouchers.issue(user.id, { programCode: body.programCode, category: body.category }, key === undefined ? null : (0, idempotency_1.requireIdempotencyKey)(key));
        void reply.status(result.status);
        return result.body;
    }
    offers() {
        return this.vouchers.offers();
    }
    list(user) {
        return this.vouchers.list(user.id);
    }
    cancel(user, id) {
        return this.vouchers.cancel(user.id, id);
    }
};
exports.VouchersController = VouchersController;
__decorate([
    (0, common_1.Post)()
    // The submit's admission gate (shared): beyond it a fast 503 with Retry-After, nothing written.
    ,
    (0, common_1.UseInterceptors)(admission_1.SubmitAdmission),
    (0, swagger_1.ApiHeader)({
        name: 'Idempotency-Key',
        required: false,
        description: 'A UUID per tap on "take", reused on retries: a double tap takes one voucher',
    }),
    (0, swagger_1.ApiOperation)({
        summary: "Take a voucher: reserves the category's maximum subsidy until it expires; 503 SERVICE_UNAVAILABLE with Retry-After while the submit gate is full",
    }),
    __param(0, (0, auth_decorators_1.CurrentUser)()),
    __param(1, (0, common_1.Body)()),
    __param(2, (0, common_1.Headers)('idempotency-key')),
    __param(3, (0, common_1.Res)({ passthrough: true })),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, vouchers_dto_1.CreateVoucherDto, Object, Object]),
    __metadata("design:returntype", Promise)
], VouchersController.prototype, "issue", null);
__decorate([
    (0, common_1.Get)('offers'),
    (0, swagger_1.ApiOperation)({ summary: 'Programs that issue vouchers today, with their categories and terms' }),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", []),
    __metadata("design:returntype", void 0)
], VouchersController.prototype, "offers", null);
__decorate([
    (0, common_1.Get)(),
    (0, swagger_1.ApiOperation)({ summary: "The caller's vouchers, newest first" }),
    __param(0, (0, auth_decorators_1.CurrentUser)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object]),
    __metadata("design:returntype", void 0)
], VouchersController.prototype, "list", null);
__decorate([
    (0, common_1.Post)(':id/cancel'),
    (0, common_1.HttpCode)(200),
    (0, swagger_1.ApiOperation)({ summary: 'Cancel an issued voucher; releases its reservation' }),
    __param(0, (0, auth_decorators_1.CurrentUser)()),
    __param(1, (0, common_1.Param)('id', new common_1.ParseUUIDPipe({ version: '4' }))),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, String]),
    __metadata("design:returntype", void 0)
], VouchersController.prototype, "cancel", null);
exports.VouchersController = VouchersController = __decorate([
    (0, swagger_1.ApiTags)('vouchers'),
    (0, common_1.Controller)('vouchers'),
    (0, auth_decorators_1.RequirePermission)(shared_1.Permission.VouchersOwn),
    __metadata("design:paramtypes", [vouchers_service_1.VouchersService])
], VouchersController);
//# sourceMappingURL=vouchers.controller.js.map