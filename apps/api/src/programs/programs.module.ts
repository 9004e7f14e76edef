import { Module } from '@nestjs/common';
import { BudgetModule } from '../budget/budget.module';
import { EligibilityModule } from '../eligibility/eligibility.module';
import { ProgramsCache } from './programs.cache';
import { ProgramsController } from './programs.controller';
import { ProgramsRepository } from './programs.repository';
import { ProgramsService } from './programs.service';

@Module({
  imports: [BudgetModule, EligibilityModule],
  controllers: [ProgramsController],
  providers: [ProgramsRepository, ProgramsCache, ProgramsService],
  exports: [ProgramsRepository, ProgramsCache, ProgramsService],
})
export class ProgramsModule {}
