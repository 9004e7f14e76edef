"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.DealerReturnsModule = void 0;
const common_1 = require("@nestjs/common");
const applications_module_1 = require("../../applications/applications.module");
const payments_module_1 = require("../../payments/payments.module");
const dealers_module_1 = require("../dealers.module");
const sales_module_1 = require("../sales/sales.module");
const returns_controller_1 = require("./returns.controller");
const returns_repository_1 = require("./returns.repository");
const returns_service_1 = require("./returns.service");
/**
 * Returns of dealer sales (issue 14, operations.md §6): `POST /api/dealer/sales/:id/return`. It
 * cancels the sale's claim through ApplicationStateService (the one writer of claim status and
 * money), takes its line out of a draft batch through PaymentsRepository, and opens the
 * receivable of a return after payout in the receivable model the sampling clawback uses.
 */
let DealerReturnsModule = class DealerReturnsModule {
};
exports.DealerReturnsModule = DealerReturnsModule;
exports.DealerReturnsModule = DealerReturnsModule = __decorate([
    (0, common_1.Module)({
        imports: [dealers_module_1.DealersModule, sales_module_1.SalesModule, applications_module_1.ApplicationsModule, payments_module_1.PaymentsModule],
        controllers: [returns_controller_1.DealerReturnsController],
        providers: [returns_repository_1.ReturnsRepository, returns_service_1.ReturnsService],
    })
], DealerReturnsModule);
//# sourceMappingURL=returns.module.js.map