import { Module } from '@nestjs/common';
import { ApplicationsModule } from '../applications/applications.module';
import { ProgramsModule } from '../programs/programs.module';
import { DealerPayeeResolver } from './dealer-payee.resolver';
import { PAYEE_RESOLVERS, PayeeRegistry, ResidentPayeeResolver, type PayeeResolver } from './payee';
import { PaymentViews } from './payment-views';
import { PaymentsController } from './payments.controller';
import { PaymentsRepository } from './payments.repository';
import { PaymentsService } from './payments.service';
import { ReconcileService } from './reconcile.service';

/**
 * The payee resolvers, asked in this order: the dealer organisation of point-of-sale claims, then
 * the resident's own card.
 */
const RESOLVERS = [DealerPayeeResolver, ResidentPayeeResolver];

/** Payment batches, bank files, reconciliation, receivables (issue 12). */
@Module({
  imports: [ApplicationsModule, ProgramsModule],
  controllers: [PaymentsController],
  providers: [
    PaymentsRepository,
    PaymentViews,
    PaymentsService,
    ReconcileService,
    ...RESOLVERS,
    {
      provide: PAYEE_RESOLVERS,
      useFactory: (...resolvers: PayeeResolver[]) => resolvers,
      inject: RESOLVERS,
    },
    PayeeRegistry,
  ],
  // The returns of dealer sales take a claim's line out of a draft batch (dealers/returns).
  exports: [PaymentsRepository],
})
export class PaymentsModule {}
