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
exports.CollectReceivableDto = exports.BankFileQueryDto = exports.BANK_FILE_FORMATS = exports.CreateBatchDto = void 0;
const swagger_1 = require("@nestjs/swagger");
const class_validator_1 = require("class-validator");
class CreateBatchDto {
}
exports.CreateBatchDto = CreateBatchDto;
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'car-scrap-2026' }),
    (0, class_validator_1.Matches)(/^[a-z0-9-]{2,64}$/, { message: 'INVALID_FORMAT' }),
    __metadata("design:type", String)
], CreateBatchDto.prototype, "programCode", void 0);
exports.BANK_FILE_FORMATS = ['csv', 'xlsx'];
class BankFileQueryDto {
}
exports.BankFileQueryDto = BankFileQueryDto;
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ enum: exports.BANK_FILE_FORMATS, default: 'csv' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsIn)(exports.BANK_FILE_FORMATS, { message: 'NOT_IN_OPTIONS' }),
    __metadata("design:type", Object)
], BankFileQueryDto.prototype, "format", void 0);
/** `POST /api/payments/receivables/:id/collect`: the payee's direct repayment, by its bank reference. */
class CollectReceivableDto {
}
exports.CollectReceivableDto = CollectReceivableDto;
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'BK20261201-0042', description: "The repayment's bank reference" }),
    (0, class_validator_1.IsString)({ message: 'INVALID_TYPE' }),
    (0, class_validator_1.Matches)(/\S/, { message: 'REQUIRED' }),
    (0, class_validator_1.MaxLength)(64, { message: 'TOO_LONG' }),
    (0, class_validator_1.IsDefined)({ message: 'REQUIRED' }),
    __metadata("design:type", String)
], CollectReceivableDto.prototype, "bankRef", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: '经销商已对公转账退回' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsString)({ message: 'INVALID_TYPE' }),
    (0, class_validator_1.MaxLength)(200, { message: 'TOO_LONG' }),
    __metadata("design:type", String)
], CollectReceivableDto.prototype, "note", void 0);
//# sourceMappingURL=payments.dto.js.map