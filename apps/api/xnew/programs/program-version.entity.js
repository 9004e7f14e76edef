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
exports.ProgramVersionEntity = exports.PROGRAM_VERSION_STATUSES = void 0;
const typeorm_1 = require("typeorm");
const user_entity_1 = require("../users/user.entity");
const program_entity_1 = require("./program.entity");
exports.PROGRAM_VERSION_STATUSES = ['draft', 'published'];
/**
 * One rules version of a program (operations.md §10): a draft an administrator edits, or a published
 * version — immutable (a trigger refuses its UPDATE and every DELETE). Claims keep the version they
 * were evaluated under. The current version is the newest published one in effect
 * (`ProgramsRepository`); drafts are never seen outside the admin versions routes.
 */
let ProgramVersionEntity = class ProgramVersionEntity {
};
exports.ProgramVersionEntity = ProgramVersionEntity;
__decorate([
    (0, typeorm_1.PrimaryGeneratedColumn)('uuid'),
    __metadata("design:type", String)
], ProgramVersionEntity.prototype, "id", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'program_id', type: 'uuid' }),
    __metadata("design:type", String)
], ProgramVersionEntity.prototype, "programId", void 0);
__decorate([
    (0, typeorm_1.ManyToOne)(() => program_entity_1.ProgramEntity, { onDelete: 'RESTRICT' }),
    (0, typeorm_1.JoinColumn)({ name: 'program_id' }),
    __metadata("design:type", program_entity_1.ProgramEntity)
], ProgramVersionEntity.prototype, "program", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'integer' }),
    __metadata("design:type", Number)
], ProgramVersionEntity.prototype, "version", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'jsonb' }),
    __metadata("design:type", Object)
], ProgramVersionEntity.prototype, "definition", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'opens_on', type: 'date' }),
    __metadata("design:type", String)
], ProgramVersionEntity.prototype, "opensOn", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'closes_on', type: 'date' }),
    __metadata("design:type", String)
], ProgramVersionEntity.prototype, "closesOn", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'text' }),
    __metadata("design:type", String)
], ProgramVersionEntity.prototype, "status", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'effective_on', type: 'date' }),
    __metadata("design:type", String)
], ProgramVersionEntity.prototype, "effectiveOn", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'document_no', type: 'text', nullable: true }),
    __metadata("design:type", Object)
], ProgramVersionEntity.prototype, "documentNo", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'text', nullable: true }),
    __metadata("design:type", Object)
], ProgramVersionEntity.prototype, "note", void 0);
__decorate([
    (0, typeorm_1.Index)(),
    (0, typeorm_1.Column)({ name: 'created_by', type: 'uuid', nullable: true }),
    __metadata("design:type", Object)
], ProgramVersionEntity.prototype, "createdBy", void 0);
__decorate([
    (0, typeorm_1.ManyToOne)(() => user_entity_1.UserEntity, { onDelete: 'RESTRICT' }),
    (0, typeorm_1.JoinColumn)({ name: 'created_by' }),
    __metadata("design:type", user_entity_1.UserEntity)
], ProgramVersionEntity.prototype, "creator", void 0);
__decorate([
    (0, typeorm_1.Index)(),
    (0, typeorm_1.Column)({ name: 'published_by', type: 'uuid', nullable: true }),
    __metadata("design:type", Object)
], ProgramVersionEntity.prototype, "publishedBy", void 0);
__decorate([
    (0, typeorm_1.ManyToOne)(() => user_entity_1.UserEntity, { onDelete: 'RESTRICT' }),
    (0, typeorm_1.JoinColumn)({ name: 'published_by' }),
    __metadata("design:type", user_entity_1.UserEntity)
], ProgramVersionEntity.prototype, "publisher", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'based_on_version', type: 'integer', nullable: true }),
    __metadata("design:type", Object)
], ProgramVersionEntity.prototype, "basedOnVersion", void 0);
__decorate([
    (0, typeorm_1.CreateDateColumn)({ name: 'created_at', type: 'timestamptz' }),
    __metadata("design:type", Date)
], ProgramVersionEntity.prototype, "createdAt", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'published_at', type: 'timestamptz', nullable: true }),
    __metadata("design:type", Object)
], ProgramVersionEntity.prototype, "publishedAt", void 0);
exports.ProgramVersionEntity = ProgramVersionEntity = __decorate([
    (0, typeorm_1.Entity)({ name: 'program_version' }),
    (0, typeorm_1.Index)(['programId', 'version'], { unique: true })
    // History is a line: one published successor per version (two drafts of v2 cannot both publish).
    ,
    (0, typeorm_1.Index)('program_version_one_successor', ['programId', 'basedOnVersion'], {
        unique: true,
        where: `"status" = 'published'`,
    }),
    (0, typeorm_1.Check)('program_version_status_known', `"status" IN ('draft', 'published')`),
    (0, typeorm_1.Check)('program_version_published_stamped', `("status" = 'published') = ("published_at" IS NOT NULL)`)
], ProgramVersionEntity);
//# sourceMappingURL=program-version.entity.js.map