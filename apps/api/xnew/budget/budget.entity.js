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
exports.BudgetEntity = void 0;
const typeorm_1 = require("typeorm");
const program_entity_1 = require("../programs/program.entity");
const transformers_1 = require("../database/transformers");
/**
 * A program's budget (integer fen). `remaining = total − reserved − committed − paid`; reservations
 * are one guarded UPDATE (`remaining >= amount`), and the CHECKs are the backstop.
 */
let BudgetEntity = class BudgetEntity {
};
exports.BudgetEntity = BudgetEntity;
__decorate([
    (0, typeorm_1.PrimaryColumn)({ name: 'program_id', type: 'uuid' }),
    __metadata("design:type", String)
], BudgetEntity.prototype, "programId", void 0);
__decorate([
    (0, typeorm_1.OneToOne)(() => program_entity_1.ProgramEntity, { onDelete: 'RESTRICT' }),
    (0, typeorm_1.JoinColumn)({ name: 'program_id' }),
    __metadata("design:type", program_entity_1.ProgramEntity)
], BudgetEntity.prototype, "program", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'total_fen', type: 'bigint', transformer: transformers_1.bigintNumber }),
    __metadata("design:type", Number)
], BudgetEntity.prototype, "totalFen", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'reserved_fen', type: 'bigint', default: 0, transformer: transformers_1.bigintNumber }),
    __metadata("design:type", Number)
], BudgetEntity.prototype, "reservedFen", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'committed_fen', type: 'bigint', default: 0, transformer: transformers_1.bigintNumber }),
    __metadata("design:type", Number)
], BudgetEntity.prototype, "committedFen", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'paid_fen', type: 'bigint', default: 0, transformer: transformers_1.bigintNumber }),
    __metadata("design:type", Number)
], BudgetEntity.prototype, "paidFen", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'remaining_fen', type: 'bigint', transformer: transformers_1.bigintNumber }),
    __metadata("design:type", Number)
], BudgetEntity.prototype, "remainingFen", void 0);
__decorate([
    (0, typeorm_1.UpdateDateColumn)({ name: 'updated_at', type: 'timestamptz' }),
    __metadata("design:type", Date)
], BudgetEntity.prototype, "updatedAt", void 0);
exports.BudgetEntity = BudgetEntity = __decorate([
    (0, typeorm_1.Entity)({ name: 'budget' }),
    (0, typeorm_1.Check)('budget_remaining_non_negative', '"remaining_fen" >= 0'),
    (0, typeorm_1.Check)('budget_parts_non_negative', '"reserved_fen" >= 0 AND "committed_fen" >= 0 AND "paid_fen" >= 0'),
    (0, typeorm_1.Check)('budget_balances', '"total_fen" = "remaining_fen" + "reserved_fen" + "committed_fen" + "paid_fen"')
], BudgetEntity);
//# sourceMappingURL=budget.entity.js.map