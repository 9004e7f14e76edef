import { generateSync } from 'otplib';
import request from 'supertest';
import { PHONES } from './fixtures/pii';
import {
  createAccount,
  createIdentityApp,
  deleteKeys,
  latestCode,
  rawRedis,
  requestCode,
  signInStaff,
  STRONG_PASSWORD,
  uniqueUsername,
  DEMO_USERS,
} from './utils/identity';
import type { TestApp } from './utils/test-app';

/**
 * Every application key in Redis expires (limits, SMS challenges and their counters, sessions,
 * enrolment tokens, audit burst counters): after the flows that create them, under concurrency
 * too, a SCAN of the suite's own prefix finds no key without a TTL. Queue keys (`<prefix>:q:*`)
 * belong to BullMQ and are excluded.
 */
describe('Redis keys always expire', () => {
  let t: TestApp;
  let mfa: TestApp;
  const prefix = `${process.env.REDIS_PREFIX ?? 'huanxin-test'}-ttl`;
  const phone = PHONES.security[0]!;

  beforeAll(async () => {
    t = await createIdentityApp({ REDIS_PREFIX: prefix });
    mfa = await createIdentityApp({ REDIS_PREFIX: prefix, STAFF_MFA: 'totp' });
  });
  afterAll(async () => {
    await deleteKeys(t.config, ['*']);
    await mfa.close();
    await t.close();
  });

  const verify = (challengeId: string, code: string) =>
    request(t.server).post('/api/auth/otp/verify').send({ challengeId, code });

  it('after sign-ins, bursts of codes, lock-outs, enrolments, refusals and payout codes: every key has a TTL', async () => {
    // SMS codes: the right code racing wrong ones, and a burst that kills a challenge.
    for (let round = 0; round < 5; round++) {
      await deleteKeys(t.config, ['rl:*', 'otp-fail:*']);
      const { challengeId, code } = await requestCode(t, phone);
      const wrong = code === '999999' ? '999998' : '999999';
      await Promise.all([
        ...Array.from({ length: 6 }, () => verify(challengeId, wrong)),
        verify(challengeId, code),
        ...Array.from({ length: 6 }, () => verify(challengeId, wrong)),
      ]);
      await deleteKeys(t.config, ['rl:*']);
      const second = await requestCode(t, phone);
      await Promise.all(Array.from({ length: 15 }, () => verify(second.challengeId, wrong)));
    }
    // A signed-in resident: session, writes limit, payout code.
    await deleteKeys(t.config, ['rl:*', 'otp-fail:*']);
    const { challengeId, code } = await requestCode(t, phone);
    const signedIn = await verify(challengeId, code).expect(200);
    const cookie = (signedIn.headers['set-cookie'] as unknown as string[])[0]!.split(';')[0]!;
    await deleteKeys(t.config, ['rl:*']);
    const failing = await requestCode(t, phone);
    await verify(failing.challengeId, failing.code === '999999' ? '999998' : '999999').expect(401);
    await deleteKeys(t.config, ['rl:*']);
    await request(t.server).post('/api/me/profile/otp').set('cookie', cookie).expect(202);
    await request(t.server).post('/api/auth/otp').send({ phone }).expect(429);
    // Staff: wrong passwords, an enrolment token with step 1 done, a confirmed enrolment.
    const admin = await signInStaff(t, DEMO_USERS.admin);
    const username = uniqueUsername('ttl');
    await createAccount(t, admin.cookie, { username, role: 'finance' });
    // A throw-away account takes the wrong passwords (a demo account locked here would break other suites).
    const lockedOut = uniqueUsername('ttllock');
    await createAccount(t, admin.cookie, { username: lockedOut, role: 'finance' });
    await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        request(t.server)
          .post('/api/auth/login')
          .send({ username: lockedOut, password: `nope-${i}` }),
      ),
    );
    const tokens = await Promise.all(
      [0, 1].map(
        async () =>
          (
            (await request(mfa.server).post('/api/auth/login').send({ username, password: STRONG_PASSWORD }))
              .body.error as { enrolmentToken: string }
          ).enrolmentToken,
      ),
    );
    const setups = await Promise.all(
      tokens.map((enrolmentToken) =>
        request(mfa.server).post('/api/auth/mfa/totp/setup').send({ enrolmentToken }).expect(200),
      ),
    );
    await request(mfa.server)
      .post('/api/auth/mfa/totp/confirm')
      .send({ enrolmentToken: tokens[0], totp: generateSync({ secret: setups[0]!.body.secret as string }) })
      .expect(200);
    // A token left pending (never confirmed) by another account.
    const other = uniqueUsername('ttl');
    await createAccount(t, admin.cookie, { username: other, role: 'finance' });
    await request(mfa.server)
      .post('/api/auth/login')
      .send({ username: other, password: STRONG_PASSWORD })
      .expect(403);
    // Refusals that write summed audit rows: CSRF and a limiter.
    for (let i = 0; i < 3; i++)
      await request(t.server).post('/api/auth/logout').set('origin', 'https://evil.example').expect(403);
    expect(await latestCode(t, phone)).toMatch(/^\d{6}$/);

    const redis = rawRedis(t.config);
    try {
      const keys: string[] = [];
      let cursor = '0';
      do {
        const [next, batch] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
        keys.push(...batch.filter((key) => !key.startsWith(`${prefix}:q:`)));
        cursor = next;
      } while (cursor !== '0');
      // The flows above created each kind of key.
      const kinds = [
        'rl:',
        'otp:',
        'otp-fail:',
        'otp-dead:',
        'sess:',
        'usess:',
        'mfa-enrol:',
        'mfa-enrol-user:',
        'audit-burst:',
      ];
      expect(kinds.filter((kind) => !keys.some((key) => key.startsWith(`${prefix}:${kind}`)))).toEqual([]);
      const withoutTtl: string[] = [];
      // -1: the key exists with no expiry (-2: gone since the scan, e.g. a heartbeat that expired).
      for (const key of keys)
        if ((await redis.ttl(key)) === -1) withoutTtl.push(key.slice(prefix.length + 1));
      expect(withoutTtl).toEqual([]);
    } finally {
      redis.disconnect();
    }
  });
});
