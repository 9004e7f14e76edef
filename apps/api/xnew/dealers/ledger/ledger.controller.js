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
exports.LedgerController = void 0;
const common_1 = require("@nestjs/common");
const swagger_1 = require("@nestjs/swagger");
const auth_decorators_1 = require("../../auth/auth.decorators");
const dealer_access_guard_1 = require("../dealer-access.guard");
const ledger_service_1 = require("./ledger.service");
let LedgerController = class LedgerController {
    constructor(ledger) {
        this.ledger = ledger;
    }
    ledgerOf(user) {
        return this.ledger.ledgerOf(user);
    }
};
exports.LedgerController = LedgerController;
__decorate([
    (0, common_1.Get)('ledger'),
    (0, swagger_1.ApiOperation)({
        summary: 'The organisation’s money: { totals: { advancedFen, inReviewFen, approvedFen, inBatchFen, paidFen, receivableFen }, items: [{ saleId, applicationCode, state, amountFen, expectedOn? }] } (own organisation only)',
    }),
    __param(0, (0, auth_decorators_1.CurrentUser)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object]),
    __metadata("design:returntype", void 0)
], LedgerController.prototype, "ledgerOf", null);
exports.LedgerController = LedgerController = __decorate([
    (0, swagger_1.ApiTags)('dealer'),
    (0, common_1.Controller)('dealer'),
    (0, dealer_access_guard_1.DealerRoutes)(),
    __metadata("design:paramtypes", [ledger_service_1.LedgerService])
], LedgerController);
//# sourceMappingURL=ledger.controller.js.map