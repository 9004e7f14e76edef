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
exports.OrganizationDocumentEntity = void 0;
const shared_1 = require("@huanxin/shared");
const typeorm_1 = require("typeorm");
const transformers_1 = require("../../database/transformers");
const organization_entity_1 = require("../../users/organization.entity");
const user_entity_1 = require("../../users/user.entity");
const quoted = (values) => values.map((v) => `'${v}'`).join(', ');
/**
 * A document filed with an organisation's registration (operations.md §2: "pending (registered,
 * documents uploaded)"): the business licence, the signed commitment. Stored like a claim's
 * documents (server key, sniffed type, SHA-256); the original name is metadata only.
 */
let OrganizationDocumentEntity = class OrganizationDocumentEntity {
};
exports.OrganizationDocumentEntity = OrganizationDocumentEntity;
__decorate([
    (0, typeorm_1.PrimaryGeneratedColumn)('uuid'),
    __metadata("design:type", String)
], OrganizationDocumentEntity.prototype, "id", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'organization_id', type: 'uuid' }),
    __metadata("design:type", String)
], OrganizationDocumentEntity.prototype, "organizationId", void 0);
__decorate([
    (0, typeorm_1.ManyToOne)(() => organization_entity_1.OrganizationEntity, { onDelete: 'RESTRICT' }),
    (0, typeorm_1.JoinColumn)({ name: 'organization_id' }),
    __metadata("design:type", organization_entity_1.OrganizationEntity)
], OrganizationDocumentEntity.prototype, "organization", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'text' }),
    __metadata("design:type", String)
], OrganizationDocumentEntity.prototype, "kind", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'content_type', type: 'text' }),
    __metadata("design:type", String)
], OrganizationDocumentEntity.prototype, "contentType", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'bigint', transformer: transformers_1.bigintNumber }),
    __metadata("design:type", Number)
], OrganizationDocumentEntity.prototype, "size", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'text' }),
    __metadata("design:type", String)
], OrganizationDocumentEntity.prototype, "sha256", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'storage_key', type: 'text' }),
    __metadata("design:type", String)
], OrganizationDocumentEntity.prototype, "storageKey", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'original_name', type: 'text', nullable: true }),
    __metadata("design:type", Object)
], OrganizationDocumentEntity.prototype, "originalName", void 0);
__decorate([
    (0, typeorm_1.Index)(),
    (0, typeorm_1.Column)({ name: 'uploaded_by', type: 'uuid' }),
    __metadata("design:type", String)
], OrganizationDocumentEntity.prototype, "uploadedBy", void 0);
__decorate([
    (0, typeorm_1.ManyToOne)(() => user_entity_1.UserEntity, { onDelete: 'RESTRICT' }),
    (0, typeorm_1.JoinColumn)({ name: 'uploaded_by' }),
    __metadata("design:type", user_entity_1.UserEntity)
], OrganizationDocumentEntity.prototype, "uploader", void 0);
__decorate([
    (0, typeorm_1.CreateDateColumn)({ name: 'created_at', type: 'timestamptz' }),
    __metadata("design:type", Date)
], OrganizationDocumentEntity.prototype, "createdAt", void 0);
exports.OrganizationDocumentEntity = OrganizationDocumentEntity = __decorate([
    (0, typeorm_1.Entity)({ name: 'organization_document' }),
    (0, typeorm_1.Index)(['organizationId', 'createdAt']),
    (0, typeorm_1.Check)('organization_document_kind_known', `"kind" IN (${quoted(shared_1.ORGANIZATION_DOCUMENT_KINDS)})`)
], OrganizationDocumentEntity);
//# sourceMappingURL=organization-document.entity.js.map