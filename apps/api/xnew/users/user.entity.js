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
exports.UserEntity = void 0;
const typeorm_1 = require("typeorm");
const organization_entity_1 = require("./organization.entity");
/**
 * Every account. Residents are found by the blind index of their phone (no plaintext phone is
 * stored); staff and dealers by username, with an argon2id hash and an optional TOTP secret
 * (encrypted). Accounts are disabled, never deleted (the audit log refers to them).
 */
let UserEntity = class UserEntity {
};
exports.UserEntity = UserEntity;
__decorate([
    (0, typeorm_1.PrimaryGeneratedColumn)('uuid'),
    __metadata("design:type", String)
], UserEntity.prototype, "id", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'text' }),
    __metadata("design:type", String)
], UserEntity.prototype, "role", void 0);
__decorate([
    (0, typeorm_1.Index)({ unique: true, where: '"username" IS NOT NULL' }),
    (0, typeorm_1.Column)({ type: 'text', nullable: true }),
    __metadata("design:type", Object)
], UserEntity.prototype, "username", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'display_name', type: 'text' }),
    __metadata("design:type", String)
], UserEntity.prototype, "displayName", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'password_hash', type: 'text', nullable: true }),
    __metadata("design:type", Object)
], UserEntity.prototype, "passwordHash", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'totp_secret_enc', type: 'text', nullable: true }),
    __metadata("design:type", Object)
], UserEntity.prototype, "totpSecretEnc", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'totp_last_step', type: 'bigint', nullable: true }),
    __metadata("design:type", Object)
], UserEntity.prototype, "totpLastStep", void 0);
__decorate([
    (0, typeorm_1.Index)({ unique: true, where: '"phone_bidx" IS NOT NULL' }),
    (0, typeorm_1.Column)({ name: 'phone_bidx', type: 'text', nullable: true }),
    __metadata("design:type", Object)
], UserEntity.prototype, "phoneBidx", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'phone_enc', type: 'text', nullable: true }),
    __metadata("design:type", Object)
], UserEntity.prototype, "phoneEnc", void 0);
__decorate([
    (0, typeorm_1.Index)(),
    (0, typeorm_1.Column)({ name: 'organization_id', type: 'uuid', nullable: true }),
    __metadata("design:type", Object)
], UserEntity.prototype, "organizationId", void 0);
__decorate([
    (0, typeorm_1.ManyToOne)(() => organization_entity_1.OrganizationEntity, { onDelete: 'RESTRICT' }),
    (0, typeorm_1.JoinColumn)({ name: 'organization_id' }),
    __metadata("design:type", organization_entity_1.OrganizationEntity)
], UserEntity.prototype, "organization", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'org_admin', type: 'boolean', default: false }),
    __metadata("design:type", Boolean)
], UserEntity.prototype, "orgAdmin", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'disabled_at', type: 'timestamptz', nullable: true }),
    __metadata("design:type", Object)
], UserEntity.prototype, "disabledAt", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'pending_activation_by', type: 'uuid', nullable: true }),
    __metadata("design:type", Object)
], UserEntity.prototype, "pendingActivationBy", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'failed_logins', type: 'integer', default: 0 }),
    __metadata("design:type", Number)
], UserEntity.prototype, "failedLogins", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'locked_until', type: 'timestamptz', nullable: true }),
    __metadata("design:type", Object)
], UserEntity.prototype, "lockedUntil", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'last_login_at', type: 'timestamptz', nullable: true }),
    __metadata("design:type", Object)
], UserEntity.prototype, "lastLoginAt", void 0);
__decorate([
    (0, typeorm_1.CreateDateColumn)({ name: 'created_at', type: 'timestamptz' }),
    __metadata("design:type", Date)
], UserEntity.prototype, "createdAt", void 0);
__decorate([
    (0, typeorm_1.UpdateDateColumn)({ name: 'updated_at', type: 'timestamptz' }),
    __metadata("design:type", Date)
], UserEntity.prototype, "updatedAt", void 0);
exports.UserEntity = UserEntity = __decorate([
    (0, typeorm_1.Entity)({ name: 'user_account' }),
    (0, typeorm_1.Check)('user_role_known', `"role" IN ('resident', 'dealer', 'reviewer', 'approver', 'finance', 'admin', 'security_admin', 'auditor')`),
    (0, typeorm_1.Check)('user_resident_has_phone', `"role" <> 'resident' OR "phone_bidx" IS NOT NULL`),
    (0, typeorm_1.Check)('user_staff_has_username', `"role" = 'resident' OR ("username" IS NOT NULL AND "password_hash" IS NOT NULL)`),
    (0, typeorm_1.Check)('user_dealer_has_organization', `"role" <> 'dealer' OR "organization_id" IS NOT NULL`),
    (0, typeorm_1.Check)('user_org_admin_is_dealer', `NOT "org_admin" OR "role" = 'dealer'`)
], UserEntity);
//# sourceMappingURL=user.entity.js.map