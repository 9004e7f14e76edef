import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Permission } from '@huanxin/shared';
import { RequirePermission } from '../auth/auth.decorators';
import { CreateOrganizationDto, CreateUserDto, UpdateUserDto } from './admin-users.dto';
import { AdminUsersService } from './admin-users.service';

@ApiTags('admin')
@Controller('admin')
@RequirePermission(Permission.UsersManage)
export class AdminUsersController {
  constructor(private readonly accounts: AdminUsersService) {}

  @Get('users')
  @ApiOperation({ summary: 'Staff and dealer accounts' })
  list() {
    return this.accounts.list();
  }

  @Post('users')
  @ApiOperation({ summary: 'Create a staff or dealer account (password policy applies)' })
  create(@Body() body: CreateUserDto) {
    return this.accounts.create(body);
  }

  @Patch('users/:id')
  @ApiOperation({ summary: 'Rename, disable/enable (ends sessions), unlock, set password, reset MFA' })
  update(@Param('id', new ParseUUIDPipe({ version: '4' })) id: string, @Body() body: UpdateUserDto) {
    return this.accounts.update(id, body);
  }

  @Get('organizations')
  @ApiOperation({ summary: 'Dealer, recycler and dismantler organisations' })
  organizations() {
    return this.accounts.listOrganizations();
  }

  @Post('organizations')
  @ApiOperation({ summary: 'Register an organisation (credit code checked)' })
  createOrganization(@Body() body: CreateOrganizationDto) {
    return this.accounts.createOrganization(body);
  }
}
