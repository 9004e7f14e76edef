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
exports.OrganizationDocumentFields = exports.CreateRecyclingReceiptDto = exports.CreateCertificateFields = void 0;
const swagger_1 = require("@nestjs/swagger");
const class_transformer_1 = require("class-transformer");
const class_validator_1 = require("class-validator");
const shared_1 = require("@huanxin/shared");
const identifiers_1 = require("../../common/validation/identifiers");
const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** Numbers are compared normalised (identifiers.md): trimmed, half-width, upper-case, no spaces. */
const normalised = () => (0, class_transformer_1.Transform)(({ value }) => typeof value === 'string' ? (0, shared_1.normalizeIdentifier)(value) : value);
/**
 * The fields of `POST /api/dealer/certificates` (multipart, sent before the `file` part): the
 * 《报废机动车回收证明》 as the dismantler issued it.
 */
class CreateCertificateFields {
}
exports.CreateCertificateFields = CreateCertificateFields;
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'BF2026-0001234', description: 'Certificate number (unique across dismantlers)' }),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MaxLength)(40),
    normalised(),
    (0, class_validator_1.Matches)(shared_1.CERTIFICATE_NO_PATTERN, { message: 'INVALID_FORMAT' }),
    (0, class_validator_1.IsDefined)(),
    __metadata("design:type", String)
], CreateCertificateFields.prototype, "certificateNo", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'LSJA24U62JG269225', description: 'Old VIN: a failed check digit is a warning' }),
    (0, identifiers_1.IsOldVin)(),
    (0, class_validator_1.IsDefined)(),
    __metadata("design:type", String)
], CreateCertificateFields.prototype, "vin", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: '鲁A12345' }),
    (0, identifiers_1.IsPlate)(),
    (0, class_validator_1.IsDefined)(),
    __metadata("design:type", String)
], CreateCertificateFields.prototype, "plate", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: '张三', description: 'Registered owner; stored encrypted' }),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.Matches)(/\S/, { message: 'REQUIRED' }),
    (0, class_validator_1.MaxLength)(40),
    (0, class_validator_1.IsDefined)(),
    __metadata("design:type", String)
], CreateCertificateFields.prototype, "ownerName", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: '370181196003010015', description: 'Owner ID number (checksum); stored encrypted' }),
    (0, identifiers_1.IsResidentId)(),
    (0, class_validator_1.IsDefined)(),
    __metadata("design:type", String)
], CreateCertificateFields.prototype, "ownerIdNumber", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: '2026-03-02', description: 'Hand-over to the dismantler (not in the future)' }),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.Matches)(DATE, { message: 'INVALID_DATE' }),
    (0, class_validator_1.IsDefined)(),
    __metadata("design:type", String)
], CreateCertificateFields.prototype, "handedOverOn", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({
        example: '2026-03-05',
        description: 'Deregistration, when known (not before hand-over)',
    }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.Matches)(DATE, { message: 'INVALID_DATE' }),
    __metadata("design:type", String)
], CreateCertificateFields.prototype, "deregisteredOn", void 0);
/** `POST /api/dealer/recycling-receipts`. */
class CreateRecyclingReceiptDto {
}
exports.CreateRecyclingReceiptDto = CreateRecyclingReceiptDto;
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'HS2026-000123', description: 'Receipt number (unique across recyclers)' }),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MaxLength)(40),
    normalised(),
    (0, class_validator_1.Matches)(shared_1.RECEIPT_NO_PATTERN, { message: 'INVALID_FORMAT' }),
    (0, class_validator_1.IsDefined)(),
    __metadata("design:type", String)
], CreateRecyclingReceiptDto.prototype, "receiptNo", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({
        example: 'refrigerator',
        description: 'The old item: a category of a program with old items',
    }),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MinLength)(1),
    (0, class_validator_1.MaxLength)(64),
    (0, class_validator_1.IsDefined)(),
    __metadata("design:type", String)
], CreateRecyclingReceiptDto.prototype, "category", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({
        example: '370181196003010015',
        description: 'Seller ID number (checksum); stored encrypted',
    }),
    (0, identifiers_1.IsResidentId)(),
    (0, class_validator_1.IsDefined)(),
    __metadata("design:type", String)
], CreateRecyclingReceiptDto.prototype, "sellerIdNumber", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: '2026-04-18', description: 'Not in the future' }),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.Matches)(DATE, { message: 'INVALID_DATE' }),
    (0, class_validator_1.IsDefined)(),
    __metadata("design:type", String)
], CreateRecyclingReceiptDto.prototype, "recycledOn", void 0);
/** The field of `POST /api/dealer/documents` (multipart, before the `file` part). */
class OrganizationDocumentFields {
}
exports.OrganizationDocumentFields = OrganizationDocumentFields;
__decorate([
    (0, swagger_1.ApiProperty)({ enum: shared_1.ORGANIZATION_DOCUMENT_KINDS }),
    (0, class_validator_1.IsIn)(shared_1.ORGANIZATION_DOCUMENT_KINDS),
    (0, class_validator_1.IsDefined)(),
    __metadata("design:type", String)
], OrganizationDocumentFields.prototype, "kind", void 0);
//# sourceMappingURL=dealer-records.dto.js.map