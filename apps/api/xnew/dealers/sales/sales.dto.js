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
exports.ListSalesQueryDto = exports.MAX_SALES_PAGE_SIZE = exports.CarSaleDto = exports.SaleVehicleDto = exports.GoodsSaleDto = exports.SaleOldItemDto = exports.SaleDeliveryDto = exports.SaleBuyerDto = void 0;
const swagger_1 = require("@nestjs/swagger");
const class_transformer_1 = require("class-transformer");
const class_validator_1 = require("class-validator");
const shared_1 = require("@huanxin/shared");
/*
 * The shapes of the two sale bodies (api-contract.md `POST /api/dealer/sales`): types, options and
 * lengths, so a wrong type is a field error here. The sale rules themselves — identifiers with
 * their check digits, a person as buyer, amounts that add up, dates, delivery — are the shared
 * `checkGoodsSale` / `checkCarSale`, which the service runs on every sale (HTTP or import) and the
 * web runs as the dealer types.
 */
/**
 * Identifier-like strings: the shared validators decide; this only bounds the length. Decorators
 * are checked bottom-up and each field answers its first failure, so `@IsDefined()` (REQUIRED) is
 * written last and the type before the range: a missing field is REQUIRED, text for an amount
 * INVALID_TYPE, as the shared rules say.
 */
