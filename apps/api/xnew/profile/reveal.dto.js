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
exports.RevealDto = void 0;
const swagger_1 = require("@nestjs/swagger");
const class_validator_1 = require("class-validator");
const shared_1 = require("@huanxin/shared");
/** A reveal names the claim it is for and a published reason (`REVEAL_REASONS` in @huanxin/shared). */
class RevealDto {
}
exports.RevealDto = RevealDto;
__decorate([
    (0, swagger_1.ApiProperty)({ format: 'uuid', description: "The resident's claim the value is needed for (in review)" }),
    (0, class_validator_1.IsUUID)(4),
    __metadata("design:type", String)
], RevealDto.prototype, "applicationId", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ enum: shared_1.REVEAL_FIELDS }),
    (0, class_validator_1.IsIn)(shared_1.REVEAL_FIELDS),
    __metadata("design:type", String)
], RevealDto.prototype, "field", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({
        enum: shared_1.REVEAL_REASON_CODES,
        description: 'Why the full value is needed; each reason allows only some fields',
    }),
    (0, class_validator_1.IsIn)(shared_1.REVEAL_REASON_CODES),
    __metadata("design:type", String)
], RevealDto.prototype, "reason", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({
        description: 'Optional note for the audit log (identifiers in it are masked before it is stored)',
        example: 'ID card photo unreadable',
    }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MaxLength)(200),
    __metadata("design:type", String)
], RevealDto.prototype, "note", void 0);
//# sourceMappingURL=reveal.dto.js.map