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
exports.OutboxEntity = void 0;
const typeorm_1 = require("typeorm");
/**
 * Transactional outbox: a job is written here in the same transaction as the change that causes
 * it; the relay moves committed rows onto BullMQ with `jobId` = the business key. So a job is
 * never lost (it is in PostgreSQL) and never sent for a rolled-back change (the row never existed).
 */
let OutboxEntity = class OutboxEntity {
};
exports.OutboxEntity = OutboxEntity;
__decorate([
    (0, typeorm_1.PrimaryGeneratedColumn)('uuid'),
    __metadata("design:type", String)
], OutboxEntity.prototype, "id", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'text' }),
    __metadata("design:type", String)
], OutboxEntity.prototype, "queue", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'job_name', type: 'text' }),
    __metadata("design:type", String)
], OutboxEntity.prototype, "jobName", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'job_id', type: 'text' }),
    __metadata("design:type", String)
], OutboxEntity.prototype, "jobId", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'jsonb' }),
    __metadata("design:type", Object)
], OutboxEntity.prototype, "payload", void 0);
__decorate([
    (0, typeorm_1.CreateDateColumn)({ name: 'created_at', type: 'timestamptz' }),
    __metadata("design:type", Date)
], OutboxEntity.prototype, "createdAt", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'dispatched_at', type: 'timestamptz', nullable: true }),
    __metadata("design:type", Object)
], OutboxEntity.prototype, "dispatchedAt", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'attempts', type: 'integer', default: 0 }),
    __metadata("design:type", Number)
], OutboxEntity.prototype, "attempts", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'last_error', type: 'text', nullable: true }),
    __metadata("design:type", Object)
], OutboxEntity.prototype, "lastError", void 0);
exports.OutboxEntity = OutboxEntity = __decorate([
    (0, typeorm_1.Entity)({ name: 'outbox' }),
    (0, typeorm_1.Index)('outbox_pending', ['createdAt'], { where: '"dispatched_at" IS NULL' })
], OutboxEntity);
//# sourceMappingURL=outbox.entity.js.map