import { Injectable, type OnModuleInit } from '@nestjs/common';
import { hash, verify } from '@node-rs/argon2';
import type { AppConfig } from '../config/config';
import { InjectConfig } from '../config/config.module';
import { loadPasswordBlocklist } from './password-policy';

/**
 * argon2id with the OWASP-recommended parameters (19 MiB, 2 iterations, 1 lane). The package's
 * `Algorithm` is an ambient const enum (unusable with isolatedModules): 2 is Argon2id.
 */
const ARGON2_ID = 2;
const ARGON2 = { algorithm: ARGON2_ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2);
}

@Injectable()
export class PasswordService implements OnModuleInit {
  /** Verified against when the account does not exist, so timing does not reveal usernames. */
  private dummyHash: Promise<string> | undefined;

  constructor(@InjectConfig() private readonly config: AppConfig) {}

  onModuleInit(): void {
    loadPasswordBlocklist(this.config.auth.passwordBlocklistFile);
  }

  hash(password: string): Promise<string> {
    return hashPassword(password);
  }

  async verify(storedHash: string | null, password: string): Promise<boolean> {
    if (!storedHash) {
      this.dummyHash ??= hash('not-a-real-password-for-timing', ARGON2);
      await verify(await this.dummyHash, password).catch(() => false);
      return false;
    }
    return verify(storedHash, password).catch(() => false);
  }
}
