"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.ReviewSlaModule = void 0;
const common_1 = require("@nestjs/common");
const programs_module_1 = require("../../programs/programs.module");
const sla_digest_service_1 = require("./sla-digest.service");
const sla_processor_1 = require("./sla.processor");
const sla_repository_1 = require("./sla.repository");
const staff_notifications_controller_1 = require("./staff-notifications.controller");
const staff_notifications_repository_1 = require("./staff-notifications.repository");
/** The review SLA clock over claims in review, the approvers' daily digest and staff notifications. */
let ReviewSlaModule = class ReviewSlaModule {
};
exports.ReviewSlaModule = ReviewSlaModule;
exports.ReviewSlaModule = ReviewSlaModule = __decorate([
    (0, common_1.Module)({
        imports: [programs_module_1.ProgramsModule],
        controllers: [staff_notifications_controller_1.StaffNotificationsController],
        providers: [sla_repository_1.SlaRepository, staff_notifications_repository_1.StaffNotificationsRepository, sla_digest_service_1.SlaDigestService, sla_processor_1.ReviewSlaProcessor],
        exports: [sla_repository_1.SlaRepository, sla_digest_service_1.SlaDigestService],
    })
], ReviewSlaModule);
//# sourceMappingURL=sla.module.js.map