import { Global, Module } from '@nestjs/common';
import { Clock } from './clock';
import { RateLimitGuard } from './http/rate-limit';

@Global()
@Module({ providers: [Clock, RateLimitGuard], exports: [Clock, RateLimitGuard] })
export class CommonModule {}
