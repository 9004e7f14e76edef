import { Module } from '@nestjs/common';
import { DealersModule } from '../dealers.module';
import { LedgerController } from './ledger.controller';
import { LedgerRepository } from './ledger.repository';
import { LedgerService } from './ledger.service';

/** The dealer's money ledger (issue 13): `GET /api/dealer/ledger`. */
@Module({
  imports: [DealersModule],
  controllers: [LedgerController],
  providers: [LedgerRepository, LedgerService],
  // The money state beside each of the dealer's sales (GET /api/dealer/sales).
  exports: [LedgerService],
})
export class DealerLedgerModule {}
