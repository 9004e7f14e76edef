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
exports.LotteryEntryEntity = exports.LotteryRoundEntity = void 0;
const typeorm_1 = require("typeorm");
const transformers_1 = require("../database/transformers");
const program_entity_1 = require("../programs/program.entity");
const user_entity_1 = require("../users/user.entity");
const voucher_entity_1 = require("./voucher.entity");
/**
 * One round of a program's voucher lottery (operations.md §5). Opened with a secret seed whose
 * SHA-256 is public from then on (`seed_hash`); the seed itself is kept encrypted (`seed_enc`,
 * the PII cipher) and written in clear to `seed` only at the draw, with the budget left then and
 * the number of vouchers it paid for.
 */
let LotteryRoundEntity = class LotteryRoundEntity {
};
exports.LotteryRoundEntity = LotteryRoundEntity;
__decorate([
    (0, typeorm_1.PrimaryGeneratedColumn)('uuid'),
    __metadata("design:type", String)
], LotteryRoundEntity.prototype, "id", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'program_id', type: 'uuid' }),
    __metadata("design:type", String)
], LotteryRoundEntity.prototype, "programId", void 0);
__decorate([
    (0, typeorm_1.ManyToOne)(() => program_entity_1.ProgramEntity, { onDelete: 'RESTRICT' }),
    (0, typeorm_1.JoinColumn)({ name: 'program_id' }),
    __metadata("design:type", program_entity_1.ProgramEntity)
], LotteryRoundEntity.prototype, "program", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'integer' }),
    __metadata("design:type", Number)
], LotteryRoundEntity.prototype, "round", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'opens_at', type: 'timestamptz' }),
    __metadata("design:type", Date)
], LotteryRoundEntity.prototype, "opensAt", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'closes_at', type: 'timestamptz' }),
    __metadata("design:type", Date)
], LotteryRoundEntity.prototype, "closesAt", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'draw_at', type: 'timestamptz' }),
    __metadata("design:type", Date)
], LotteryRoundEntity.prototype, "drawAt", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'seed_hash', type: 'text' }),
    __metadata("design:type", String)
], LotteryRoundEntity.prototype, "seedHash", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'seed_enc', type: 'text' }),
    __metadata("design:type", String)
], LotteryRoundEntity.prototype, "seedEnc", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'text', nullable: true }),
    __metadata("design:type", Object)
], LotteryRoundEntity.prototype, "seed", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'max_subsidy_fen', type: 'bigint', transformer: transformers_1.bigintNumber }),
    __metadata("design:type", Number)
], LotteryRoundEntity.prototype, "maxSubsidyFen", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'remaining_fen_at_draw', type: 'bigint', nullable: true, transformer: transformers_1.bigintNumber }),
    __metadata("design:type", Object)
], LotteryRoundEntity.prototype, "remainingFenAtDraw", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'integer', nullable: true }),
    __metadata("design:type", Object)
], LotteryRoundEntity.prototype, "slots", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'drawn_at', type: 'timestamptz', nullable: true }),
    __metadata("design:type", Object)
], LotteryRoundEntity.prototype, "drawnAt", void 0);
__decorate([
    (0, typeorm_1.CreateDateColumn)({ name: 'created_at', type: 'timestamptz' }),
    __metadata("design:type", Date)
], LotteryRoundEntity.prototype, "createdAt", void 0);
exports.LotteryRoundEntity = LotteryRoundEntity = __decorate([
    (0, typeorm_1.Entity)({ name: 'lottery_round' }),
    (0, typeorm_1.Index)(['programId', 'round'], { unique: true })
    // The draw job: rounds whose time has come and that are not drawn yet.
    ,
    (0, typeorm_1.Index)('lottery_round_undrawn_by_draw_at', ['drawAt'], { where: '"drawn_at" IS NULL' }),
    (0, typeorm_1.Check)('lottery_round_drawn_consistent', '("drawn_at" IS NULL) = ("seed" IS NULL) AND ("drawn_at" IS NULL) = ("slots" IS NULL)')
], LotteryRoundEntity);
/**
 * One resident's entry for a category in a round: one per person (ID number's blind index),
 * category and round (the unique index decides). Its random id is its public, pseudonymous name.
 */
let LotteryEntryEntity = class LotteryEntryEntity {
};
exports.LotteryEntryEntity = LotteryEntryEntity;
__decorate([
    (0, typeorm_1.PrimaryGeneratedColumn)('uuid'),
    __metadata("design:type", String)
], LotteryEntryEntity.prototype, "id", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'round_id', type: 'uuid' }),
    __metadata("design:type", String)
], LotteryEntryEntity.prototype, "roundId", void 0);
__decorate([
    (0, typeorm_1.ManyToOne)(() => LotteryRoundEntity, { onDelete: 'RESTRICT' }),
    (0, typeorm_1.JoinColumn)({ name: 'round_id' }),
    __metadata("design:type", LotteryRoundEntity)
], LotteryEntryEntity.prototype, "lotteryRound", void 0);
__decorate([
    (0, typeorm_1.Index)(),
    (0, typeorm_1.Column)({ name: 'user_id', type: 'uuid' }),
    __metadata("design:type", String)
], LotteryEntryEntity.prototype, "userId", void 0);
__decorate([
    (0, typeorm_1.ManyToOne)(() => user_entity_1.UserEntity, { onDelete: 'RESTRICT' }),
    (0, typeorm_1.JoinColumn)({ name: 'user_id' }),
    __metadata("design:type", user_entity_1.UserEntity)
], LotteryEntryEntity.prototype, "user", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'id_number_bidx', type: 'text' }),
    __metadata("design:type", String)
], LotteryEntryEntity.prototype, "idNumberBidx", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'text' }),
    __metadata("design:type", String)
], LotteryEntryEntity.prototype, "category", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'text', default: 'entered' }),
    __metadata("design:type", String)
], LotteryEntryEntity.prototype, "status", void 0);
__decorate([
    (0, typeorm_1.Index)(),
    (0, typeorm_1.Column)({ name: 'voucher_id', type: 'uuid', nullable: true }),
    __metadata("design:type", Object)
], LotteryEntryEntity.prototype, "voucherId", void 0);
__decorate([
    (0, typeorm_1.ManyToOne)(() => voucher_entity_1.VoucherEntity, { onDelete: 'RESTRICT' }),
    (0, typeorm_1.JoinColumn)({ name: 'voucher_id' }),
    __metadata("design:type", voucher_entity_1.VoucherEntity)
], LotteryEntryEntity.prototype, "voucher", void 0);
__decorate([
    (0, typeorm_1.CreateDateColumn)({ name: 'created_at', type: 'timestamptz' }),
    __metadata("design:type", Date)
], LotteryEntryEntity.prototype, "createdAt", void 0);
exports.LotteryEntryEntity = LotteryEntryEntity = __decorate([
    (0, typeorm_1.Entity)({ name: 'lottery_entry' }),
    (0, typeorm_1.Index)(['roundId', 'idNumberBidx', 'category'], { unique: true }),
    (0, typeorm_1.Index)(['roundId', 'id']),
    (0, typeorm_1.Check)('lottery_entry_status_known', `"status" IN ('entered', 'won', 'lost', 'forfeited')`),
    (0, typeorm_1.Check)('lottery_entry_voucher_when_won', `("status" = 'won') = ("voucher_id" IS NOT NULL)`)
], LotteryEntryEntity);
//# sourceMappingURL=lottery.entity.js.map