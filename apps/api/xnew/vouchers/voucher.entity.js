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
exports.VoucherEntity = void 0;
const typeorm_1 = require("typeorm");
const application_entity_1 = require("../applications/application.entity");
const transformers_1 = require("../database/transformers");
const dealer_sale_entity_1 = require("../dealers/sales/dealer-sale.entity");
const program_version_entity_1 = require("../programs/program-version.entity");
const program_entity_1 = require("../programs/program.entity");
const user_entity_1 = require("../users/user.entity");
/**
 * A point-of-sale voucher (operations.md §5). While `issued` it holds `reserved_fen` of the
 * program's budget (the category's maximum subsidy; the ledger rows have the voucher as subject);
 * cancelling or expiring gives all of it back, redemption at the till (TillRedemption) shrinks it
 * to the sale's subsidy and hands it to the point-of-sale claim it creates (`application_id`, the
 * sale in `sale_id`), holding nothing itself from then on. The person it counts for is the blind
 * index of the holder's ID number at issue (quota §5 is per person, whatever account holds it).
 */
let VoucherEntity = class VoucherEntity {
};
exports.VoucherEntity = VoucherEntity;
__decorate([
    (0, typeorm_1.PrimaryGeneratedColumn)('uuid'),
    __metadata("design:type", String)
], VoucherEntity.prototype, "id", void 0);
__decorate([
    (0, typeorm_1.Index)({ unique: true }),
    (0, typeorm_1.Column)({ type: 'text' }),
    __metadata("design:type", String)
], VoucherEntity.prototype, "code", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'holder_id', type: 'uuid' }),
    __metadata("design:type", String)
], VoucherEntity.prototype, "holderId", void 0);
__decorate([
    (0, typeorm_1.ManyToOne)(() => user_entity_1.UserEntity, { onDelete: 'RESTRICT' }),
    (0, typeorm_1.JoinColumn)({ name: 'holder_id' }),
    __metadata("design:type", user_entity_1.UserEntity)
], VoucherEntity.prototype, "holder", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'id_number_bidx', type: 'text' }),
    __metadata("design:type", String)
], VoucherEntity.prototype, "idNumberBidx", void 0);
__decorate([
    (0, typeorm_1.Index)(),
    (0, typeorm_1.Column)({ name: 'program_id', type: 'uuid' }),
    __metadata("design:type", String)
], VoucherEntity.prototype, "programId", void 0);
__decorate([
    (0, typeorm_1.ManyToOne)(() => program_entity_1.ProgramEntity, { onDelete: 'RESTRICT' }),
    (0, typeorm_1.JoinColumn)({ name: 'program_id' }),
    __metadata("design:type", program_entity_1.ProgramEntity)
], VoucherEntity.prototype, "program", void 0);
__decorate([
    (0, typeorm_1.Index)(),
    (0, typeorm_1.Column)({ name: 'program_version_id', type: 'uuid' }),
    __metadata("design:type", String)
], VoucherEntity.prototype, "programVersionId", void 0);
__decorate([
    (0, typeorm_1.ManyToOne)(() => program_version_entity_1.ProgramVersionEntity, { onDelete: 'RESTRICT' }),
    (0, typeorm_1.JoinColumn)({ name: 'program_version_id' }),
    __metadata("design:type", program_version_entity_1.ProgramVersionEntity)
], VoucherEntity.prototype, "programVersion", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'text' }),
    __metadata("design:type", String)
], VoucherEntity.prototype, "category", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'max_subsidy_fen', type: 'bigint', transformer: transformers_1.bigintNumber }),
    __metadata("design:type", Number)
], VoucherEntity.prototype, "maxSubsidyFen", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'reserved_fen', type: 'bigint', transformer: transformers_1.bigintNumber }),
    __metadata("design:type", Number)
], VoucherEntity.prototype, "reservedFen", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'text', default: 'issued' }),
    __metadata("design:type", String)
], VoucherEntity.prototype, "status", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'expires_at', type: 'timestamptz' }),
    __metadata("design:type", Date)
], VoucherEntity.prototype, "expiresAt", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'reminded_at', type: 'timestamptz', nullable: true }),
    __metadata("design:type", Object)
], VoucherEntity.prototype, "remindedAt", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'closed_at', type: 'timestamptz', nullable: true }),
    __metadata("design:type", Object)
], VoucherEntity.prototype, "closedAt", void 0);
__decorate([
    (0, typeorm_1.Index)({ unique: true, where: '"application_id" IS NOT NULL' }),
    (0, typeorm_1.Column)({ name: 'application_id', type: 'uuid', nullable: true }),
    __metadata("design:type", Object)
], VoucherEntity.prototype, "applicationId", void 0);
__decorate([
    (0, typeorm_1.ManyToOne)(() => application_entity_1.ApplicationEntity, { onDelete: 'RESTRICT' }),
    (0, typeorm_1.JoinColumn)({ name: 'application_id' }),
    __metadata("design:type", application_entity_1.ApplicationEntity)
], VoucherEntity.prototype, "application", void 0);
__decorate([
    (0, typeorm_1.Index)({ unique: true, where: '"sale_id" IS NOT NULL' }),
    (0, typeorm_1.Column)({ name: 'sale_id', type: 'uuid', nullable: true }),
    __metadata("design:type", Object)
], VoucherEntity.prototype, "saleId", void 0);
__decorate([
    (0, typeorm_1.ManyToOne)(() => dealer_sale_entity_1.DealerSaleEntity, { onDelete: 'RESTRICT' }),
    (0, typeorm_1.JoinColumn)({ name: 'sale_id' }),
    __metadata("design:type", dealer_sale_entity_1.DealerSaleEntity)
], VoucherEntity.prototype, "sale", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'redeemed_fen', type: 'bigint', nullable: true, transformer: transformers_1.bigintNumber }),
    __metadata("design:type", Object)
], VoucherEntity.prototype, "redeemedFen", void 0);
__decorate([
    (0, typeorm_1.CreateDateColumn)({ name: 'created_at', type: 'timestamptz' }),
    __metadata("design:type", Date)
], VoucherEntity.prototype, "createdAt", void 0);
exports.VoucherEntity = VoucherEntity = __decorate([
    (0, typeorm_1.Entity)({ name: 'voucher' }),
    (0, typeorm_1.Check)('voucher_status_known', `"status" IN ('issued', 'redeemed', 'expired', 'cancelled')`),
    (0, typeorm_1.Check)('voucher_reserved_range', '"reserved_fen" >= 0 AND "reserved_fen" <= "max_subsidy_fen"'),
    (0, typeorm_1.Check)('voucher_released_holds_nothing', `"status" IN ('issued', 'redeemed') OR "reserved_fen" = 0`),
    (0, typeorm_1.Check)('voucher_closed_consistent', `("status" = 'issued') = ("closed_at" IS NULL)`),
    (0, typeorm_1.Check)('voucher_redeemed_consistent', `("status" = 'redeemed') = ("application_id" IS NOT NULL AND "redeemed_fen" IS NOT NULL)`)
    // The quota count (person, program, category) and the holder's list.
    ,
    (0, typeorm_1.Index)(['idNumberBidx', 'programId', 'category']),
    (0, typeorm_1.Index)(['holderId', 'createdAt'])
    // The expiry sweep: live vouchers by expiry (a partial index: it stays the size of what is live).
    ,
    (0, typeorm_1.Index)('voucher_issued_by_expiry', ['expiresAt'], { where: `"status" = 'issued'` })
], VoucherEntity);
//# sourceMappingURL=voucher.entity.js.map