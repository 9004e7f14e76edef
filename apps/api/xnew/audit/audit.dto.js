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
exports.AuditAnchorsQueryDto = exports.AuditExportQueryDto = exports.AuditQueryDto = exports.AuditFilterDto = void 0;
exports.assertWindow = assertWindow;
exports.filtersOf = filtersOf;
const swagger_1 = require("@nestjs/swagger");
const shared_1 = require("@huanxin/shared");
const class_transformer_1 = require("class-transformer");
const class_validator_1 = require("class-validator");
const domain_error_1 = require("../common/errors/domain-error");
/** The filters the log, its export and (in the web) the console share. */
class AuditFilterDto {
}
exports.AuditFilterDto = AuditFilterDto;
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ description: 'From (inclusive), ISO-8601 date or timestamp' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsISO8601)({ strict: true, strictSeparator: true }),
    __metadata("design:type", String)
], AuditFilterDto.prototype, "from", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ description: 'To (exclusive), ISO-8601 date or timestamp; after `from`' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsISO8601)({ strict: true, strictSeparator: true }),
    __metadata("design:type", String)
], AuditFilterDto.prototype, "to", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ format: 'uuid', description: 'Actor user id' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsUUID)(),
    __metadata("design:type", String)
], AuditFilterDto.prototype, "actor", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: 'auth.login' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.Matches)(/^[a-z][a-z0-9_.]{1,63}$/, { message: 'INVALID_FORMAT' }),
    __metadata("design:type", String)
], AuditFilterDto.prototype, "action", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({
        example: 'user',
        description: 'Kind of record the row is about; needed with objectId',
    })
    // Checked when given, and required when objectId is: an id alone names no record (and the index
    // is on the pair).
    ,
    (0, class_validator_1.ValidateIf)((query) => query.objectType !== undefined || query.objectId !== undefined),
    (0, class_validator_1.IsDefined)(),
    (0, class_validator_1.Matches)(/^[a-z][a-z0-9_]{1,63}$/, { message: 'INVALID_FORMAT' }),
    __metadata("design:type", String)
], AuditFilterDto.prototype, "objectType", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ description: 'Id of that record (a uuid, a code or a number)' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.Matches)(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/, { message: 'INVALID_FORMAT' }),
    __metadata("design:type", String)
], AuditFilterDto.prototype, "objectId", void 0);
class AuditQueryDto extends AuditFilterDto {
}
exports.AuditQueryDto = AuditQueryDto;
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ description: 'Rows before this sequence number (paging backwards)' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_transformer_1.Type)(() => Number),
    (0, class_validator_1.IsInt)(),
    (0, class_validator_1.Min)(1),
    __metadata("design:type", Number)
], AuditQueryDto.prototype, "beforeSeq", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ default: 100, maximum: 500 }),
    (0, class_validator_1.IsOptional)(),
    (0, class_transformer_1.Type)(() => Number),
    (0, class_validator_1.IsInt)(),
    (0, class_validator_1.Min)(1),
    (0, class_validator_1.Max)(500),
    __metadata("design:type", Number)
], AuditQueryDto.prototype, "limit", void 0);
class AuditExportQueryDto extends AuditFilterDto {
}
exports.AuditExportQueryDto = AuditExportQueryDto;
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ enum: shared_1.AUDIT_EXPORT_FORMATS, default: 'csv' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsIn)(shared_1.AUDIT_EXPORT_FORMATS),
    __metadata("design:type", String)
], AuditExportQueryDto.prototype, "format", void 0);
class AuditAnchorsQueryDto {
}
exports.AuditAnchorsQueryDto = AuditAnchorsQueryDto;
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ default: 30, maximum: 366, description: 'How many of the newest anchors to list' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_transformer_1.Type)(() => Number),
    (0, class_validator_1.IsInt)(),
    (0, class_validator_1.Min)(1),
    (0, class_validator_1.Max)(366),
    __metadata("design:type", Number)
], AuditAnchorsQueryDto.prototype, "last", void 0);
/** A window that ends before (or where) it starts matches nothing: refused on `to`, not answered empty. */
function assertWindow(filter) {
    if (filter.from && filter.to && new Date(filter.to).getTime() <= new Date(filter.from).getTime())
        throw (0, domain_error_1.validationFailed)({ to: shared_1.FieldErrorCode.OUT_OF_RANGE });
}
/** Only the filters (no paging), as recorded in the audit row of a read or an export. */
function filtersOf(filter) {
    const { from, to, actor, action, objectType, objectId } = filter;
    return Object.fromEntries(Object.entries({ from, to, actor, action, objectType, objectId }).filter(([, v]) => v !== undefined));
}
//# sourceMappingURL=audit.dto.js.map