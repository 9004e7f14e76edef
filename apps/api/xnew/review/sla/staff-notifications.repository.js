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
exports.StaffNotificationsRepository = void 0;
const common_1 = require("@nestjs/common");
const typeorm_1 = require("@nestjs/typeorm");
const sql_1 = require("../../database/sql");
/**
 * Staff notifications: rows of the same `notification` table as the residents' (one per user and
 * event key, so a retried or repeated job writes a notice once), in-app only — no SMS is sent for
 * them, so `sms_sent_at` is set when written.
 */
let StaffNotificationsRepository = class StaffNotificationsRepository {
    constructor(dataSource) {
        this.dataSource = dataSource;
    }
    /** The active approvers (enabled, activated by a second administrator). */
    async activeApprovers() {
        const rows = (await this.dataSource.query(`SELECT id FROM user_account WHERE role = 'approver' AND disabled_at IS NULL AND pending_activation_by IS NULL ORDER BY id`));
        return rows.map((row) => row.id);
    }
    /** Writes the notice unless one with this event key exists; true when written now. */
    async insertOnce(notice) {
        const rows = await (0, sql_1.returning)(this.dataSource, `INSERT INTO notification (user_id, event_key, kind, params, text_zh, sms_sent_at)
       VALUES ($1, $2, $3, $4::jsonb, $5, now()) ON CONFLICT (event_key) DO NOTHING RETURNING id`, [notice.userId, notice.eventKey, notice.kind, JSON.stringify(notice.params), notice.textZh]);
        return rows.length === 1;
    }
    /** The user's notices, newest first (through `notification (user_id, created_at)`). */
    async listForUser(userId, limit) {
        const rows = (await this.dataSource.query(`SELECT id, kind, params, text_zh, created_at, read_at FROM notification
        WHERE user_id = $1 ORDER BY created_at DESC, id LIMIT $2`, [userId, limit]));
        return rows.map((row) => ({
            id: row.id,
            kind: row.kind,
            params: row.params,
            textZh: row.text_zh,
            createdAt: row.created_at,
            readAt: row.read_at,
        }));
    }
    /** Marks one of the user's own notices read (another user's id changes nothing). */
    async markRead(userId, id, at) {
        await this.dataSource.query(`UPDATE notification SET read_at = $3 WHERE id = $1 AND user_id = $2 AND read_at IS NULL`, [id, userId, at]);
    }
};
exports.StaffNotificationsRepository = StaffNotificationsRepository;
exports.StaffNotificationsRepository = StaffNotificationsRepository = __decorate([
    (0, common_1.Injectable)(),
    __param(0, (0, typeorm_1.InjectDataSource)()),
    __metadata("design:paramtypes", [Function])
], StaffNotificationsRepository);
//# sourceMappingURL=staff-notifications.repository.js.map