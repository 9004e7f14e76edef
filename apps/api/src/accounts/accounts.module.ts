import { Module } from '@nestjs/common';
import { AccountsProcessor } from './accounts.processor';

/** Staff-account housekeeping jobs (worker only; the accounts themselves live in users/). */
@Module({ providers: [AccountsProcessor] })
export class AccountsModule {}
