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
exports.AdminOrganizationsController = void 0;
const common_1 = require("@nestjs/common");
const swagger_1 = require("@nestjs/swagger");
const shared_1 = require("@huanxin/shared");
const auth_decorators_1 = require("../auth/auth.decorators");
const dealers_dto_1 = require("./dealers.dto");
const organizations_service_1 = require("./organizations.service");
/** The commerce office (approver) and admins: registrations to review, lifecycle changes. */
let AdminOrganizationsController = class AdminOrganizationsController {
    constructor(organizations) {
        this.organizations = organizations;
    }
    list(query) {
        return this.organizations.list(query.status);
    }
    detail(id) {
        return this.organizations.detail(id);
    }
    changeStatus(id, body, actor) {
        return this.organizations.changeStatus(id, body, actor);
    }
};
exports.AdminOrganizationsController = AdminOrganizationsController;
__decorate([
    (0, common_1.Get)(),
    (0, swagger_1.ApiOperation)({ summary: 'Organisations, optionally by status (payout accounts masked)' }),
    __param(0, (0, common_1.Query)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [dealers_dto_1.ListOrganizationsQuery]),
    __metadata("design:returntype", void 0)
], AdminOrganizationsController.prototype, "list", null);
__decorate([
    (0, common_1.Get)(':id'),
    (0, swagger_1.ApiOperation)({ summary: 'One organisation with its status history' }),
    __param(0, (0, common_1.Param)('id', new common_1.ParseUUIDPipe({ version: '4' }))),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String]),
    __metadata("design:returntype", void 0)
], AdminOrganizationsController.prototype, "detail", null);
__decorate([
    (0, common_1.Post)(':id/status'),
    (0, common_1.HttpCode)(200),
    (0, swagger_1.ApiOperation)({
        summary: 'Change the status with a reason (pending→active|disqualified, active→suspended, suspended→active|disqualified); 409 ILLEGAL_STATUS_CHANGE; audited',
    }),
    __param(0, (0, common_1.Param)('id', new common_1.ParseUUIDPipe({ version: '4' }))),
    __param(1, (0, common_1.Body)()),
    __param(2, (0, auth_decorators_1.CurrentUser)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, dealers_dto_1.ChangeOrganizationStatusDto, Object]),
    __metadata("design:returntype", void 0)
], AdminOrganizationsController.prototype, "changeStatus", null);
exports.AdminOrganizationsController = AdminOrganizationsController = __decorate([
    (0, swagger_1.ApiTags)('admin'),
    (0, common_1.Controller)('admin/organizations'),
    (0, auth_decorators_1.RequirePermission)(shared_1.Permission.OrganizationsReview),
    __metadata("design:paramtypes", [organizations_service_1.OrganizationsService])
], AdminOrganizationsController);
//# sourceMappingURL=admin-organizations.controller.js.map