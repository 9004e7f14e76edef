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
exports.ApplicationFlagEntity = void 0;
const typeorm_1 = require("typeorm");
const application_entity_1 = require("./application.entity");
/** A signal raised by the automated checks (duplicate document, shared bank account, …). */
let ApplicationFlagEntity = class ApplicationFlagEntity {
};
exports.ApplicationFlagEntity = ApplicationFlagEntity;
__decorate([
    (0, typeorm_1.PrimaryGeneratedColumn)('uuid'),
    __metadata("design:type", String)
], ApplicationFlagEntity.prototype, "id", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'application_id', type: 'uuid' }),
    __metadata("design:type", String)
], ApplicationFlagEntity.prototype, "applicationId", void 0);
__decorate([
    (0, typeorm_1.ManyToOne)(() => application_entity_1.ApplicationEntity, { onDelete: 'CASCADE' }),
    (0, typeorm_1.JoinColumn)({ name: 'application_id' }),
    __metadata("design:type", application_entity_1.ApplicationEntity)
], ApplicationFlagEntity.prototype, "application", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'text' }),
    __metadata("design:type", String)
], ApplicationFlagEntity.prototype, "code", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'jsonb' }),
    __metadata("design:type", Object)
], ApplicationFlagEntity.prototype, "detail", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'integer', default: 0 }),
    __metadata("design:type", Number)
], ApplicationFlagEntity.prototype, "weight", void 0);
__decorate([
    (0, typeorm_1.CreateDateColumn)({ name: 'created_at', type: 'timestamptz' }),
    __metadata("design:type", Date)
], ApplicationFlagEntity.prototype, "createdAt", void 0);
exports.ApplicationFlagEntity = ApplicationFlagEntity = __decorate([
    (0, typeorm_1.Entity)({ name: 'application_flag' }),
    (0, typeorm_1.Index)(['applicationId', 'code'], { unique: true })
    // The review queue's flag filter: the claims with one flag, without walking the whole queue.
    ,
    (0, typeorm_1.Index)('application_flag_code', ['code', 'applicationId'])
], ApplicationFlagEntity);
//# sourceMappingURL=application-flag.entity.js.map