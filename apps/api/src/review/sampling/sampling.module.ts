import { Module } from '@nestjs/common';
import { ProgramsModule } from '../../programs/programs.module';
import { SamplingController } from './sampling.controller';
import { SamplingRepository } from './sampling.repository';
import { SamplingService } from './sampling.service';

/** Post-approval audit samples and their outcomes (routes under /api/review/samples). */
@Module({
  imports: [ProgramsModule],
  controllers: [SamplingController],
  providers: [SamplingRepository, SamplingService],
})
export class ReviewSamplingModule {}
