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
exports.PauseProgramDto = exports.PauseNoticeDto = exports.AddTrancheDto = void 0;
const swagger_1 = require("@nestjs/swagger");
const shared_1 = require("@huanxin/shared");
const class_transformer_1 = require("class-transformer");
const class_validator_1 = require("class-validator");
class AddTrancheDto {
}
exports.AddTrancheDto = AddTrancheDto;
__decorate([
    (0, swagger_1.ApiProperty)({ description: 'The tranche in fen (> 0)', example: 500_000_000 }),
    (0, class_validator_1.Min)(1),
    (0, class_validator_1.Max)(Number.MAX_SAFE_INTEGER),
    (0, class_validator_1.IsInt)(),
    __metadata("design:type", Number)
], AddTrancheDto.prototype, "amountFen", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ enum: shared_1.TRANCHE_SOURCES }),
    (0, class_validator_1.IsIn)(shared_1.TRANCHE_SOURCES),
    __metadata("design:type", String)
], AddTrancheDto.prototype, "source", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ description: 'Asia/Shanghai date from which the money is in effect', example: '2026-07-01' }),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.Matches)(/^\d{4}-\d{2}-\d{2}$/, { message: 'INVALID_DATE' }),
    __metadata("design:type", String)
], AddTrancheDto.prototype, "effectiveOn", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({
        description: 'The authorising document number (文号), once per program',
        example: '济财预〔2026〕12号',
    }),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.IsNotEmpty)(),
    (0, class_validator_1.MaxLength)(100),
    __metadata("design:type", String)
], AddTrancheDto.prototype, "documentNo", void 0);
class PauseNoticeDto {
}
exports.PauseNoticeDto = PauseNoticeDto;
__decorate([
    (0, swagger_1.ApiProperty)({ example: '本项目资金已使用完毕，自 2026年7月1日 起暂停受理新申请。' }),
    (0, class_validator_1.MaxLength)(2000),
    (0, class_validator_1.IsNotEmpty)(),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.IsDefined)(),
    __metadata("design:type", String)
], PauseNoticeDto.prototype, "zh", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'The funds are used up: new claims are not accepted from 1 July 2026.' }),
    (0, class_validator_1.MaxLength)(2000),
    (0, class_validator_1.IsNotEmpty)(),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.IsDefined)(),
    __metadata("design:type", String)
], PauseNoticeDto.prototype, "en", void 0);
class PauseProgramDto {
}
exports.PauseProgramDto = PauseProgramDto;
__decorate([
    (0, swagger_1.ApiProperty)({
        description: 'From this instant new claims are refused (ISO-8601 with offset); ≥ 72 h ahead unless the money is gone',
        example: '2026-07-01T00:00:00+08:00',
    }),
    (0, class_validator_1.Matches)(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/, {
        message: 'INVALID_DATE',
    }),
    (0, class_validator_1.IsISO8601)({ strict: true, strictSeparator: true }),
    __metadata("design:type", String)
], PauseProgramDto.prototype, "pausesAt", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: PauseNoticeDto }),
    (0, class_validator_1.IsObject)(),
    (0, class_validator_1.ValidateNested)(),
    (0, class_transformer_1.Type)(() => PauseNoticeDto),
    __metadata("design:type", PauseNoticeDto)
], PauseProgramDto.prototype, "notice", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({
        description: 'Days after the pause in which purchases made before it may still be claimed',
        default: 30,
    }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsInt)(),
    (0, class_validator_1.Min)(0),
    (0, class_validator_1.Max)(365),
    __metadata("design:type", Number)
], PauseProgramDto.prototype, "graceDays", void 0);
//# sourceMappingURL=program-funding.dto.js.map