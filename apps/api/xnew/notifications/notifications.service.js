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
exports.NotificationsService = void 0;
const common_1 = require("@nestjs/common");
const notifications_repository_1 = require("./notifications.repository");
/** How many notices `GET /api/me/notifications` shows (api-contract.md: the last 100). */
const LIST_LIMIT = 100;
/** The resident's in-app notifications (written by the worker, read here). */
let NotificationsService = class NotificationsService {
    constructor(notifications) {
        this.notifications = notifications;
    }
    async list(userId) {
        const rows = await this.notifications.listForUser(userId, LIST_LIMIT);
        return rows.map((row) => ({
            id: row.id,
            kind: row.kind,
            // The worker writes only application-status notifications, with these params (notifications.processor).
            params: row.params,
            text: row.textZh,
            createdAt: row.createdAt.toISOString(),
            read: row.readAt !== null,
        }));
    }
    markRead(userId, id) {
        return this.notifications.markRead(id, userId, new Date());
    }
};
exports.NotificationsService = NotificationsService;
exports.NotificationsService = NotificationsService = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [notifications_repository_1.NotificationsRepository])
], NotificationsService);
//# sourceMappingURL=notifications.service.js.map