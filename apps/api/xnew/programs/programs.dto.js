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
exports.ProgramCodeParams = exports.EligibilityRequestDto = void 0;
const swagger_1 = require("@nestjs/swagger");
const class_validator_1 = require("class-validator");
class EligibilityRequestDto {
}
exports.EligibilityRequestDto = EligibilityRequestDto;
__decorate([
    (0, swagger_1.ApiProperty)({
        description: 'Program facts, keyed by group (oldVehicle, newVehicle, item, …)',
        type: 'object',
        additionalProperties: true,
    }),
    (0, class_validator_1.IsObject)(),
    __metadata("design:type", Object)
], EligibilityRequestDto.prototype, "facts", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({
        description: 'Evaluate as of this date (YYYY-MM-DD, Asia/Shanghai); default today',
        example: '2026-05-01',
    }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.Matches)(/^\d{4}-\d{2}-\d{2}$/, { message: 'INVALID_DATE' }),
    __metadata("design:type", String)
], EligibilityRequestDto.prototype, "asOf", void 0);
class ProgramCodeParams {
}
exports.ProgramCodeParams = ProgramCodeParams;
__decorate([
    (0, class_validator_1.Matches)(/^[a-z0-9-]{2,64}$/, { message: 'INVALID_FORMAT' }),
    __metadata("design:type", String)
], ProgramCodeParams.prototype, "code", void 0);
//# sourceMappingURL=programs.dto.js.map