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
exports.DealerSalesController = void 0;
const common_1 = require("@nestjs/common");
const swagger_1 = require("@nestjs/swagger");
const auth_decorators_1 = require("../../auth/auth.decorators");
const dealer_access_guard_1 = require("../dealer-access.guard");
const sale_body_pipe_1 = require("./sale-body.pipe");
const sales_dto_1 = require("./sales.dto");
const sales_service_1 = require("./sales.service");
/** The dealer's sale records (operations.md §3, §4): writes only for an active organisation. */
let DealerSalesController = class DealerSalesController {
    constructor(sales) {
        this.sales = sales;
    }
    record(user, body) {
        return body instanceof sales_dto_1.CarSaleDto ? this.sales.recordCar(user, body) : this.sales.recordGoods(user, body);
    }
    list(user, query) {
        return this.sales.list(user, query);
    }
};
exports.DealerSalesController = DealerSalesController;
__decorate([
    (0, common_1.Post)(),
    (0, common_1.HttpCode)(201),
    (0, swagger_1.ApiBody)({
        schema: { oneOf: [{ $ref: (0, swagger_1.getSchemaPath)(sales_dto_1.GoodsSaleDto) }, { $ref: (0, swagger_1.getSchemaPath)(sales_dto_1.CarSaleDto) }] },
    }),
    (0, swagger_1.ApiOperation)({
        summary: 'Record a goods sale (retailer) or a new car sale (car dealer, body with `vehicle`): 422 AMOUNTS_DO_NOT_ADD_UP, ABOVE_FILED_PRICE, BUYER_NOT_PERSON; 409 DUPLICATE_SERIAL, DUPLICATE_IMEI, DUPLICATE_INVOICE, DUPLICATE_VIN, VOUCHER_NOT_FOUND, VOUCHER_USED, VOUCHER_EXPIRED, VOUCHER_PROGRAM_MISMATCH, VOUCHER_CATEGORY_MISMATCH; 422 BUYER_NOT_HOLDER, NOT_ELIGIBLE (a voucher sale); 404 another organisation’s product; 403 ORGANIZATION_KIND_NOT_ALLOWED',
    }),
    __param(0, (0, auth_decorators_1.CurrentUser)()),
    __param(1, (0, common_1.Body)(sale_body_pipe_1.SaleBodyPipe)),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, Object]),
    __metadata("design:returntype", Promise)
], DealerSalesController.prototype, "record", null);
__decorate([
    (0, common_1.Get)(),
    (0, swagger_1.ApiOperation)({ summary: 'The organisation’s own sales, newest first, with the claim each backs' }),
    __param(0, (0, auth_decorators_1.CurrentUser)()),
    __param(1, (0, common_1.Query)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, sales_dto_1.ListSalesQueryDto]),
    __metadata("design:returntype", Promise)
], DealerSalesController.prototype, "list", null);
exports.DealerSalesController = DealerSalesController = __decorate([
    (0, swagger_1.ApiTags)('dealer'),
    (0, common_1.Controller)('dealer/sales'),
    (0, dealer_access_guard_1.DealerRoutes)(),
    (0, swagger_1.ApiExtraModels)(sales_dto_1.GoodsSaleDto, sales_dto_1.CarSaleDto),
    __metadata("design:paramtypes", [sales_service_1.SalesService])
], DealerSalesController);
//# sourceMappingURL=sales.controller.js.map