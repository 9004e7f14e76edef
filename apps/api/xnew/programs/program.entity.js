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
exports.ProgramEntity = void 0;
const typeorm_1 = require("typeorm");
/** A subsidy program; its rules live in versions. `currentVersionId` points at the published one. */
let ProgramEntity = class ProgramEntity {
};
exports.ProgramEntity = ProgramEntity;
__decorate([
    (0, typeorm_1.PrimaryGeneratedColumn)('uuid'),
    __metadata("design:type", String)
], ProgramEntity.prototype, "id", void 0);
__decorate([
    (0, typeorm_1.Index)({ unique: true }),
    (0, typeorm_1.Column)({ type: 'text' }),
    __metadata("design:type", String)
], ProgramEntity.prototype, "code", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'text' }),
    __metadata("design:type", String)
], ProgramEntity.prototype, "kind", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'title_zh', type: 'text' }),
    __metadata("design:type", String)
], ProgramEntity.prototype, "titleZh", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'title_en', type: 'text' }),
    __metadata("design:type", String)
], ProgramEntity.prototype, "titleEn", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'current_version_id', type: 'uuid', nullable: true }),
    __metadata("design:type", Object)
], ProgramEntity.prototype, "currentVersionId", void 0);
__decorate([
    (0, typeorm_1.CreateDateColumn)({ name: 'created_at', type: 'timestamptz' }),
    __metadata("design:type", Date)
], ProgramEntity.prototype, "createdAt", void 0);
__decorate([
    (0, typeorm_1.UpdateDateColumn)({ name: 'updated_at', type: 'timestamptz' }),
    __metadata("design:type", Date)
], ProgramEntity.prototype, "updatedAt", void 0);
exports.ProgramEntity = ProgramEntity = __decorate([
    (0, typeorm_1.Entity)({ name: 'program' })
], ProgramEntity);
//# sourceMappingURL=program.entity.js.map