import { Module } from '@nestjs/common';
import { NotificationsController } from './notifications.controller';
import { SmsService } from './sms.service';

@Module({ controllers: [NotificationsController], providers: [SmsService], exports: [SmsService] })
export class NotificationsModule {}
