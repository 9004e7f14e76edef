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
exports.PaymentBatchEntity = void 0;
const typeorm_1 = require("typeorm");
const transformers_1 = require("../database/transformers");
const program_entity_1 = require("../programs/program.entity");
const user_entity_1 = require("../users/user.entity");
/**
 * A payment batch of one program (operations.md §8): built by one finance user, released by
 * another (four eyes, also a CHECK here), then paid by the bank and reconciled line by line.
 */
let PaymentBatchEntity = class PaymentBatchEntity {
};
exports.PaymentBatchEntity = PaymentBatchEntity;
__decorate([
    (0, typeorm_1.PrimaryGeneratedColumn)('uuid'),
    __metadata("design:type", String)
], PaymentBatchEntity.prototype, "id", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'program_id', type: 'uuid' }),
    __metadata("design:type", String)
], PaymentBatchEntity.prototype, "programId", void 0);
__decorate([
    (0, typeorm_1.ManyToOne)(() => program_entity_1.ProgramEntity, { onDelete: 'RESTRICT' }),
    (0, typeorm_1.JoinColumn)({ name: 'program_id' }),
    __metadata("design:type", program_entity_1.ProgramEntity)
], PaymentBatchEntity.prototype, "program", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'text', default: 'draft' }),
    __metadata("design:type", String)
], PaymentBatchEntity.prototype, "status", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'total_fen', type: 'bigint', transformer: transformers_1.bigintNumber }),
    __metadata("design:type", Number)
], PaymentBatchEntity.prototype, "totalFen", void 0);
__decorate([
    (0, typeorm_1.Index)(),
    (0, typeorm_1.Column)({ name: 'created_by', type: 'uuid' }),
    __metadata("design:type", String)
], PaymentBatchEntity.prototype, "createdBy", void 0);
__decorate([
    (0, typeorm_1.ManyToOne)(() => user_entity_1.UserEntity, { onDelete: 'RESTRICT' }),
    (0, typeorm_1.JoinColumn)({ name: 'created_by' }),
    __metadata("design:type", user_entity_1.UserEntity)
], PaymentBatchEntity.prototype, "creator", void 0);
__decorate([
    (0, typeorm_1.CreateDateColumn)({ name: 'created_at', type: 'timestamptz' }),
    __metadata("design:type", Date)
], PaymentBatchEntity.prototype, "createdAt", void 0);
__decorate([
    (0, typeorm_1.Index)(),
    (0, typeorm_1.Column)({ name: 'released_by', type: 'uuid', nullable: true }),
    __metadata("design:type", Object)
], PaymentBatchEntity.prototype, "releasedBy", void 0);
__decorate([
    (0, typeorm_1.ManyToOne)(() => user_entity_1.UserEntity, { onDelete: 'RESTRICT' }),
    (0, typeorm_1.JoinColumn)({ name: 'released_by' }),
    __metadata("design:type", user_entity_1.UserEntity)
], PaymentBatchEntity.prototype, "releaser", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'released_at', type: 'timestamptz', nullable: true }),
    __metadata("design:type", Object)
], PaymentBatchEntity.prototype, "releasedAt", void 0);
exports.PaymentBatchEntity = PaymentBatchEntity = __decorate([
    (0, typeorm_1.Entity)({ name: 'payment_batch' }),
    (0, typeorm_1.Check)('payment_batch_status_known', `"status" IN ('draft', 'released')`),
    (0, typeorm_1.Check)('payment_batch_released_consistent', `("status" = 'draft' AND "released_by" IS NULL AND "released_at" IS NULL) OR ("status" = 'released' AND "released_by" IS NOT NULL AND "released_at" IS NOT NULL)`),
    (0, typeorm_1.Check)('payment_batch_four_eyes', `"released_by" IS NULL OR "released_by" <> "created_by"`),
    (0, typeorm_1.Check)('payment_batch_total_non_negative', '"total_fen" >= 0'),
    (0, typeorm_1.Index)(['programId', 'createdAt'])
], PaymentBatchEntity);
//# sourceMappingURL=payment-batch.entity.js.map