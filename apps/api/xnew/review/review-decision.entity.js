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
exports.ReviewDecisionEntity = void 0;
const typeorm_1 = require("typeorm");
const application_entity_1 = require("../applications/application.entity");
const user_entity_1 = require("../users/user.entity");
/**
 * One review decision: who decided what at which stage, with the published reason and — for a
 * return — the fields the resident must fix (the resident's `correction` is the latest return).
 * Rows are only ever inserted.
 */
let ReviewDecisionEntity = class ReviewDecisionEntity {
};
exports.ReviewDecisionEntity = ReviewDecisionEntity;
__decorate([
    (0, typeorm_1.PrimaryGeneratedColumn)('uuid'),
    __metadata("design:type", String)
], ReviewDecisionEntity.prototype, "id", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'application_id', type: 'uuid' }),
    __metadata("design:type", String)
], ReviewDecisionEntity.prototype, "applicationId", void 0);
__decorate([
    (0, typeorm_1.ManyToOne)(() => application_entity_1.ApplicationEntity, { onDelete: 'CASCADE' }),
    (0, typeorm_1.JoinColumn)({ name: 'application_id' }),
    __metadata("design:type", application_entity_1.ApplicationEntity)
], ReviewDecisionEntity.prototype, "application", void 0);
__decorate([
    (0, typeorm_1.Index)(),
    (0, typeorm_1.Column)({ name: 'decided_by', type: 'uuid' }),
    __metadata("design:type", String)
], ReviewDecisionEntity.prototype, "decidedBy", void 0);
__decorate([
    (0, typeorm_1.ManyToOne)(() => user_entity_1.UserEntity, { onDelete: 'RESTRICT' }),
    (0, typeorm_1.JoinColumn)({ name: 'decided_by' }),
    __metadata("design:type", user_entity_1.UserEntity)
], ReviewDecisionEntity.prototype, "decider", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'text' }),
    __metadata("design:type", String)
], ReviewDecisionEntity.prototype, "decision", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'text' }),
    __metadata("design:type", String)
], ReviewDecisionEntity.prototype, "stage", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'reason_code', type: 'text', nullable: true }),
    __metadata("design:type", Object)
], ReviewDecisionEntity.prototype, "reasonCode", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'jsonb', default: () => "'[]'" }),
    __metadata("design:type", Array)
], ReviewDecisionEntity.prototype, "fields", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'text', nullable: true }),
    __metadata("design:type", Object)
], ReviewDecisionEntity.prototype, "note", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'boolean', default: false }),
    __metadata("design:type", Boolean)
], ReviewDecisionEntity.prototype, "override", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'decided_at', type: 'timestamptz' }),
    __metadata("design:type", Date)
], ReviewDecisionEntity.prototype, "decidedAt", void 0);
exports.ReviewDecisionEntity = ReviewDecisionEntity = __decorate([
    (0, typeorm_1.Entity)({ name: 'review_decision' }),
    (0, typeorm_1.Check)('review_decision_kind_known', `"decision" IN ('approve', 'reject', 'return')`),
    (0, typeorm_1.Check)('review_decision_stage_known', `"stage" IN ('review', 'second_approval')`),
    (0, typeorm_1.Index)(['applicationId', 'decidedAt'])
], ReviewDecisionEntity);
//# sourceMappingURL=review-decision.entity.js.map