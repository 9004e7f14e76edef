import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Permission, type ResidentNotification } from '@huanxin/shared';
import { CurrentUser, RequirePermission } from '../auth/auth.decorators';
import type { AuthUser } from '../common/http/request-context';
import { NotificationsService } from './notifications.service';

@ApiTags('notifications')
@Controller('me/notifications')
@RequirePermission(Permission.ApplicationsOwn)
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @ApiOperation({ summary: "The resident's in-app notifications, newest first (the last 100)" })
  list(@CurrentUser() user: AuthUser): Promise<ResidentNotification[]> {
    return this.notifications.list(user.id);
  }

  @Post(':id/read')
  @HttpCode(204)
  @ApiOperation({ summary: 'Mark one notification read' })
  markRead(
    @CurrentUser() user: AuthUser,
    @Param('id', new ParseUUIDPipe({ version: '4' })) id: string,
  ): Promise<void> {
    return this.notifications.markRead(user.id, id);
  }
}
