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
exports.ExportQueryDto = exports.EXPORT_STATUSES = void 0;
const swagger_1 = require("@nestjs/swagger");
const shared_1 = require("@huanxin/shared");
const class_validator_1 = require("class-validator");
/** The statuses an export may filter on (drafts are the residents' own, never exported). */
exports.EXPORT_STATUSES = shared_1.APPLICATION_STATUSES.filter((status) => status !== 'draft');
class ExportQueryDto {
}
exports.ExportQueryDto = ExportQueryDto;
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: 'appliance-2026', description: 'One program; all when left out' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.Matches)(/^[a-z0-9-]{2,64}$/, { message: 'INVALID_FORMAT' }),
    __metadata("design:type", String)
], ExportQueryDto.prototype, "program", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ enum: exports.EXPORT_STATUSES, description: 'One status; all but drafts when left out' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsIn)(exports.EXPORT_STATUSES),
    __metadata("design:type", String)
], ExportQueryDto.prototype, "status", void 0);
//# sourceMappingURL=reports.dto.js.map