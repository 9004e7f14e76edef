import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { PiiCipher } from '../src/common/crypto/pii-cipher';
import { PHONES } from './fixtures/pii';
import { MINUTE, SECOND, useFakeClock, type FakeClock } from './utils/fake-clock';
import {
  clearRateLimits,
  createIdentityApp,
  latestCode,
  rawRedis,
  requestCode,
  sessionCookie,
  setCookie,
} from './utils/identity';
import type { TestApp } from './utils/test-app';

const phone = PHONES.authResident;

/** Resident sign-in by SMS code (api-contract.md "Auth"; ASVS 6.5.x, 6.6.3). */
describe('resident sign-in by SMS code', () => {
  let t: TestApp;
  let clock: FakeClock;

  beforeAll(async () => {
    t = await createIdentityApp();
  });
  beforeEach(async () => {
    await clearRateLimits(t.config);
    clock = useFakeClock(t.app);
  });
  afterEach(() => clock.restore());
  afterAll(async () => {
    await t.close();
  });

  describe('POST /api/auth/otp', () => {
    it('answers 202 { challengeId, expiresAt } five minutes ahead and delivers a 6-digit code', async () => {
      const res = await request(t.server).post('/api/auth/otp').send({ phone: phone[0] }).expect(202);
      expect(res.body).toEqual({
        challengeId: expect.stringMatching(/^[0-9a-f-]{36}$/),
        expiresAt: expect.any(String),
      });
      expect(new Date(res.body.expiresAt).getTime()).toBe(clock.now().getTime() + 5 * MINUTE);
      const outbox = await request(t.server)
        .get('/api/dev/sms-outbox')
        .query({ phone: phone[0] })
        .expect(200);
      expect(outbox.body[0]).toEqual({
        phone: phone[0],
        text: expect.stringContaining(outbox.body[0].code),
        code: expect.stringMatching(/^\d{6}$/),
        sentAt: expect.any(String),
      });
    });

    it('normalises +86 and spaces to the same phone', async () => {
      await request(t.server)
        .post('/api/auth/otp')
        .send({ phone: `+86 ${phone[1]!.slice(0, 3)} ${phone[1]!.slice(3)}` })
        .expect(202);
      expect(await latestCode(t, phone[1]!)).toMatch(/^\d{6}$/);
    });

    it.each([
      ['too short', '1390531000'],
      ['not a mobile prefix', '12345678901'],
      ['letters', 'abcdefghijk'],
      ['empty', ''],
    ])('a bad phone (%s) → 422 with fields.phone', async (_label, bad) => {
      const res = await request(t.server).post('/api/auth/otp').send({ phone: bad }).expect(422);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
      expect(res.body.error.fields).toEqual({ phone: expect.stringMatching(/^[A-Z_]+$/) });
    });

    it('a missing phone or an unknown field → 422', async () => {
      expect((await request(t.server).post('/api/auth/otp').send({}).expect(422)).body.error.fields).toEqual({
        phone: expect.any(String),
      });
      const res = await request(t.server)
        .post('/api/auth/otp')
        .send({ phone: phone[2], role: 'admin' })
        .expect(422);
      expect(res.body.error.fields).toEqual({ role: 'UNKNOWN_FIELD' });
    });

    it('per phone: a second send within 60 s → 429 with Retry-After', async () => {
      await request(t.server).post('/api/auth/otp').send({ phone: phone[3] }).expect(202);
      const res = await request(t.server).post('/api/auth/otp').send({ phone: phone[3] }).expect(429);
      expect(res.body.error.code).toBe('RATE_LIMITED');
      const retryAfter = Number(res.headers['retry-after']);
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(60);
    });

    /** The minute window is emptied between sends, as if a minute had passed (the windows live in Redis). */
    async function sendsUntilRefused(
      target: string,
      max: number,
    ): Promise<{ accepted: number; retryAfter: number }> {
      const redis = rawRedis(t.config);
      const bidx = t.app.get(PiiCipher).blindIndex(target, 'phone');
      try {
        for (let accepted = 0; accepted < max; accepted++) {
          await redis.del(`${t.config.redis.prefix}:rl:otp-send-phone-minute:phone:${bidx}`);
          const res = await request(t.server).post('/api/auth/otp').send({ phone: target });
          if (res.status === 429) return { accepted, retryAfter: Number(res.headers['retry-after']) };
          expect(res.status).toBe(202);
        }
      } finally {
        redis.disconnect();
      }
      return { accepted: max, retryAfter: 0 };
    }

    it('per phone: 5 an hour — the 6th send in the hour → 429 with Retry-After up to an hour', async () => {
      const { accepted, retryAfter } = await sendsUntilRefused(phone[4]!, 20);
      expect(accepted).toBe(5);
      expect(retryAfter).toBeGreaterThan(60);
      expect(retryAfter).toBeLessThanOrEqual(3600);
    });

    it('per phone: 10 a day — with the hour window spent twice, the 11th send → 429 with Retry-After up to a day', async () => {
      const redis = rawRedis(t.config);
      const bidx = t.app.get(PiiCipher).blindIndex(phone[5]!, 'phone');
      try {
        let accepted = 0;
        let refused: request.Response | undefined;
        for (let i = 0; i < 20 && !refused; i++) {
          await redis.del(
            `${t.config.redis.prefix}:rl:otp-send-phone-minute:phone:${bidx}`,
            `${t.config.redis.prefix}:rl:otp-send-phone-hour:phone:${bidx}`,
          );
          const res = await request(t.server).post('/api/auth/otp').send({ phone: phone[5] });
          if (res.status === 429) refused = res;
          else {
            expect(res.status).toBe(202);
            accepted += 1;
          }
        }
        expect(accepted).toBe(10);
        expect(Number(refused!.headers['retry-after'])).toBeGreaterThan(3600);
        expect(Number(refused!.headers['retry-after'])).toBeLessThanOrEqual(86_400);
      } finally {
        redis.disconnect();
      }
    });

    it('per IP (OTP_IP_LIMIT_PER_HOUR): over the limit → 429 whatever the phone', async () => {
      const limited = await createIdentityApp({ OTP_IP_LIMIT_PER_HOUR: '3' });
      try {
        for (const target of phone.slice(6, 9))
          await request(limited.server).post('/api/auth/otp').send({ phone: target }).expect(202);
        const res = await request(limited.server).post('/api/auth/otp').send({ phone: phone[9] }).expect(429);
        expect(res.body.error.code).toBe('RATE_LIMITED');
        expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
      } finally {
        await limited.close();
      }
    });
  });

  describe('POST /api/auth/otp/verify', () => {
    it('the right code → 200 { user } and an HttpOnly, SameSite=Lax session cookie', async () => {
      const { challengeId, code } = await requestCode(t, phone[0]!);
      const res = await request(t.server)
        .post('/api/auth/otp/verify')
        .send({ challengeId, code })
        .expect(200);
      const masked = `${phone[0]!.slice(0, 3)}****${phone[0]!.slice(-4)}`;
      expect(res.body).toEqual({
        user: { id: expect.any(String), role: 'resident', displayName: masked, phoneMasked: masked },
      });
      const line = setCookie(res, t.config)!;
      expect(line).toMatch(/^hx_sid=[A-Za-z0-9_-]{43};/);
      expect(line).toMatch(/; HttpOnly/i);
      expect(line).toMatch(/; SameSite=Lax/i);
      expect(line).toMatch(/; Path=\//i);
      expect(line).not.toMatch(/; Secure/i); // plain HTTP in tests; Secure behind HTTPS (below)
      const me = await request(t.server)
        .get('/api/auth/me')
        .set('cookie', sessionCookie(res, t.config)!)
        .expect(200);
      expect(me.body.user.id).toBe(res.body.user.id);
    });

    it('the same phone signs in to the same account again', async () => {
      const first = await requestCode(t, phone[10]!);
      const a = await request(t.server).post('/api/auth/otp/verify').send(first).expect(200);
      await clearRateLimits(t.config);
      const second = await requestCode(t, phone[10]!);
      const b = await request(t.server).post('/api/auth/otp/verify').send(second).expect(200);
      expect(b.body.user.id).toBe(a.body.user.id);
    });

    it('behind HTTPS the cookie is Secure with the __Host- prefix', async () => {
      const https = await createIdentityApp({ PUBLIC_ORIGIN: 'https://portal.example.test' });
      try {
        const res0 = await request(https.server).post('/api/auth/otp').send({ phone: phone[11] }).expect(202);
        const code = await latestCode(https, phone[11]!);
        const res = await request(https.server)
          .post('/api/auth/otp/verify')
          .send({ challengeId: res0.body.challengeId, code })
          .expect(200);
        const line = setCookie(res, https.config)!;
        expect(line).toMatch(/^__Host-hx_sid=/);
        expect(line).toMatch(/; Secure/i);
        expect(line).toMatch(/; HttpOnly/i);
        expect(line).toMatch(/; SameSite=Lax/i);
      } finally {
        await https.close();
      }
    });

    it('the code is kept only as a keyed hash: Redis holds neither the code nor the phone', async () => {
      const { challengeId, code } = await requestCode(t, phone[7]!);
      const redis = rawRedis(t.config);
      try {
        const stored = await redis.hgetall(`${t.config.redis.prefix}:otp:${challengeId}`);
        expect(stored.codeMac).toMatch(/^[A-Za-z0-9_-]{43}$/);
        const values = Object.entries(stored)
          .filter(([field]) => field !== 'expiresAt')
          .map(([, value]) => value)
          .join(' ');
        expect(values).not.toContain(code);
        expect(values).not.toContain(phone[7]);
      } finally {
        redis.disconnect();
      }
    });

    it('a wrong code → 401 OTP_INVALID and no cookie', async () => {
      const { challengeId, code } = await requestCode(t, phone[1]!);
      const wrong = code === '000000' ? '000001' : '000000';
      const res = await request(t.server)
        .post('/api/auth/otp/verify')
        .send({ challengeId, code: wrong })
        .expect(401);
      expect(res.body.error.code).toBe('OTP_INVALID');
      expect(res.headers['set-cookie']).toBeUndefined();
    });

    it('an unknown challenge → 401', async () => {
      const res = await request(t.server)
        .post('/api/auth/otp/verify')
        .send({ challengeId: crypto.randomUUID(), code: '123456' })
        .expect(401);
      expect(res.body.error.code).toBe('OTP_INVALID');
    });

    it('a replayed code → 401 (single use)', async () => {
      const { challengeId, code } = await requestCode(t, phone[2]!);
      await request(t.server).post('/api/auth/otp/verify').send({ challengeId, code }).expect(200);
      const res = await request(t.server)
        .post('/api/auth/otp/verify')
        .send({ challengeId, code })
        .expect(401);
      expect(res.body.error.code).toBe('OTP_INVALID');
    });

    it('a code is bound to its challenge: the code of one challenge fails on another', async () => {
      const first = await requestCode(t, phone[3]!);
      await clearRateLimits(t.config);
      const second = await requestCode(t, phone[3]!);
      if (first.code !== second.code) {
        await request(t.server)
          .post('/api/auth/otp/verify')
          .send({ challengeId: second.challengeId, code: first.code })
          .expect(401);
      }
      await request(t.server).post('/api/auth/otp/verify').send(second).expect(200);
    });

    it.each([
      ['at 5 min exactly → still valid', 5 * MINUTE, 200],
      ['at 5 min + 1 s → 401 OTP_EXPIRED', 5 * MINUTE + SECOND, 401],
    ])('%s', async (_label, after, status) => {
      const { challengeId, code } = await requestCode(t, phone[4]!);
      clock.advance(after);
      const res = await request(t.server)
        .post('/api/auth/otp/verify')
        .send({ challengeId, code })
        .expect(status);
      if (status === 401) expect(res.body.error.code).toBe('OTP_EXPIRED');
      await clearRateLimits(t.config);
    });

    it('5 wrong tries kill the challenge: the 6th → 429 OTP_TOO_MANY_ATTEMPTS, and even the right code fails', async () => {
      const { challengeId, code } = await requestCode(t, phone[5]!);
      const wrong = code === '999999' ? '999998' : '999999';
      for (let i = 1; i <= 5; i++) {
        const res = await request(t.server)
          .post('/api/auth/otp/verify')
          .send({ challengeId, code: wrong })
          .expect(401);
        expect(res.body.error.code).toBe('OTP_INVALID');
      }
      const sixth = await request(t.server)
        .post('/api/auth/otp/verify')
        .send({ challengeId, code: wrong })
        .expect(429);
      expect(sixth.body.error.code).toBe('OTP_TOO_MANY_ATTEMPTS');
      expect(Number(sixth.headers['retry-after'])).toBeGreaterThan(0);
      const right = await request(t.server)
        .post('/api/auth/otp/verify')
        .send({ challengeId, code })
        .expect(429);
      expect(right.body.error.code).toBe('OTP_TOO_MANY_ATTEMPTS');
      expect(right.headers['set-cookie']).toBeUndefined();
    });

    it.each([
      ['not a uuid', { challengeId: 'abc', code: '123456' }, 'challengeId'],
      ['code missing', { challengeId: crypto.randomUUID() }, 'code'],
      ['unknown field role', { challengeId: crypto.randomUUID(), code: '123456', role: 'admin' }, 'role'],
    ])('a malformed body (%s) → 422', async (_label, body, field) => {
      const res = await request(t.server).post('/api/auth/otp/verify').send(body).expect(422);
      expect(res.body.error.fields).toHaveProperty(field);
    });
  });

  describe('the code generator', () => {
    it('draws each code with crypto.randomInt over [0, 10^6)', async () => {
      const spy = jest.spyOn(crypto, 'randomInt');
      try {
        await request(t.server).post('/api/auth/otp').send({ phone: phone[6] }).expect(202);
        expect(spy).toHaveBeenCalledWith(0, 1_000_000);
      } finally {
        spy.mockRestore();
      }
    });

    it('the auth source never uses Math.random', () => {
      const dir = path.join(__dirname, '..', 'src', 'auth');
      for (const file of fs.readdirSync(dir).filter((name) => name.endsWith('.ts'))) {
        expect({
          file,
          usesMathRandom: /Math\.random/.test(fs.readFileSync(path.join(dir, file), 'utf8')),
        }).toEqual({ file, usesMathRandom: false });
      }
      expect(fs.readFileSync(path.join(dir, 'otp-challenge.store.ts'), 'utf8')).toMatch(
        /import \{[^}]*\brandomInt\b[^}]*\} from 'node:crypto'/,
      );
    });
  });
});
