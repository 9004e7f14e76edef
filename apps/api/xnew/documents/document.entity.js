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
exports.DocumentEntity = void 0;
const typeorm_1 = require("typeorm");
const application_entity_1 = require("../applications/application.entity");
const transformers_1 = require("../database/transformers");
/** An uploaded file: stored under a server-generated key; the original name is metadata only. */
let DocumentEntity = class DocumentEntity {
};
exports.DocumentEntity = DocumentEntity;
__decorate([
    (0, typeorm_1.PrimaryGeneratedColumn)('uuid'),
    __metadata("design:type", String)
], DocumentEntity.prototype, "id", void 0);
__decorate([
    (0, typeorm_1.Index)(),
    (0, typeorm_1.Column)({ name: 'application_id', type: 'uuid' }),
    __metadata("design:type", String)
], DocumentEntity.prototype, "applicationId", void 0);
__decorate([
    (0, typeorm_1.ManyToOne)(() => application_entity_1.ApplicationEntity, { onDelete: 'CASCADE' }),
    (0, typeorm_1.JoinColumn)({ name: 'application_id' }),
    __metadata("design:type", application_entity_1.ApplicationEntity)
], DocumentEntity.prototype, "application", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'text' }),
    __metadata("design:type", String)
], DocumentEntity.prototype, "kind", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'content_type', type: 'text' }),
    __metadata("design:type", String)
], DocumentEntity.prototype, "contentType", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'bigint', transformer: transformers_1.bigintNumber }),
    __metadata("design:type", Number)
], DocumentEntity.prototype, "size", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'text' }),
    __metadata("design:type", String)
], DocumentEntity.prototype, "sha256", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'storage_key', type: 'text' }),
    __metadata("design:type", String)
], DocumentEntity.prototype, "storageKey", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'original_name', type: 'text', nullable: true }),
    __metadata("design:type", Object)
], DocumentEntity.prototype, "originalName", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'uploaded_by', type: 'uuid' }),
    __metadata("design:type", String)
], DocumentEntity.prototype, "uploadedBy", void 0);
__decorate([
    (0, typeorm_1.CreateDateColumn)({ name: 'created_at', type: 'timestamptz' }),
    __metadata("design:type", Date)
], DocumentEntity.prototype, "createdAt", void 0);
exports.DocumentEntity = DocumentEntity = __decorate([
    (0, typeorm_1.Entity)({ name: 'application_document' }),
    (0, typeorm_1.Index)(['sha256'])
], DocumentEntity);
//# sourceMappingURL=document.entity.js.map