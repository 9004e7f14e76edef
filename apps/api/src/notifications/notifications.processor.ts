import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { PiiCipher } from '../common/crypto/pii-cipher';
import type { PayloadOf } from '../queue/jobs';
import { handleJobs, JobProcessor, type QueueProcessor } from '../queue/job-processor';
import { NOTIFY_STATUS } from './notifications.jobs';
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

/**
 * Tells the resident about a status change: an in-app notification and an SMS. The notification
 * row is keyed by the event, so a retried job adds no second row, and the SMS is sent until its
 * `sms_sent_at` is set (retries with backoff when the gateway fails).
 */
@Injectable()
@JobProcessor()
export class NotificationsProcessor implements QueueProcessor {
  readonly jobs = handleJobs([NOTIFY_STATUS], {
    'notifications.application-status': (payload) => this.notify(payload),
  });

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly sms: SmsService,
    private readonly cipher: PiiCipher,
  ) {}

  async notify({ applicationId, eventId }: PayloadOf<typeof NOTIFY_STATUS>): Promise<unknown> {
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
}
