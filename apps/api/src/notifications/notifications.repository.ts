import { Injectable } from '@nestjs/common';
import type { ApplicationStatus } from '@huanxin/shared';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { NotificationEntity } from './notification.entity';

/** A status event as the resident's notice tells it. */
export interface StatusEvent {
  fromStatus: ApplicationStatus | null;
  toStatus: ApplicationStatus;
  code: string;
  applicantId: string;
  phoneEnc: string | null;
  note: string | null;
}

/** Named queries of the resident notifications written by the worker. */
@Injectable()
export class NotificationsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** A claim's timeline event with what the notice needs: claim code, applicant, encrypted phone. */
  async statusEvent(applicationId: string, eventId: string): Promise<StatusEvent | null> {
    return (await this.statusEvents([{ applicationId, eventId }])).get(eventId) ?? null;
  }

  /** `statusEvent` for several events in one statement, by event id (unknown events are absent). */
  async statusEvents(
    events: readonly { applicationId: string; eventId: string }[],
  ): Promise<Map<string, StatusEvent>> {
    const rows = (await this.dataSource.query(
      `SELECT e.id, e.from_status, e.to_status, e.note, a.code, a.applicant_id, u.phone_enc
         FROM unnest($1::uuid[], $2::uuid[]) AS k(event_id, application_id)
         JOIN application_event e ON e.id = k.event_id AND e.application_id = k.application_id
         JOIN application a ON a.id = e.application_id JOIN user_account u ON u.id = a.applicant_id`,
      [events.map((e) => e.eventId), events.map((e) => e.applicationId)],
    )) as {
      id: string;
      from_status: ApplicationStatus | null;
      to_status: ApplicationStatus;
      note: string | null;
      code: string;
      applicant_id: string;
      phone_enc: string | null;
    }[];
    return new Map(
      rows.map((row) => [
        row.id,
        {
          fromStatus: row.from_status,
          toStatus: row.to_status,
          code: row.code,
          applicantId: row.applicant_id,
          phoneEnc: row.phone_enc,
          note: row.note,
        },
      ]),
    );
  }

  /** The in-app notice, once per event key (a retried job adds no second row). */
  async insertOnce(notice: {
    userId: string;
    eventKey: string;
    kind: string;
    params: Record<string, unknown>;
    textZh: string;
  }): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO notification (user_id, event_key, kind, params, text_zh) VALUES ($1, $2, $3, $4::jsonb, $5)
       ON CONFLICT (event_key) DO NOTHING`,
      [notice.userId, notice.eventKey, notice.kind, JSON.stringify(notice.params), notice.textZh],
    );
  }

  /**
   * `insertOnce` and `smsPending` in one round trip for several notices (the status jobs' path,
   * issue 10): inserts each notice unless its event already has one, and answers, by event key,
   * the id of each notice whose SMS is still to send (the new row's, or the existing row's if that
   * SMS was not sent); a notice whose SMS was sent is absent. Absent also when another run of the
   * job inserted the row concurrently (not in this statement's snapshot): that run sends the SMS,
   * and retries it until sent.
   */
  async insertManySmsPending(
    notices: readonly {
      userId: string;
      eventKey: string;
      kind: string;
      params: Record<string, unknown>;
      textZh: string;
    }[],
  ): Promise<Map<string, string>> {
    const rows = (await this.dataSource.query(
      `WITH given AS (
         SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::jsonb[], $5::text[])
             AS g(user_id, event_key, kind, params, text_zh)),
       added AS (
         INSERT INTO notification (user_id, event_key, kind, params, text_zh)
         SELECT user_id, event_key, kind, params, text_zh FROM given
         ON CONFLICT (event_key) DO NOTHING RETURNING id, event_key)
       SELECT id, event_key FROM added
       UNION ALL
       SELECT n.id, n.event_key FROM notification n JOIN given g ON g.event_key = n.event_key
        WHERE n.sms_sent_at IS NULL AND NOT EXISTS (SELECT 1 FROM added a WHERE a.event_key = n.event_key)`,
      [
        notices.map((n) => n.userId),
        notices.map((n) => n.eventKey),
        notices.map((n) => n.kind),
        notices.map((n) => JSON.stringify(n.params)),
        notices.map((n) => n.textZh),
      ],
    )) as { id: string; event_key: string }[];
    return new Map(rows.map((row) => [row.event_key, row.id]));
  }

  /** The notice's id while its SMS has not been sent yet; null once sent. */
  async smsPending(eventKey: string): Promise<string | null> {
    const [row] = (await this.dataSource.query(
      `SELECT id FROM notification WHERE event_key = $1 AND sms_sent_at IS NULL`,
      [eventKey],
    )) as { id: string }[];
    return row?.id ?? null;
  }

  /** An account notice whose SMS is still to send: its text and the account's encrypted phone. */
  async accountNoticePending(id: string): Promise<{ textZh: string; phoneEnc: string | null } | null> {
    const [row] = (await this.dataSource.query(
      `SELECT n.text_zh, u.phone_enc FROM notification n JOIN user_account u ON u.id = n.user_id
        WHERE n.id = $1 AND n.sms_sent_at IS NULL`,
      [id],
    )) as { text_zh: string; phone_enc: string | null }[];
    return row ? { textZh: row.text_zh, phoneEnc: row.phone_enc } : null;
  }

  /** The resident's notices, newest first. */
  listForUser(userId: string, limit: number): Promise<NotificationEntity[]> {
    return this.dataSource
      .getRepository(NotificationEntity)
      .find({ where: { userId }, order: { createdAt: 'DESC' }, take: limit });
  }

  /** Marks a notice read, only the user's own (someone else's id changes nothing). */
  async markRead(id: string, userId: string, at: Date): Promise<void> {
    await this.dataSource.getRepository(NotificationEntity).update({ id, userId }, { readAt: at });
  }

  async markSmsSent(...ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.dataSource.query(`UPDATE notification SET sms_sent_at = now() WHERE id = ANY($1::uuid[])`, [
      ids,
    ]);
  }
}
