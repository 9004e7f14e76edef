import { Module } from '@nestjs/common';
import { NotificationsController } from './notifications.controller';
import { NotificationsProcessor } from './notifications.processor';
import { SmsService } from './sms.service';

@Module({
  controllers: [NotificationsController],
  providers: [SmsService, NotificationsProcessor],
  exports: [SmsService],
})
export class NotificationsModule {}
