import { Module } from '@nestjs/common';
import { ProgramsModule } from '../../programs/programs.module';
import { SlaDigestService } from './sla-digest.service';
import { ReviewSlaProcessor } from './sla.processor';
import { SlaRepository } from './sla.repository';
import { StaffNotificationsController } from './staff-notifications.controller';
import { StaffNotificationsRepository } from './staff-notifications.repository';

/** The review SLA clock over claims in review, the approvers' daily digest and staff notifications. */
@Module({
  imports: [ProgramsModule],
  controllers: [StaffNotificationsController],
  providers: [SlaRepository, StaffNotificationsRepository, SlaDigestService, ReviewSlaProcessor],
  exports: [SlaRepository, SlaDigestService],
})
export class ReviewSlaModule {}
