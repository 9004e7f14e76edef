import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { returning } from '../../database/sql';

export interface StaffNotificationRow {
  id: string;
  kind: string;
  params: Record<string, unknown>;
  textZh: string;
  createdAt: Date;
  readAt: Date | null;
}

/**
 * Staff notifications: rows of the same `notification` table as the residents' (one per user and
 * event key, so a retried or repeated job writes a notice once), in-app only — no SMS is sent for
 * them, so `sms_sent_at` is set when written.
 */
@Injectable()
export class StaffNotificationsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The active approvers (enabled, activated by a second administrator). */
  async activeApprovers(): Promise<string[]> {
    const rows = (await this.dataSource.query(
      `SELECT id FROM user_account WHERE role = 'approver' AND disabled_at IS NULL AND pending_activation_by IS NULL ORDER BY id`,
    )) as { id: string }[];
    return rows.map((row) => row.id);
  }

  /** Writes the notice unless one with this event key exists; true when written now. */
  async insertOnce(notice: {
    userId: string;
    eventKey: string;
    kind: string;
    params: Record<string, unknown>;
    textZh: string;
  }): Promise<boolean> {
    const rows = await returning<{ id: string }>(
      this.dataSource,
      `INSERT INTO notification (user_id, event_key, kind, params, text_zh, sms_sent_at)
       VALUES ($1, $2, $3, $4::jsonb, $5, now()) ON CONFLICT (event_key) DO NOTHING RETURNING id`,
      [notice.userId, notice.eventKey, notice.kind, JSON.stringify(notice.params), notice.textZh],
    );
    return rows.length === 1;
  }

  /** The user's notices, newest first (through `notification (user_id, created_at)`). */
  async listForUser(userId: string, limit: number): Promise<StaffNotificationRow[]> {
    const rows = (await this.dataSource.query(
      `SELECT id, kind, params, text_zh, created_at, read_at FROM notification
        WHERE user_id = $1 ORDER BY created_at DESC, id LIMIT $2`,
      [userId, limit],
    )) as {
      id: string;
      kind: string;
      params: Record<string, unknown>;
      text_zh: string;
      created_at: Date;
      read_at: Date | null;
    }[];
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
  async markRead(userId: string, id: string, at: Date): Promise<void> {
    await this.dataSource.query(
      `UPDATE notification SET read_at = $3 WHERE id = $1 AND user_id = $2 AND read_at IS NULL`,
      [id, userId, at],
    );
  }
}
