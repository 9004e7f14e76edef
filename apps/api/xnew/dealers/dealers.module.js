"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.DealersModule = void 0;
const common_1 = require("@nestjs/common");
const programs_module_1 = require("../programs/programs.module");
const admin_organizations_controller_1 = require("./admin-organizations.controller");
const dealer_access_guard_1 = require("./dealer-access.guard");
const dealer_accounts_service_1 = require("./dealer-accounts.service");
const dealers_controller_1 = require("./dealers.controller");
const organizations_repository_1 = require("./organizations.repository");
const organizations_service_1 = require("./organizations.service");
const products_repository_1 = require("./products.repository");
const products_service_1 = require("./products.service");
const registration_service_1 = require("./registration.service");
/**
 * Dealer organisations (registration, lifecycle, accounts) and the product register (issue 13,
 * first slice). DealerAccessGuard and ProductsRepository are exported for the later dealer routes.
 */
let DealersModule = class DealersModule {
};
exports.DealersModule = DealersModule;
exports.DealersModule = DealersModule = __decorate([
    (0, common_1.Module)({
        imports: [programs_module_1.ProgramsModule],
        controllers: [dealers_controller_1.DealerRegistrationController, dealers_controller_1.DealerController, admin_organizations_controller_1.AdminOrganizationsController],
        providers: [
            organizations_repository_1.OrganizationsRepository,
            products_repository_1.ProductsRepository,
            registration_service_1.RegistrationService,
            organizations_service_1.OrganizationsService,
            dealer_accounts_service_1.DealerAccountsService,
            products_service_1.ProductsService,
            dealer_access_guard_1.DealerAccessGuard,
        ],
        exports: [organizations_repository_1.OrganizationsRepository, products_repository_1.ProductsRepository, dealer_access_guard_1.DealerAccessGuard],
    })
], DealersModule);
//# sourceMappingURL=dealers.module.js.map