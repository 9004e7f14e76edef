import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser } from '../../auth/auth.decorators';
import type { AuthUser } from '../../common/http/request-context';
import { DealerRoutes } from '../dealer-access.guard';
import { LedgerService } from './ledger.service';

@ApiTags('dealer')
@Controller('dealer')
@DealerRoutes()
export class LedgerController {
  constructor(private readonly ledger: LedgerService) {}

  @Get('ledger')
  @ApiOperation({
    summary:
      'The organisation’s money: { totals: { advancedFen, inReviewFen, approvedFen, inBatchFen, paidFen, receivableFen }, items: [{ saleId, applicationCode, state, amountFen, expectedOn? }] } (own organisation only)',
  })
  ledgerOf(@CurrentUser() user: AuthUser) {
    return this.ledger.ledgerOf(user);
  }
}
