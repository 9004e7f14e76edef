import { Injectable } from '@nestjs/common';
import { PiiCipher } from '../common/crypto/pii-cipher';
import type { PayloadOf } from '../queue/jobs';
import { handleJobs, JobProcessor, type QueueProcessor } from '../queue/job-processor';
import { NOTIFY_ACCOUNT, NOTIFY_STATUS } from './notifications.jobs';
import { NotificationsRepository } from './notifications.repository';
import { SmsService } from './sms.service';

const STATUS_ZH: Record<string, string> = {
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
};

/** Statuses whose message carries the decision's note (the reason, and what to fix). */
const WITH_REASON = new Set(['returned', 'rejected']);

/**
 * Tells the resident about a status change: an in-app notification and an SMS. The notification
 * row is keyed by the event, so a retried job adds no second row, and the SMS is sent until its
 * `sms_sent_at` is set (retries with backoff when the gateway fails).
 */
@Injectable()
// NOTIFICATIONS_CONCURRENCY: three of these per checked claim, each a few round trips.
@JobProcessor({ concurrency: (config) => config.worker.notificationsConcurrency })
export class NotificationsProcessor implements QueueProcessor {
  readonly jobs = handleJobs([NOTIFY_STATUS, NOTIFY_ACCOUNT], {
    'notifications.application-status': (payload) => this.notify(payload),
    'notifications.account-notice': (payload) => this.accountNotice(payload),
  });

  constructor(
    private readonly notifications: NotificationsRepository,
    private readonly sms: SmsService,
    private readonly cipher: PiiCipher,
  ) {}

  async notify({ applicationId, eventId }: PayloadOf<typeof NOTIFY_STATUS>): Promise<unknown> {
    const event = await this.notifications.statusEvent(applicationId, eventId);
    if (!event) return { skipped: 'no such event' };
    // A review decision's note says why and, for a return, exactly what to fix (review-decision.service).
    const why = event.note && WITH_REASON.has(event.toStatus) ? `（${event.note}）` : '';
    const text = `【章丘换新】您的申请${event.code}状态更新为：${STATUS_ZH[event.toStatus] ?? event.toStatus}${why}。详情请登录平台查看。`;
    const pending = await this.notifications.insertOnceSmsPending({
      userId: event.applicantId,
      eventKey: eventId,
      kind: 'application_status',
      params: { applicationId, code: event.code, status: event.toStatus },
      textZh: text,
    });
    if (pending && event.phoneEnc) {
      await this.sms.send({ phone: this.cipher.decrypt(event.phoneEnc, 'user.phone'), text });
      await this.notifications.markSmsSent(pending);
    }
    return { notified: true };
  }

  /** Sends the SMS of an account notice once (until `sms_sent_at` is set). */
  async accountNotice({ notificationId }: PayloadOf<typeof NOTIFY_ACCOUNT>): Promise<unknown> {
    const notice = await this.notifications.accountNoticePending(notificationId);
    if (!notice?.phoneEnc) return { skipped: 'sent or no phone' };
    await this.sms.send({ phone: this.cipher.decrypt(notice.phoneEnc, 'user.phone'), text: notice.textZh });
    await this.notifications.markSmsSent(notificationId);
    return { notified: true };
  }
}
