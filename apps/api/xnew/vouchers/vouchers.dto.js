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
exports.LotteryEntryDto = exports.CreateVoucherDto = void 0;
const swagger_1 = require("@nestjs/swagger");
const class_validator_1 = require("class-validator");
class CreateVoucherDto {
}
exports.CreateVoucherDto = CreateVoucherDto;
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'appliance-2026' }),
    (0, class_validator_1.Matches)(/^[a-z0-9-]{2,64}$/, { message: 'INVALID_FORMAT' }),
    __metadata("design:type", String)
], CreateVoucherDto.prototype, "programCode", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'air_conditioner', description: "One of the program's categories" }),
    (0, class_validator_1.Matches)(/^[a-z0-9_]{1,64}$/, { message: 'INVALID_FORMAT' }),
    __metadata("design:type", String)
], CreateVoucherDto.prototype, "category", void 0);
class LotteryEntryDto {
}
exports.LotteryEntryDto = LotteryEntryDto;
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'refrigerator', description: "One of the program's categories" }),
    (0, class_validator_1.Matches)(/^[a-z0-9_]{1,64}$/, { message: 'INVALID_FORMAT' }),
    __metadata("design:type", String)
], LotteryEntryDto.prototype, "category", void 0);
//# sourceMappingURL=vouchers.dto.js.map