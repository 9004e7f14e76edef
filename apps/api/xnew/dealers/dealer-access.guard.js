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
exports.OrgPermission = exports.DealerRoutes = exports.DealerAccessGuard = void 0;
const common_1 = require("@nestjs/common");
const core_1 = require("@nestjs/core");
const shared_1 = require("@huanxin/shared");
const auth_decorators_1 = require("../auth/auth.decorators");
const domain_error_1 = require("../common/errors/domain-error");
const organizations_repository_1 = require("./organizations.repository");
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const ORG_PERMISSION = 'huanxin:dealer-org-permission';
/**
 * Runs after the global AuthGuard on every route of a `@DealerRoutes()` controller (role `dealer`,
 * permission `dealer.own`). Every write (POST/PUT/PATCH/DELETE) needs the caller's organisation to
 * be `active` now — read from the database, not the session, so a suspension takes effect on the
 * next request: otherwise 403 ORGANIZATION_NOT_ACTIVE. Reads pass. A route marked
 * `@OrgPermission(p)` also needs `p` for the account's current `orgAdmin` flag (canAsDealer):
 * otherwise 403 ORG_ADMIN_REQUIRED.
 */
let DealerAccessGuard = class DealerAccessGuard {
    constructor(reflector, organizations) {
        this.reflector = reflector;
        this.organizations = organizations;
    }
    async canActivate(context) {
        const request = context.switchToHttp().getRequest();
        const user = request.user;
        if (!user || user.role !== 'dealer')
            throw new domain_error_1.DomainError(shared_1.ErrorCode.FORBIDDEN, 'Not allowed');
        const orgPermission = this.reflector.getAllAndOverride(ORG_PERMISSION, [
            context.getHandler(),
            context.getClass(),
        ]);
        const writes = UNSAFE.has(request.method);
        if (!writes && orgPermission === undefined)
            return true;
        const access = await this.organizations.dealerAccess(user.id);
        if (!access)
            throw new domain_error_1.DomainError(shared_1.ErrorCode.FORBIDDEN, 'Not allowed');
        if (writes && !(0, shared_1.organizationMayWrite)(access.status))
            throw new domain_error_1.DomainError(shared_1.ErrorCode.ORGANIZATION_NOT_ACTIVE, `The organisation is ${access.status}: its records can be read, not changed`, { extra: { status: access.status } });
        if (orgPermission !== undefined &&
            !(0, shared_1.canAsDealer)({ role: user.role, orgAdmin: access.orgAdmin }, orgPermission))
            throw new domain_error_1.DomainError(shared_1.ErrorCode.ORG_ADMIN_REQUIRED, 'Only the organisation’s administrators may do this');
        return true;
    }
};
exports.DealerAccessGuard = DealerAccessGuard;
exports.DealerAccessGuard = DealerAccessGuard = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [core_1.Reflector,
        organizations_repository_1.OrganizationsRepository])
], DealerAccessGuard);
/**
 * A dealer controller: `dealer.own` for the global guard, then DealerAccessGuard (writes only for an
 * active organisation). Every later dealer route (sales, import, certificates, ledger) uses this.
 */
const DealerRoutes = () => (0, common_1.applyDecorators)((0, auth_decorators_1.RequirePermission)(shared_1.Permission.DealerOwn), (0, common_1.UseGuards)(DealerAccessGuard));
exports.DealerRoutes = DealerRoutes;
/** The route also needs this organisation-level permission (ORG_ADMIN_PERMISSIONS, shared). */
const OrgPermission = (permission) => (0, common_1.SetMetadata)(ORG_PERMISSION, permission);
exports.OrgPermission = OrgPermission;
//# sourceMappingURL=dealer-access.guard.js.map