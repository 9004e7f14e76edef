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
exports.ResidentProfileEntity = void 0;
const typeorm_1 = require("typeorm");
const user_entity_1 = require("../users/user.entity");
/**
 * A resident's real-name details. Name, ID number, address and bank account are encrypted field by
 * field; the ID number and bank account also have blind indexes (one person, one profile; the same
 * account across applicants is a fraud signal). `street` is a code from ZHANGQIU_STREETS.
 */
let ResidentProfileEntity = class ResidentProfileEntity {
};
exports.ResidentProfileEntity = ResidentProfileEntity;
__decorate([
    (0, typeorm_1.PrimaryColumn)({ name: 'user_id', type: 'uuid' }),
    __metadata("design:type", String)
], ResidentProfileEntity.prototype, "userId", void 0);
__decorate([
    (0, typeorm_1.OneToOne)(() => user_entity_1.UserEntity, { onDelete: 'RESTRICT' }),
    (0, typeorm_1.JoinColumn)({ name: 'user_id' }),
    __metadata("design:type", user_entity_1.UserEntity)
], ResidentProfileEntity.prototype, "user", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'name_enc', type: 'text' }),
    __metadata("design:type", String)
], ResidentProfileEntity.prototype, "nameEnc", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'id_number_enc', type: 'text' }),
    __metadata("design:type", String)
], ResidentProfileEntity.prototype, "idNumberEnc", void 0);
__decorate([
    (0, typeorm_1.Index)({ unique: true }),
    (0, typeorm_1.Column)({ name: 'id_number_bidx', type: 'text' }),
    __metadata("design:type", String)
], ResidentProfileEntity.prototype, "idNumberBidx", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'text' }),
    __metadata("design:type", String)
], ResidentProfileEntity.prototype, "street", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'address_enc', type: 'text' }),
    __metadata("design:type", String)
], ResidentProfileEntity.prototype, "addressEnc", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'bank_name', type: 'text' }),
    __metadata("design:type", String)
], ResidentProfileEntity.prototype, "bankName", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'bank_account_enc', type: 'text' }),
    __metadata("design:type", String)
], ResidentProfileEntity.prototype, "bankAccountEnc", void 0);
__decorate([
    (0, typeorm_1.Index)(),
    (0, typeorm_1.Column)({ name: 'bank_account_bidx', type: 'text' }),
    __metadata("design:type", String)
], ResidentProfileEntity.prototype, "bankAccountBidx", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'consent_version', type: 'text' }),
    __metadata("design:type", String)
], ResidentProfileEntity.prototype, "consentVersion", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'consent_at', type: 'timestamptz' }),
    __metadata("design:type", Date)
], ResidentProfileEntity.prototype, "consentAt", void 0);
__decorate([
    (0, typeorm_1.UpdateDateColumn)({ name: 'updated_at', type: 'timestamptz' }),
    __metadata("design:type", Date)
], ResidentProfileEntity.prototype, "updatedAt", void 0);
exports.ResidentProfileEntity = ResidentProfileEntity = __decorate([
    (0, typeorm_1.Entity)({ name: 'resident_profile' })
], ResidentProfileEntity);
//# sourceMappingURL=resident-profile.entity.js.map