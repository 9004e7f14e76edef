import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { InjectRedis } from '../redis/redis.module';

export const ENROLMENT_TTL_SECONDS = 10 * 60;

export interface PendingEnrolment {
  userId: string;
  /** Set by setup (step 1): the new secret, encrypted. */
  secretEnc?: string;
}

/**
 * Single-use TOTP enrolment tokens (handed out after a correct password when no factor is enrolled),
 * indexed per user so that confirming one kills every other pending token of that user.
 * Every key has a TTL: created with EX in one MULTI, updated only with XX KEEPTTL (never re-created).
 */
const REVOKE_ALL = `
local tokens = redis.call('SMEMBERS', KEYS[1])
for _, token in ipairs(tokens) do redis.call('DEL', KEYS[2] .. token) end
redis.call('DEL', KEYS[1])
return #tokens
`;

@Injectable()
export class EnrolmentTokens {
  constructor(@InjectRedis() private readonly redis: Redis) {}

  async create(userId: string): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    await this.redis
      .multi()
      .set(
        tokenKey(token),
        JSON.stringify({ userId } satisfies PendingEnrolment),
        'EX',
        ENROLMENT_TTL_SECONDS,
      )
      .sadd(userKey(userId), token)
      .expire(userKey(userId), ENROLMENT_TTL_SECONDS)
      .exec();
    return token;
  }

  async get(token: string): Promise<PendingEnrolment | null> {
    if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
    const raw = await this.redis.get(tokenKey(token));
    return raw ? (JSON.parse(raw) as PendingEnrolment) : null;
  }

  /** Stores the secret of step 1; false when the token expired meanwhile (no key is re-created). */
  async attachSecret(token: string, pending: PendingEnrolment): Promise<boolean> {
    const result = await this.redis.set(tokenKey(token), JSON.stringify(pending), 'KEEPTTL', 'XX');
    return result === 'OK';
  }

  /** Kills every pending token of the user (after one was confirmed). */
  async revokeAll(userId: string): Promise<void> {
    await this.redis.eval(REVOKE_ALL, 2, userKey(userId), 'mfa-enrol:');
  }
}

function tokenKey(token: string): string {
  return `mfa-enrol:${token}`;
}

function userKey(userId: string): string {
  return `mfa-enrol-user:${userId}`;
}
