import { Module } from '@nestjs/common';
import { NotificationsController } from './notifications.controller';
import { NotificationsProcessor } from './notifications.processor';
import { NotificationsRepository } from './notifications.repository';
import { NotificationsService } from './notifications.service';
import { SmsService } from './sms.service';

@Module({
  controllers: [NotificationsController],
  providers: [SmsService, NotificationsRepository, NotificationsService, NotificationsProcessor],
  exports: [SmsService, NotificationsRepository],
})
export class NotificationsModule {}
