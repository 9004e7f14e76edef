import { Module } from '@nestjs/common';
import { NotificationsController } from './notifications.controller';
import { NotificationsProcessor } from './notifications.processor';
import { NotificationsRepository } from './notifications.repository';
import { NotificationsService } from './notifications.service';
import { SmsService } from './sms.service';
import { StatusNotices } from './status-notices';

@Module({
  controllers: [NotificationsController],
  providers: [
    SmsService,
    NotificationsRepository,
    NotificationsService,
    StatusNotices,
    NotificationsProcessor,
  ],
  exports: [SmsService, NotificationsRepository, StatusNotices],
})
export class NotificationsModule {}
