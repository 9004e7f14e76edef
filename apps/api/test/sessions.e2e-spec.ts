import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { PHONES } from './fixtures/pii';
import { HOUR, MINUTE, SECOND, useFakeClock, type FakeClock } from './utils/fake-clock';
import {
  activateAccount,
  clearRateLimits,
  createAccount,
  createIdentityApp,
  DEMO_USERS,
  requestCode,
  sessionCookie,
  signInResident,
  signInStaff,
  STRONG_PASSWORD,
  uniqueUsername,
} from './utils/identity';
import type { TestApp } from './utils/test-app';

const phone = PHONES.sessions;

/** Server-side sessions in Redis (api-contract.md "Conventions"; ASVS 7.2–7.4). */
describe('sessions', () => {
  let t: TestApp;
  let clock: FakeClock;
  let admin: string;

  beforeAll(async () => {
    t = await createIdentityApp();
    await clearRateLimits(t.config);
    admin = (await signInStaff(t, DEMO_USERS.admin)).cookie;
  });
  beforeEach(async () => {
    await clearRateLimits(t.config);
    clock = useFakeClock(t.app);
  });
  afterEach(() => clock.restore());
  afterAll(async () => {
    await t.close();
  });

  const me = (cookie?: string) => {
    const call = request(t.server).get('/api/auth/me');
    return cookie ? call.set('cookie', cookie) : call;
  };

  describe('fixation: a new id at every sign-in', () => {
    it('a resident signing in again gets a new cookie; the one sent with the sign-in stops working', async () => {
      const first = await signInResident(t, phone[0]!);
      await clearRateLimits(t.config);
      const { challengeId, code } = await requestCode(t, phone[0]!);
      const res = await request(t.server)
        .post('/api/auth/otp/verify')
        .set('cookie', first.cookie)
        .send({ challengeId, code })
        .expect(200);
      const second = sessionCookie(res, t.config)!;
      expect(second).not.toBe(first.cookie);
      await me(first.cookie).expect(401);
      await me(second).expect(200);
    });

    it('staff signing in with a cookie planted by an attacker get a fresh id; the planted one stays unknown', async () => {
      const planted = `hx_sid=${randomBytes(32).toString('base64url')}`;
      const res = await request(t.server)
        .post('/api/auth/login')
        .set('cookie', planted)
        .send({ username: DEMO_USERS.reviewer, password: 'demo-password-2026' })
        .expect(200);
      const issued = sessionCookie(res, t.config)!;
      expect(issued).not.toBe(planted);
      await me(planted).expect(401);
      await me(issued).expect(200);
    });

    it('two sign-ins of one account are two independent sessions with distinct 256-bit ids', async () => {
      const a = await signInStaff(t, DEMO_USERS.finance);
      const b = await signInStaff(t, DEMO_USERS.finance);
      expect(a.cookie).not.toBe(b.cookie);
      expect(Buffer.from(a.cookie.split('=')[1]!, 'base64url')).toHaveLength(32);
      await me(a.cookie).expect(200);
      await me(b.cookie).expect(200);
    });

    it('a garbage or forged cookie is just "not signed in"', async () => {
      for (const cookie of [
        'hx_sid=abc',
        'hx_sid=' + 'A'.repeat(43),
        'hx_sid=%00%0a',
        'hx_sid=' + 'A'.repeat(5000),
      ]) {
        const res = await me(cookie).expect(401);
        expect(res.body.error.code).toBe('UNAUTHENTICATED');
      }
    });
  });

  describe('logout', () => {
    it('→ 204, clears the cookie, and the old cookie → 401 on the server', async () => {
      const { cookie } = await signInResident(t, phone[1]!);
      const res = await request(t.server).post('/api/auth/logout').set('cookie', cookie).expect(204);
      expect(res.text).toBe('');
      const cleared = (res.headers['set-cookie'] as unknown as string[]).find((line) =>
        line.startsWith('hx_sid='),
      );
      expect(cleared).toMatch(/^hx_sid=;/);
      await me(cookie).expect(401);
      await request(t.server).get('/api/me/profile').set('cookie', cookie).expect(401);
    });

    it('logging out one session leaves the account’s other sessions alone', async () => {
      const a = await signInStaff(t, DEMO_USERS.auditor);
      const b = await signInStaff(t, DEMO_USERS.auditor);
      await request(t.server).post('/api/auth/logout').set('cookie', a.cookie).expect(204);
      await me(a.cookie).expect(401);
      await me(b.cookie).expect(200);
    });

    it('logout without a session → 401', async () => {
      await request(t.server).post('/api/auth/logout').expect(401);
    });
  });

  describe('timeouts (fake clock)', () => {
    it.each([
      ['resident', 30],
      ['staff', 15],
    ] as const)(
      '%s: idle %i min is still signed in (and slides); idle a second longer → 401',
      async (kind, minutes) => {
        const { cookie } =
          kind === 'resident'
            ? await signInResident(t, phone[2]!)
            : await signInStaff(t, DEMO_USERS.approver);
        clock.advance(minutes * MINUTE);
        await me(cookie).expect(200);
        clock.advance(minutes * MINUTE);
        await me(cookie).expect(200);
        clock.advance(minutes * MINUTE + SECOND);
        const res = await me(cookie).expect(401);
        expect(res.body.error.code).toBe('UNAUTHENTICATED');
        clock.advance(-minutes * MINUTE); // going back does not revive it: the session is gone
        await me(cookie).expect(401);
      },
    );

    it.each([
      ['resident', 29],
      ['staff', 14],
    ] as const)('%s: active all day, the session still ends after 8 hours', async (kind, every) => {
      const { cookie } =
        kind === 'resident' ? await signInResident(t, phone[3]!) : await signInStaff(t, DEMO_USERS.reviewer);
      let elapsed = 0;
      while (elapsed + every * MINUTE < 8 * HOUR) {
        clock.advance(every * MINUTE);
        elapsed += every * MINUTE;
        await me(cookie).expect(200);
      }
      clock.advance(8 * HOUR - elapsed + SECOND);
      await me(cookie).expect(401);
    });

    it('the staff idle timeout is 15 min for every staff role and dealers', async () => {
      for (const username of [DEMO_USERS.finance, DEMO_USERS.admin, DEMO_USERS.auditor, DEMO_USERS.dealer]) {
        const { cookie } = await signInStaff(t, username);
        clock.advance(15 * MINUTE + SECOND);
        await me(cookie).expect(401);
      }
    });
  });

  describe('disabling an account ends its sessions', () => {
    it('PATCH /api/admin/users/:id { disabled: true } → every cookie of the account → 401; it cannot sign in; re-enabled (and, for a reviewer, activated by a second admin) it can', async () => {
      const username = uniqueUsername('disableme');
      const id = await createAccount(t, admin, { username, role: 'reviewer' });
      const a = await signInStaff(t, username, STRONG_PASSWORD);
      const b = await signInStaff(t, username, STRONG_PASSWORD);
      const res = await request(t.server)
        .patch(`/api/admin/users/${id}`)
        .set('cookie', admin)
        .send({ disabled: true })
        .expect(200);
      expect(res.body).toEqual(expect.objectContaining({ id, disabled: true }));
      await me(a.cookie).expect(401);
      await me(b.cookie).expect(401);
      const login = await request(t.server)
        .post('/api/auth/login')
        .send({ username, password: STRONG_PASSWORD })
        .expect(401);
      expect(login.body.error.code).toBe('INVALID_CREDENTIALS');

      await request(t.server)
        .patch(`/api/admin/users/${id}`)
        .set('cookie', admin)
        .send({ disabled: false })
        .expect(200);
      // A reviewer may reveal personal data: re-enabled by one admin, it waits for a second one.
      await request(t.server)
        .post('/api/auth/login')
        .send({ username, password: STRONG_PASSWORD })
        .expect(401);
      await activateAccount(t, id);
      await signInStaff(t, username, STRONG_PASSWORD);
    });

    it('a new password set by an administrator also ends the sessions', async () => {
      const username = uniqueUsername('newpass');
      const id = await createAccount(t, admin, {
        username,
        role: 'dealer',
        organizationId: (await signInStaff(t, DEMO_USERS.dealer2)).user.organizationId,
      });
      const { cookie } = await signInStaff(t, username, STRONG_PASSWORD);
      await request(t.server)
        .patch(`/api/admin/users/${id}`)
        .set('cookie', admin)
        .send({ password: 'amber-lantern-orchard-58' })
        .expect(200);
      await me(cookie).expect(401);
      await signInStaff(t, username, 'amber-lantern-orchard-58');
    });

    it('residents cannot be disabled through the staff-account route (404)', async () => {
      const resident = await signInResident(t, phone[4]!);
      const res = await request(t.server)
        .patch(`/api/admin/users/${resident.user.id}`)
        .set('cookie', admin)
        .send({ disabled: true })
        .expect(404);
      expect(res.body.error.code).toBe('USER_NOT_FOUND');
      await me(resident.cookie).expect(200);
    });
  });
});
