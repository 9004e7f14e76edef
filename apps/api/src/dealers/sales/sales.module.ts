import { Module } from '@nestjs/common';
import { ProgramsModule } from '../../programs/programs.module';
import { DealersModule } from '../dealers.module';
import { DealerLedgerModule } from '../ledger/ledger.module';
import { SaleBodyPipe } from './sale-body.pipe';
import { DealerSalesController } from './sales.controller';
import { SalesRepository } from './sales.repository';
import { SalesService } from './sales.service';
import { TillRedemption } from '../../vouchers/till-redemption';
import { VouchersModule } from '../../vouchers/vouchers.module';
import { VoucherRedeemer } from './voucher-redemption';

/**
 * Dealer sale records (issue 13). SalesService (single and bulk recording) and SalesRepository
 * (the sale behind each claim) are exported for the import, the review matrix, the risk rules and
 * the ledger. VoucherRedeemer is the point-of-sale seam: the vouchers module's TillRedemption.
 */
@Module({
  imports: [DealersModule, DealerLedgerModule, ProgramsModule, VouchersModule],
  controllers: [DealerSalesController],
  providers: [
    SalesRepository,
    SalesService,
    SaleBodyPipe,
    { provide: VoucherRedeemer, useExisting: TillRedemption },
  ],
  exports: [SalesRepository, SalesService],
})
export class SalesModule {}
