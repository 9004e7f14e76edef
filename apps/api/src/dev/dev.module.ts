import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications/notifications.module';
import { VouchersModule } from '../vouchers/vouchers.module';
import { DevController } from './dev.controller';

@Module({ imports: [NotificationsModule, VouchersModule], controllers: [DevController] })
export class DevModule {}
