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
exports.AuditLogEntity = exports.AUDIT_RESULTS = void 0;
const typeorm_1 = require("typeorm");
exports.AUDIT_RESULTS = ['success', 'failure', 'denied'];
/**
 * Append-only, hash-chained audit log (等保 8.1.4.3; ASVS 16.4.2). A BEFORE INSERT trigger sets
 * `seq` (the row's id) and leaves the chain columns NULL; the worker's AuditSequencer then chains
 * committed rows within a second or so: `chain_seq` (position 1, 2, 3…), `prev_hash`, `hash`.
 * Triggers refuse UPDATE (except that one-time fill), DELETE and TRUNCATE (migration
 * AuditSequencer1795910000008). No personal data in `detail`: ids only.
 */
let AuditLogEntity = class AuditLogEntity {
};
exports.AuditLogEntity = AuditLogEntity;
__decorate([
    (0, typeorm_1.PrimaryColumn)({ type: 'bigint' }),
    __metadata("design:type", String)
], AuditLogEntity.prototype, "seq", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'timestamptz' }),
    __metadata("design:type", Date)
], AuditLogEntity.prototype, "at", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'actor_id', type: 'uuid', nullable: true }),
    __metadata("design:type", Object)
], AuditLogEntity.prototype, "actorId", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'actor_role', type: 'text', nullable: true }),
    __metadata("design:type", Object)
], AuditLogEntity.prototype, "actorRole", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'text' }),
    __metadata("design:type", String)
], AuditLogEntity.prototype, "action", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'object_type', type: 'text', nullable: true }),
    __metadata("design:type", Object)
], AuditLogEntity.prototype, "objectType", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'object_id', type: 'text', nullable: true }),
    __metadata("design:type", Object)
], AuditLogEntity.prototype, "objectId", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'text' }),
    __metadata("design:type", String)
], AuditLogEntity.prototype, "result", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'text', nullable: true }),
    __metadata("design:type", Object)
], AuditLogEntity.prototype, "ip", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'request_id', type: 'text', nullable: true }),
    __metadata("design:type", Object)
], AuditLogEntity.prototype, "requestId", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'jsonb' }),
    __metadata("design:type", Object)
], AuditLogEntity.prototype, "detail", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'chain_seq', type: 'bigint', nullable: true }),
    __metadata("design:type", Object)
], AuditLogEntity.prototype, "chainSeq", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'prev_hash', type: 'bytea', nullable: true }),
    __metadata("design:type", Object)
], AuditLogEntity.prototype, "prevHash", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'bytea', nullable: true }),
    __metadata("design:type", Object)
], AuditLogEntity.prototype, "hash", void 0);
exports.AuditLogEntity = AuditLogEntity = __decorate([
    (0, typeorm_1.Entity)({ name: 'audit_log' }),
    (0, typeorm_1.Check)('audit_log_chained_together', `("chain_seq" IS NULL AND "prev_hash" IS NULL AND "hash" IS NULL)
        OR ("chain_seq" >= 1 AND "prev_hash" IS NOT NULL AND "hash" IS NOT NULL)`),
    (0, typeorm_1.Index)('IDX_audit_log_chain_seq', ['chainSeq'], { unique: true, where: '"chain_seq" IS NOT NULL' }),
    (0, typeorm_1.Index)('IDX_audit_log_unchained', ['seq'], { where: '"chain_seq" IS NULL' }),
    (0, typeorm_1.Index)(['at']),
    (0, typeorm_1.Index)(['actorId', 'at']),
    (0, typeorm_1.Index)(['action', 'at'])
    // "Everything about this record", newest first (migration AuditObjectIndex1796150000010).
    ,
    (0, typeorm_1.Index)('IDX_audit_log_object', ['objectType', 'objectId', 'seq'])
], AuditLogEntity);
//# sourceMappingURL=audit-log.entity.js.map