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
exports.IdempotencyKeyEntity = void 0;
const typeorm_1 = require("typeorm");
/**
 * `Idempotency-Key` records (security-reliability.md §3.2): written in the same transaction as the
 * operation, so a retry after a lost answer gets the stored answer and never repeats the work.
 */
let IdempotencyKeyEntity = class IdempotencyKeyEntity {
};
exports.IdempotencyKeyEntity = IdempotencyKeyEntity;
__decorate([
    (0, typeorm_1.PrimaryGeneratedColumn)('uuid'),
    __metadata("design:type", String)
], IdempotencyKeyEntity.prototype, "id", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'user_id', type: 'uuid' }),
    __metadata("design:type", String)
], IdempotencyKeyEntity.prototype, "userId", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'text' }),
    __metadata("design:type", String)
], IdempotencyKeyEntity.prototype, "scope", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'text' }),
    __metadata("design:type", String)
], IdempotencyKeyEntity.prototype, "key", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'request_hash', type: 'text' }),
    __metadata("design:type", String)
], IdempotencyKeyEntity.prototype, "requestHash", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'response_status', type: 'integer' }),
    __metadata("design:type", Number)
], IdempotencyKeyEntity.prototype, "responseStatus", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'response_body', type: 'jsonb' }),
    __metadata("design:type", Object)
], IdempotencyKeyEntity.prototype, "responseBody", void 0);
__decorate([
    (0, typeorm_1.Index)(),
    (0, typeorm_1.CreateDateColumn)({ name: 'created_at', type: 'timestamptz' }),
    __metadata("design:type", Date)
], IdempotencyKeyEntity.prototype, "createdAt", void 0);
exports.IdempotencyKeyEntity = IdempotencyKeyEntity = __decorate([
    (0, typeorm_1.Entity)({ name: 'idempotency_key' }),
    (0, typeorm_1.Index)(['userId', 'scope', 'key'], { unique: true })
], IdempotencyKeyEntity);
//# sourceMappingURL=idempotency-key.entity.js.map