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
exports.SampleListQueryDto = exports.SampleOutcomeDto = exports.CreateSampleDto = exports.MAX_SAMPLE_SIZE = void 0;
const swagger_1 = require("@nestjs/swagger");
const class_validator_1 = require("class-validator");
/** The largest sample one request draws. */
exports.MAX_SAMPLE_SIZE = 500;
class CreateSampleDto {
}
exports.CreateSampleDto = CreateSampleDto;
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'appliance-2026' }),
    (0, class_validator_1.Matches)(/^[a-z0-9-]{2,64}$/, { message: 'INVALID_FORMAT' }),
    __metadata("design:type", String)
], CreateSampleDto.prototype, "programCode", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ minimum: 1, maximum: exports.MAX_SAMPLE_SIZE, example: 20 }),
    (0, class_validator_1.IsInt)(),
    (0, class_validator_1.Min)(1),
    (0, class_validator_1.Max)(exports.MAX_SAMPLE_SIZE),
    __metadata("design:type", Number)
], CreateSampleDto.prototype, "size", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ description: 'true: weighted by risk score (weight 1 + score); false: uniform' }),
    (0, class_validator_1.IsBoolean)(),
    __metadata("design:type", Boolean)
], CreateSampleDto.prototype, "riskWeighted", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({
        description: 'Reproduces an earlier sample (same seed + same claims → same sample); random when left out',
        example: '9f2c1e7a4b3d5f60',
    }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.Matches)(/^[A-Za-z0-9_-]{1,64}$/, { message: 'INVALID_FORMAT' }),
    __metadata("design:type", String)
], CreateSampleDto.prototype, "seed", void 0);
class SampleOutcomeDto {
}
exports.SampleOutcomeDto = SampleOutcomeDto;
__decorate([
    (0, swagger_1.ApiProperty)({ enum: ['confirmed', 'clawback'] }),
    (0, class_validator_1.IsIn)(['confirmed', 'clawback']),
    __metadata("design:type", String)
], SampleOutcomeDto.prototype, "outcome", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ description: 'Why; required for a clawback (it becomes the receivable’s reason)' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MinLength)(1),
    (0, class_validator_1.MaxLength)(1000),
    __metadata("design:type", String)
], SampleOutcomeDto.prototype, "note", void 0);
class SampleListQueryDto {
}
exports.SampleListQueryDto = SampleListQueryDto;
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: 'appliance-2026' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.Matches)(/^[a-z0-9-]{2,64}$/, { message: 'INVALID_FORMAT' }),
    __metadata("design:type", String)
], SampleListQueryDto.prototype, "program", void 0);
//# sourceMappingURL=sampling.dto.js.map