import { Injectable } from '@nestjs/common';
import type { ApplicationStatusNotificationParams, ResidentNotification } from '@huanxin/shared';
import { NotificationsRepository } from './notifications.repository';

/** How many notices `GET /api/me/notifications` shows (api-contract.md: the last 100). */
const LIST_LIMIT = 100;

/** The resident's in-app notifications (written by the worker, read here). */
@Injectable()
export class NotificationsService {
  constructor(private readonly notifications: NotificationsRepository) {}

  async list(userId: string): Promise<ResidentNotification[]> {
    const rows = await this.notifications.listForUser(userId, LIST_LIMIT);
    return rows.map((row) => ({
      id: row.id,
      kind: row.kind,
      // The worker writes only application-status notifications, with these params (notifications.processor).
      params: row.params as unknown as ApplicationStatusNotificationParams,
      text: row.textZh,
      createdAt: row.createdAt.toISOString(),
      read: row.readAt !== null,
    }));
  }

  markRead(userId: string, id: string): Promise<void> {
    return this.notifications.markRead(id, userId, new Date());
  }
}
