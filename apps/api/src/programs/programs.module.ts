import { Module } from '@nestjs/common';
import { BudgetModule } from '../budget/budget.module';
import { ProfileModule } from '../profile/profile.module';
import { ProgramsController } from './programs.controller';
import { ProgramsRepository } from './programs.repository';
import { ProgramsService } from './programs.service';

@Module({
  imports: [BudgetModule, ProfileModule],
  controllers: [ProgramsController],
  providers: [ProgramsRepository, ProgramsService],
  exports: [ProgramsRepository, ProgramsService],
})
export class ProgramsModule {}
