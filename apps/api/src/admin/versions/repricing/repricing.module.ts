import { Module } from '@nestjs/common';
import { BudgetModule } from '../../../budget/budget.module';
import { WhatIfModule } from '../what-if/what-if.module';
import { LedgerRetroactiveRepricer } from './ledger-retroactive-repricer';
import { RepricingRepository } from './repricing.repository';
import { RetroactiveRepricer } from './retroactive-repricer';

/** Provides RetroactiveRepricer (the publish transaction's re-pricing) to the versions module. */
@Module({
  imports: [BudgetModule, WhatIfModule],
  providers: [RepricingRepository, { provide: RetroactiveRepricer, useClass: LedgerRetroactiveRepricer }],
  exports: [RetroactiveRepricer],
})
export class RepricingModule {}
