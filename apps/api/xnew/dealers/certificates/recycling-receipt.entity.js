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
exports.RecyclingReceiptEntity = void 0;
const typeorm_1 = require("typeorm");
const organization_entity_1 = require("../../users/organization.entity");
const user_entity_1 = require("../../users/user.entity");
/**
 * A recycler's receipt for an old appliance or e-bike (operations.md §3, "old item"). A claim cites
 * it by number alone (`oldItem.recyclingReceiptNo`), so the number is unique across recyclers, by
 * the index. The seller's ID number is encrypted, with the profile's blind index beside it.
 */
let RecyclingReceiptEntity = class RecyclingReceiptEntity {
};
exports.RecyclingReceiptEntity = RecyclingReceiptEntity;
__decorate([
    (0, typeorm_1.PrimaryGeneratedColumn)('uuid'),
    __metadata("design:type", String)
], RecyclingReceiptEntity.prototype, "id", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'organization_id', type: 'uuid' }),
    __metadata("design:type", String)
], RecyclingReceiptEntity.prototype, "organizationId", void 0);
__decorate([
    (0, typeorm_1.ManyToOne)(() => organization_entity_1.OrganizationEntity, { onDelete: 'RESTRICT' }),
    (0, typeorm_1.JoinColumn)({ name: 'organization_id' }),
    __metadata("design:type", organization_entity_1.OrganizationEntity)
], RecyclingReceiptEntity.prototype, "organization", void 0);
__decorate([
    (0, typeorm_1.Index)({ unique: true }),
    (0, typeorm_1.Column)({ name: 'receipt_no', type: 'text' }),
    __metadata("design:type", String)
], RecyclingReceiptEntity.prototype, "receiptNo", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'text' }),
    __metadata("design:type", String)
], RecyclingReceiptEntity.prototype, "category", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'seller_id_number_enc', type: 'text' }),
    __metadata("design:type", String)
], RecyclingReceiptEntity.prototype, "sellerIdNumberEnc", void 0);
__decorate([
    (0, typeorm_1.Index)(),
    (0, typeorm_1.Column)({ name: 'seller_id_number_bidx', type: 'text' }),
    __metadata("design:type", String)
], RecyclingReceiptEntity.prototype, "sellerIdNumberBidx", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'recycled_on', type: 'date' }),
    __metadata("design:type", String)
], RecyclingReceiptEntity.prototype, "recycledOn", void 0);
__decorate([
    (0, typeorm_1.Index)(),
    (0, typeorm_1.Column)({ name: 'created_by', type: 'uuid' }),
    __metadata("design:type", String)
], RecyclingReceiptEntity.prototype, "createdBy", void 0);
__decorate([
    (0, typeorm_1.ManyToOne)(() => user_entity_1.UserEntity, { onDelete: 'RESTRICT' }),
    (0, typeorm_1.JoinColumn)({ name: 'created_by' }),
    __metadata("design:type", user_entity_1.UserEntity)
], RecyclingReceiptEntity.prototype, "creator", void 0);
__decorate([
    (0, typeorm_1.CreateDateColumn)({ name: 'created_at', type: 'timestamptz' }),
    __metadata("design:type", Date)
], RecyclingReceiptEntity.prototype, "createdAt", void 0);
exports.RecyclingReceiptEntity = RecyclingReceiptEntity = __decorate([
    (0, typeorm_1.Entity)({ name: 'dealer_recycling_receipt' }),
    (0, typeorm_1.Index)(['organizationId', 'createdAt'])
], RecyclingReceiptEntity);
//# sourceMappingURL=recycling-receipt.entity.js.map