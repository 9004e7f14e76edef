import { Module } from '@nestjs/common';
import { BudgetModule } from '../budget/budget.module';
import { EligibilityModule } from '../eligibility/eligibility.module';
import { ProfileModule } from '../profile/profile.module';
import { ProgramsModule } from '../programs/programs.module';
import { ApplicationStateService } from './application-state.service';
import { ApplicationsController } from './applications.controller';
import { ApplicationsRepository } from './applications.repository';
import { ApplicationsService } from './applications.service';

@Module({
  imports: [BudgetModule, ProgramsModule, ProfileModule, EligibilityModule],
  controllers: [ApplicationsController],
  providers: [ApplicationsRepository, ApplicationsService, ApplicationStateService],
  exports: [ApplicationsRepository, ApplicationsService, ApplicationStateService, EligibilityModule],
})
export class ApplicationsModule {}
