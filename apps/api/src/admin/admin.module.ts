import { Module } from '@nestjs/common';
import { BudgetModule } from '../budget/budget.module';
import { ProgramsModule } from '../programs/programs.module';
import { AdminProgramsController } from './admin-programs.controller';
import { AdminProgramsService } from './admin-programs.service';
import { AdminUsersController } from './admin-users.controller';
import { AdminUsersService } from './admin-users.service';
import { ProgramPausesService } from './program-pauses.service';
import { ProgramTranchesService } from './program-tranches.service';
import { ProgramVersionsController } from './versions/program-versions.controller';
import { ProgramVersionsRepository } from './versions/program-versions.repository';
import { ProgramVersionsService } from './versions/program-versions.service';
import { RepricingModule } from './versions/repricing/repricing.module';
import { WhatIfModule } from './versions/what-if/what-if.module';

@Module({
  // RepricingModule provides RetroactiveRepricer to the publish (ProgramVersionsService).
  imports: [BudgetModule, ProgramsModule, WhatIfModule, RepricingModule],
  controllers: [AdminUsersController, AdminProgramsController, ProgramVersionsController],
  providers: [
    AdminUsersService,
    AdminProgramsService,
    ProgramTranchesService,
    ProgramPausesService,
    ProgramVersionsRepository,
    ProgramVersionsService,
  ],
  exports: [ProgramVersionsRepository],
})
export class AdminModule {}