const IDENTIFIER_MAX = 64;
const DATE_MAX = 10;
class SaleBuyerDto {
}
exports.SaleBuyerDto = SaleBuyerDto;
__decorate([
    (0, swagger_1.ApiProperty)({ example: '张三' }),
    (0, class_validator_1.MaxLength)(shared_1.SALE_TEXT_LIMITS.buyerName),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.IsDefined)(),
    __metadata("design:type", String)
], SaleBuyerDto.prototype, "name", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({
        example: '370181196003010018',
        description: 'Resident ID (check digit verified); a credit code is 422 BUYER_NOT_PERSON. Stored encrypted',
    }),
    (0, class_validator_1.MaxLength)(IDENTIFIER_MAX),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.IsDefined)(),
    __metadata("design:type", String)
], SaleBuyerDto.prototype, "idNumber", void 0);
class SaleDeliveryDto {
}
exports.SaleDeliveryDto = SaleDeliveryDto;
__decorate([
    (0, swagger_1.ApiProperty)({ enum: shared_1.DELIVERY_MODES }),
    (0, class_validator_1.IsIn)(shared_1.DELIVERY_MODES),
    (0, class_validator_1.IsDefined)(),
    __metadata("design:type", String)
], SaleDeliveryDto.prototype, "mode", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ description: 'Required for `delivery`; stored encrypted' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.MaxLength)(shared_1.SALE_TEXT_LIMITS.address),
    (0, class_validator_1.IsString)(),
    __metadata("design:type", String)
], SaleDeliveryDto.prototype, "address", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: 'SF1234567890' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.MaxLength)(shared_1.SALE_TEXT_LIMITS.trackingNo),
    (0, class_validator_1.IsString)(),
    __metadata("design:type", String)
], SaleDeliveryDto.prototype, "trackingNo", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: '2026-11-20', description: 'YYYY-MM-DD, not before the invoice date' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.MaxLength)(DATE_MAX),
    (0, class_validator_1.IsString)(),
    __metadata("design:type", String)
], SaleDeliveryDto.prototype, "deliveredOn", void 0);
class SaleOldItemDto {
}
exports.SaleOldItemDto = SaleOldItemDto;
__decorate([
    (0, swagger_1.ApiProperty)({ example: '91370181MA3C4D5E6F', description: 'The recycler’s credit code (USCC)' }),
    (0, class_validator_1.MaxLength)(IDENTIFIER_MAX),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.IsDefined)(),
    __metadata("design:type", String)
], SaleOldItemDto.prototype, "recyclerUscc", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'HS20261120001' }),
    (0, class_validator_1.MaxLength)(shared_1.SALE_TEXT_LIMITS.receiptNo),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.IsDefined)(),
    __metadata("design:type", String)
], SaleOldItemDto.prototype, "receiptNo", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: '2026-11-20' }),
    (0, class_validator_1.MaxLength)(DATE_MAX),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.IsDefined)(),
    __metadata("design:type", String)
], SaleOldItemDto.prototype, "recycledOn", void 0);
class SaleCommonDto {
}
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'appliance-2026', description: 'A program the organisation joined' }),
    (0, class_validator_1.MaxLength)(shared_1.SALE_TEXT_LIMITS.programCode),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.IsDefined)(),
    __metadata("design:type", String)
], SaleCommonDto.prototype, "programCode", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 399900, description: 'Invoice total (价税合计), fen' }),
    (0, class_validator_1.Min)(1),
    (0, class_validator_1.Max)(shared_1.MAX_SALE_AMOUNT_FEN),
    (0, class_validator_1.IsInt)(),
    (0, class_validator_1.IsDefined)(),
    __metadata("design:type", Number)
], SaleCommonDto.prototype, "priceFen", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: '26370000000012345678', description: 'Digital (20 digits) or code + number' }),
    (0, class_validator_1.MaxLength)(IDENTIFIER_MAX),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.IsDefined)(),
    __metadata("design:type", String)
], SaleCommonDto.prototype, "invoiceNo", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: '2026-11-20', description: 'YYYY-MM-DD, not in the future' }),
    (0, class_validator_1.MaxLength)(DATE_MAX),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.IsDefined)(),
    __metadata("design:type", String)
], SaleCommonDto.prototype, "invoiceDate", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: SaleBuyerDto }),
    (0, class_validator_1.ValidateNested)(),
    (0, class_transformer_1.Type)(() => SaleBuyerDto),
    (0, class_validator_1.IsObject)(),
    (0, class_validator_1.IsDefined)(),
    __metadata("design:type", SaleBuyerDto)
], SaleCommonDto.prototype, "buyer", void 0);
class GoodsSaleDto extends SaleCommonDto {
}
exports.GoodsSaleDto = GoodsSaleDto;
__decorate([
    (0, swagger_1.ApiPropertyOptional)({
        description: 'A resident’s voucher redeemed at the till: the engine’s subsidy and a point-of-sale claim paying the dealer. 409 VOUCHER_NOT_FOUND, VOUCHER_USED, VOUCHER_EXPIRED, VOUCHER_PROGRAM_MISMATCH, VOUCHER_CATEGORY_MISMATCH; 422 BUYER_NOT_HOLDER, NOT_ELIGIBLE',
    }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.MaxLength)(shared_1.SALE_TEXT_LIMITS.voucherCode),
    (0, class_validator_1.IsString)(),
    __metadata("design:type", String)
], GoodsSaleDto.prototype, "voucherCode", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ format: 'uuid', description: 'A product of the caller’s register, filed for the program' }),
    (0, class_validator_1.MaxLength)(IDENTIFIER_MAX),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.IsDefined)(),
    __metadata("design:type", String)
], GoodsSaleDto.prototype, "productId", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'BCD470-2026-000123', description: 'Unique per category' }),
    (0, class_validator_1.MaxLength)(shared_1.SALE_TEXT_LIMITS.serialNo),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.IsDefined)(),
    __metadata("design:type", String)
], GoodsSaleDto.prototype, "serialNo", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({
        example: '490154203237518',
        description: '15 digits, Luhn; required for phones and tablets',
    }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.MaxLength)(IDENTIFIER_MAX),
    (0, class_validator_1.IsString)(),
    __metadata("design:type", String)
], GoodsSaleDto.prototype, "imei", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 399900, description: 'Paid by the buyer, fen' }),
    (0, class_validator_1.Min)(0),
    (0, class_validator_1.Max)(shared_1.MAX_SALE_AMOUNT_FEN),
    (0, class_validator_1.IsInt)(),
    (0, class_validator_1.IsDefined)(),
    __metadata("design:type", Number)
], GoodsSaleDto.prototype, "paidFen", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 0, description: 'Other discounts (the dealer’s own), fen' }),
    (0, class_validator_1.Min)(0),
    (0, class_validator_1.Max)(shared_1.MAX_SALE_AMOUNT_FEN),
    (0, class_validator_1.IsInt)(),
    (0, class_validator_1.IsDefined)(),
    __metadata("design:type", Number)
], GoodsSaleDto.prototype, "otherDiscountFen", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: SaleDeliveryDto }),
    (0, class_validator_1.ValidateNested)(),
    (0, class_transformer_1.Type)(() => SaleDeliveryDto),
    (0, class_validator_1.IsObject)(),
    (0, class_validator_1.IsDefined)(),
    __metadata("design:type", SaleDeliveryDto)
], GoodsSaleDto.prototype, "delivery", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({
        type: SaleOldItemDto,
        description: 'The old item handed in (when the program requires it)',
    }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.ValidateNested)(),
    (0, class_transformer_1.Type)(() => SaleOldItemDto),
    (0, class_validator_1.IsObject)(),
    __metadata("design:type", SaleOldItemDto)
], GoodsSaleDto.prototype, "oldItem", void 0);
class SaleVehicleDto {
}
exports.SaleVehicleDto = SaleVehicleDto;
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'LSVAU2180N2183294', description: 'New car’s VIN (check digit verified)' }),
    (0, class_validator_1.MaxLength)(IDENTIFIER_MAX),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.IsDefined)(),
    __metadata("design:type", String)
], SaleVehicleDto.prototype, "vin", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ enum: shared_1.CAR_POWERTRAINS }),
    (0, class_validator_1.IsIn)(shared_1.CAR_POWERTRAINS),
    (0, class_validator_1.IsDefined)(),
    __metadata("design:type", String)
], SaleVehicleDto.prototype, "powertrain", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 1.5, minimum: 0, maximum: 10, description: 'Litres (0 for an electric car)' }),
    (0, class_validator_1.Min)(0),
    (0, class_validator_1.Max)(10),
    (0, class_validator_1.IsNumber)({ allowNaN: false, allowInfinity: false }),
    (0, class_validator_1.IsDefined)(),
    __metadata("design:type", Number)
], SaleVehicleDto.prototype, "displacementL", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ description: 'Listed in the NEV purchase-tax exemption catalogue' }),
    (0, class_validator_1.IsBoolean)(),
    (0, class_validator_1.IsDefined)(),
    __metadata("design:type", Boolean)
], SaleVehicleDto.prototype, "inNevCatalogue", void 0);
class CarSaleDto extends SaleCommonDto {
}
exports.CarSaleDto = CarSaleDto;
__decorate([
    (0, swagger_1.ApiProperty)({ type: SaleVehicleDto }),
    (0, class_validator_1.ValidateNested)(),
    (0, class_transformer_1.Type)(() => SaleVehicleDto),
    (0, class_validator_1.IsObject)(),
    (0, class_validator_1.IsDefined)(),
    __metadata("design:type", SaleVehicleDto)
], CarSaleDto.prototype, "vehicle", void 0);
exports.MAX_SALES_PAGE_SIZE = 200;
class ListSalesQueryDto {
}
exports.ListSalesQueryDto = ListSalesQueryDto;
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ enum: shared_1.DEALER_SALE_STATUSES }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsIn)(shared_1.DEALER_SALE_STATUSES),
    __metadata("design:type", String)
], ListSalesQueryDto.prototype, "status", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ default: 1, minimum: 1, maximum: 10000 }),
    (0, class_validator_1.IsOptional)(),
    (0, class_transformer_1.Type)(() => Number),
    (0, class_validator_1.Min)(1),
    (0, class_validator_1.Max)(10_000),
    (0, class_validator_1.IsInt)(),
    __metadata("design:type", Number)
], ListSalesQueryDto.prototype, "page", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ default: 50, minimum: 1, maximum: exports.MAX_SALES_PAGE_SIZE }),
    (0, class_validator_1.IsOptional)(),
    (0, class_transformer_1.Type)(() => Number),
    (0, class_validator_1.Min)(1),
    (0, class_validator_1.Max)(exports.MAX_SALES_PAGE_SIZE),
    (0, class_validator_1.IsInt)(),
    __metadata("design:type", Number)
], ListSalesQueryDto.prototype, "pageSize", void 0);
//# sourceMappingURL=sales.dto.js.map