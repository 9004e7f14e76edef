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
exports.NotificationsRepository = void 0;
const common_1 = require("@nestjs/common");
const typeorm_1 = require("@nestjs/typeorm");
const notification_entity_1 = require("./notification.entity");
/** Named queries of the resident notifications written by the worker. */
let NotificationsRepository = class NotificationsRepository {
    constructor(dataSource) {
        this.dataSource = dataSource;
    }
    /** A claim's timeline event with what the notice needs: claim code, applicant, encrypted phone. */
    async statusEvent(applicationId, eventId) {
        return (await this.statusEvents([{ applicationId, eventId }])).get(eventId) ?? null;
    }
    /** `statusEvent` for several events in one statement, by event id (unknown events are absent). */
    async statusEvents(events) {
        const rows = (await this.dataSource.query(`SELECT e.id, e.from_status, e.to_status, e.note, a.code, a.applicant_id, u.phone_enc
         FROM unnest($1::uuid[], $2::uuid[]) AS k(event_id, application_id)
         JOIN application_event e ON e.id = k.event_id AND e.application_id = k.application_id
         JOIN application a ON a.id = e.application_id JOIN user_account u ON u.id = a.applicant_id`, [events.map((e) => e.eventId), events.map((e) => e.applicationId)]));
        return new Map(rows.map((row) => [
            row.id,
            {
                fromStatus: row.from_status,
                toStatus: row.to_status,
                code: row.code,
                applicantId: row.applicant_id,
                phoneEnc: row.phone_enc,
                note: row.note,
            },
        ]));
    }
    /** The in-app notice, once per event key (a retried job adds no second row). */
    async insertOnce(notice) {
        await this.dataSource.query(`INSERT INTO notification (user_id, event_key, kind, params, text_zh) VALUES ($1, $2, $3, $4::jsonb, $5)
       ON CONFLICT (event_key) DO NOTHING`, [notice.userId, notice.eventKey, notice.kind, JSON.stringify(notice.params), notice.textZh]);
    }
    /**
     * `insertOnce` and `smsPending` in one round trip for several notices (the status jobs' path,
     * issue 10): inserts each notice unless its event already has one, and answers, by event key,
     * the id of each notice whose SMS is still to send (the new row's, or the existing row's if that
     * SMS was not sent); a notice whose SMS was sent is absent. Absent also when another run of the
     * job inserted the row concurrently (not in this statement's snapshot): that run sends the SMS,
     * and retries it until sent.
     */
    async insertManySmsPending(notices) {
        const rows = (await this.dataSource.query(`WITH given AS (
         SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::jsonb[], $5::text[])
             AS g(user_id, event_key, kind, params, text_zh)),
       added AS (
         INSERT INTO notification (user_id, event_key, kind, params, text_zh)
         SELECT user_id, event_key, kind, params, text_zh FROM given
         ON CONFLICT (event_key) DO NOTHING RETURNING id, event_key)
       SELECT id, event_key FROM added
       UNION ALL
       SELECT n.id, n.event_key FROM notification n JOIN given g ON g.event_key = n.event_key
        WHERE n.sms_sent_at IS NULL AND NOT EXISTS (SELECT 1 FROM added a WHERE a.event_key = n.event_key)`, [
            notices.map((n) => n.userId),
            notices.map((n) => n.eventKey),
            notices.map((n) => n.kind),
            notices.map((n) => JSON.stringify(n.params)),
            notices.map((n) => n.textZh),
        ]));
        return new Map(rows.map((row) => [row.event_key, row.id]));
    }
    /** The notice's id while its SMS has not been sent yet; null once sent. */
    async smsPending(eventKey) {
        const [row] = (await this.dataSource.query(`SELECT id FROM notification WHERE event_key = $1 AND sms_sent_at IS NULL`, [eventKey]));
        return row?.id ?? null;
    }
    /** An account notice whose SMS is still to send: its text and the account's encrypted phone. */
    async accountNoticePending(id) {
        const [row] = (await this.dataSource.query(`SELECT n.text_zh, u.phone_enc FROM notification n JOIN user_account u ON u.id = n.user_id
        WHERE n.id = $1 AND n.sms_sent_at IS NULL`, [id]));
        return row ? { textZh: row.text_zh, phoneEnc: row.phone_enc } : null;
    }
    /** The resident's notices, newest first. */
    listForUser(userId, limit) {
        return this.dataSource
            .getRepository(notification_entity_1.NotificationEntity)
            .find({ where: { userId }, order: { createdAt: 'DESC' }, take: limit });
    }
    /** Marks a notice read, only the user's own (someone else's id changes nothing). */
    async markRead(id, userId, at) {
        await this.dataSource.getRepository(notification_entity_1.NotificationEntity).update({ id, userId }, { readAt: at });
    }
    async markSmsSent(...ids) {
        if (ids.length === 0)
            return;
        await this.dataSource.query(`UPDATE notification SET sms_sent_at = now() WHERE id = ANY($1::uuid[])`, [
            ids,
        ]);
    }
};
exports.NotificationsRepository = NotificationsRepository;
exports.NotificationsRepository = NotificationsRepository = __decorate([
    (0, common_1.Injectable)(),
    __param(0, (0, typeorm_1.InjectDataSource)()),
    __metadata("design:paramtypes", [Function])
], NotificationsRepository);
//# sourceMappingURL=notifications.repository.js.map