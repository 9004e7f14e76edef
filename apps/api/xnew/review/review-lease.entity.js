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
exports.ReviewLeaseEntity = void 0;
const typeorm_1 = require("typeorm");
const application_entity_1 = require("../applications/application.entity");
const user_entity_1 = require("../users/user.entity");
/**
 * Who is working on a claim in review (operations.md §7): one row per claim, so one holder at a
 * time is the primary key's doing, and taking it is one `INSERT … ON CONFLICT DO UPDATE … WHERE`
 * (review.repository `takeLease`) that only overwrites an expired lease or the holder's own.
 */
let ReviewLeaseEntity = class ReviewLeaseEntity {
};
exports.ReviewLeaseEntity = ReviewLeaseEntity;
__decorate([
    (0, typeorm_1.PrimaryColumn)({ name: 'application_id', type: 'uuid' }),
    __metadata("design:type", String)
], ReviewLeaseEntity.prototype, "applicationId", void 0);
__decorate([
    (0, typeorm_1.ManyToOne)(() => application_entity_1.ApplicationEntity, { onDelete: 'CASCADE' }),
    (0, typeorm_1.JoinColumn)({ name: 'application_id' }),
    __metadata("design:type", application_entity_1.ApplicationEntity)
], ReviewLeaseEntity.prototype, "application", void 0);
__decorate([
    (0, typeorm_1.Index)(),
    (0, typeorm_1.Column)({ name: 'holder_id', type: 'uuid' }),
    __metadata("design:type", String)
], ReviewLeaseEntity.prototype, "holderId", void 0);
__decorate([
    (0, typeorm_1.ManyToOne)(() => user_entity_1.UserEntity, { onDelete: 'CASCADE' }),
    (0, typeorm_1.JoinColumn)({ name: 'holder_id' }),
    __metadata("design:type", user_entity_1.UserEntity)
], ReviewLeaseEntity.prototype, "holder", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'lease_until', type: 'timestamptz' }),
    __metadata("design:type", Date)
], ReviewLeaseEntity.prototype, "leaseUntil", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'taken_at', type: 'timestamptz' }),
    __metadata("design:type", Date)
], ReviewLeaseEntity.prototype, "takenAt", void 0);
exports.ReviewLeaseEntity = ReviewLeaseEntity = __decorate([
    (0, typeorm_1.Entity)({ name: 'review_lease' })
], ReviewLeaseEntity);
//# sourceMappingURL=review-lease.entity.js.map