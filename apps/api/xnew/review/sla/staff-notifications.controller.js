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
var __param = (this && this.__param) || function (paramIndex, decorator) {
    return function (target, key) { decorator(target, key, paramIndex); }
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.StaffNotificationsController = void 0;
const common_1 = require("@nestjs/common");
const swagger_1 = require("@nestjs/swagger");
const shared_1 = require("@huanxin/shared");
const auth_decorators_1 = require("../../auth/auth.decorators");
const clock_1 = require("../../common/clock");
const staff_notifications_repository_1 = require("./staff-notifications.repository");
const LIST_LIMIT = 100;
/** The review staff's in-app notifications (today: the daily SLA digest for approvers). */
let StaffNotificationsController = class StaffNotificationsController {
    constructor(notifications, clock) {
        this.notifications = notifications;
        this.clock = clock;
    }
    async list(user) {
        const rows = await this.notifications.listForUser(user.id, LIST_LIMIT);
        return rows.map((row) => ({
            id: row.id,
            kind: row.kind,
            // Staff notices are written only by the SLA digest, with these params (sla-digest.service).
            params: row.params,
            text: row.textZh,
            createdAt: row.createdAt.toISOString(),
            read: row.readAt !== null,
        }));
    }
    markRead(user, id) {
        return this.notifications.markRead(user.id, id, this.clock.now());
    }
};
exports.StaffNotificationsController = StaffNotificationsController;
__decorate([
    (0, common_1.Get)(),
    (0, swagger_1.ApiOperation)({ summary: "The caller's in-app notifications, newest first (the last 100)" }),
    __param(0, (0, auth_decorators_1.CurrentUser)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object]),
    __metadata("design:returntype", Promise)
], StaffNotificationsController.prototype, "list", null);
__decorate([
    (0, common_1.Post)(':id/read'),
    (0, common_1.HttpCode)(204),
    (0, swagger_1.ApiOperation)({ summary: 'Mark one of the caller’s notifications read' }),
    __param(0, (0, auth_decorators_1.CurrentUser)()),
    __param(1, (0, common_1.Param)('id', new common_1.ParseUUIDPipe({ version: '4' }))),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, String]),
    __metadata("design:returntype", void 0)
], StaffNotificationsController.prototype, "markRead", null);
exports.StaffNotificationsController = StaffNotificationsController = __decorate([
    (0, swagger_1.ApiTags)('review'),
    (0, common_1.Controller)('review/notifications'),
    (0, auth_decorators_1.RequirePermission)(shared_1.Permission.ReviewRead),
    __metadata("design:paramtypes", [staff_notifications_repository_1.StaffNotificationsRepository,
        clock_1.Clock])
], StaffNotificationsController);
//# sourceMappingURL=staff-notifications.controller.js.map