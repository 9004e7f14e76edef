import { Module } from '@nestjs/common';
import { SalesRepository } from '../dealers/sales/sales.repository';
import { ProgramsModule } from '../programs/programs.module';
import { DealerRecordsRiskRepository } from './dealer-records.repository';
import { RiskRepository } from './risk.repository';
import { RiskService } from './risk.service';

/**
 * The risk rules (no routes): imported by the applications module, whose check job calls them.
 * SalesRepository (the sale behind a claim) is provided here by class, not through the sales
 * module, so the dealers' modules may depend on applications without a cycle.
 */
@Module({
  imports: [ProgramsModule],
  providers: [RiskRepository, DealerRecordsRiskRepository, SalesRepository, RiskService],
  exports: [RiskService],
})
export class RiskModule {}
