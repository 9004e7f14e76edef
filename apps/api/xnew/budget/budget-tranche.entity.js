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
exports.BudgetTrancheEntity = void 0;
const typeorm_1 = require("typeorm");
const program_entity_1 = require("../programs/program.entity");
const user_entity_1 = require("../users/user.entity");
const transformers_1 = require("../database/transformers");
/**
 * One tranche of a program's money (operations.md §8): its source, the authorising document (文号,
 * once per program) and the date it takes effect. It enters the budget total — as an `adjust`
 * ledger row whose subject is the tranche — once, when `appliedAt` is set (BudgetRepository
 * `applyDueTranches`); until then it is announced money, not money in effect.
 */
let BudgetTrancheEntity = class BudgetTrancheEntity {
};
exports.BudgetTrancheEntity = BudgetTrancheEntity;
__decorate([
    (0, typeorm_1.PrimaryGeneratedColumn)('uuid'),
    __metadata("design:type", String)
], BudgetTrancheEntity.prototype, "id", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'program_id', type: 'uuid' }),
    __metadata("design:type", String)
], BudgetTrancheEntity.prototype, "programId", void 0);
__decorate([
    (0, typeorm_1.ManyToOne)(() => program_entity_1.ProgramEntity, { onDelete: 'RESTRICT' }),
    (0, typeorm_1.JoinColumn)({ name: 'program_id' }),
    __metadata("design:type", program_entity_1.ProgramEntity)
], BudgetTrancheEntity.prototype, "program", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'amount_fen', type: 'bigint', transformer: transformers_1.bigintNumber }),
    __metadata("design:type", Number)
], BudgetTrancheEntity.prototype, "amountFen", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'text' }),
    __metadata("design:type", String)
], BudgetTrancheEntity.prototype, "source", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'effective_on', type: 'date' }),
    __metadata("design:type", String)
], BudgetTrancheEntity.prototype, "effectiveOn", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'document_no', type: 'text' }),
    __metadata("design:type", String)
], BudgetTrancheEntity.prototype, "documentNo", void 0);
__decorate([
    (0, typeorm_1.Index)(),
    (0, typeorm_1.Column)({ name: 'created_by', type: 'uuid' }),
    __metadata("design:type", String)
], BudgetTrancheEntity.prototype, "createdBy", void 0);
__decorate([
    (0, typeorm_1.ManyToOne)(() => user_entity_1.UserEntity, { onDelete: 'RESTRICT' }),
    (0, typeorm_1.JoinColumn)({ name: 'created_by' }),
    __metadata("design:type", user_entity_1.UserEntity)
], BudgetTrancheEntity.prototype, "creator", void 0);
__decorate([
    (0, typeorm_1.CreateDateColumn)({ name: 'created_at', type: 'timestamptz' }),
    __metadata("design:type", Date)
], BudgetTrancheEntity.prototype, "createdAt", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'applied_at', type: 'timestamptz', nullable: true }),
    __metadata("design:type", Object)
], BudgetTrancheEntity.prototype, "appliedAt", void 0);
exports.BudgetTrancheEntity = BudgetTrancheEntity = __decorate([
    (0, typeorm_1.Entity)({ name: 'budget_tranche' }),
    (0, typeorm_1.Check)('budget_tranche_amount_positive', '"amount_fen" > 0'),
    (0, typeorm_1.Check)('budget_tranche_source_known', `"source" IN ('central', 'province', 'city', 'district')`),
    (0, typeorm_1.Index)(['programId', 'documentNo'], { unique: true })
    // The due tranches not yet applied (the scheduled job and the submit's fallback look them up).
    ,
    (0, typeorm_1.Index)('budget_tranche_pending', ['effectiveOn'], { where: '"applied_at" IS NULL' })
], BudgetTrancheEntity);
//# sourceMappingURL=budget-tranche.entity.js.map