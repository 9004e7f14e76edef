import { createHmac, randomInt, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { Clock } from '../common/clock';
import type { AppConfig } from '../config/config';
import { InjectConfig } from '../config/config.module';
import { InjectRedis } from '../redis/redis.module';

export const OTP_TTL_MS = 5 * 60_000;
export const OTP_MAX_ATTEMPTS = 5;
export const PHONE_FAILURES_PER_HOUR = 20;
const PHONE_FAILURE_WINDOW_SECONDS = 3600;

/** What a code is for: a code is accepted only by the flow it was sent for (ASVS 6.6.2). */
export type OtpPurpose = 'login' | 'payout-change';

export type OtpCheck =
  | { result: 'ok'; phoneEnc: string; phoneBidx: string }
  | { result: 'wrong'; attempts: number; phoneBidx: string }
  | { result: 'missing' | 'dead' | 'expired'; phoneBidx?: string }
  | { result: 'phone-locked'; retryAfterSeconds: number; phoneBidx: string };

/**
 * Decides a code in one Lua script, so concurrent tries cannot overtake the counters: the challenge's
 * try count and the phone's hourly failure count are read, compared with their caps, compared with
 * the code, and incremented as one step. A burst of 40 wrong codes therefore checks at most
 * OTP_MAX_ATTEMPTS per challenge and PHONE_FAILURES_PER_HOUR per phone; the rest are refused before
 * any comparison. Every key it creates carries a TTL; the challenge hash is never re-created after a
 * DEL (the old HINCRBY-after-read did that, leaving a key without TTL).
 *
 * KEYS: challenge, dead marker, phone failure counter.
 * ARGV: purpose, given MAC, now (ms), max tries, phone cap, phone window (s), dead marker TTL (ms).
 * The MAC comparison in Lua is not constant-time; it compares HMACs whose key the caller lacks,
 * so timing reveals nothing about the code.
 */
const VERIFY = `
if redis.call('EXISTS', KEYS[2]) == 1 then return {'dead'} end
local c = redis.call('HMGET', KEYS[1], 'codeMac', 'purpose', 'expiresAt', 'phoneEnc')
if not c[1] or c[2] ~= ARGV[1] then return {'missing'} end
if tonumber(ARGV[3]) > tonumber(c[3]) then
  redis.call('DEL', KEYS[1])
  return {'expired'}
end
local failures = tonumber(redis.call('GET', KEYS[3]) or '0')
if failures >= tonumber(ARGV[5]) then
  return {'phone-locked', tostring(redis.call('TTL', KEYS[3]))}
end
if c[1] == ARGV[2] then
  redis.call('DEL', KEYS[1])
  return {'ok', c[4]}
end
local attempts = redis.call('HINCRBY', KEYS[1], 'attempts', 1)
redis.call('INCR', KEYS[3])
if redis.call('TTL', KEYS[3]) < 0 then redis.call('EXPIRE', KEYS[3], ARGV[6]) end
if attempts >= tonumber(ARGV[4]) then
  redis.call('DEL', KEYS[1])
  redis.call('SET', KEYS[2], '1', 'PX', ARGV[7])
end
return {'wrong', tostring(attempts)}
`;

/** SMS challenges in Redis: the code kept only as an HMAC bound to its challenge and purpose. */
@Injectable()
export class OtpChallengeStore {
  constructor(
    @InjectRedis() private readonly redis: Redis,
    @InjectConfig() private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  async create(
    phoneBidx: string,
    phoneEnc: string,
    purpose: OtpPurpose,
  ): Promise<{ challengeId: string; code: string; expiresAt: number }> {
    const challengeId = randomUUID();
    const code = randomInt(0, 1_000_000).toString().padStart(6, '0');
    const expiresAt = this.clock.now().getTime() + OTP_TTL_MS;
    const key = challengeKey(challengeId);
    await this.redis
      .multi()
      .hset(key, {
        phoneBidx,
        phoneEnc,
        codeMac: this.mac(challengeId, purpose, code),
        purpose,
        attempts: 0,
        expiresAt,
      })
      .pexpire(key, OTP_TTL_MS + 60_000)
      .exec();
    return { challengeId, code, expiresAt };
  }

  async discard(challengeId: string): Promise<void> {
    await this.redis.del(challengeKey(challengeId));
  }

  async check(challengeId: string, code: string, purpose: OtpPurpose): Promise<OtpCheck> {
    const key = challengeKey(challengeId);
    // The phone of a challenge never changes, so reading it before the script is safe.
    const phoneBidx = await this.redis.hget(key, 'phoneBidx');
    if (!phoneBidx) {
      return { result: (await this.redis.exists(deadKey(challengeId))) ? 'dead' : 'missing' };
    }
    const given = this.mac(challengeId, purpose, /^\d{6}$/.test(code) ? code : 'x');
    const reply = (await this.redis.eval(
      VERIFY,
      3,
      key,
      deadKey(challengeId),
      phoneFailuresKey(phoneBidx),
      purpose,
      given,
      this.clock.now().getTime(),
      OTP_MAX_ATTEMPTS,
      PHONE_FAILURES_PER_HOUR,
      PHONE_FAILURE_WINDOW_SECONDS,
      OTP_TTL_MS,
    )) as string[];
    switch (reply[0]) {
      case 'ok':
        return { result: 'ok', phoneEnc: reply[1]!, phoneBidx };
      case 'wrong':
        return { result: 'wrong', attempts: Number(reply[1]), phoneBidx };
      case 'phone-locked':
        return { result: 'phone-locked', retryAfterSeconds: Math.max(1, Number(reply[1])), phoneBidx };
      default:
        return { result: reply[0] as 'missing' | 'dead' | 'expired', phoneBidx };
    }
  }

  /** The purpose is part of the MAC too: a code is worthless outside its flow, even if stored wrongly. */
  private mac(challengeId: string, purpose: OtpPurpose, code: string): string {
    return createHmac('sha256', this.config.secrets.appSecret)
      .update(`otp:${purpose}:${challengeId}:${code}`)
      .digest('base64url');
  }
}

function challengeKey(challengeId: string): string {
  return `otp:${challengeId}`;
}

function deadKey(challengeId: string): string {
  return `otp-dead:${challengeId}`;
}

export function phoneFailuresKey(phoneBidx: string): string {
  return `otp-fail:${phoneBidx}`;
}
