import { Module } from '@nestjs/common';
import { ProgramsModule } from '../../programs/programs.module';
import { StatsModule } from '../../stats/stats.module';
import { ReviewSlaModule } from '../sla/sla.module';
import { ReportsController } from './reports.controller';
import { ReportsRepository } from './reports.repository';
import { ReportsService } from './reports.service';

/** Review stats and the `.xlsx` export (routes /api/review/stats and /api/review/export). */
@Module({
  imports: [ProgramsModule, ReviewSlaModule, StatsModule],
  controllers: [ReportsController],
  providers: [ReportsRepository, ReportsService],
})
export class ReviewReportsModule {}
