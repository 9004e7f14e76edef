import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Permission } from '@huanxin/shared';
import { CurrentUser, RequirePermission } from '../auth/auth.decorators';
import type { AuthUser } from '../common/http/request-context';
import { ChangeOrganizationStatusDto, ListOrganizationsQuery } from './dealers.dto';
import { OrganizationsService } from './organizations.service';

/** The commerce office (approver) and admins: registrations to review, lifecycle changes. */
@ApiTags('admin')
@Controller('admin/organizations')
@RequirePermission(Permission.OrganizationsReview)
export class AdminOrganizationsController {
  constructor(private readonly organizations: OrganizationsService) {}

  @Get()
  @ApiOperation({ summary: 'Organisations, optionally by status (payout accounts masked)' })
  list(@Query() query: ListOrganizationsQuery) {
    return this.organizations.list(query.status);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One organisation with its status history' })
  detail(@Param('id', new ParseUUIDPipe({ version: '4' })) id: string) {
    return this.organizations.detail(id);
  }

  @Post(':id/status')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Change the status with a reason (pending→active|disqualified, active→suspended, suspended→active|disqualified); 409 ILLEGAL_STATUS_CHANGE; audited',
  })
  changeStatus(
    @Param('id', new ParseUUIDPipe({ version: '4' })) id: string,
    @Body() body: ChangeOrganizationStatusDto,
    @CurrentUser() actor: AuthUser,
  ) {
    return this.organizations.changeStatus(id, body, actor);
  }
}
