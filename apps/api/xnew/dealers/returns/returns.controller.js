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
exports.DealerReturnsController = void 0;
const common_1 = require("@nestjs/common");
const swagger_1 = require("@nestjs/swagger");
const auth_decorators_1 = require("../../auth/auth.decorators");
const dealer_access_guard_1 = require("../dealer-access.guard");
const returns_dto_1 = require("./returns.dto");
const returns_service_1 = require("./returns.service");
/** Returns of the dealer's own sales (operations.md §6): writes only for an active organisation. */
let DealerReturnsController = class DealerReturnsController {
    constructor(returns) {
        this.returns = returns;
    }
    returnSale(user, id, body) {
        return this.returns.returnSale(user, id, body);
    }
};
exports.DealerReturnsController = DealerReturnsController;
__decorate([
    (0, common_1.Post)(':id/return'),
    (0, common_1.HttpCode)(200),
    (0, swagger_1.ApiBody)({ type: returns_dto_1.ReturnSaleDto }),
    (0, swagger_1.ApiOperation)({
        summary: 'Report a sale’s goods returned: 200 { outcome: "cancelled"|"removed_from_batch"|"receivable", receivableFen?, dueOn? }; 404 SALE_NOT_FOUND (also another organisation’s); 409 ALREADY_RETURNED, RETURN_PAYMENT_PENDING (a released batch pays it); 422 returnedOn FUTURE_DATE / BEFORE_SALE_DATE, reason REQUIRED',
    }),
    __param(0, (0, auth_decorators_1.CurrentUser)()),
    __param(1, (0, common_1.Param)('id', new common_1.ParseUUIDPipe({ version: '4' }))),
    __param(2, (0, common_1.Body)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, String, returns_dto_1.ReturnSaleDto]),
    __metadata("design:returntype", Promise)
], DealerReturnsController.prototype, "returnSale", null);
exports.DealerReturnsController = DealerReturnsController = __decorate([
    (0, swagger_1.ApiTags)('dealer'),
    (0, common_1.Controller)('dealer/sales'),
    (0, dealer_access_guard_1.DealerRoutes)(),
    __metadata("design:paramtypes", [returns_service_1.ReturnsService])
], DealerReturnsController);
//# sourceMappingURL=returns.controller.js.map