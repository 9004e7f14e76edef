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
exports.ClaimKeyEntity = void 0;
const typeorm_1 = require("typeorm");
const application_entity_1 = require("./application.entity");
/**
 * A claim's unique keys (new VIN, scrap certificate, invoice number, serial number), written at
 * submit. The unique index makes one key back one claim per program; across programs the submit
 * transaction takes an advisory lock per key and allows a second use only where the programs'
 * stacking lists say so. Released claims (rejected, withdrawn, expired) delete their keys.
 */
let ClaimKeyEntity = class ClaimKeyEntity {
};
exports.ClaimKeyEntity = ClaimKeyEntity;
__decorate([
    (0, typeorm_1.PrimaryGeneratedColumn)('uuid'),
    __metadata("design:type", String)
], ClaimKeyEntity.prototype, "id", void 0);
__decorate([
    (0, typeorm_1.Index)(),
    (0, typeorm_1.Column)({ name: 'application_id', type: 'uuid' }),
    __metadata("design:type", String)
], ClaimKeyEntity.prototype, "applicationId", void 0);
__decorate([
    (0, typeorm_1.ManyToOne)(() => application_entity_1.ApplicationEntity, { onDelete: 'CASCADE' }),
    (0, typeorm_1.JoinColumn)({ name: 'application_id' }),
    __metadata("design:type", application_entity_1.ApplicationEntity)
], ClaimKeyEntity.prototype, "application", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'program_id', type: 'uuid' }),
    __metadata("design:type", String)
], ClaimKeyEntity.prototype, "programId", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'text' }),
    __metadata("design:type", String)
], ClaimKeyEntity.prototype, "name", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'text' }),
    __metadata("design:type", String)
], ClaimKeyEntity.prototype, "value", void 0);
__decorate([
    (0, typeorm_1.CreateDateColumn)({ name: 'created_at', type: 'timestamptz' }),
    __metadata("design:type", Date)
], ClaimKeyEntity.prototype, "createdAt", void 0);
exports.ClaimKeyEntity = ClaimKeyEntity = __decorate([
    (0, typeorm_1.Entity)({ name: 'claim_key' }),
    (0, typeorm_1.Index)(['name', 'value', 'programId'], { unique: true })
], ClaimKeyEntity);
//# sourceMappingURL=claim-key.entity.js.map