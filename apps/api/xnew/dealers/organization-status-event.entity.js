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
exports.OrganizationStatusEventEntity = void 0;
const typeorm_1 = require("typeorm");
const organization_entity_1 = require("../users/organization.entity");
const user_entity_1 = require("../users/user.entity");
/**
 * Every status an organisation has had, with the reason: the registration (from null to pending)
 * and each change by the commerce office. The audit log records the same change; this table is
 * what the review page reads.
 */
let OrganizationStatusEventEntity = class OrganizationStatusEventEntity {
};
exports.OrganizationStatusEventEntity = OrganizationStatusEventEntity;
__decorate([
    (0, typeorm_1.PrimaryGeneratedColumn)('uuid'),
    __metadata("design:type", String)
], OrganizationStatusEventEntity.prototype, "id", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'organization_id', type: 'uuid' }),
    __metadata("design:type", String)
], OrganizationStatusEventEntity.prototype, "organizationId", void 0);
__decorate([
    (0, typeorm_1.ManyToOne)(() => organization_entity_1.OrganizationEntity, { onDelete: 'RESTRICT' }),
    (0, typeorm_1.JoinColumn)({ name: 'organization_id' }),
    __metadata("design:type", organization_entity_1.OrganizationEntity)
], OrganizationStatusEventEntity.prototype, "organization", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'from_status', type: 'text', nullable: true }),
    __metadata("design:type", Object)
], OrganizationStatusEventEntity.prototype, "fromStatus", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'to_status', type: 'text' }),
    __metadata("design:type", String)
], OrganizationStatusEventEntity.prototype, "toStatus", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'text' }),
    __metadata("design:type", String)
], OrganizationStatusEventEntity.prototype, "reason", void 0);
__decorate([
    (0, typeorm_1.Index)(),
    (0, typeorm_1.Column)({ name: 'actor_id', type: 'uuid', nullable: true }),
    __metadata("design:type", Object)
], OrganizationStatusEventEntity.prototype, "actorId", void 0);
__decorate([
    (0, typeorm_1.ManyToOne)(() => user_entity_1.UserEntity, { onDelete: 'RESTRICT' }),
    (0, typeorm_1.JoinColumn)({ name: 'actor_id' }),
    __metadata("design:type", user_entity_1.UserEntity)
], OrganizationStatusEventEntity.prototype, "actor", void 0);
__decorate([
    (0, typeorm_1.CreateDateColumn)({ name: 'created_at', type: 'timestamptz' }),
    __metadata("design:type", Date)
], OrganizationStatusEventEntity.prototype, "createdAt", void 0);
exports.OrganizationStatusEventEntity = OrganizationStatusEventEntity = __decorate([
    (0, typeorm_1.Entity)({ name: 'organization_status_event' }),
    (0, typeorm_1.Index)(['organizationId', 'createdAt'])
], OrganizationStatusEventEntity);
//# sourceMappingURL=organization-status-event.entity.js.map