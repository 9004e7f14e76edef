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
exports.ReviewSampleItemEntity = exports.ReviewSampleEntity = void 0;
const typeorm_1 = require("typeorm");
const application_entity_1 = require("../../applications/application.entity");
const program_entity_1 = require("../../programs/program.entity");
const user_entity_1 = require("../../users/user.entity");
/**
 * A post-approval audit sample (operations.md §7): drawn from a program's approved and paid claims,
 * at random or weighted by risk, with the seed recorded so the same claims give the same sample.
 */
let ReviewSampleEntity = class ReviewSampleEntity {
};
exports.ReviewSampleEntity = ReviewSampleEntity;
__decorate([
    (0, typeorm_1.PrimaryGeneratedColumn)('uuid'),
    __metadata("design:type", String)
], ReviewSampleEntity.prototype, "id", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'program_id', type: 'uuid' }),
    __metadata("design:type", String)
], ReviewSampleEntity.prototype, "programId", void 0);
__decorate([
    (0, typeorm_1.ManyToOne)(() => program_entity_1.ProgramEntity, { onDelete: 'RESTRICT' }),
    (0, typeorm_1.JoinColumn)({ name: 'program_id' }),
    __metadata("design:type", program_entity_1.ProgramEntity)
], ReviewSampleEntity.prototype, "program", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'text' }),
    __metadata("design:type", String)
], ReviewSampleEntity.prototype, "seed", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'integer' }),
    __metadata("design:type", Number)
], ReviewSampleEntity.prototype, "size", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'risk_weighted', type: 'boolean' }),
    __metadata("design:type", Boolean)
], ReviewSampleEntity.prototype, "riskWeighted", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'integer' }),
    __metadata("design:type", Number)
], ReviewSampleEntity.prototype, "population", void 0);
__decorate([
    (0, typeorm_1.Index)(),
    (0, typeorm_1.Column)({ name: 'created_by', type: 'uuid' }),
    __metadata("design:type", String)
], ReviewSampleEntity.prototype, "createdBy", void 0);
__decorate([
    (0, typeorm_1.ManyToOne)(() => user_entity_1.UserEntity, { onDelete: 'RESTRICT' }),
    (0, typeorm_1.JoinColumn)({ name: 'created_by' }),
    __metadata("design:type", user_entity_1.UserEntity)
], ReviewSampleEntity.prototype, "creator", void 0);
__decorate([
    (0, typeorm_1.CreateDateColumn)({ name: 'created_at', type: 'timestamptz' }),
    __metadata("design:type", Date)
], ReviewSampleEntity.prototype, "createdAt", void 0);
exports.ReviewSampleEntity = ReviewSampleEntity = __decorate([
    (0, typeorm_1.Entity)({ name: 'review_sample' }),
    (0, typeorm_1.Check)('review_sample_size_positive', '"size" > 0'),
    (0, typeorm_1.Index)(['programId', 'createdAt'])
], ReviewSampleEntity);
/** One sampled claim and, once recorded, its outcome (once: a second outcome is refused). */
let ReviewSampleItemEntity = class ReviewSampleItemEntity {
};
exports.ReviewSampleItemEntity = ReviewSampleItemEntity;
__decorate([
    (0, typeorm_1.PrimaryGeneratedColumn)('uuid'),
    __metadata("design:type", String)
], ReviewSampleItemEntity.prototype, "id", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'sample_id', type: 'uuid' }),
    __metadata("design:type", String)
], ReviewSampleItemEntity.prototype, "sampleId", void 0);
__decorate([
    (0, typeorm_1.ManyToOne)(() => ReviewSampleEntity, { onDelete: 'CASCADE' }),
    (0, typeorm_1.JoinColumn)({ name: 'sample_id' }),
    __metadata("design:type", ReviewSampleEntity)
], ReviewSampleItemEntity.prototype, "sample", void 0);
__decorate([
    (0, typeorm_1.Index)(),
    (0, typeorm_1.Column)({ name: 'application_id', type: 'uuid' }),
    __metadata("design:type", String)
], ReviewSampleItemEntity.prototype, "applicationId", void 0);
__decorate([
    (0, typeorm_1.ManyToOne)(() => application_entity_1.ApplicationEntity, { onDelete: 'RESTRICT' }),
    (0, typeorm_1.JoinColumn)({ name: 'application_id' }),
    __metadata("design:type", application_entity_1.ApplicationEntity)
], ReviewSampleItemEntity.prototype, "application", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'integer' }),
    __metadata("design:type", Number)
], ReviewSampleItemEntity.prototype, "position", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'text', nullable: true }),
    __metadata("design:type", Object)
], ReviewSampleItemEntity.prototype, "outcome", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'text', nullable: true }),
    __metadata("design:type", Object)
], ReviewSampleItemEntity.prototype, "note", void 0);
__decorate([
    (0, typeorm_1.Index)(),
    (0, typeorm_1.Column)({ name: 'decided_by', type: 'uuid', nullable: true }),
    __metadata("design:type", Object)
], ReviewSampleItemEntity.prototype, "decidedBy", void 0);
__decorate([
    (0, typeorm_1.ManyToOne)(() => user_entity_1.UserEntity, { onDelete: 'RESTRICT' }),
    (0, typeorm_1.JoinColumn)({ name: 'decided_by' }),
    __metadata("design:type", user_entity_1.UserEntity)
], ReviewSampleItemEntity.prototype, "decider", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'decided_at', type: 'timestamptz', nullable: true }),
    __metadata("design:type", Object)
], ReviewSampleItemEntity.prototype, "decidedAt", void 0);
exports.ReviewSampleItemEntity = ReviewSampleItemEntity = __decorate([
    (0, typeorm_1.Entity)({ name: 'review_sample_item' }),
    (0, typeorm_1.Index)(['sampleId', 'applicationId'], { unique: true }),
    (0, typeorm_1.Check)('review_sample_item_outcome_known', `"outcome" IS NULL OR "outcome" IN ('confirmed', 'clawback')`)
], ReviewSampleItemEntity);
//# sourceMappingURL=review-sample.entity.js.map