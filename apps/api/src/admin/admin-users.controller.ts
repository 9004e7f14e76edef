import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Permission } from '@huanxin/shared';
import { CurrentUser, RequirePermission } from '../auth/auth.decorators';
import type { AuthUser } from '../common/http/request-context';
import { CreateOrganizationDto, CreateUserDto, UpdateUserDto } from './admin-users.dto';
import { AdminUsersService } from './admin-users.service';

@ApiTags('admin')
@Controller('admin')
@RequirePermission(Permission.UsersManage)
export class AdminUsersController {
  constructor(private readonly accounts: AdminUsersService) {}

  @Get('users')
  @RequirePermission(Permission.UsersAccounts)
  @ApiOperation({ summary: 'Staff and dealer accounts (system and security administrators)' })
  list() {
    return this.accounts.list();
  }

  @Post('users')
  @ApiOperation({
    summary:
      'Create a staff or dealer account (password policy applies); reviewer/approver accounts start pending a second admin',
  })
  create(@Body() body: CreateUserDto, @CurrentUser() actor: AuthUser) {
    return this.accounts.create(body, actor.id);
  }

  @Patch('users/:id')
  @RequirePermission(Permission.UsersAccounts)
  @ApiOperation({
    summary:
      "Rename, disable/enable (ends sessions), set password, activate (a second admin): system administrator; change role, unlock, reset MFA: security administrator (403 SECURITY_ADMIN_REQUIRED / SYSTEM_ADMIN_REQUIRED otherwise; 403 SELF_ACCOUNT_CHANGE on one's own account)",
  })
  update(
    @Param('id', new ParseUUIDPipe({ version: '4' })) id: string,
    @Body() body: UpdateUserDto,
    @CurrentUser() actor: AuthUser,
  ) {
    return this.accounts.update(id, body, actor);
  }

  @Post('organizations')
  @ApiOperation({
    summary:
      'Create an organisation directly, active (credit code checked); dealers register themselves at POST /api/dealer/registrations',
  })
  createOrganization(@Body() body: CreateOrganizationDto) {
    return this.accounts.createOrganization(body);
  }
}
