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
exports.PublishVersionDto = exports.CreateProgramDto = exports.CreateVersionDto = exports.ProgramVersionParams = void 0;
const swagger_1 = require("@nestjs/swagger");
const class_transformer_1 = require("class-transformer");
const class_validator_1 = require("class-validator");
/** `:code/versions/:version` */
class ProgramVersionParams {
}
exports.ProgramVersionParams = ProgramVersionParams;
__decorate([
    (0, class_validator_1.Matches)(/^[a-z0-9-]{2,64}$/, { message: 'INVALID_FORMAT' }),
    __metadata("design:type", String)
], ProgramVersionParams.prototype, "code", void 0);
__decorate([
    (0, class_transformer_1.Type)(() => Number),
    (0, class_validator_1.IsInt)(),
    (0, class_validator_1.Min)(1),
    (0, class_validator_1.Max)(1_000_000),
    __metadata("design:type", Number)
], ProgramVersionParams.prototype, "version", void 0);
class CreateVersionDto {
}
exports.CreateVersionDto = CreateVersionDto;
__decorate([
    (0, swagger_1.ApiProperty)({
        description: "The whole program definition (programs.md). Its `version` is assigned by the server; `code` and `kind` must be the program's.",
        type: 'object',
        additionalProperties: true,
    }),
    (0, class_validator_1.IsDefined)(),
    (0, class_validator_1.IsObject)(),
    __metadata("design:type", Object)
], CreateVersionDto.prototype, "definition", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ description: 'Asia/Shanghai date from which the version is current', example: '2026-08-01' }),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.Matches)(/^\d{4}-\d{2}-\d{2}$/, { message: 'INVALID_DATE' }),
    __metadata("design:type", String)
], CreateVersionDto.prototype, "effectiveOn", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ description: 'The authorising document number (文号)', example: '济商务字〔2026〕15号' }),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.IsNotEmpty)(),
    (0, class_validator_1.MaxLength)(100),
    __metadata("design:type", String)
], CreateVersionDto.prototype, "documentNo", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ description: 'Why the version changes', example: '新能源车补贴上限调整' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MaxLength)(2000),
    __metadata("design:type", String)
], CreateVersionDto.prototype, "note", void 0);
class CreateProgramDto {
}
exports.CreateProgramDto = CreateProgramDto;
__decorate([
    (0, swagger_1.ApiProperty)({
        description: "The new program's definition (typically a copy of another program with a new code); becomes its draft version 1",
        type: 'object',
        additionalProperties: true,
    }),
    (0, class_validator_1.IsDefined)(),
    (0, class_validator_1.IsObject)(),
    __metadata("design:type", Object)
], CreateProgramDto.prototype, "definition", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ description: 'The authorising document number (文号)', example: '济商务字〔2026〕16号' }),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.IsNotEmpty)(),
    (0, class_validator_1.MaxLength)(100),
    __metadata("design:type", String)
], CreateProgramDto.prototype, "documentNo", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: '新增项目' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MaxLength)(2000),
    __metadata("design:type", String)
], CreateProgramDto.prototype, "note", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({
        description: "Date from which version 1 is current (default: the definition's opensOn)",
        example: '2026-08-01',
    }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.Matches)(/^\d{4}-\d{2}-\d{2}$/, { message: 'INVALID_DATE' }),
    __metadata("design:type", String)
], CreateProgramDto.prototype, "effectiveOn", void 0);
class PublishVersionDto {
}
exports.PublishVersionDto = PublishVersionDto;
__decorate([
    (0, swagger_1.ApiProperty)({
        description: 'Re-price the claims not yet paid under this version (its date must have come)',
    }),
    (0, class_validator_1.IsDefined)(),
    (0, class_validator_1.IsBoolean)(),
    __metadata("design:type", Boolean)
], PublishVersionDto.prototype, "retroactive", void 0);
//# sourceMappingURL=program-versions.dto.js.map