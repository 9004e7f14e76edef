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
exports.ApplicationsController = void 0;
const common_1 = require("@nestjs/common");
const swagger_1 = require("@nestjs/swagger");
const shared_1 = require("@huanxin/shared");
const auth_decorators_1 = require("../auth/auth.decorators");
const admission_1 = require("../common/http/admission");
const applications_dto_1 = require("./applications.dto");
const applications_service_1 = require("./applications.service");
const idempotency_1 = require("./idempotency");
const submission_service_1 = require("./submission.service");
const uuid = new common_1.ParseUUIDPipe({ version: '4' });
let ApplicationsController = class ApplicationsController {
    constructor(applications, submissions) {
        this.applications = applications;
        this.submissions = submissions;
    }
    create(user, body) {
        return this.applications.create(user.id, body.programCode, body.facts);
    }
    // GET /api/applications (the caller's list) is a lean route: resident-list.route.ts.
    detail(user, id) {
        return this.applications.detail(user.id, id);
    }
    update(user, id, body) {
        return this.applications.update(user.id, id, body.facts);
    }
    async submit(user, id, key, request, reply) {
        const result = await this.submissions.submit(user.id, id, (0, idempotency_1.requireIdempotencyKey)(key), request.body ?? null);
        void reply.status(result.status);
        return result.body;
    }
    withdraw(user, id) {
        return this.applications.withdraw(user.id, id);
    }
};
exports.ApplicationsController = ApplicationsController;
__decorate([
    (0, common_1.Post)(),
    (0, swagger_1.ApiOperation)({ summary: 'Start a draft application (facts validated against the program)' }),
    __param(0, (0, auth_decorators_1.CurrentUser)()),
    __param(1, (0, common_1.Body)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, applications_dto_1.CreateApplicationDto]),
    __metadata("design:returntype", void 0)
], ApplicationsController.prototype, "create", null);
__decorate([
    (0, common_1.Get)(':id'),
    (0, swagger_1.ApiOperation)({ summary: 'One application with its timeline' }),
    __param(0, (0, auth_decorators_1.CurrentUser)()),
    __param(1, (0, common_1.Param)('id', uuid)),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, String]),
    __metadata("design:returntype", void 0)
], ApplicationsController.prototype, "detail", null);
__decorate([
    (0, common_1.Patch)(':id'),
    (0, swagger_1.ApiOperation)({ summary: 'Save facts of a draft or returned application (409 otherwise)' }),
    __param(0, (0, auth_decorators_1.CurrentUser)()),
    __param(1, (0, common_1.Param)('id', uuid)),
    __param(2, (0, common_1.Body)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, String, applications_dto_1.UpdateApplicationDto]),
    __metadata("design:returntype", void 0)
], ApplicationsController.prototype, "update", null);
__decorate([
    (0, common_1.Post)(':id/submit'),
    (0, common_1.HttpCode)(200)
    // Admission control: SUBMIT_MAX_IN_FLIGHT at once, a bounded queue, beyond it 503 + Retry-After.
    ,
    (0, common_1.UseInterceptors)(admission_1.SubmitAdmission),
    (0, swagger_1.ApiHeader)({
        name: 'Idempotency-Key',
        required: true,
        description: 'A UUID per submission attempt, reused on retries (≤ 255 chars)',
    }),
    (0, swagger_1.ApiOperation)({
        summary: 'Submit: re-evaluates, checks documents and keys, reserves the budget (one transaction)',
    }),
    __param(0, (0, auth_decorators_1.CurrentUser)()),
    __param(1, (0, common_1.Param)('id', uuid)),
    __param(2, (0, common_1.Headers)('idempotency-key')),
    __param(3, (0, common_1.Req)()),
    __param(4, (0, common_1.Res)({ passthrough: true })),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, String, Object, Object, Object]),
    __metadata("design:returntype", Promise)
], ApplicationsController.prototype, "submit", null);
__decorate([
    (0, common_1.Post)(':id/withdraw'),
    (0, common_1.HttpCode)(200),
    (0, swagger_1.ApiOperation)({ summary: 'Withdraw; releases the reservation' }),
    __param(0, (0, auth_decorators_1.CurrentUser)()),
    __param(1, (0, common_1.Param)('id', uuid)),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, String]),
    __metadata("design:returntype", void 0)
], ApplicationsController.prototype, "withdraw", null);
exports.ApplicationsController = ApplicationsController = __decorate([
    (0, swagger_1.ApiTags)('applications'),
    (0, common_1.Controller)('applications'),
    (0, auth_decorators_1.RequirePermission)(shared_1.Permission.ApplicationsOwn),
    __metadata("design:paramtypes", [applications_service_1.ApplicationsService,
        submission_service_1.SubmissionService])
], ApplicationsController);
//# sourceMappingURL=applications.controller.js.map