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
exports.RiskKeyEntity = void 0;
const typeorm_1 = require("typeorm");
const application_entity_1 = require("../applications/application.entity");
/**
 * Every key of a checked claim (VIN, certificate, invoice, serial / IMEI, property certificate),
 * whatever its program's uniqueness rule: `claim_key` holds only the keys that back one claim, but
 * the duplicate-key and vehicle signals also compare keys a program lets repeat (an old VIN, a
 * property certificate) and keys stacking programs share — across people.
 */
let RiskKeyEntity = class RiskKeyEntity {
};
exports.RiskKeyEntity = RiskKeyEntity;
__decorate([
    (0, typeorm_1.PrimaryGeneratedColumn)('uuid'),
    __metadata("design:type", String)
], RiskKeyEntity.prototype, "id", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'application_id', type: 'uuid' }),
    __metadata("design:type", String)
], RiskKeyEntity.prototype, "applicationId", void 0);
__decorate([
    (0, typeorm_1.ManyToOne)(() => application_entity_1.ApplicationEntity, { onDelete: 'CASCADE' }),
    (0, typeorm_1.JoinColumn)({ name: 'application_id' }),
    __metadata("design:type", application_entity_1.ApplicationEntity)
], RiskKeyEntity.prototype, "application", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'text' }),
    __metadata("design:type", String)
], RiskKeyEntity.prototype, "name", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'text' }),
    __metadata("design:type", String)
], RiskKeyEntity.prototype, "value", void 0);
__decorate([
    (0, typeorm_1.CreateDateColumn)({ name: 'created_at', type: 'timestamptz' }),
    __metadata("design:type", Date)
], RiskKeyEntity.prototype, "createdAt", void 0);
exports.RiskKeyEntity = RiskKeyEntity = __decorate([
    (0, typeorm_1.Entity)({ name: 'risk_key' }),
    (0, typeorm_1.Index)(['applicationId', 'name'], { unique: true }),
    (0, typeorm_1.Index)(['name', 'value'])
], RiskKeyEntity);
//# sourceMappingURL=risk-key.entity.js.map