import { Module } from '@nestjs/common';
import { ProfileModule } from '../profile/profile.module';
import { ServerEvaluator } from './server-evaluator';

@Module({ imports: [ProfileModule], providers: [ServerEvaluator], exports: [ServerEvaluator] })
export class EligibilityModule {}
