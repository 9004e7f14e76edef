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
exports.UpdateProfileDto = void 0;
const swagger_1 = require("@nestjs/swagger");
const class_validator_1 = require("class-validator");
const shared_1 = require("@huanxin/shared");
const identifiers_1 = require("../common/validation/identifiers");
class UpdateProfileDto {
}
exports.UpdateProfileDto = UpdateProfileDto;
__decorate([
    (0, swagger_1.ApiProperty)({ example: '张三' }),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MinLength)(2),
    (0, class_validator_1.MaxLength)(40),
    __metadata("design:type", String)
], UpdateProfileDto.prototype, "name", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: '11010519491231002X' }),
    (0, identifiers_1.IsResidentId)(),
    __metadata("design:type", String)
], UpdateProfileDto.prototype, "idNumber", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ enum: shared_1.ZHANGQIU_STREET_CODES, example: 'mingshui' }),
    (0, class_validator_1.IsIn)(shared_1.ZHANGQIU_STREET_CODES),
    __metadata("design:type", String)
], UpdateProfileDto.prototype, "street", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: '明水街道汇泉路 100 号' }),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MinLength)(2),
    (0, class_validator_1.MaxLength)(200),
    __metadata("design:type", String)
], UpdateProfileDto.prototype, "address", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: '中国农业银行章丘支行' }),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MinLength)(2),
    (0, class_validator_1.MaxLength)(60),
    __metadata("design:type", String)
], UpdateProfileDto.prototype, "bankName", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: '6230514630000424473' }),
    (0, identifiers_1.IsBankCard)(),
    __metadata("design:type", String)
], UpdateProfileDto.prototype, "bankAccount", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({
        description: 'Separate consent to processing the ID number and bank account (PIPL Art. 29)',
        example: true,
    }),
    (0, class_validator_1.Equals)(true, { message: 'CONSENT_REQUIRED' }),
    __metadata("design:type", Boolean)
], UpdateProfileDto.prototype, "consent", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({
        format: 'uuid',
        description: 'From POST /api/me/profile/otp: required with otpCode when an existing profile changes its bank account or ID number',
    }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsUUID)(4),
    __metadata("design:type", String)
], UpdateProfileDto.prototype, "otpChallengeId", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: '123456' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.Matches)(/^\d{6}$/, { message: 'INVALID_FORMAT' }),
    __metadata("design:type", String)
], UpdateProfileDto.prototype, "otpCode", void 0);
//# sourceMappingURL=profile.dto.js.map