import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { validateMobile, type DevSmsMessage } from '@huanxin/shared';
import { Public } from '../auth/auth.decorators';
import { validationFailed } from '../common/errors/domain-error';
import { SmsService } from '../notifications/sms.service';
import { ProgramCodeParams } from '../programs/programs.dto';
import { LotteryService } from '../vouchers/lottery.service';

/** Development helpers. This module is not even registered when NODE_ENV=production. */
@ApiTags('dev')
@Controller('dev')
export class DevController {
  constructor(
    private readonly sms: SmsService,
    private readonly lottery: LotteryService,
  ) {}

  @Get('sms-outbox')
  @Public()
  @ApiOperation({ summary: 'Development only: SMS sent to a phone through the dev-outbox transport' })
  outbox(@Query('phone') phone: string | undefined): Promise<DevSmsMessage[]> {
    const checked = validateMobile(phone ?? '');
    if (!checked.ok) throw validationFailed({ phone: checked.errors[0] ?? 'INVALID_FORMAT' });
    return this.sms.devOutbox(checked.value);
  }

  @Post('lottery/:code/run')
  @Public()
  @HttpCode(200)
  @ApiOperation({
    summary:
      "Development only: the lottery job's step for one program now (draws its rounds whose draw time has come)",
  })
  runLottery(@Param() params: ProgramCodeParams): Promise<{ drawn: number }> {
    return this.lottery.runProgram(params.code);
  }
}
