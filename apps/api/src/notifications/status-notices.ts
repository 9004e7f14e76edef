import { Injectable } from '@nestjs/common';
import { APPLICATION_STATUS_ZH, type ApplicationStatus } from '@huanxin/shared';
import { PiiCipher } from '../common/crypto/pii-cipher';
import { JobBatch } from '../queue/job-batch';
import type { StatusEventRef } from './notifications.jobs';
import { NotificationsRepository } from './notifications.repository';
import { SmsService } from './sms.service';

/** Statuses whose message carries the decision's note (the reason, and what to fix). */
const WITH_REASON: ReadonlySet<ApplicationStatus> = new Set(['returned', 'rejected', 'cancelled']);

/** Status notices per batch, and batches at once. */
const NOTIFY_BATCH = { maxBatch: 64, parallel: 2 };

export type StatusResult = { notified: true } | { skipped: string };

/**
 * Tells the resident about a status change: an in-app notification and an SMS. The notification
 * row is keyed by the event, so a retried job adds no second row, and the SMS is sent until its
 * `sms_sent_at` is set (a failed send fails the job, which BullMQ retries with backoff).
 *
 * Used by the jobs that carry status events: the notice jobs (NotificationsProcessor) and the
 * check job, which carries its submission's event (ChecksProcessor). The events they ask for at
 * once are done as one batch (JobBatch): read in one statement, their rows inserted in one, their
 * SMS sent together (SmsService.sendMany: one Redis transaction for the dev outbox, one request
 * per message to a gateway), the sent ones marked in one. If a send fails, the others of the
 * batch are marked sent first and the batch fails; JobBatch then runs each event alone, so only
 * the failed one fails (the sent ones find their SMS sent).
 */
@Injectable()
export class StatusNotices {
  private readonly batch = new JobBatch<StatusEventRef, StatusResult>(
    (events) => this.notifyMany(events),
    NOTIFY_BATCH,
  );

  constructor(
    private readonly notifications: NotificationsRepository,
    private readonly sms: SmsService,
    private readonly cipher: PiiCipher,
  ) {}

  /** One event's notice, in the next batch. */
  notify(event: StatusEventRef): Promise<StatusResult> {
    return this.batch.load(event);
  }

  /**
   * Several events' notices (a NOTIFY_STATUSES job's), each in the batches with the others'. Ends
   * when all of them have: a failed one fails it once the others are done, and a retry finds the
   * sent ones sent.
   */
  async notifyAll(events: readonly StatusEventRef[]): Promise<{ notified: number; skipped: number }> {
    const settled = await Promise.allSettled(events.map((event) => this.batch.load(event)));
    const failed = settled.find((result): result is PromiseRejectedResult => result.status === 'rejected');
    if (failed) throw failed.reason;
    const notified = settled.filter(
      (result) => result.status === 'fulfilled' && 'notified' in result.value,
    ).length;
    return { notified, skipped: events.length - notified };
  }

  /** Each event's notice, in the payloads' order (one batch). */
  private async notifyMany(payloads: readonly StatusEventRef[]): Promise<StatusResult[]> {
    const events = await this.notifications.statusEvents(payloads);
    const notices = new Map<
      string,
      { userId: string; text: string; phoneEnc: string | null; params: Record<string, unknown> }
    >();
    for (const { applicationId, eventId } of payloads) {
      const event = events.get(eventId);
      if (!event || notices.has(eventId)) continue;
      // A review decision's note says why and, for a return, exactly what to fix (review-decision.service).
      const why = event.note && WITH_REASON.has(event.toStatus) ? `（${event.note}）` : '';
      // checking → in_review is one notice for both moves: the check's transaction makes them
      // together, so `checking` is never a status the resident could see (no notice of its own;
      // its timeline event stays) and this one says the automated checks are done.
      const checked = event.fromStatus === 'checking' ? '（自动核验已完成，进入人工审核）' : '';
      const text = `【章丘换新】您的申请${event.code}状态更新为：${APPLICATION_STATUS_ZH[event.toStatus]}${why}${checked}。详情请登录平台查看。`;
      notices.set(eventId, {
        userId: event.applicantId,
        text,
        phoneEnc: event.phoneEnc,
        params: { applicationId, code: event.code, status: event.toStatus },
      });
    }
    const pending = notices.size
      ? await this.notifications.insertManySmsPending(
          [...notices].map(([eventKey, n]) => ({
            userId: n.userId,
            eventKey,
            kind: 'application_status',
            params: n.params,
            textZh: n.text,
          })),
        )
      : new Map<string, string>();
    const sends = [...pending].flatMap(([eventKey, id]) => {
      const notice = notices.get(eventKey)!;
      if (!notice.phoneEnc) return [];
      return [{ id, phone: this.cipher.decrypt(notice.phoneEnc, 'user.phone'), text: notice.text }];
    });
    const sent = sends.length ? await this.sms.sendMany(sends) : [];
    await this.notifications.markSmsSent(
      ...sends.flatMap(({ id }, i) => (sent[i]!.status === 'fulfilled' ? [id] : [])),
    );
    const failed = sent.find((result): result is PromiseRejectedResult => result.status === 'rejected');
    if (failed) throw failed.reason;
    return payloads.map(({ eventId }) =>
      events.has(eventId) ? { notified: true } : { skipped: 'no such event' },
    );
  }
}
