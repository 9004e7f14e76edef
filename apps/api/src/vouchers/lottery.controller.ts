import { Body, Controller, Get, Param, Post, Query, UseGuards } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Permission, type MyLotteryEntry } from '@huanxin/shared';
import { CurrentUser, Public, RequirePermission } from '../auth/auth.decorators';
import type { AuthUser } from '../common/http/request-context';
import { validationFailed } from '../common/errors/domain-error';
import { ProgramCodeParams } from '../programs/programs.dto';
import { PublicReadLimitGuard } from '../programs/public-read-limit.guard';
import { LotteryEntryDto } from './vouchers.dto';
import { LotteryService } from './lottery.service';

@ApiTags('vouchers')
@Controller('programs/:code/lottery')
export class LotteryController {
  constructor(private readonly lottery: LotteryService) {}

  @Get()
  @Public()
  @UseGuards(PublicReadLimitGuard)
  @ApiQuery({ name: 'round', required: false, description: 'A past round (default: the latest opened)' })
  @ApiOperation({
    summary:
      'A lottery round, public: seed hash, entries (random ids), and after the draw the seed and winners',
  })
  round(@Param() params: ProgramCodeParams, @Query('round') round?: string) {
    if (round !== undefined && !/^[1-9]\d{0,3}$/.test(round))
      throw validationFailed({ round: 'INVALID_FORMAT' });
    return this.lottery.publicRound(params.code, round === undefined ? undefined : Number(round));
  }

  @Post('entries')
  @RequirePermission(Permission.VouchersOwn)
  @ApiOperation({
    summary: 'Enter the current round for a category (one entry per person, category and round)',
  })
  enter(@CurrentUser() user: AuthUser, @Param() params: ProgramCodeParams, @Body() body: LotteryEntryDto) {
    return this.lottery.enter(user.id, params.code, body.category);
  }
}

@ApiTags('vouchers')
@Controller('me/lottery-entries')
@RequirePermission(Permission.VouchersOwn)
export class MyLotteryEntriesController {
  constructor(private readonly lottery: LotteryService) {}

  @Get()
  @ApiOperation({
    summary: "The caller's lottery entries, newest round first, with each one's result after the draw",
  })
  list(@CurrentUser() user: AuthUser): Promise<MyLotteryEntry[]> {
    return this.lottery.mine(user.id);
  }
}
