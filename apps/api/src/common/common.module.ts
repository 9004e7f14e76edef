import { Global, Module } from '@nestjs/common';
import { Clock } from './clock';
import { RateLimiter, RateLimitGuard } from './http/rate-limit';

@Global()
@Module({
  providers: [Clock, RateLimiter, RateLimitGuard],
  exports: [Clock, RateLimiter, RateLimitGuard],
})
export class CommonModule {}
