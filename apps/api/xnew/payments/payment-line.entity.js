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
exports.PaymentLineEntity = void 0;
const typeorm_1 = require("typeorm");
const application_entity_1 = require("../applications/application.entity");
const transformers_1 = require("../database/transformers");
const organization_entity_1 = require("../users/organization.entity");
const user_entity_1 = require("../users/user.entity");
const payment_batch_entity_1 = require("./payment-batch.entity");
/**
 * One claim in a batch, with the payee's details as they were when the batch was built (what the
 * releaser saw is what the bank file carries): name and account encrypted like the profile's, the
 * account's blind index to tell a corrected account from the one that failed.
 *
 * A claim has at most one live line (pending or paid): the partial unique index
 * `payment_line_one_live_per_claim` — two batches built at once cannot share a claim, and a claim
 * is never paid twice. A failed line does not count, so the claim can enter the next batch.
 */
let PaymentLineEntity = class PaymentLineEntity {
};
exports.PaymentLineEntity = PaymentLineEntity;
__decorate([
    (0, typeorm_1.PrimaryColumn)({ type: 'text' }),
    __metadata("design:type", String)
], PaymentLineEntity.prototype, "id", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'batch_id', type: 'uuid' }),
    __metadata("design:type", String)
], PaymentLineEntity.prototype, "batchId", void 0);
__decorate([
    (0, typeorm_1.ManyToOne)(() => payment_batch_entity_1.PaymentBatchEntity, { onDelete: 'RESTRICT' }),
    (0, typeorm_1.JoinColumn)({ name: 'batch_id' }),
    __metadata("design:type", payment_batch_entity_1.PaymentBatchEntity)
], PaymentLineEntity.prototype, "batch", void 0);
__decorate([
    (0, typeorm_1.Index)(),
    (0, typeorm_1.Column)({ name: 'application_id', type: 'uuid' }),
    __metadata("design:type", String)
], PaymentLineEntity.prototype, "applicationId", void 0);
__decorate([
    (0, typeorm_1.ManyToOne)(() => application_entity_1.ApplicationEntity, { onDelete: 'RESTRICT' }),
    (0, typeorm_1.JoinColumn)({ name: 'application_id' }),
    __metadata("design:type", application_entity_1.ApplicationEntity)
], PaymentLineEntity.prototype, "application", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'payee_kind', type: 'text' }),
    __metadata("design:type", String)
], PaymentLineEntity.prototype, "payeeKind", void 0);
__decorate([
    (0, typeorm_1.Index)(),
    (0, typeorm_1.Column)({ name: 'payee_user_id', type: 'uuid', nullable: true }),
    __metadata("design:type", Object)
], PaymentLineEntity.prototype, "payeeUserId", void 0);
__decorate([
    (0, typeorm_1.ManyToOne)(() => user_entity_1.UserEntity, { onDelete: 'RESTRICT' }),
    (0, typeorm_1.JoinColumn)({ name: 'payee_user_id' }),
    __metadata("design:type", user_entity_1.UserEntity)
], PaymentLineEntity.prototype, "payeeUser", void 0);
__decorate([
    (0, typeorm_1.Index)(),
    (0, typeorm_1.Column)({ name: 'payee_organization_id', type: 'uuid', nullable: true }),
    __metadata("design:type", Object)
], PaymentLineEntity.prototype, "payeeOrganizationId", void 0);
__decorate([
    (0, typeorm_1.ManyToOne)(() => organization_entity_1.OrganizationEntity, { onDelete: 'RESTRICT' }),
    (0, typeorm_1.JoinColumn)({ name: 'payee_organization_id' }),
    __metadata("design:type", organization_entity_1.OrganizationEntity)
], PaymentLineEntity.prototype, "payeeOrganization", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'payee_name_enc', type: 'text' }),
    __metadata("design:type", String)
], PaymentLineEntity.prototype, "payeeNameEnc", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'bank_name', type: 'text' }),
    __metadata("design:type", String)
], PaymentLineEntity.prototype, "bankName", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'account_enc', type: 'text' }),
    __metadata("design:type", String)
], PaymentLineEntity.prototype, "accountEnc", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'account_bidx', type: 'text' }),
    __metadata("design:type", String)
], PaymentLineEntity.prototype, "accountBidx", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'amount_fen', type: 'bigint', transformer: transformers_1.bigintNumber }),
    __metadata("design:type", Number)
], PaymentLineEntity.prototype, "amountFen", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'netted_fen', type: 'bigint', default: 0, transformer: transformers_1.bigintNumber }),
    __metadata("design:type", Number)
], PaymentLineEntity.prototype, "nettedFen", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'text', default: 'pending' }),
    __metadata("design:type", String)
], PaymentLineEntity.prototype, "status", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'text', nullable: true }),
    __metadata("design:type", Object)
], PaymentLineEntity.prototype, "reason", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'bank_ref', type: 'text', nullable: true }),
    __metadata("design:type", Object)
], PaymentLineEntity.prototype, "bankRef", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'settled_at', type: 'timestamptz', nullable: true }),
    __metadata("design:type", Object)
], PaymentLineEntity.prototype, "settledAt", void 0);
exports.PaymentLineEntity = PaymentLineEntity = __decorate([
    (0, typeorm_1.Entity)({ name: 'payment_line' }),
    (0, typeorm_1.Check)('payment_line_status_known', `"status" IN ('pending', 'paid', 'failed')`),
    (0, typeorm_1.Check)('payment_line_payee_kind_known', `"payee_kind" IN ('resident', 'dealer')`),
    (0, typeorm_1.Check)('payment_line_one_payee', `("payee_kind" = 'resident' AND "payee_user_id" IS NOT NULL AND "payee_organization_id" IS NULL) OR ("payee_kind" = 'dealer' AND "payee_organization_id" IS NOT NULL AND "payee_user_id" IS NULL)`),
    (0, typeorm_1.Check)('payment_line_amounts', '"amount_fen" >= 0 AND "netted_fen" >= 0'),
    (0, typeorm_1.Check)('payment_line_settled', `("status" = 'pending') = ("settled_at" IS NULL)`),
    (0, typeorm_1.Index)('payment_line_one_live_per_claim', ['applicationId'], {
        unique: true,
        where: `"status" IN ('pending', 'paid')`,
    }),
    (0, typeorm_1.Index)(['batchId', 'id'])
], PaymentLineEntity);
//# sourceMappingURL=payment-line.entity.js.map