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
exports.BudgetSnapshotEntity = void 0;
const typeorm_1 = require("typeorm");
const program_entity_1 = require("../programs/program.entity");
const transformers_1 = require("../database/transformers");
/**
 * The budget's figures over time, written by the `budget.snapshot` job after each budget change,
 * so the office can see how fast a program is being used up. `jobKey` makes the job idempotent.
 */
let BudgetSnapshotEntity = class BudgetSnapshotEntity {
};
exports.BudgetSnapshotEntity = BudgetSnapshotEntity;
__decorate([
    (0, typeorm_1.PrimaryGeneratedColumn)('uuid'),
    __metadata("design:type", String)
], BudgetSnapshotEntity.prototype, "id", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'program_id', type: 'uuid' }),
    __metadata("design:type", String)
], BudgetSnapshotEntity.prototype, "programId", void 0);
__decorate([
    (0, typeorm_1.ManyToOne)(() => program_entity_1.ProgramEntity, { onDelete: 'RESTRICT' }),
    (0, typeorm_1.JoinColumn)({ name: 'program_id' }),
    __metadata("design:type", program_entity_1.ProgramEntity)
], BudgetSnapshotEntity.prototype, "program", void 0);
__decorate([
    (0, typeorm_1.Index)({ unique: true }),
    (0, typeorm_1.Column)({ name: 'job_key', type: 'text' }),
    __metadata("design:type", String)
], BudgetSnapshotEntity.prototype, "jobKey", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'text' }),
    __metadata("design:type", String)
], BudgetSnapshotEntity.prototype, "reason", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'total_fen', type: 'bigint', transformer: transformers_1.bigintNumber }),
    __metadata("design:type", Number)
], BudgetSnapshotEntity.prototype, "totalFen", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'reserved_fen', type: 'bigint', transformer: transformers_1.bigintNumber }),
    __metadata("design:type", Number)
], BudgetSnapshotEntity.prototype, "reservedFen", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'committed_fen', type: 'bigint', transformer: transformers_1.bigintNumber }),
    __metadata("design:type", Number)
], BudgetSnapshotEntity.prototype, "committedFen", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'paid_fen', type: 'bigint', transformer: transformers_1.bigintNumber }),
    __metadata("design:type", Number)
], BudgetSnapshotEntity.prototype, "paidFen", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'remaining_fen', type: 'bigint', transformer: transformers_1.bigintNumber }),
    __metadata("design:type", Number)
], BudgetSnapshotEntity.prototype, "remainingFen", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'taken_at', type: 'timestamptz' }),
    __metadata("design:type", Date)
], BudgetSnapshotEntity.prototype, "takenAt", void 0);
exports.BudgetSnapshotEntity = BudgetSnapshotEntity = __decorate([
    (0, typeorm_1.Entity)({ name: 'budget_snapshot' }),
    (0, typeorm_1.Index)(['programId', 'takenAt'])
], BudgetSnapshotEntity);
//# sourceMappingURL=budget-snapshot.entity.js.map