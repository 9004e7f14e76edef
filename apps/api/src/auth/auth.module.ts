import { Global, Module } from '@nestjs/common';
import { PiiCipher } from '../common/crypto/pii-cipher';
import { NotificationsModule } from '../notifications/notifications.module';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { OtpService } from './otp.service';
import { PasswordService } from './password.service';
import { SessionService } from './session.service';
import { TotpService } from './totp.service';

/** Sessions, the cipher and passwords are used across domains (admin, profile, jobs). */
@Global()
@Module({
  providers: [SessionService, PiiCipher, PasswordService],
  exports: [SessionService, PiiCipher, PasswordService],
})
export class AuthCoreModule {}

@Module({
  imports: [NotificationsModule],
  controllers: [AuthController],
  providers: [AuthService, OtpService, TotpService, AuthGuard],
  exports: [AuthGuard],
})
export class AuthModule {}
