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
exports.CertificateEntity = void 0;
const typeorm_1 = require("typeorm");
const transformers_1 = require("../../database/transformers");
const organization_entity_1 = require("../../users/organization.entity");
const user_entity_1 = require("../../users/user.entity");
/**
 * A dismantler's 《报废机动车回收证明》 (operations.md §4): the authority for the old car a resident's
 * car-scrap claim names. The number is unique across all dismantlers (a claim cites it alone), so a
 * second recording is refused by the index, not by a look-up first. The owner's name and ID number
 * are encrypted (PiiCipher, bound to the column); the ID's blind index is the one the profile and the
 * claim use (`id_number`), so the review matrix compares them without decrypting. The scan is a
 * stored document (server key, sniffed type, SHA-256).
 */
let CertificateEntity = class CertificateEntity {
};
exports.CertificateEntity = CertificateEntity;
__decorate([
    (0, typeorm_1.PrimaryGeneratedColumn)('uuid'),
    __metadata("design:type", String)
], CertificateEntity.prototype, "id", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'organization_id', type: 'uuid' }),
    __metadata("design:type", String)
], CertificateEntity.prototype, "organizationId", void 0);
__decorate([
    (0, typeorm_1.ManyToOne)(() => organization_entity_1.OrganizationEntity, { onDelete: 'RESTRICT' }),
    (0, typeorm_1.JoinColumn)({ name: 'organization_id' }),
    __metadata("design:type", organization_entity_1.OrganizationEntity)
], CertificateEntity.prototype, "organization", void 0);
__decorate([
    (0, typeorm_1.Index)({ unique: true }),
    (0, typeorm_1.Column)({ name: 'certificate_no', type: 'text' }),
    __metadata("design:type", String)
], CertificateEntity.prototype, "certificateNo", void 0);
__decorate([
    (0, typeorm_1.Index)(),
    (0, typeorm_1.Column)({ type: 'text' }),
    __metadata("design:type", String)
], CertificateEntity.prototype, "vin", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'vin_warning', type: 'boolean', default: false }),
    __metadata("design:type", Boolean)
], CertificateEntity.prototype, "vinWarning", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'text' }),
    __metadata("design:type", String)
], CertificateEntity.prototype, "plate", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'owner_name_enc', type: 'text' }),
    __metadata("design:type", String)
], CertificateEntity.prototype, "ownerNameEnc", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'owner_id_number_enc', type: 'text' }),
    __metadata("design:type", String)
], CertificateEntity.prototype, "ownerIdNumberEnc", void 0);
__decorate([
    (0, typeorm_1.Index)(),
    (0, typeorm_1.Column)({ name: 'owner_id_number_bidx', type: 'text' }),
    __metadata("design:type", String)
], CertificateEntity.prototype, "ownerIdNumberBidx", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'handed_over_on', type: 'date' }),
    __metadata("design:type", String)
], CertificateEntity.prototype, "handedOverOn", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'deregistered_on', type: 'date', nullable: true }),
    __metadata("design:type", Object)
], CertificateEntity.prototype, "deregisteredOn", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'scan_storage_key', type: 'text' }),
    __metadata("design:type", String)
], CertificateEntity.prototype, "scanStorageKey", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'scan_content_type', type: 'text' }),
    __metadata("design:type", String)
], CertificateEntity.prototype, "scanContentType", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'scan_size', type: 'bigint', transformer: transformers_1.bigintNumber }),
    __metadata("design:type", Number)
], CertificateEntity.prototype, "scanSize", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'scan_sha256', type: 'text' }),
    __metadata("design:type", String)
], CertificateEntity.prototype, "scanSha256", void 0);
__decorate([
    (0, typeorm_1.Index)(),
    (0, typeorm_1.Column)({ name: 'created_by', type: 'uuid' }),
    __metadata("design:type", String)
], CertificateEntity.prototype, "createdBy", void 0);
__decorate([
    (0, typeorm_1.ManyToOne)(() => user_entity_1.UserEntity, { onDelete: 'RESTRICT' }),
    (0, typeorm_1.JoinColumn)({ name: 'created_by' }),
    __metadata("design:type", user_entity_1.UserEntity)
], CertificateEntity.prototype, "creator", void 0);
__decorate([
    (0, typeorm_1.CreateDateColumn)({ name: 'created_at', type: 'timestamptz' }),
    __metadata("design:type", Date)
], CertificateEntity.prototype, "createdAt", void 0);
exports.CertificateEntity = CertificateEntity = __decorate([
    (0, typeorm_1.Entity)({ name: 'dealer_certificate' }),
    (0, typeorm_1.Index)(['organizationId', 'createdAt'])
], CertificateEntity);
//# sourceMappingURL=certificate.entity.js.map