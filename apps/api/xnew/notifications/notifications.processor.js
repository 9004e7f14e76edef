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
exports.NotificationsProcessor = void 0;
const common_1 = require("@nestjs/common");
const pii_cipher_1 = require("../common/crypto/pii-cipher");
const job_batch_1 = require("../queue/job-batch");
const job_processor_1 = require("../queue/job-processor");
const notifications_jobs_1 = require("./notifications.jobs");
const notifications_repository_1 = require("./notifications.repository");
const sms_service_1 = require("./sms.service");
const STATUS_ZH = {
    draft: '草稿',
    submitted: '已提交',
    checking: '自动核验中',
    in_review: '审核中',
    returned: '退回补正',
    approved: '审核通过',
    paid: '已发放',
    rejected: '未通过',
    withdrawn: '已撤回',
    expired: '已过期',
    cancelled: '已取消（商品已退货）',
};
/** Statuses whose message carries the decision's note (the reason, and what to fix). */
const WITH_REASON = new Set(['returned', 'rejected', 'cancelled']);
/** Status notices per batch, and batches at once. */
const NOTIFY_BATCH = { maxBatch: 64, parallel: 2 };
/**
 * Tells the resident about a status change: an in-app notification and an SMS. The notification
 * row is keyed by the event, so a retried job adds no second row, and the SMS is sent until its
 * `sms_sent_at` is set (retries with backoff when the gateway fails).
 *
 * The status jobs running at once are done as one batch (JobBatch): their events read in one
 * statement, their rows inserted in one, each SMS sent on its own, the sent ones marked in one.
 * If a send fails, the others of the batch are marked sent first and the batch fails; JobBatch
 * then runs each job alone, so only the failed one fails (the sent ones find their SMS sent).
 */
let NotificationsProcessor = class NotificationsProcessor {
    constructor(notifications, sms, cipher) {
        this.notifications = notifications;
        this.sms = sms;
        this.cipher = cipher;
        this.jobs = (0, job_processor_1.handleJobs)([notifications_jobs_1.NOTIFY_STATUS, notifications_jobs_1.NOTIFY_ACCOUNT], {
            'notifications.application-status': (payload) => this.batch.load(payload),
            'notifications.account-notice': (payload) => this.accountNotice(payload),
        });
        this.batch = new job_batch_1.JobBatch((payloads) => this.notifyMany(payloads), NOTIFY_BATCH);
    }
    async notify(payload) {
        return (await this.notifyMany([payload]))[0];
    }
    /** Each event's notice, in the payloads' order. */
    async notifyMany(payloads) {
        const events = await this.notifications.statusEvents(payloads);
        const notices = new Map();
        for (const { applicationId, eventId } of payloads) {
            const event = events.get(eventId);
            if (!event || notices.has(eventId))
                continue;
            // A review decision's note says why and, for a return, exactly what to fix (review-decision.service).
            const why = event.note && WITH_REASON.has(event.toStatus) ? `（${event.note}）` : '';
            // checking → in_review is one notice for both moves: the check's transaction makes them
            // together, so `checking` is never a status the resident could see (no notice of its own;
            // its timeline event stays) and this one says the automated checks are done.
            const checked = event.fromStatus === 'checking' ? '（自动核验已完成，进入人工审核）' : '';
            const text = `【章丘换新】您的申请${event.code}状态更新为：${STATUS_ZH[event.toStatus] ?? event.toStatus}${why}${checked}。详情请登录平台查看。`;
            notices.set(eventId, {
                userId: event.applicantId,
                text,
                phoneEnc: event.phoneEnc,
                params: { applicationId, code: event.code, status: event.toStatus },
            });
        }
        const pending = notices.size
            ? await this.notifications.insertManySmsPending([...notices].map(([eventKey, n]) => ({
                userId: n.userId,
                eventKey,
                kind: 'application_status',
                params: n.params,
                textZh: n.text,
            })))
            : new Map();
        const sends = [...pending].flatMap(([eventKey, id]) => {
            const notice = notices.get(eventKey);
            if (!notice.phoneEnc)
                return [];
            const phone = this.cipher.decrypt(notice.phoneEnc, 'user.phone');
            return [this.sms.send({ phone, text: notice.text }).then(() => id)];
        });
        const sent = await Promise.allSettled(sends);
        await this.notifications.markSmsSent(...sent.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : [])));
        const failed = sent.find((result) => result.status === 'rejected');
        if (failed)
            throw failed.reason;
        return payloads.map(({ eventId }) => events.has(eventId) ? { notified: true } : { skipped: 'no such event' });
    }
    /** Sends the SMS of an account notice once (until `sms_sent_at` is set). */
    async accountNotice({ notificationId }) {
        const notice = await this.notifications.accountNoticePending(notificationId);
        if (!notice?.phoneEnc)
            return { skipped: 'sent or no phone' };
        await this.sms.send({ phone: this.cipher.decrypt(notice.phoneEnc, 'user.phone'), text: notice.textZh });
        await this.notifications.markSmsSent(notificationId);
        return { notified: true };
    }
};
exports.NotificationsProcessor = NotificationsProcessor;
exports.NotificationsProcessor = NotificationsProcessor = __decorate([
    (0, common_1.Injectable)()
    // NOTIFICATIONS_CONCURRENCY: status jobs active at once, gathered into batches (one per claim
    // status the resident sees: submitted, in_review, and the review's decisions).
    ,
    (0, job_processor_1.JobProcessor)({ concurrency: (config) => config.worker.notificationsConcurrency }),
    __metadata("design:paramtypes", [notifications_repository_1.NotificationsRepository,
        sms_service_1.SmsService,
        pii_cipher_1.PiiCipher])
], NotificationsProcessor);
//# sourceMappingURL=notifications.processor.js.map