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
exports.ReceivableEntity = exports.RECEIVABLE_STATUSES = void 0;
const typeorm_1 = require("typeorm");
const application_entity_1 = require("../../applications/application.entity");
const dealer_sale_entity_1 = require("../../dealers/sales/dealer-sale.entity");
const transformers_1 = require("../../database/transformers");
const organization_entity_1 = require("../../users/organization.entity");
const user_entity_1 = require("../../users/user.entity");
const review_sample_entity_1 = require("./review-sample.entity");
exports.RECEIVABLE_STATUSES = ['open', 'collected', 'waived'];
/**
 * Money to recover from a claim's payee: after a sampled case was found wrong (`clawback`,
 * operations.md §7–8; `sample_item_id`) — the resident (their own card) or, for point-of-sale
 * claims, the dealer — or after a paid sale's goods were returned (§6; `sale_id`, always the
 * dealer, due on `due_on`). Exactly one source. Dealers' are netted against their next batch
 * (payments); while one is overdue the dealer's new payouts are held.
 */
let ReceivableEntity = class ReceivableEntity {
};
exports.ReceivableEntity = ReceivableEntity;
__decorate([
    (0, typeorm_1.PrimaryGeneratedColumn)('uuid'),
    __metadata("design:type", String)
], ReceivableEntity.prototype, "id", void 0);
__decorate([
    (0, typeorm_1.Index)(),
    (0, typeorm_1.Column)({ name: 'application_id', type: 'uuid' }),
    __metadata("design:type", String)
], ReceivableEntity.prototype, "applicationId", void 0);
__decorate([
    (0, typeorm_1.ManyToOne)(() => application_entity_1.ApplicationEntity, { onDelete: 'RESTRICT' }),
    (0, typeorm_1.JoinColumn)({ name: 'application_id' }),
    __metadata("design:type", application_entity_1.ApplicationEntity)
], ReceivableEntity.prototype, "application", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'payee_kind', type: 'text' }),
    __metadata("design:type", String)
], ReceivableEntity.prototype, "payeeKind", void 0);
__decorate([
    (0, typeorm_1.Index)(),
    (0, typeorm_1.Column)({ name: 'payee_user_id', type: 'uuid', nullable: true }),
    __metadata("design:type", Object)
], ReceivableEntity.prototype, "payeeUserId", void 0);
__decorate([
    (0, typeorm_1.ManyToOne)(() => user_entity_1.UserEntity, { onDelete: 'RESTRICT' }),
    (0, typeorm_1.JoinColumn)({ name: 'payee_user_id' }),
    __metadata("design:type", user_entity_1.UserEntity)
], ReceivableEntity.prototype, "payeeUser", void 0);
__decorate([
    (0, typeorm_1.Index)(),
    (0, typeorm_1.Column)({ name: 'payee_organization_id', type: 'uuid', nullable: true }),
    __metadata("design:type", Object)
], ReceivableEntity.prototype, "payeeOrganizationId", void 0);
__decorate([
    (0, typeorm_1.ManyToOne)(() => organization_entity_1.OrganizationEntity, { onDelete: 'RESTRICT' }),
    (0, typeorm_1.JoinColumn)({ name: 'payee_organization_id' }),
    __metadata("design:type", organization_entity_1.OrganizationEntity)
], ReceivableEntity.prototype, "payeeOrganization", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'amount_fen', type: 'bigint', transformer: transformers_1.bigintNumber }),
    __metadata("design:type", Number)
], ReceivableEntity.prototype, "amountFen", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'text' }),
    __metadata("design:type", String)
], ReceivableEntity.prototype, "reason", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'text', default: 'open' }),
    __metadata("design:type", String)
], ReceivableEntity.prototype, "status", void 0);
__decorate([
    (0, typeorm_1.Index)({ unique: true }),
    (0, typeorm_1.Column)({ name: 'sample_item_id', type: 'uuid', nullable: true }),
    __metadata("design:type", Object)
], ReceivableEntity.prototype, "sampleItemId", void 0);
__decorate([
    (0, typeorm_1.OneToOne)(() => review_sample_entity_1.ReviewSampleItemEntity, { onDelete: 'RESTRICT' }),
    (0, typeorm_1.JoinColumn)({ name: 'sample_item_id' }),
    __metadata("design:type", review_sample_entity_1.ReviewSampleItemEntity)
], ReceivableEntity.prototype, "sampleItem", void 0);
__decorate([
    (0, typeorm_1.Index)({ unique: true }),
    (0, typeorm_1.Column)({ name: 'sale_id', type: 'uuid', nullable: true }),
    __metadata("design:type", Object)
], ReceivableEntity.prototype, "saleId", void 0);
__decorate([
    (0, typeorm_1.ManyToOne)(() => dealer_sale_entity_1.DealerSaleEntity, { onDelete: 'RESTRICT' }),
    (0, typeorm_1.JoinColumn)({ name: 'sale_id' }),
    __metadata("design:type", dealer_sale_entity_1.DealerSaleEntity)
], ReceivableEntity.prototype, "sale", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'due_on', type: 'date', nullable: true }),
    __metadata("design:type", Object)
], ReceivableEntity.prototype, "dueOn", void 0);
__decorate([
    (0, typeorm_1.Index)(),
    (0, typeorm_1.Column)({ name: 'created_by', type: 'uuid' }),
    __metadata("design:type", String)
], ReceivableEntity.prototype, "createdBy", void 0);
__decorate([
    (0, typeorm_1.ManyToOne)(() => user_entity_1.UserEntity, { onDelete: 'RESTRICT' }),
    (0, typeorm_1.JoinColumn)({ name: 'created_by' }),
    __metadata("design:type", user_entity_1.UserEntity)
], ReceivableEntity.prototype, "creator", void 0);
__decorate([
    (0, typeorm_1.CreateDateColumn)({ name: 'created_at', type: 'timestamptz' }),
    __metadata("design:type", Date)
], ReceivableEntity.prototype, "createdAt", void 0);
exports.ReceivableEntity = ReceivableEntity = __decorate([
    (0, typeorm_1.Entity)({ name: 'receivable' }),
    (0, typeorm_1.Check)('receivable_amount_positive', '"amount_fen" > 0'),
    (0, typeorm_1.Check)('receivable_status_known', `"status" IN ('open', 'collected', 'waived')`),
    (0, typeorm_1.Check)('receivable_one_source', `("sample_item_id" IS NULL) <> ("sale_id" IS NULL)`),
    (0, typeorm_1.Check)('receivable_return_due', `"sale_id" IS NULL OR ("due_on" IS NOT NULL AND "payee_kind" = 'dealer')`),
    (0, typeorm_1.Check)('receivable_one_payee', `("payee_kind" = 'resident' AND "payee_user_id" IS NOT NULL AND "payee_organization_id" IS NULL) OR ("payee_kind" = 'dealer' AND "payee_organization_id" IS NOT NULL AND "payee_user_id" IS NULL)`)
], ReceivableEntity);
//# sourceMappingURL=receivable.entity.js.map