import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Permission } from '@huanxin/shared';
import { CurrentUser, RequirePermission } from '../auth/auth.decorators';
import type { AuthUser } from '../common/http/request-context';
import { RevealDto } from './reveal.dto';
import { RevealService } from './reveal.service';

@ApiTags('profile')
@Controller()
export class RevealController {
  constructor(private readonly reveals: RevealService) {}

  @Post('residents/:id/reveal')
  @RequirePermission(Permission.PersonalDataReveal)
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Reveal one full personal-data value of a resident for one of their claims in review, with a published reason (limited per day; audited)',
  })
  reveal(
    @CurrentUser() user: AuthUser,
    @Param('id', new ParseUUIDPipe({ version: '4' })) id: string,
    @Body() body: RevealDto,
  ) {
    return this.reveals.reveal(user, id, body);
  }
}
