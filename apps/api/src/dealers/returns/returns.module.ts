import { Module } from '@nestjs/common';
import { ApplicationsModule } from '../../applications/applications.module';
import { PaymentsModule } from '../../payments/payments.module';
import { DealersModule } from '../dealers.module';
import { SalesModule } from '../sales/sales.module';
import { DealerReturnsController } from './returns.controller';
import { ReturnsRepository } from './returns.repository';
import { ReturnsService } from './returns.service';

/**
 * Returns of dealer sales (issue 14, operations.md §6): `POST /api/dealer/sales/:id/return`. It
 * cancels the sale's claim through ApplicationStateService (the one writer of claim status and
 * money), takes its line out of a draft batch through PaymentsRepository, and opens the
 * receivable of a return after payout in the receivable model the sampling clawback uses.
 */
@Module({
  imports: [DealersModule, SalesModule, ApplicationsModule, PaymentsModule],
  controllers: [DealerReturnsController],
  providers: [ReturnsRepository, ReturnsService],
})
export class DealerReturnsModule {}
