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
exports.SamplingController = void 0;
const common_1 = require("@nestjs/common");
const swagger_1 = require("@nestjs/swagger");
const shared_1 = require("@huanxin/shared");
const auth_decorators_1 = require("../../auth/auth.decorators");
const sampling_dto_1 = require("./sampling.dto");
const sampling_service_1 = require("./sampling.service");
const uuid = new common_1.ParseUUIDPipe({ version: '4' });
let SamplingController = class SamplingController {
    constructor(sampling) {
        this.sampling = sampling;
    }
    create(user, body) {
        return this.sampling.create(user.id, body);
    }
    list(query) {
        return this.sampling.list(query.program);
    }
    detail(id) {
        return this.sampling.detail(id);
    }
    outcome(user, id, applicationId, body) {
        return this.sampling.recordOutcome(user.id, id, applicationId, body);
    }
};
exports.SamplingController = SamplingController;
__decorate([
    (0, common_1.Post)(),
    (0, swagger_1.ApiOperation)({
        summary: "Draw a post-approval audit sample of a program's approved and paid claims (uniform or risk-weighted); the seed is recorded: same seed + same claims → same sample",
    }),
    __param(0, (0, auth_decorators_1.CurrentUser)()),
    __param(1, (0, common_1.Body)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, sampling_dto_1.CreateSampleDto]),
    __metadata("design:returntype", void 0)
], SamplingController.prototype, "create", null);
__decorate([
    (0, common_1.Get)(),
    (0, swagger_1.ApiOperation)({ summary: 'Samples drawn so far, newest first (the last 100), optionally of one program' }),
    __param(0, (0, common_1.Query)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [sampling_dto_1.SampleListQueryDto]),
    __metadata("design:returntype", void 0)
], SamplingController.prototype, "list", null);
__decorate([
    (0, common_1.Get)(':id'),
    (0, swagger_1.ApiOperation)({ summary: 'One sample with its items, their claims and outcomes' }),
    __param(0, (0, common_1.Param)('id', uuid)),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String]),
    __metadata("design:returntype", void 0)
], SamplingController.prototype, "detail", null);
__decorate([
    (0, common_1.Post)(':id/items/:applicationId'),
    (0, common_1.HttpCode)(200),
    (0, swagger_1.ApiOperation)({
        summary: 'Record a sampled case’s outcome once (confirmed, or clawback with its reason: opens a receivable from the payee); audited',
    }),
    __param(0, (0, auth_decorators_1.CurrentUser)()),
    __param(1, (0, common_1.Param)('id', uuid)),
    __param(2, (0, common_1.Param)('applicationId', uuid)),
    __param(3, (0, common_1.Body)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, String, String, sampling_dto_1.SampleOutcomeDto]),
    __metadata("design:returntype", void 0)
], SamplingController.prototype, "outcome", null);
exports.SamplingController = SamplingController = __decorate([
    (0, swagger_1.ApiTags)('review'),
    (0, common_1.Controller)('review/samples'),
    (0, auth_decorators_1.RequirePermission)(shared_1.Permission.ReviewSample),
    __metadata("design:paramtypes", [sampling_service_1.SamplingService])
], SamplingController);
//# sourceMappingURL=sampling.controller.js.map