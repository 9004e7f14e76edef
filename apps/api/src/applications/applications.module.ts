import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications/notifications.module';
import { BudgetModule } from '../budget/budget.module';
import { EligibilityModule } from '../eligibility/eligibility.module';
import { ProfileModule } from '../profile/profile.module';
import { ProgramsModule } from '../programs/programs.module';
import { RiskModule } from '../risk/risk.module';
import { ApplicationStateService } from './application-state.service';
import { ApplicationsController } from './applications.controller';
import { ApplicationsRepository } from './applications.repository';
import { ApplicationsService } from './applications.service';
import { ChecksRepository } from './checks.repository';
import { ChecksService } from './checks.service';
import { CheckSignals } from './checks.signals';
import { ExpiryService } from './expiry.service';
import { IdempotencyRepository } from './idempotency.repository';
import { SubmissionChecks } from './submission-checks';
import { SubmissionService } from './submission.service';
import { ChecksProcessor } from './checks.processor';
import { SubmitGate } from '../common/http/admission';

@Module({
  imports: [BudgetModule, ProgramsModule, ProfileModule, EligibilityModule, RiskModule, NotificationsModule],
  controllers: [ApplicationsController],
  providers: [
    ApplicationsRepository,
    ApplicationsService,
    ApplicationStateService,
    SubmissionService,
    SubmissionChecks,
    IdempotencyRepository,
    ChecksRepository,
    ChecksService,
    CheckSignals,
    ExpiryService,
    ChecksProcessor,
    SubmitGate,
  ],
  exports: [
    ApplicationsRepository,
    ApplicationsService,
    ApplicationStateService,
    ChecksService,
    ExpiryService,
    IdempotencyRepository,
    EligibilityModule,
    // The one submit gate, shared with the voucher issue route (POST /api/vouchers).
    SubmitGate,
  ],
})
export class ApplicationsModule {}
