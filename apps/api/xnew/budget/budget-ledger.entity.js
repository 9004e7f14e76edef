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
exports.BudgetLedgerEntity = exports.LEDGER_ENTRIES = void 0;
const typeorm_1 = require("typeorm");
const program_entity_1 = require("../programs/program.entity");
const transformers_1 = require("../database/transformers");
/**
 * `decommit` gives an approved claim's commitment back (committed → remaining): its goods were
 * returned before payment (operations.md §6).
 */
exports.LEDGER_ENTRIES = ['reserve', 'release', 'commit', 'decommit', 'pay', 'adjust'];
/** Append-only record of every budget movement: the audit truth for the budget figures. */
let BudgetLedgerEntity = class BudgetLedgerEntity {
};
exports.BudgetLedgerEntity = BudgetLedgerEntity;
__decorate([
    (0, typeorm_1.PrimaryGeneratedColumn)('uuid'),
    __metadata("design:type", String)
], BudgetLedgerEntity.prototype, "id", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'program_id', type: 'uuid' }),
    __metadata("design:type", String)
], BudgetLedgerEntity.prototype, "programId", void 0);
__decorate([
    (0, typeorm_1.ManyToOne)(() => program_entity_1.ProgramEntity, { onDelete: 'RESTRICT' }),
    (0, typeorm_1.JoinColumn)({ name: 'program_id' }),
    __metadata("design:type", program_entity_1.ProgramEntity)
], BudgetLedgerEntity.prototype, "program", void 0);
__decorate([
    (0, typeorm_1.Index)(),
    (0, typeorm_1.Column)({ name: 'subject_id', type: 'uuid', nullable: true }),
    __metadata("design:type", Object)
], BudgetLedgerEntity.prototype, "subjectId", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'text' }),
    __metadata("design:type", String)
], BudgetLedgerEntity.prototype, "entry", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'amount_fen', type: 'bigint', transformer: transformers_1.bigintNumber }),
    __metadata("design:type", Number)
], BudgetLedgerEntity.prototype, "amountFen", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'text', nullable: true }),
    __metadata("design:type", Object)
], BudgetLedgerEntity.prototype, "note", void 0);
__decorate([
    (0, typeorm_1.CreateDateColumn)({ name: 'created_at', type: 'timestamptz' }),
    __metadata("design:type", Date)
], BudgetLedgerEntity.prototype, "createdAt", void 0);
exports.BudgetLedgerEntity = BudgetLedgerEntity = __decorate([
    (0, typeorm_1.Entity)({ name: 'budget_ledger' }),
    (0, typeorm_1.Check)('budget_ledger_entry_known', `"entry" IN ('reserve', 'release', 'commit', 'decommit', 'pay', 'adjust')`),
    (0, typeorm_1.Index)(['programId', 'createdAt'])
], BudgetLedgerEntity);
//# sourceMappingURL=budget-ledger.entity.js.map