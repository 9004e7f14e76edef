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
exports.ProgramPauseEntity = void 0;
const typeorm_1 = require("typeorm");
const user_entity_1 = require("../users/user.entity");
const program_entity_1 = require("./program.entity");
/**
 * An announced pause of a program (operations.md §8): from `pausesAt` new claims are refused,
 * except purchases made before it within `graceDays`; claims in flight keep their reservations.
 * Rows are only inserted: the newest announcement of a program is the one in force (an
 * announcement can be amended by a newer one until its pause starts).
 */
let ProgramPauseEntity = class ProgramPauseEntity {
};
exports.ProgramPauseEntity = ProgramPauseEntity;
__decorate([
    (0, typeorm_1.PrimaryGeneratedColumn)('uuid'),
    __metadata("design:type", String)
], ProgramPauseEntity.prototype, "id", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'program_id', type: 'uuid' }),
    __metadata("design:type", String)
], ProgramPauseEntity.prototype, "programId", void 0);
__decorate([
    (0, typeorm_1.ManyToOne)(() => program_entity_1.ProgramEntity, { onDelete: 'RESTRICT' }),
    (0, typeorm_1.JoinColumn)({ name: 'program_id' }),
    __metadata("design:type", program_entity_1.ProgramEntity)
], ProgramPauseEntity.prototype, "program", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'pauses_at', type: 'timestamptz' }),
    __metadata("design:type", Date)
], ProgramPauseEntity.prototype, "pausesAt", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'grace_days', type: 'integer' }),
    __metadata("design:type", Number)
], ProgramPauseEntity.prototype, "graceDays", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'notice_zh', type: 'text' }),
    __metadata("design:type", String)
], ProgramPauseEntity.prototype, "noticeZh", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'notice_en', type: 'text' }),
    __metadata("design:type", String)
], ProgramPauseEntity.prototype, "noticeEn", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'announced_at', type: 'timestamptz' }),
    __metadata("design:type", Date)
], ProgramPauseEntity.prototype, "announcedAt", void 0);
__decorate([
    (0, typeorm_1.Index)(),
    (0, typeorm_1.Column)({ name: 'announced_by', type: 'uuid' }),
    __metadata("design:type", String)
], ProgramPauseEntity.prototype, "announcedBy", void 0);
__decorate([
    (0, typeorm_1.ManyToOne)(() => user_entity_1.UserEntity, { onDelete: 'RESTRICT' }),
    (0, typeorm_1.JoinColumn)({ name: 'announced_by' }),
    __metadata("design:type", user_entity_1.UserEntity)
], ProgramPauseEntity.prototype, "announcer", void 0);
exports.ProgramPauseEntity = ProgramPauseEntity = __decorate([
    (0, typeorm_1.Entity)({ name: 'program_pause' }),
    (0, typeorm_1.Check)('program_pause_grace_range', '"grace_days" >= 0 AND "grace_days" <= 365'),
    (0, typeorm_1.Index)(['programId', 'announcedAt'])
], ProgramPauseEntity);
//# sourceMappingURL=program-pause.entity.js.map