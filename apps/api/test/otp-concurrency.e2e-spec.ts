import crypto from 'node:crypto';
import request from 'supertest';
import { PiiCipher } from '../src/common/crypto/pii-cipher';
import { PHONES } from './fixtures/pii';
import {
  clearRateLimits,
  createIdentityApp,
  dataSourceOf,
  deleteKeys,
  rawRedis,
  requestCode,
} from './utils/identity';
import type { TestApp } from './utils/test-app';

const phones = PHONES.security;

/**
 * SMS sign-in limits under concurrency (ASVS 6.6.3): the per-challenge and per-phone caps are
 * decided atomically in Redis before any code is compared, so a burst cannot check more codes
 * than the caps allow. Failures are audited with the phone's keyed hash, summed.
 */
describe('SMS code limits under concurrency', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createIdentityApp();
  });
  beforeEach(async () => {
    await clearRateLimits(t.config);
  });
  afterAll(async () => {
    await t.close();
  });

  const verify = (challengeId: string, code: string) =>
    request(t.server).post('/api/auth/otp/verify').send({ challengeId, code });
  const wrongFor = (code: string) => (code === '999999' ? '999998' : '999999');

  it.each([1, 2, 3, 4, 5])(
    'round %i: 20 wrong codes at once on one challenge → exactly 5 checked (401), 15 refused (429); the right code then fails',
    async (round) => {
      const { challengeId, code } = await requestCode(t, phones[round]!);
      const answers = await Promise.all(
        Array.from({ length: 20 }, () => verify(challengeId, wrongFor(code))),
      );
      const codes = answers.map((res) => `${res.status} ${res.body.error.code}`);
      expect(codes.filter((c) => c === '401 OTP_INVALID')).toHaveLength(5);
      expect(codes.filter((c) => c === '429 OTP_TOO_MANY_ATTEMPTS')).toHaveLength(15);
      const right = await verify(challengeId, code).expect(429);
      expect(right.headers['set-cookie']).toBeUndefined();
    },
  );

  it('40 wrong codes at once over 8 challenges of one phone → exactly 20 checked; the phone is then blocked for the hour, even with a right code', async () => {
    const phone = phones[6]!;
    const challenges: { challengeId: string; code: string }[] = [];
    for (let i = 0; i < 9; i++) {
      challenges.push(await requestCode(t, phone));
      // Only the send limits are lifted (not the per-phone failure count, there is none yet).
      await deleteKeys(t.config, ['rl:*']);
    }
    const spare = challenges.pop()!;
    const answers = await Promise.all(
      challenges.flatMap(({ challengeId, code }) =>
        Array.from({ length: 5 }, () => verify(challengeId, wrongFor(code))),
      ),
    );
    const codes = answers.map((res) => `${res.status} ${res.body.error.code}`);
    expect(codes).toHaveLength(40);
    expect(codes.filter((c) => c === '401 OTP_INVALID')).toHaveLength(20);
    expect(codes.filter((c) => c === '429 OTP_TOO_MANY_ATTEMPTS')).toHaveLength(20);

    const redis = rawRedis(t.config);
    try {
      const key = `${t.config.redis.prefix}:otp-fail:${t.app.get(PiiCipher).blindIndex(phone, 'phone')}`;
      expect(Number(await redis.get(key))).toBe(20);
      const ttl = await redis.ttl(key);
      expect(ttl).toBeGreaterThan(0);
      expect(ttl).toBeLessThanOrEqual(3600);
    } finally {
      redis.disconnect();
    }
    const blocked = await verify(spare.challengeId, spare.code).expect(429);
    expect(blocked.body.error.code).toBe('OTP_TOO_MANY_ATTEMPTS');
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(60);
  });

  it('failures are audited with the keyed hash of the phone (never the phone), a few rows for a flood', async () => {
    const phone = phones[7]!;
    const phoneHash = t.app.get(PiiCipher).blindIndex(phone, 'phone');
    const challenges: { challengeId: string; code: string }[] = [];
    for (let i = 0; i < 6; i++) {
      challenges.push(await requestCode(t, phone));
      await deleteKeys(t.config, ['rl:*']);
    }
    await Promise.all(
      challenges.flatMap(({ challengeId, code }) =>
        Array.from({ length: 6 }, () => verify(challengeId, wrongFor(code))),
      ),
    );
    const rows = (await dataSourceOf(t).query(
      `SELECT action, result, detail FROM audit_log WHERE detail->>'phoneHash' = $1 AND action = 'auth.login' ORDER BY seq`,
      [phoneHash],
    )) as { action: string; result: string; detail: Record<string, unknown> }[];
    // 36 refusals of one phone in the hour: rows at the 1st and the 10th only, with the count.
    expect(rows.map((row) => row.detail.count)).toEqual([1, 10]);
    expect(rows.every((row) => row.result === 'failure' && row.detail.method === 'otp')).toBe(true);
    expect(JSON.stringify(rows)).not.toContain(phone);
    const sent = (await dataSourceOf(t).query(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'auth.otp.sent' AND detail->>'phoneHash' = $1`,
      [phoneHash],
    )) as { n: number }[];
    expect(sent[0]!.n).toBe(6);
  });

  it('POST /api/auth/otp/verify is limited per address (otp-verify-ip-hour = AUTH_IP_LIMIT_PER_HOUR)', async () => {
    const limited = await createIdentityApp({ AUTH_IP_LIMIT_PER_HOUR: '3' });
    try {
      const { challengeId, code } = await requestCode(limited, phones[8]!);
      for (let i = 0; i < 3; i++)
        await request(limited.server)
          .post('/api/auth/otp/verify')
          .send({ challengeId: crypto.randomUUID(), code: '123456' })
          .expect(401);
      const refused = await request(limited.server)
        .post('/api/auth/otp/verify')
        .send({ challengeId, code })
        .expect(429);
      expect(refused.body.error.code).toBe('RATE_LIMITED');
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    } finally {
      await limited.close();
      await clearRateLimits(t.config);
    }
  });
});
