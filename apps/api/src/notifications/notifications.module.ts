import { Module } from '@nestjs/common';
import { NotificationsController } from './notifications.controller';
import { NotificationsRepository } from './notifications.repository';
import { SmsService } from './sms.service';

@Module({
  controllers: [NotificationsController],
  providers: [SmsService, NotificationsRepository],
  exports: [SmsService, NotificationsRepository],
})
export class NotificationsModule {}
