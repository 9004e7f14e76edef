import { Module } from '@nestjs/common';
import { ProgramsModule } from '../programs/programs.module';
import { DealerRecordsRiskRepository } from './dealer-records.repository';
import { RiskRepository } from './risk.repository';
import { RiskService } from './risk.service';

/** The risk rules (no routes): imported by the applications module, whose check job calls them. */
@Module({
  imports: [ProgramsModule],
  providers: [RiskRepository, DealerRecordsRiskRepository, RiskService],
  exports: [RiskService],
})
export class RiskModule {}
