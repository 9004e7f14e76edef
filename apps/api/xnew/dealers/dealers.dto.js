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
exports.UpdateProductPriceDto = exports.CreateProductDto = exports.CreateDealerUserDto = exports.ChangeOrganizationStatusDto = exports.ListOrganizationsQuery = exports.RegistrationDto = exports.RegistrationOrganizationDto = void 0;
const swagger_1 = require("@nestjs/swagger");
const class_transformer_1 = require("class-transformer");
const class_validator_1 = require("class-validator");
const shared_1 = require("@huanxin/shared");
const identifiers_1 = require("../common/validation/identifiers");
class RegistrationOrganizationDto {
}
exports.RegistrationOrganizationDto = RegistrationOrganizationDto;
__decorate([
    (0, swagger_1.ApiProperty)({ example: '章丘明水家电城有限公司' }),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MinLength)(2),
    (0, class_validator_1.MaxLength)(100),
    __metadata("design:type", String)
], RegistrationOrganizationDto.prototype, "name", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: '91310115MA1K3BTP2B', description: 'GB 32100-2015 check character verified' }),
    (0, identifiers_1.IsUscc)(),
    __metadata("design:type", String)
], RegistrationOrganizationDto.prototype, "uscc", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ enum: shared_1.ORGANIZATION_KINDS, isArray: true }),
    (0, class_validator_1.IsArray)(),
    (0, class_validator_1.ArrayMinSize)(1),
    (0, class_validator_1.ArrayUnique)(),
    (0, class_validator_1.IsIn)(shared_1.ORGANIZATION_KINDS, { each: true }),
    __metadata("design:type", Array)
], RegistrationOrganizationDto.prototype, "kinds", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: ['appliance-2026'], description: 'Codes of published programs' }),
    (0, class_validator_1.IsArray)(),
    (0, class_validator_1.ArrayMinSize)(1),
    (0, class_validator_1.ArrayMaxSize)(20),
    (0, class_validator_1.ArrayUnique)(),
    (0, class_validator_1.IsString)({ each: true }),
    (0, class_validator_1.MaxLength)(64, { each: true }),
    __metadata("design:type", Array)
], RegistrationOrganizationDto.prototype, "programs", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ enum: shared_1.ZHANGQIU_STREET_CODES, example: 'mingshui' }),
    (0, class_validator_1.IsIn)(shared_1.ZHANGQIU_STREET_CODES),
    __metadata("design:type", String)
], RegistrationOrganizationDto.prototype, "street", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: '李经理' }),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MinLength)(2),
    (0, class_validator_1.MaxLength)(40),
    __metadata("design:type", String)
], RegistrationOrganizationDto.prototype, "contactName", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: '13800138000' }),
    (0, identifiers_1.IsMobile)(),
    __metadata("design:type", String)
], RegistrationOrganizationDto.prototype, "contactPhone", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: '中国工商银行章丘支行' }),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MinLength)(2),
    (0, class_validator_1.MaxLength)(60),
    __metadata("design:type", String)
], RegistrationOrganizationDto.prototype, "payoutBankName", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({
        example: '1602023809200123456',
        description: 'Corporate account (对公账户), 9–32 digits; stored encrypted',
    }),
    (0, identifiers_1.IsCorporateAccount)(),
    __metadata("design:type", String)
], RegistrationOrganizationDto.prototype, "payoutAccountNo", void 0);
class RegistrationDto {
}
exports.RegistrationDto = RegistrationDto;
__decorate([
    (0, swagger_1.ApiProperty)({ type: RegistrationOrganizationDto }),
    (0, class_validator_1.IsObject)(),
    (0, class_validator_1.ValidateNested)(),
    (0, class_transformer_1.Type)(() => RegistrationOrganizationDto),
    __metadata("design:type", RegistrationOrganizationDto)
], RegistrationDto.prototype, "organization", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'mingshui-shop', description: 'The first user, the organisation administrator' }),
    (0, class_validator_1.Matches)(shared_1.DEALER_USERNAME_PATTERN, { message: 'INVALID_FORMAT' }),
    __metadata("design:type", String)
], RegistrationDto.prototype, "username", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ description: '12–128 characters; common and breached passwords are refused' }),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MaxLength)(256),
    __metadata("design:type", String)
], RegistrationDto.prototype, "password", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({
        description: 'The signed commitment: advance the subsidy at the till, return it on refunds, accept the payout wait',
        example: true,
    }),
    (0, class_validator_1.Equals)(true, { message: 'CONSENT_REQUIRED' }),
    __metadata("design:type", Boolean)
], RegistrationDto.prototype, "consent", void 0);
class ListOrganizationsQuery {
}
exports.ListOrganizationsQuery = ListOrganizationsQuery;
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ enum: shared_1.ORGANIZATION_STATUSES }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsIn)(shared_1.ORGANIZATION_STATUSES),
    __metadata("design:type", String)
], ListOrganizationsQuery.prototype, "status", void 0);
class ChangeOrganizationStatusDto {
}
exports.ChangeOrganizationStatusDto = ChangeOrganizationStatusDto;
__decorate([
    (0, swagger_1.ApiProperty)({ enum: ['active', 'suspended', 'disqualified'] }),
    (0, class_validator_1.IsIn)(['active', 'suspended', 'disqualified']),
    __metadata("design:type", String)
], ChangeOrganizationStatusDto.prototype, "status", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: '材料齐全，准予参与' }),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MinLength)(2),
    (0, class_validator_1.MaxLength)(500),
    __metadata("design:type", String)
], ChangeOrganizationStatusDto.prototype, "reason", void 0);
class CreateDealerUserDto {
}
exports.CreateDealerUserDto = CreateDealerUserDto;
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'mingshui-clerk1' }),
    (0, class_validator_1.Matches)(shared_1.DEALER_USERNAME_PATTERN, { message: 'INVALID_FORMAT' }),
    __metadata("design:type", String)
], CreateDealerUserDto.prototype, "username", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: '收银员一' }),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MinLength)(1),
    (0, class_validator_1.MaxLength)(40),
    __metadata("design:type", String)
], CreateDealerUserDto.prototype, "displayName", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ description: '12–128 characters; common and breached passwords are refused' }),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MaxLength)(256),
    __metadata("design:type", String)
], CreateDealerUserDto.prototype, "password", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ description: 'May add staff accounts too', default: false }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsBoolean)(),
    __metadata("design:type", Boolean)
], CreateDealerUserDto.prototype, "orgAdmin", void 0);
class CreateProductDto {
}
exports.CreateProductDto = CreateProductDto;
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'appliance-2026' }),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MaxLength)(64),
    __metadata("design:type", String)
], CreateProductDto.prototype, "programCode", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'refrigerator', description: "One of the program's item categories" }),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MinLength)(1),
    (0, class_validator_1.MaxLength)(64),
    __metadata("design:type", String)
], CreateProductDto.prototype, "category", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: '6901234567892', description: 'GTIN-13, check digit verified' }),
    (0, identifiers_1.IsGtin13)(),
    __metadata("design:type", String)
], CreateProductDto.prototype, "barcode", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: '海尔' }),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MinLength)(1),
    (0, class_validator_1.MaxLength)(60),
    __metadata("design:type", String)
], CreateProductDto.prototype, "brand", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'BCD-470WGHTD' }),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MinLength)(1),
    (0, class_validator_1.MaxLength)(80),
    __metadata("design:type", String)
], CreateProductDto.prototype, "model", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({
        minimum: 1,
        maximum: 5,
        nullable: true,
        description: 'Energy (water) grade; required where the program has one',
    }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsInt)(),
    (0, class_validator_1.Min)(1),
    (0, class_validator_1.Max)(5),
    __metadata("design:type", Object)
], CreateProductDto.prototype, "efficiencyGrade", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 399900, description: 'Filed price (备案价), fen' }),
    (0, class_validator_1.IsInt)(),
    (0, class_validator_1.Min)(1),
    (0, class_validator_1.Max)(shared_1.MAX_FILED_PRICE_FEN),
    __metadata("design:type", Number)
], CreateProductDto.prototype, "filedPriceFen", void 0);
class UpdateProductPriceDto {
}
exports.UpdateProductPriceDto = UpdateProductPriceDto;
__decorate([
    (0, swagger_1.ApiProperty)({ example: 419900, description: 'New filed price, fen; the old one stays in the history' }),
    (0, class_validator_1.IsInt)(),
    (0, class_validator_1.Min)(1),
    (0, class_validator_1.Max)(shared_1.MAX_FILED_PRICE_FEN),
    __metadata("design:type", Number)
], UpdateProductPriceDto.prototype, "filedPriceFen", void 0);
//# sourceMappingURL=dealers.dto.js.map