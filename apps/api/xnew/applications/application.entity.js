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
exports.ApplicationEntity = void 0;
const typeorm_1 = require("typeorm");
const transformers_1 = require("../database/transformers");
const program_version_entity_1 = require("../programs/program-version.entity");
const program_entity_1 = require("../programs/program.entity");
const organization_entity_1 = require("../users/organization.entity");
const user_entity_1 = require("../users/user.entity");
/**
 * A resident's claim. It keeps the program version it was evaluated under, its facts and the
 * stored evaluation; `reservedFen` is what it holds of the budget (0 until submitted).
 */
let ApplicationEntity = class ApplicationEntity {
};
exports.ApplicationEntity = ApplicationEntity;
__decorate([
    (0, typeorm_1.PrimaryGeneratedColumn)('uuid'),
    __metadata("design:type", String)
], ApplicationEntity.prototype, "id", void 0);
__decorate([
    (0, typeorm_1.Index)({ unique: true }),
    (0, typeorm_1.Column)({ type: 'text' }),
    __metadata("design:type", String)
], ApplicationEntity.prototype, "code", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'applicant_id', type: 'uuid' }),
    __metadata("design:type", String)
], ApplicationEntity.prototype, "applicantId", void 0);
__decorate([
    (0, typeorm_1.ManyToOne)(() => user_entity_1.UserEntity, { onDelete: 'RESTRICT' }),
    (0, typeorm_1.JoinColumn)({ name: 'applicant_id' }),
    __metadata("design:type", user_entity_1.UserEntity)
], ApplicationEntity.prototype, "applicant", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'program_id', type: 'uuid' }),
    __metadata("design:type", String)
], ApplicationEntity.prototype, "programId", void 0);
__decorate([
    (0, typeorm_1.ManyToOne)(() => program_entity_1.ProgramEntity, { onDelete: 'RESTRICT' }),
    (0, typeorm_1.JoinColumn)({ name: 'program_id' }),
    __metadata("design:type", program_entity_1.ProgramEntity)
], ApplicationEntity.prototype, "program", void 0);
__decorate([
    (0, typeorm_1.Index)(),
    (0, typeorm_1.Column)({ name: 'program_version_id', type: 'uuid' }),
    __metadata("design:type", String)
], ApplicationEntity.prototype, "programVersionId", void 0);
__decorate([
    (0, typeorm_1.ManyToOne)(() => program_version_entity_1.ProgramVersionEntity, { onDelete: 'RESTRICT' }),
    (0, typeorm_1.JoinColumn)({ name: 'program_version_id' }),
    __metadata("design:type", program_version_entity_1.ProgramVersionEntity)
], ApplicationEntity.prototype, "programVersion", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'text' }),
    __metadata("design:type", String)
], ApplicationEntity.prototype, "status", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'payee_organization_id', type: 'uuid', nullable: true }),
    __metadata("design:type", Object)
], ApplicationEntity.prototype, "payeeOrganizationId", void 0);
__decorate([
    (0, typeorm_1.ManyToOne)(() => organization_entity_1.OrganizationEntity, { onDelete: 'RESTRICT' }),
    (0, typeorm_1.JoinColumn)({ name: 'payee_organization_id' }),
    __metadata("design:type", organization_entity_1.OrganizationEntity)
], ApplicationEntity.prototype, "payeeOrganization", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'jsonb' }),
    __metadata("design:type", Object)
], ApplicationEntity.prototype, "facts", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'jsonb', nullable: true }),
    __metadata("design:type", Object)
], ApplicationEntity.prototype, "evaluation", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'reserved_fen', type: 'bigint', default: 0, transformer: transformers_1.bigintNumber }),
    __metadata("design:type", Number)
], ApplicationEntity.prototype, "reservedFen", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'submitted_at', type: 'timestamptz', nullable: true }),
    __metadata("design:type", Object)
], ApplicationEntity.prototype, "submittedAt", void 0);
__decorate([
    (0, typeorm_1.Index)(),
    (0, typeorm_1.Column)({ name: 'submit_device', type: 'text', nullable: true }),
    __metadata("design:type", Object)
], ApplicationEntity.prototype, "submitDevice", void 0);
__decorate([
    (0, typeorm_1.Index)(),
    (0, typeorm_1.Column)({ name: 'id_number_bidx', type: 'text', nullable: true }),
    __metadata("design:type", Object)
], ApplicationEntity.prototype, "idNumberBidx", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'returned_at', type: 'timestamptz', nullable: true }),
    __metadata("design:type", Object)
], ApplicationEntity.prototype, "returnedAt", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'complete_at', type: 'timestamptz', nullable: true }),
    __metadata("design:type", Object)
], ApplicationEntity.prototype, "completeAt", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'text', nullable: true }),
    __metadata("design:type", Object)
], ApplicationEntity.prototype, "stage", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'risk_score', type: 'integer', default: 0 }),
    __metadata("design:type", Number)
], ApplicationEntity.prototype, "riskScore", void 0);
__decorate([
    (0, typeorm_1.CreateDateColumn)({ name: 'created_at', type: 'timestamptz' }),
    __metadata("design:type", Date)
], ApplicationEntity.prototype, "createdAt", void 0);
__decorate([
    (0, typeorm_1.UpdateDateColumn)({ name: 'updated_at', type: 'timestamptz' }),
    __metadata("design:type", Date)
], ApplicationEntity.prototype, "updatedAt", void 0);
exports.ApplicationEntity = ApplicationEntity = __decorate([
    (0, typeorm_1.Entity)({ name: 'application' }),
    (0, typeorm_1.Check)('application_status_known', `"status" IN ('draft', 'submitted', 'checking', 'in_review', 'returned', 'approved', 'paid', 'rejected', 'withdrawn', 'expired', 'cancelled')`),
    (0, typeorm_1.Check)('application_stage_known', `"stage" IS NULL OR "stage" IN ('review', 'second_approval')`),
    (0, typeorm_1.Check)('application_reserved_non_negative', '"reserved_fen" >= 0'),
    (0, typeorm_1.Index)(['applicantId', 'createdAt']),
    (0, typeorm_1.Index)(['programId', 'status']),
    (0, typeorm_1.Index)(['status', 'updatedAt'])
    // The review queue (review.repository `queuePage`): claims in review, oldest complete first, per
    // program, per stage, by amount and by risk. Partial, so they hold only the claims in review and
    // the submit path's writes do not pay for them until a claim enters review.
    ,
    (0, typeorm_1.Index)('application_review_age', ['completeAt', 'id'], { where: `"status" = 'in_review'` }),
    (0, typeorm_1.Index)('application_review_program', ['programId', 'completeAt', 'id'], { where: `"status" = 'in_review'` }),
    (0, typeorm_1.Index)('application_review_stage', ['stage', 'completeAt', 'id'], { where: `"status" = 'in_review'` }),
    (0, typeorm_1.Index)('application_review_amount', ['reservedFen', 'completeAt', 'id'], { where: `"status" = 'in_review'` }),
    (0, typeorm_1.Index)('application_review_risk', ['riskScore', 'completeAt', 'id'], { where: `"status" = 'in_review'` })
    // The dealer's ledger (dealers/ledger): a payee organisation's claims, newest first. Partial: most
    // claims pay the resident, and the foreign key's RESTRICT check finds its rows through it too.
    ,
    (0, typeorm_1.Index)('application_dealer_payee', ['payeeOrganizationId', 'createdAt', 'id'], {
        where: `"payee_organization_id" IS NOT NULL`,
    })
], ApplicationEntity);
//# sourceMappingURL=application.entity.js.map