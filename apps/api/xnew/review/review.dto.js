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
exports.ReviewDecisionDto = exports.ReviewQueueQueryDto = exports.MAX_PAGE_SIZE = exports.REVIEW_DECISIONS = exports.QUEUE_STATUSES = exports.REVIEW_SORTS = void 0;
const swagger_1 = require("@nestjs/swagger");
const shared_1 = require("@huanxin/shared");
const class_transformer_1 = require("class-transformer");
const class_validator_1 = require("class-validator");
exports.REVIEW_SORTS = ['age', 'due', 'amount', 'risk'];
exports.QUEUE_STATUSES = ['in_review', 'returned'];
exports.REVIEW_DECISIONS = [
    'approve',
    'reject',
    'return',
];
/** The largest page of the queue. */
exports.MAX_PAGE_SIZE = 100;
class ReviewQueueQueryDto {
}
exports.ReviewQueueQueryDto = ReviewQueueQueryDto;
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: 'digital-2026', description: 'Program code' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.Matches)(/^[a-z0-9-]{2,64}$/, { message: 'INVALID_FORMAT' }),
    __metadata("design:type", String)
], ReviewQueueQueryDto.prototype, "program", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ enum: exports.QUEUE_STATUSES, default: 'in_review' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsIn)(exports.QUEUE_STATUSES),
    __metadata("design:type", Object)
], ReviewQueueQueryDto.prototype, "status", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ enum: shared_1.REVIEW_STAGES }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsIn)(shared_1.REVIEW_STAGES),
    __metadata("design:type", String)
], ReviewQueueQueryDto.prototype, "stage", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: 'DUPLICATE_DOCUMENT', description: 'Only claims with this flag' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.Matches)(/^[A-Z][A-Z0-9_]{1,63}$/, { message: 'INVALID_FORMAT' }),
    __metadata("design:type", String)
], ReviewQueueQueryDto.prototype, "flag", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({
        enum: exports.REVIEW_SORTS,
        default: 'age',
        description: 'age = oldest complete claim first',
    }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsIn)(exports.REVIEW_SORTS),
    __metadata("design:type", String)
], ReviewQueueQueryDto.prototype, "sort", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ default: 1, minimum: 1, maximum: 10000 }),
    (0, class_validator_1.IsOptional)(),
    (0, class_transformer_1.Type)(() => Number),
    (0, class_validator_1.IsInt)(),
    (0, class_validator_1.Min)(1),
    (0, class_validator_1.Max)(10_000),
    __metadata("design:type", Number)
], ReviewQueueQueryDto.prototype, "page", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ default: 20, minimum: 1, maximum: exports.MAX_PAGE_SIZE }),
    (0, class_validator_1.IsOptional)(),
    (0, class_transformer_1.Type)(() => Number),
    (0, class_validator_1.IsInt)(),
    (0, class_validator_1.Min)(1),
    (0, class_validator_1.Max)(exports.MAX_PAGE_SIZE),
    __metadata("design:type", Number)
], ReviewQueueQueryDto.prototype, "pageSize", void 0);
class ReviewDecisionDto {
}
exports.ReviewDecisionDto = ReviewDecisionDto;
__decorate([
    (0, swagger_1.ApiProperty)({ enum: exports.REVIEW_DECISIONS }),
    (0, class_validator_1.IsIn)(exports.REVIEW_DECISIONS),
    __metadata("design:type", String)
], ReviewDecisionDto.prototype, "decision", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({
        example: 'DOCUMENT_ILLEGIBLE',
        description: 'Required for reject and return: a code of GET /api/review/reasons of that kind',
    }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MaxLength)(64),
    __metadata("design:type", String)
], ReviewDecisionDto.prototype, "reasonCode", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({
        type: [String],
        example: ['item.invoiceNo', 'document:invoice'],
        description: 'Return only: fact paths of the program or document:<kind> to fix',
    }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsArray)(),
    (0, class_validator_1.ArrayMaxSize)(50),
    (0, class_validator_1.IsString)({ each: true }),
    (0, class_validator_1.MaxLength)(128, { each: true }),
    __metadata("design:type", Array)
], ReviewDecisionDto.prototype, "fields", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ description: 'Shown to the resident for reject/return (identifiers masked)' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MaxLength)(1000),
    __metadata("design:type", String)
], ReviewDecisionDto.prototype, "note", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({
        description: 'Approve over a matrix conflict (needs a note; goes to second approval)',
    }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsBoolean)(),
    __metadata("design:type", Boolean)
], ReviewDecisionDto.prototype, "override", void 0);
//# sourceMappingURL=review.dto.js.map