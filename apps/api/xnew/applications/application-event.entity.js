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
exports.ApplicationEventEntity = void 0;
const typeorm_1 = require("typeorm");
const application_entity_1 = require("./application.entity");
/** The claim's timeline: one row per status change. */
let ApplicationEventEntity = class ApplicationEventEntity {
};
exports.ApplicationEventEntity = ApplicationEventEntity;
__decorate([
    (0, typeorm_1.PrimaryGeneratedColumn)('uuid'),
    __metadata("design:type", String)
], ApplicationEventEntity.prototype, "id", void 0);
__decorate([
    (0, typeorm_1.Column)({
        type: 'bigint',
        generated: 'identity',
        generatedIdentity: 'ALWAYS',
        insert: false,
        update: false,
    }),
    __metadata("design:type", String)
], ApplicationEventEntity.prototype, "seq", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'application_id', type: 'uuid' }),
    __metadata("design:type", String)
], ApplicationEventEntity.prototype, "applicationId", void 0);
__decorate([
    (0, typeorm_1.ManyToOne)(() => application_entity_1.ApplicationEntity, { onDelete: 'CASCADE' }),
    (0, typeorm_1.JoinColumn)({ name: 'application_id' }),
    __metadata("design:type", application_entity_1.ApplicationEntity)
], ApplicationEventEntity.prototype, "application", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'timestamptz' }),
    __metadata("design:type", Date)
], ApplicationEventEntity.prototype, "at", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'from_status', type: 'text', nullable: true }),
    __metadata("design:type", Object)
], ApplicationEventEntity.prototype, "fromStatus", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'to_status', type: 'text' }),
    __metadata("design:type", String)
], ApplicationEventEntity.prototype, "toStatus", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'text', nullable: true }),
    __metadata("design:type", Object)
], ApplicationEventEntity.prototype, "note", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'actor_id', type: 'uuid', nullable: true }),
    __metadata("design:type", Object)
], ApplicationEventEntity.prototype, "actorId", void 0);
exports.ApplicationEventEntity = ApplicationEventEntity = __decorate([
    (0, typeorm_1.Entity)({ name: 'application_event' }),
    (0, typeorm_1.Index)(['applicationId', 'at'])
], ApplicationEventEntity);
//# sourceMappingURL=application-event.entity.js.map