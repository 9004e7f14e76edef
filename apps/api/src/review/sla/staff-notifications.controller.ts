import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Permission, type ReviewSlaDigestParams, type StaffNotification } from '@huanxin/shared';
import { CurrentUser, RequirePermission } from '../../auth/auth.decorators';
import { Clock } from '../../common/clock';
import type { AuthUser } from '../../common/http/request-context';
import { StaffNotificationsRepository } from './staff-notifications.repository';

const LIST_LIMIT = 100;

/** The review staff's in-app notifications (today: the daily SLA digest for approvers). */
@ApiTags('review')
@Controller('review/notifications')
@RequirePermission(Permission.ReviewRead)
export class StaffNotificationsController {
  constructor(
    private readonly notifications: StaffNotificationsRepository,
    private readonly clock: Clock,
  ) {}

  @Get()
  @ApiOperation({ summary: "The caller's in-app notifications, newest first (the last 100)" })
  async list(@CurrentUser() user: AuthUser): Promise<StaffNotification[]> {
    const rows = await this.notifications.listForUser(user.id, LIST_LIMIT);
    return rows.map((row) => ({
      id: row.id,
      kind: row.kind,
      // Staff notices are written only by the SLA digest, with these params (sla-digest.service).
      params: row.params as unknown as ReviewSlaDigestParams,
      text: row.textZh,
      createdAt: row.createdAt.toISOString(),
      read: row.readAt !== null,
    }));
  }

  @Post(':id/read')
  @HttpCode(204)
  @ApiOperation({ summary: 'Mark one of the caller’s notifications read' })
  markRead(@CurrentUser() user: AuthUser, @Param('id', new ParseUUIDPipe({ version: '4' })) id: string) {
    return this.notifications.markRead(user.id, id, this.clock.now());
  }
}
