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
exports.AdminUsersController = void 0;
const common_1 = require("@nestjs/common");
const swagger_1 = require("@nestjs/swagger");
const shared_1 = require("@huanxin/shared");
const auth_decorators_1 = require("../auth/auth.decorators");
const admin_users_dto_1 = require("./admin-users.dto");
const admin_users_service_1 = require("./admin-users.service");
let AdminUsersController = class AdminUsersController {
    constructor(accounts) {
        this.accounts = accounts;
    }
    list() {
        return this.accounts.list();
    }
    create(body, actor) {
        return this.accounts.create(body, actor.id);
    }
    update(id, body, actor) {
        return this.accounts.update(id, body, actor);
    }
    createOrganization(body) {
        return this.accounts.createOrganization(body);
    }
};
exports.AdminUsersController = AdminUsersController;
__decorate([
    (0, common_1.Get)('users'),
    (0, auth_decorators_1.RequirePermission)(shared_1.Permission.UsersAccounts),
    (0, swagger_1.ApiOperation)({ summary: 'Staff and dealer accounts (system and security administrators)' }),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", []),
    __metadata("design:returntype", void 0)
], AdminUsersController.prototype, "list", null);
__decorate([
    (0, common_1.Post)('users'),
    (0, swagger_1.ApiOperation)({
        summary: 'Create a staff or dealer account (password policy applies); reviewer/approver accounts start pending a second admin',
    }),
    __param(0, (0, common_1.Body)()),
    __param(1, (0, auth_decorators_1.CurrentUser)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [admin_users_dto_1.CreateUserDto, Object]),
    __metadata("design:returntype", void 0)
], AdminUsersController.prototype, "create", null);
__decorate([
    (0, common_1.Patch)('users/:id'),
    (0, auth_decorators_1.RequirePermission)(shared_1.Permission.UsersAccounts),
    (0, swagger_1.ApiOperation)({
        summary: "Rename, disable/enable (ends sessions), set password, activate (a second admin): system administrator; change role, unlock, reset MFA: security administrator (403 SECURITY_ADMIN_REQUIRED / SYSTEM_ADMIN_REQUIRED otherwise; 403 SELF_ACCOUNT_CHANGE on one's own account)",
    }),
    __param(0, (0, common_1.Param)('id', new common_1.ParseUUIDPipe({ version: '4' }))),
    __param(1, (0, common_1.Body)()),
    __param(2, (0, auth_decorators_1.CurrentUser)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, admin_users_dto_1.UpdateUserDto, Object]),
    __metadata("design:returntype", void 0)
], AdminUsersController.prototype, "update", null);
__decorate([
    (0, common_1.Post)('organizations'),
    (0, swagger_1.ApiOperation)({
        summary: 'Create an organisation directly, active (credit code checked); dealers register themselves at POST /api/dealer/registrations',
    }),
    __param(0, (0, common_1.Body)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [admin_users_dto_1.CreateOrganizationDto]),
    __metadata("design:returntype", void 0)
], AdminUsersController.prototype, "createOrganization", null);
exports.AdminUsersController = AdminUsersController = __decorate([
    (0, swagger_1.ApiTags)('admin'),
    (0, common_1.Controller)('admin'),
    (0, auth_decorators_1.RequirePermission)(shared_1.Permission.UsersManage),
    __metadata("design:paramtypes", [admin_users_service_1.AdminUsersService])
], AdminUsersController);
//# sourceMappingURL=admin-users.controller.js.map