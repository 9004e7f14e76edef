import { Module } from '@nestjs/common';
import { ProfileModule } from '../profile/profile.module';
import { HistoryRepository } from './history.repository';
import { ServerEvaluator } from './server-evaluator';

@Module({
  imports: [ProfileModule],
  providers: [ServerEvaluator, HistoryRepository],
  exports: [ServerEvaluator],
})
export class EligibilityModule {}
