import { Module } from '@nestjs/common';
import { ProgramsModule } from '../programs/programs.module';
import { StatsController } from './stats.controller';
import { StatsRepository } from './stats.repository';
import { StatsService } from './stats.service';

/** The one statistics query layer (StatsRepository, shared with review reporting) and `/api/stats`. */
@Module({
  imports: [ProgramsModule],
  controllers: [StatsController],
  providers: [StatsRepository, StatsService],
  exports: [StatsRepository],
})
export class StatsModule {}
