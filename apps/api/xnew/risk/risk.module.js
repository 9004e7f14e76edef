"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.RiskModule = void 0;
const common_1 = require("@nestjs/common");
const sales_repository_1 = require("../dealers/sales/sales.repository");
const programs_module_1 = require("../programs/programs.module");
const dealer_records_repository_1 = require("./dealer-records.repository");
const risk_repository_1 = require("./risk.repository");
const risk_service_1 = require("./risk.service");
/**
 * The risk rules (no routes): imported by the applications module, whose check job calls them.
 * SalesRepository (the sale behind a claim) is provided here by class, not through the sales
 * module, so the dealers' modules may depend on applications without a cycle.
 */
let RiskModule = class RiskModule {
};
exports.RiskModule = RiskModule;
exports.RiskModule = RiskModule = __decorate([
    (0, common_1.Module)({
        imports: [programs_module_1.ProgramsModule],
        providers: [risk_repository_1.RiskRepository, dealer_records_repository_1.DealerRecordsRiskRepository, sales_repository_1.SalesRepository, risk_service_1.RiskService],
        exports: [risk_service_1.RiskService],
    })
], RiskModule);
//# sourceMappingURL=risk.module.js.map