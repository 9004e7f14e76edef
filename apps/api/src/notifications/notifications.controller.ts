import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  Permission,
  type ApplicationStatusNotificationParams,
  type ResidentNotification,
} from '@huanxin/shared';
import type { DataSource } from 'typeorm';
import { CurrentUser, RequirePermission } from '../auth/auth.decorators';
import type { AuthUser } from '../common/http/request-context';
import { NotificationEntity } from './notification.entity';

@ApiTags('notifications')
@Controller('me/notifications')
@RequirePermission(Permission.ApplicationsOwn)
export class NotificationsController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Get()
  @ApiOperation({ summary: "The resident's in-app notifications, newest first (the last 100)" })
  async list(@CurrentUser() user: AuthUser): Promise<ResidentNotification[]> {
    const rows = await this.dataSource
      .getRepository(NotificationEntity)
      .find({ where: { userId: user.id }, order: { createdAt: 'DESC' }, take: 100 });
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

  @Post(':id/read')
  @HttpCode(204)
  @ApiOperation({ summary: 'Mark one notification read' })
  async markRead(
    @CurrentUser() user: AuthUser,
    @Param('id', new ParseUUIDPipe({ version: '4' })) id: string,
  ): Promise<void> {
    await this.dataSource
      .getRepository(NotificationEntity)
      .update({ id, userId: user.id }, { readAt: new Date() });
  }
}
