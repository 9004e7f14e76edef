import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { SaleReturnResult } from '@huanxin/shared';
import { CurrentUser } from '../../auth/auth.decorators';
import type { AuthUser } from '../../common/http/request-context';
import { DealerRoutes } from '../dealer-access.guard';
import { ReturnSaleDto } from './returns.dto';
import { ReturnsService } from './returns.service';

/** Returns of the dealer's own sales (operations.md §6): writes only for an active organisation. */
@ApiTags('dealer')
@Controller('dealer/sales')
@DealerRoutes()
export class DealerReturnsController {
  constructor(private readonly returns: ReturnsService) {}

  @Post(':id/return')
  @HttpCode(200)
  @ApiBody({ type: ReturnSaleDto })
  @ApiOperation({
    summary:
      'Report a sale’s goods returned: 200 { outcome: "cancelled"|"removed_from_batch"|"receivable", receivableFen?, dueOn? }; 404 SALE_NOT_FOUND (also another organisation’s); 409 ALREADY_RETURNED, RETURN_PAYMENT_PENDING (a released batch pays it); 422 returnedOn FUTURE_DATE / BEFORE_SALE_DATE, reason REQUIRED',
  })
  returnSale(
    @CurrentUser() user: AuthUser,
    @Param('id', new ParseUUIDPipe({ version: '4' })) id: string,
    @Body() body: ReturnSaleDto,
  ): Promise<SaleReturnResult> {
    return this.returns.returnSale(user, id, body);
  }
}
