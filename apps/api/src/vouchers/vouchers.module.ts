import { Module } from '@nestjs/common';
import { ApplicationsModule } from '../applications/applications.module';
import { BudgetModule } from '../budget/budget.module';
import { ProgramsModule } from '../programs/programs.module';
import { LotteryController } from './lottery.controller';
import { LotteryRepository } from './lottery.repository';
import { LotteryService } from './lottery.service';
import { TillRedemption } from './till-redemption';
import { VoucherExpiryService } from './voucher-expiry.service';
import { VouchersController } from './vouchers.controller';
import { VouchersProcessor } from './vouchers.processor';
import { VouchersRepository } from './vouchers.repository';
import { VouchersService } from './vouchers.service';

/**
 * Point-of-sale vouchers (operations.md §5): routes, the budget reservation, the expiry sweep, and
 * redemption at the till (TillRedemption, the dealer sale's VoucherRedeemer).
 */
@Module({
  imports: [BudgetModule, ProgramsModule, ApplicationsModule],
  controllers: [VouchersController, LotteryController],
  providers: [
    VouchersRepository,
    VouchersService,
    VoucherExpiryService,
    LotteryRepository,
    LotteryService,
    VouchersProcessor,
    TillRedemption,
  ],
  exports: [VouchersService, TillRedemption],
})
export class VouchersModule {}
