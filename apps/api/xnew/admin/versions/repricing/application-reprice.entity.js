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
exports.ApplicationRepriceEntity = void 0;
const typeorm_1 = require("typeorm");
const application_entity_1 = require("../../../applications/application.entity");
const transformers_1 = require("../../../database/transformers");
const program_version_entity_1 = require("../../../programs/program-version.entity");
/**
 * One claim's retroactive re-pricing when a version was published with `retroactive: true`
 * (issue 15): what it held before, what the new version offered (null when the claim is not
 * eligible under it), what it holds now, and whether it was `raised` (amount and version moved)
 * or `kept` (the new version pays less or nothing: a retroactive version never takes money away
 * from a filed claim). The timeline event says the same to the resident. It is also what lets the
 * money invariant tell a retroactive top-up's `reserve` ledger row from a claim reserved twice.
 */
let ApplicationRepriceEntity = class ApplicationRepriceEntity {
};
exports.ApplicationRepriceEntity = ApplicationRepriceEntity;
__decorate([
    (0, typeorm_1.PrimaryGeneratedColumn)('uuid'),
    __metadata("design:type", String)
], ApplicationRepriceEntity.prototype, "id", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'application_id', type: 'uuid' }),
    __metadata("design:type", String)
], ApplicationRepriceEntity.prototype, "applicationId", void 0);
__decorate([
    (0, typeorm_1.ManyToOne)(() => application_entity_1.ApplicationEntity, { onDelete: 'RESTRICT' }),
    (0, typeorm_1.JoinColumn)({ name: 'application_id' }),
    __metadata("design:type", application_entity_1.ApplicationEntity)
], ApplicationRepriceEntity.prototype, "application", void 0);
__decorate([
    (0, typeorm_1.Index)(),
    (0, typeorm_1.Column)({ name: 'from_version_id', type: 'uuid' }),
    __metadata("design:type", String)
], ApplicationRepriceEntity.prototype, "fromVersionId", void 0);
__decorate([
    (0, typeorm_1.ManyToOne)(() => program_version_entity_1.ProgramVersionEntity, { onDelete: 'RESTRICT' }),
    (0, typeorm_1.JoinColumn)({ name: 'from_version_id' }),
    __metadata("design:type", program_version_entity_1.ProgramVersionEntity)
], ApplicationRepriceEntity.prototype, "fromVersion", void 0);
__decorate([
    (0, typeorm_1.Index)(),
    (0, typeorm_1.Column)({ name: 'to_version_id', type: 'uuid' }),
    __metadata("design:type", String)
], ApplicationRepriceEntity.prototype, "toVersionId", void 0);
__decorate([
    (0, typeorm_1.ManyToOne)(() => program_version_entity_1.ProgramVersionEntity, { onDelete: 'RESTRICT' }),
    (0, typeorm_1.JoinColumn)({ name: 'to_version_id' }),
    __metadata("design:type", program_version_entity_1.ProgramVersionEntity)
], ApplicationRepriceEntity.prototype, "toVersion", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'from_fen', type: 'bigint', transformer: transformers_1.bigintNumber }),
    __metadata("design:type", Number)
], ApplicationRepriceEntity.prototype, "fromFen", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'offered_fen', type: 'bigint', nullable: true, transformer: transformers_1.bigintNumber }),
    __metadata("design:type", Object)
], ApplicationRepriceEntity.prototype, "offeredFen", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'to_fen', type: 'bigint', transformer: transformers_1.bigintNumber }),
    __metadata("design:type", Number)
], ApplicationRepriceEntity.prototype, "toFen", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'text' }),
    __metadata("design:type", String)
], ApplicationRepriceEntity.prototype, "outcome", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'event_id', type: 'uuid' }),
    __metadata("design:type", String)
], ApplicationRepriceEntity.prototype, "eventId", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'actor_id', type: 'uuid', nullable: true }),
    __metadata("design:type", Object)
], ApplicationRepriceEntity.prototype, "actorId", void 0);
__decorate([
    (0, typeorm_1.CreateDateColumn)({ name: 'created_at', type: 'timestamptz' }),
    __metadata("design:type", Date)
], ApplicationRepriceEntity.prototype, "createdAt", void 0);
exports.ApplicationRepriceEntity = ApplicationRepriceEntity = __decorate([
    (0, typeorm_1.Entity)({ name: 'application_reprice' }),
    (0, typeorm_1.Check)('application_reprice_outcome_known', `"outcome" IN ('raised', 'kept')`),
    (0, typeorm_1.Check)('application_reprice_amounts', '"from_fen" >= 0 AND "to_fen" >= "from_fen"'),
    (0, typeorm_1.Index)(['applicationId', 'toVersionId'], { unique: true })
], ApplicationRepriceEntity);
//# sourceMappingURL=application-reprice.entity.js.map