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
exports.OrganizationEntity = exports.ORGANIZATION_KINDS = void 0;
const shared_1 = require("@huanxin/shared");
Object.defineProperty(exports, "ORGANIZATION_KINDS", { enumerable: true, get: function () { return shared_1.ORGANIZATION_KINDS; } });
const typeorm_1 = require("typeorm");
const quoted = (values) => values.map((v) => `'${v}'`).join(', ');
/**
 * A participating dealer, recycler or dismantler (operations.md §2); dealer accounts belong to one.
 * Organisations are never deleted (accounts and records refer to them with RESTRICT), so the unique
 * credit code is also what keeps a disqualified organisation's code from ever registering again: its
 * row stays, `disqualified`, holding the code.
 *
 * Registration data is nullable for the organisations an admin created before self-registration
 * (and the demo ones); a registration always fills it. The contact phone and the payout account
 * number are encrypted like a resident's bank card (PiiCipher, bound to the column name).
 */
let OrganizationEntity = class OrganizationEntity {
};
exports.OrganizationEntity = OrganizationEntity;
__decorate([
    (0, typeorm_1.PrimaryGeneratedColumn)('uuid'),
    __metadata("design:type", String)
], OrganizationEntity.prototype, "id", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'text' }),
    __metadata("design:type", String)
], OrganizationEntity.prototype, "name", void 0);
__decorate([
    (0, typeorm_1.Index)({ unique: true }),
    (0, typeorm_1.Column)({ type: 'text' }),
    __metadata("design:type", String)
], OrganizationEntity.prototype, "uscc", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'text', array: true }),
    __metadata("design:type", Array)
], OrganizationEntity.prototype, "kinds", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'text', array: true, default: () => "'{}'" }),
    __metadata("design:type", Array)
], OrganizationEntity.prototype, "programs", void 0);
__decorate([
    (0, typeorm_1.Index)(),
    (0, typeorm_1.Column)({ type: 'text', default: 'pending' }),
    __metadata("design:type", String)
], OrganizationEntity.prototype, "status", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'status_reason', type: 'text', nullable: true }),
    __metadata("design:type", Object)
], OrganizationEntity.prototype, "statusReason", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'status_changed_at', type: 'timestamptz', nullable: true }),
    __metadata("design:type", Object)
], OrganizationEntity.prototype, "statusChangedAt", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'text', nullable: true }),
    __metadata("design:type", Object)
], OrganizationEntity.prototype, "street", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'contact_name', type: 'text', nullable: true }),
    __metadata("design:type", Object)
], OrganizationEntity.prototype, "contactName", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'contact_phone_enc', type: 'text', nullable: true }),
    __metadata("design:type", Object)
], OrganizationEntity.prototype, "contactPhoneEnc", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'payout_bank_name', type: 'text', nullable: true }),
    __metadata("design:type", Object)
], OrganizationEntity.prototype, "payoutBankName", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'payout_account_name', type: 'text', nullable: true }),
    __metadata("design:type", Object)
], OrganizationEntity.prototype, "payoutAccountName", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'payout_account_enc', type: 'text', nullable: true }),
    __metadata("design:type", Object)
], OrganizationEntity.prototype, "payoutAccountEnc", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'commitment_version', type: 'text', nullable: true }),
    __metadata("design:type", Object)
], OrganizationEntity.prototype, "commitmentVersion", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'commitment_at', type: 'timestamptz', nullable: true }),
    __metadata("design:type", Object)
], OrganizationEntity.prototype, "commitmentAt", void 0);
__decorate([
    (0, typeorm_1.CreateDateColumn)({ name: 'created_at', type: 'timestamptz' }),
    __metadata("design:type", Date)
], OrganizationEntity.prototype, "createdAt", void 0);
__decorate([
    (0, typeorm_1.UpdateDateColumn)({ name: 'updated_at', type: 'timestamptz' }),
    __metadata("design:type", Date)
], OrganizationEntity.prototype, "updatedAt", void 0);
exports.OrganizationEntity = OrganizationEntity = __decorate([
    (0, typeorm_1.Entity)({ name: 'organization' }),
    (0, typeorm_1.Check)('organization_kinds_known', `cardinality("kinds") >= 1 AND "kinds" <@ ARRAY[${quoted(shared_1.ORGANIZATION_KINDS)}]::text[]`),
    (0, typeorm_1.Check)('organization_status_known', `"status" IN (${quoted(shared_1.ORGANIZATION_STATUSES)})`)
], OrganizationEntity);
//# sourceMappingURL=organization.entity.js.map