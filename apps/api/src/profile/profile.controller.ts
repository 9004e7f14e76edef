import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Permission } from '@huanxin/shared';
import { CurrentUser, RequirePermission } from '../auth/auth.decorators';
import type { AuthUser } from '../common/http/request-context';
import { UpdateProfileDto } from './profile.dto';
import { ProfileService } from './profile.service';

@ApiTags('profile')
@Controller()
export class ProfileController {
  constructor(private readonly profiles: ProfileService) {}

  @Get('me/profile')
  @RequirePermission(Permission.ProfileReadOwn)
  @ApiOperation({ summary: "The resident's real-name details, masked" })
  get(@CurrentUser() user: AuthUser) {
    return this.profiles.get(user.id);
  }

  @Put('me/profile')
  @RequirePermission(Permission.ProfileWriteOwn)
  @ApiOperation({ summary: 'Save real-name details (with the separate consent); answers masked' })
  save(@CurrentUser() user: AuthUser, @Body() body: UpdateProfileDto) {
    return this.profiles.save(user.id, body);
  }
}
