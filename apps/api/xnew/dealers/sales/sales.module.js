"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.SalesModule = void 0;
const common_1 = require("@nestjs/common");
const programs_module_1 = require("../../programs/programs.module");
const dealers_module_1 = require("../dealers.module");
const ledger_module_1 = require("../ledger/ledger.module");
const sale_body_pipe_1 = require("./sale-body.pipe");
const sales_controller_1 = require("./sales.controller");
const sales_repository_1 = require("./sales.repository");
const sales_service_1 = require("./sales.service");
const till_redemption_1 = require("../../vouchers/till-redemption");
const vouchers_module_1 = require("../../vouchers/vouchers.module");
const voucher_redemption_1 = require("./voucher-redemption");
/**
 * Dealer sale records (issue 13). SalesService (single and bulk recording) and SalesRepository
 * (the sale behind each claim) are exported for the import, the review matrix, the risk rules and
 * the ledger. VoucherRedeemer is the point-of-sale seam: the vouchers module's TillRedemption.
 */
let SalesModule = class SalesModule {
};
exports.SalesModule = SalesModule;
exports.SalesModule = SalesModule = __decorate([
    (0, common_1.Module)({
        imports: [dealers_module_1.DealersModule, ledger_module_1.DealerLedgerModule, programs_module_1.ProgramsModule, vouchers_module_1.VouchersModule],
        controllers: [sales_controller_1.DealerSalesController],
        providers: [
            sales_repository_1.SalesRepository,
            sales_service_1.SalesService,
            sale_body_pipe_1.SaleBodyPipe,
            { provide: voucher_redemption_1.VoucherRedeemer, useExisting: till_redemption_1.TillRedemption },
        ],
        exports: [sales_repository_1.SalesRepository, sales_service_1.SalesService],
    })
], SalesModule);
//# sourceMappingURL=sales.module.js.map