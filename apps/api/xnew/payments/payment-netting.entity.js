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
exports.PaymentNettingEntity = void 0;
const typeorm_1 = require("typeorm");
const transformers_1 = require("../database/transformers");
const receivable_entity_1 = require("../review/sampling/receivable.entity");
const payment_line_entity_1 = require("./payment-line.entity");
/**
 * A receivable netted against a dealer's batch line (operations.md §6, §8). It counts while its line
 * is live (pending or paid); a failed line's netting no longer does, so the receivable is netted
 * again in the next batch. Paid lines collect the receivables they fully netted.
 */
let PaymentNettingEntity = class PaymentNettingEntity {
};
exports.PaymentNettingEntity = PaymentNettingEntity;
__decorate([
    (0, typeorm_1.PrimaryGeneratedColumn)('uuid'),
    __metadata("design:type", String)
], PaymentNettingEntity.prototype, "id", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'line_id', type: 'text' }),
    __metadata("design:type", String)
], PaymentNettingEntity.prototype, "lineId", void 0);
__decorate([
    (0, typeorm_1.ManyToOne)(() => payment_line_entity_1.PaymentLineEntity, { onDelete: 'RESTRICT' }),
    (0, typeorm_1.JoinColumn)({ name: 'line_id' }),
    __metadata("design:type", payment_line_entity_1.PaymentLineEntity)
], PaymentNettingEntity.prototype, "line", void 0);
__decorate([
    (0, typeorm_1.Index)(),
    (0, typeorm_1.Column)({ name: 'receivable_id', type: 'uuid' }),
    __metadata("design:type", String)
], PaymentNettingEntity.prototype, "receivableId", void 0);
__decorate([
    (0, typeorm_1.ManyToOne)(() => receivable_entity_1.ReceivableEntity, { onDelete: 'RESTRICT' }),
    (0, typeorm_1.JoinColumn)({ name: 'receivable_id' }),
    __metadata("design:type", receivable_entity_1.ReceivableEntity)
], PaymentNettingEntity.prototype, "receivable", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'amount_fen', type: 'bigint', transformer: transformers_1.bigintNumber }),
    __metadata("design:type", Number)
], PaymentNettingEntity.prototype, "amountFen", void 0);
exports.PaymentNettingEntity = PaymentNettingEntity = __decorate([
    (0, typeorm_1.Entity)({ name: 'payment_netting' }),
    (0, typeorm_1.Check)('payment_netting_amount_positive', '"amount_fen" > 0'),
    (0, typeorm_1.Index)(['lineId', 'receivableId'], { unique: true })
], PaymentNettingEntity);
//# sourceMappingURL=payment-netting.entity.js.map