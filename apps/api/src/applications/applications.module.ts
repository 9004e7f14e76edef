import { Module } from '@nestjs/common';
import { BudgetModule } from '../budget/budget.module';
import { DocumentsService } from '../documents/documents.service';
import { APP_CONFIG } from '../config/config.module';
import { createDocumentStorage, DocumentStorage } from '../documents/storage';
import { EligibilityModule } from '../eligibility/eligibility.module';
import { ProfileModule } from '../profile/profile.module';
import { ProgramsModule } from '../programs/programs.module';
import { ApplicationStateService } from './application-state.service';
import { ApplicationsController } from './applications.controller';
import { ApplicationsRepository } from './applications.repository';
import { ApplicationsService } from './applications.service';
import { ChecksProcessor } from './checks.processor';

@Module({
  imports: [BudgetModule, ProgramsModule, ProfileModule, EligibilityModule],
  controllers: [ApplicationsController],
  providers: [
    ApplicationsRepository,
    ApplicationsService,
    ApplicationStateService,
    ChecksProcessor,
    DocumentsService,
    { provide: DocumentStorage, useFactory: createDocumentStorage, inject: [APP_CONFIG] },
  ],
  exports: [ApplicationsRepository, ApplicationsService, ApplicationStateService, EligibilityModule],
})
export class ApplicationsModule {}
