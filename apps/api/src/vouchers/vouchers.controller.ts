import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Res,
  UseInterceptors,
} from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Permission } from '@huanxin/shared';
import type { FastifyReply } from 'fastify';
import { requireIdempotencyKey } from '../applications/idempotency';
import { CurrentUser, RequirePermission } from '../auth/auth.decorators';
import { SubmitAdmission } from '../common/http/admission';
import type { AuthUser } from '../common/http/request-context';
import { CreateVoucherDto } from './vouchers.dto';
import { VouchersService } from './vouchers.service';

@ApiTags('vouchers')
@Controller('vouchers')
@RequirePermission(Permission.VouchersOwn)
export class VouchersController {
  constructor(private readonly vouchers: VouchersService) {}

  @Post()
  // The submit's admission gate (shared): beyond it a fast 503 with Retry-After, nothing written.
  @UseInterceptors(SubmitAdmission)
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'A UUID per tap on "take", reused on retries: a double tap takes one voucher',
  })
  @ApiOperation({
    summary:
      "Take a voucher: reserves the category's maximum subsidy until it expires; 503 SERVICE_UNAVAILABLE with Retry-After while the submit gate is full",
  })
  async issue(
    @CurrentUser() user: AuthUser,
    @Body() body: CreateVoucherDto,
    @Headers('idempotency-key') key: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const result = await this.vouchers.issue(
      user.id,
      { programCode: body.programCode, category: body.category },
      key === undefined ? null : requireIdempotencyKey(key),
    );
    void reply.status(result.status);
    return result.body;
  }

  @Get('offers')
  @ApiOperation({ summary: 'Programs that issue vouchers today, with their categories and terms' })
  offers() {
    return this.vouchers.offers();
  }

  @Get()
  @ApiOperation({ summary: "The caller's vouchers, newest first" })
  list(@CurrentUser() user: AuthUser) {
    return this.vouchers.list(user.id);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @ApiOperation({ summary: 'Cancel an issued voucher; releases its reservation' })
  cancel(@CurrentUser() user: AuthUser, @Param('id', new ParseUUIDPipe({ version: '4' })) id: string) {
    return this.vouchers.cancel(user.id, id);
  }
}
