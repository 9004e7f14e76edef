import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Job } from 'bullmq';
import type { DataSource } from 'typeorm';
import { PiiCipher } from '../common/crypto/pii-cipher';
import type { QueueProcessor } from '../queue/processor';
import { NOTIFICATIONS_QUEUE, NOTIFY_STATUS } from '../applications/applications.jobs';
import { SmsService } from './sms.service';

/** Written by the profile side (payout details changed); the row holds the text. */
export const ACCOUNT_NOTICE = 'notifications.account-notice' as const;

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

/**
 * Tells the resident about a status change: an in-app notification and an SMS. The notification
 * row is keyed by the event, so a retried job adds no second row, and the SMS is sent until its
 * `sms_sent_at` is set (retries with backoff when the gateway fails).
 */
@Injectable()
export class NotificationsProcessor implements QueueProcessor {
  readonly queue = NOTIFICATIONS_QUEUE;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly sms: SmsService,
    private readonly cipher: PiiCipher,
  ) {}

  async process(job: Job): Promise<unknown> {
    if (job.name === ACCOUNT_NOTICE) return this.accountNotice(job.data as { notificationId: string });
    if (job.name !== NOTIFY_STATUS) throw new Error(`unknown job ${job.name} on queue ${this.queue}`);
    const { applicationId, eventId } = job.data as { applicationId: string; eventId: string };
    const [event] = (await this.dataSource.query(
      `SELECT e.to_status, a.code, a.applicant_id, u.phone_enc FROM application_event e
         JOIN application a ON a.id = e.application_id JOIN user_account u ON u.id = a.applicant_id
        WHERE e.id = $1 AND e.application_id = $2`,
      [eventId, applicationId],
    )) as { to_status: string; code: string; applicant_id: string; phone_enc: string | null }[];
    if (!event) return { skipped: 'no such event' };
    const text = `【章丘换新】您的申请${event.code}状态更新为：${STATUS_ZH[event.to_status] ?? event.to_status}。详情请登录平台查看。`;
    await this.dataSource.query(
      `INSERT INTO notification (user_id, event_key, kind, params, text_zh) VALUES ($1, $2, 'application_status', $3::jsonb, $4)
       ON CONFLICT (event_key) DO NOTHING`,
      [
        event.applicant_id,
        eventId,
        JSON.stringify({ applicationId, code: event.code, status: event.to_status }),
        text,
      ],
    );
    const [pending] = (await this.dataSource.query(
      `SELECT id FROM notification WHERE event_key = $1 AND sms_sent_at IS NULL`,
      [eventId],
    )) as { id: string }[];
    if (pending && event.phone_enc) {
      await this.sms.send({ phone: this.cipher.decrypt(event.phone_enc, 'user.phone'), text });
      await this.dataSource.query(`UPDATE notification SET sms_sent_at = now() WHERE id = $1`, [pending.id]);
    }
    return { notified: true };
  }

  /** Sends the SMS of an account notice once (until `sms_sent_at` is set). */
  private async accountNotice({ notificationId }: { notificationId: string }): Promise<unknown> {
    const [notice] = (await this.dataSource.query(
      `SELECT n.text_zh, u.phone_enc FROM notification n JOIN user_account u ON u.id = n.user_id
        WHERE n.id = $1 AND n.sms_sent_at IS NULL`,
      [notificationId],
    )) as { text_zh: string; phone_enc: string | null }[];
    if (!notice?.phone_enc) return { skipped: 'sent or no phone' };
    await this.sms.send({ phone: this.cipher.decrypt(notice.phone_enc, 'user.phone'), text: notice.text_zh });
    await this.dataSource.query(`UPDATE notification SET sms_sent_at = now() WHERE id = $1`, [
      notificationId,
    ]);
    return { notified: true };
  }
}
