"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.VouchersModule = void 0;
const common_1 = require("@nestjs/common");
const applications_module_1 = require("../applications/applications.module");
const budget_module_1 = require("../budget/budget.module");
const programs_module_1 = require("../programs/programs.module");
const lottery_controller_1 = require("./lottery.controller");
const lottery_repository_1 = require("./lottery.repository");
const lottery_service_1 = require("./lottery.service");
const till_redemption_1 = require("./till-redemption");
const voucher_expiry_service_1 = require("./voucher-expiry.service");
const vouchers_controller_1 = require("./vouchers.controller");
const vouchers_processor_1 = require("./vouchers.processor");
const vouchers_repository_1 = require("./vouchers.repository");
const vouchers_service_1 = require("./vouchers.service");
/**
 * Point-of-sale vouchers (operations.md §5): routes, the budget reservation, the expiry sweep, and
 * redemption at the till (TillRedemption, the dealer sale's VoucherRedeemer).
 */
let VouchersModule = class VouchersModule {
};
exports.VouchersModule = VouchersModule;
exports.VouchersModule = VouchersModule = __decorate([
    (0, common_1.Module)({
        imports: [budget_module_1.BudgetModule, programs_module_1.ProgramsModule, applications_module_1.ApplicationsModule],
        controllers: [vouchers_controller_1.VouchersController, lottery_controller_1.LotteryController, lottery_controller_1.MyLotteryEntriesController],
        providers: [
            vouchers_repository_1.VouchersRepository,
            vouchers_service_1.VouchersService,
            voucher_expiry_service_1.VoucherExpiryService,
            lottery_repository_1.LotteryRepository,
            lottery_service_1.LotteryService,
            vouchers_processor_1.VouchersProcessor,
            till_redemption_1.TillRedemption,
        ],
        exports: [vouchers_service_1.VouchersService, lottery_service_1.LotteryService, till_redemption_1.TillRedemption],
    })
], VouchersModule);
//# sourceMappingURL=vouchers.module.js.map