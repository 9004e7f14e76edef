import { Injectable } from '@nestjs/common';
import type { Role } from '@huanxin/shared';
import type { AppConfig } from '../config/config';
import { InjectConfig } from '../config/config.module';
import type { UserEntity } from '../users/user.entity';
import { UsersRepository } from '../users/users.repository';
import { EnrolmentTokens } from './enrolment-tokens';
import { TotpService } from './totp.service';

/**
 * Who needs a second factor and whether a code is good. With `STAFF_MFA=totp` (the production
 * default) every password account needs TOTP: staff roles and dealers alike (a dealer redeems
 * vouchers and files claims for money; one stolen password must not be enough).
 */
@Injectable()
export class SecondFactorService {
  constructor(
    private readonly users: UsersRepository,
    private readonly totp: TotpService,
    private readonly tokens: EnrolmentTokens,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  required(role: Role): boolean {
    return this.config.auth.staffMfa === 'totp' && role !== 'resident';
  }

  /** The accepted time step, or null for a wrong or replayed code (each step is accepted once). */
  async verify(user: UserEntity, token: string): Promise<number | null> {
    if (!user.totpSecretEnc) return null;
    const step = this.totp.checkSealed(user.totpSecretEnc, token);
    if (step === null || !(await this.users.claimTotpStep(user.id, step))) return null;
    return step;
  }

  /** A token for the two enrolment steps (the account has a correct password and no factor yet). */
  startEnrolment(user: UserEntity): Promise<string> {
    return this.tokens.create(user.id);
  }
}
