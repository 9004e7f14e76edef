import { Injectable } from '@nestjs/common';
import { PiiCipher } from '../common/crypto/pii-cipher';
import type { PayloadOf } from '../queue/jobs';
import { handleJobs, JobProcessor, type QueueProcessor } from '../queue/job-processor';
import { NOTIFY_ACCOUNT, NOTIFY_STATUS, NOTIFY_STATUSES } from './notifications.jobs';
import { NotificationsRepository } from './notifications.repository';
import { SmsService } from './sms.service';
import { StatusNotices } from './status-notices';

/**
 * The `notifications` queue: a status change's notice (one event, or a check batch's events in one
 * job: StatusNotices) and an account notice's SMS.
 */
@Injectable()
// NOTIFICATIONS_CONCURRENCY: notice jobs active at once, their events gathered into batches (a
// check batch's in_review notices come as one job; a submission's notice with its check job).
@JobProcessor({ concurrency: (config) => config.worker.notificationsConcurrency })
export class NotificationsProcessor implements QueueProcessor {
  readonly jobs = handleJobs([NOTIFY_STATUS, NOTIFY_STATUSES, NOTIFY_ACCOUNT], {
    'notifications.application-status': (payload) => this.notices.notify(payload),
    'notifications.application-statuses': ({ events }) => this.notices.notifyAll(events),
    'notifications.account-notice': (payload) => this.accountNotice(payload),
  });

  constructor(
    private readonly notices: StatusNotices,
    private readonly notifications: NotificationsRepository,
    private readonly sms: SmsService,
    private readonly cipher: PiiCipher,
  ) {}

  /** Sends the SMS of an account notice once (until `sms_sent_at` is set). */
  async accountNotice({ notificationId }: PayloadOf<typeof NOTIFY_ACCOUNT>): Promise<unknown> {
    const notice = await this.notifications.accountNoticePending(notificationId);
    if (!notice?.phoneEnc) return { skipped: 'sent or no phone' };
    await this.sms.send({ phone: this.cipher.decrypt(notice.phoneEnc, 'user.phone'), text: notice.textZh });
    await this.notifications.markSmsSent(notificationId);
    return { notified: true };
  }
}
