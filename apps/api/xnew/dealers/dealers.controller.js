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
exports.DealerController = exports.DealerRegistrationController = void 0;
const common_1 = require("@nestjs/common");
const swagger_1 = require("@nestjs/swagger");
const shared_1 = require("@huanxin/shared");
const auth_decorators_1 = require("../auth/auth.decorators");
const dealer_access_guard_1 = require("./dealer-access.guard");
const dealer_accounts_service_1 = require("./dealer-accounts.service");
const dealers_dto_1 = require("./dealers.dto");
const products_service_1 = require("./products.service");
const registration_service_1 = require("./registration.service");
let DealerRegistrationController = class DealerRegistrationController {
    constructor(registration) {
        this.registration = registration;
    }
    register(body, ip) {
        return this.registration.register(body, ip);
    }
};
exports.DealerRegistrationController = DealerRegistrationController;
__decorate([
    (0, common_1.Post)(),
    (0, auth_decorators_1.Public)(),
    (0, common_1.HttpCode)(201),
    (0, swagger_1.ApiOperation)({
        summary: 'Register an organisation (public): pending until the commerce office approves; 409 USCC_IN_USE, USCC_DISQUALIFIED, USERNAME_IN_USE',
    }),
    __param(0, (0, common_1.Body)()),
    __param(1, (0, common_1.Ip)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [dealers_dto_1.RegistrationDto, String]),
    __metadata("design:returntype", void 0)
], DealerRegistrationController.prototype, "register", null);
exports.DealerRegistrationController = DealerRegistrationController = __decorate([
    (0, swagger_1.ApiTags)('dealer'),
    (0, common_1.Controller)('dealer/registrations'),
    __metadata("design:paramtypes", [registration_service_1.RegistrationService])
], DealerRegistrationController);
/** The dealer's own organisation, accounts and product register. */
let DealerController = class DealerController {
    constructor(accounts, products) {
        this.accounts = accounts;
        this.products = products;
    }
    me(user) {
        return this.accounts.me(user);
    }
    users(user) {
        return this.accounts.listUsers(user);
    }
    createUser(user, body) {
        return this.accounts.createUser(user, body);
    }
    listProducts(user) {
        return this.products.list(user);
    }
    createProduct(user, body) {
        return this.products.create(user, body);
    }
    changePrice(user, id, body) {
        return this.products.changePrice(user, id, body);
    }
};
exports.DealerController = DealerController;
__decorate([
    (0, common_1.Get)('me'),
    (0, swagger_1.ApiOperation)({ summary: 'The caller’s organisation (payout account masked) and account' }),
    __param(0, (0, auth_decorators_1.CurrentUser)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object]),
    __metadata("design:returntype", void 0)
], DealerController.prototype, "me", null);
__decorate([
    (0, common_1.Get)('users'),
    (0, swagger_1.ApiOperation)({ summary: 'The organisation’s dealer accounts' }),
    __param(0, (0, auth_decorators_1.CurrentUser)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object]),
    __metadata("design:returntype", void 0)
], DealerController.prototype, "users", null);
__decorate([
    (0, common_1.Post)('users'),
    (0, common_1.HttpCode)(201),
    (0, dealer_access_guard_1.OrgPermission)(shared_1.Permission.DealerStaffManage),
    (0, swagger_1.ApiOperation)({
        summary: 'Add a staff account to the caller’s organisation (organisation admins only: 403 ORG_ADMIN_REQUIRED); password policy applies',
    }),
    __param(0, (0, auth_decorators_1.CurrentUser)()),
    __param(1, (0, common_1.Body)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, dealers_dto_1.CreateDealerUserDto]),
    __metadata("design:returntype", void 0)
], DealerController.prototype, "createUser", null);
__decorate([
    (0, common_1.Get)('products'),
    (0, swagger_1.ApiOperation)({ summary: 'The organisation’s product register with price histories' }),
    __param(0, (0, auth_decorators_1.CurrentUser)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object]),
    __metadata("design:returntype", void 0)
], DealerController.prototype, "listProducts", null);
__decorate([
    (0, common_1.Post)('products'),
    (0, common_1.HttpCode)(201),
    (0, swagger_1.ApiOperation)({ summary: 'File a product (GTIN-13 checked) with its filed price; 409 DUPLICATE_PRODUCT' }),
    __param(0, (0, auth_decorators_1.CurrentUser)()),
    __param(1, (0, common_1.Body)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, dealers_dto_1.CreateProductDto]),
    __metadata("design:returntype", void 0)
], DealerController.prototype, "createProduct", null);
__decorate([
    (0, common_1.Patch)('products/:id'),
    (0, swagger_1.ApiOperation)({
        summary: 'Change the filed price (history kept; a raise > 10 % within 90 days is flagged for review)',
    }),
    __param(0, (0, auth_decorators_1.CurrentUser)()),
    __param(1, (0, common_1.Param)('id', new common_1.ParseUUIDPipe({ version: '4' }))),
    __param(2, (0, common_1.Body)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, String, dealers_dto_1.UpdateProductPriceDto]),
    __metadata("design:returntype", void 0)
], DealerController.prototype, "changePrice", null);
exports.DealerController = DealerController = __decorate([
    (0, swagger_1.ApiTags)('dealer'),
    (0, common_1.Controller)('dealer'),
    (0, dealer_access_guard_1.DealerRoutes)(),
    __metadata("design:paramtypes", [dealer_accounts_service_1.DealerAccountsService,
        products_service_1.ProductsService])
], DealerController);
//# sourceMappingURL=dealers.controller.js.map