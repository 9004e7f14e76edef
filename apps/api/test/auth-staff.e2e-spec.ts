import { generateSync } from 'otplib';
import request from 'supertest';
import { PHONES } from './fixtures/pii';
import { MINUTE, SECOND, useFakeClock, type FakeClock } from './utils/fake-clock';
import {
  clearRateLimits,
  createAccount,
  createIdentityApp,
  DEMO_PASSWORD,
  DEMO_USERS,
  sessionCookie,
  signInResident,
  signInStaff,
  STRONG_PASSWORD,
  uniqueUsername,
} from './utils/identity';
import type { TestApp } from './utils/test-app';

/** Staff and dealer sign-in: passwords, lock-out, TOTP (api-contract.md "Auth"; ASVS 6.2, 6.3.3, 6.5). */
describe('staff and dealer sign-in', () => {
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    t = await createIdentityApp();
    await clearRateLimits(t.config);
    admin = (await signInStaff(t, DEMO_USERS.admin)).cookie;
  });
  afterAll(async () => {
    await t.close();
  });

  describe('POST /api/auth/login with a password', () => {
    it.each(Object.entries(DEMO_USERS))(
      '%s (%s) signs in with the demo password → 200 { user } + cookie',
      async (role, username) => {
        const res = await request(t.server)
          .post('/api/auth/login')
          .send({ username, password: DEMO_PASSWORD })
          .expect(200);
        expect(res.body.user).toEqual(
          expect.objectContaining({
            id: expect.any(String),
            role: role === 'dealer2' ? 'dealer' : role,
            displayName: expect.any(String),
          }),
        );
        if (role.startsWith('dealer')) expect(res.body.user.organizationId).toEqual(expect.any(String));
        expect(sessionCookie(res, t.config)).toMatch(/^hx_sid=[A-Za-z0-9_-]{43}$/);
      },
    );

    it('the username is case- and space-insensitive', async () => {
      await request(t.server)
        .post('/api/auth/login')
        .send({ username: '  Reviewer1 ', password: DEMO_PASSWORD })
        .expect(200);
    });

    it('a wrong password and an unknown user answer 401 INVALID_CREDENTIALS with the same body', async () => {
      const wrong = await request(t.server)
        .post('/api/auth/login')
        .send({ username: DEMO_USERS.finance, password: 'not-the-password-at-all' })
        .expect(401);
      const unknown = await request(t.server)
        .post('/api/auth/login')
        .send({ username: 'nobody-here', password: 'not-the-password-at-all' })
        .expect(401);
      expect(wrong.body).toEqual({ error: { code: 'INVALID_CREDENTIALS', message: expect.any(String) } });
      expect(unknown.body).toEqual(wrong.body);
      expect(wrong.headers['set-cookie']).toBeUndefined();
    });

    it('a resident cannot use /auth/login (not by phone, not by display name)', async () => {
      const resident = await signInResident(t, PHONES.access[11]!);
      for (const username of [PHONES.access[11]!, resident.user.displayName]) {
        const res = await request(t.server)
          .post('/api/auth/login')
          .send({ username, password: DEMO_PASSWORD })
          .expect(401);
        expect(res.body.error.code).toBe('INVALID_CREDENTIALS');
      }
    });

    it.each([
      ['no password', { username: 'reviewer1' }, 'password'],
      ['empty username', { username: '', password: 'x' }, 'username'],
      [
        'a totp that is not 6 digits',
        { username: 'reviewer1', password: DEMO_PASSWORD, totp: '12ab' },
        'totp',
      ],
      ['an unknown field role', { username: 'reviewer1', password: DEMO_PASSWORD, role: 'admin' }, 'role'],
    ])('a malformed body (%s) → 422', async (_label, body, field) => {
      const res = await request(t.server).post('/api/auth/login').send(body).expect(422);
      expect(res.body.error.fields).toHaveProperty(field);
    });
  });

  describe('lock-out after 5 failures for 30 minutes', () => {
    let clock: FakeClock;
    beforeEach(() => {
      clock = useFakeClock(t.app);
    });
    afterEach(() => clock.restore());

    it('5 wrong passwords lock the account; the 6th try with the right password → 401 ACCOUNT_LOCKED; 30 min later it signs in', async () => {
      const username = uniqueUsername('lockme');
      await createAccount(t, admin, { username, role: 'reviewer' });
      for (let i = 1; i <= 5; i++) {
        const res = await request(t.server)
          .post('/api/auth/login')
          .send({ username, password: `wrong-password-${i}` })
          .expect(401);
        expect(res.body.error.code).toBe('INVALID_CREDENTIALS');
      }
      const locked = await request(t.server)
        .post('/api/auth/login')
        .send({ username, password: STRONG_PASSWORD })
        .expect(401);
      expect(locked.body.error.code).toBe('ACCOUNT_LOCKED');
      expect(locked.headers['set-cookie']).toBeUndefined();

      clock.advance(29 * MINUTE);
      expect(
        (
          await request(t.server)
            .post('/api/auth/login')
            .send({ username, password: STRONG_PASSWORD })
            .expect(401)
        ).body.error.code,
      ).toBe('ACCOUNT_LOCKED');
      clock.advance(MINUTE + SECOND);
      const ok = await request(t.server)
        .post('/api/auth/login')
        .send({ username, password: STRONG_PASSWORD })
        .expect(200);
      expect(sessionCookie(ok, t.config)).toBeDefined();
    });

    it('a success resets the failure count (4 failures, a success, 4 failures: not locked)', async () => {
      const username = uniqueUsername('resetme');
      await createAccount(t, admin, {
        username,
        role: 'dealer',
        organizationId: (await signInStaff(t, DEMO_USERS.dealer)).user.organizationId,
      });
      for (let i = 0; i < 4; i++)
        await request(t.server)
          .post('/api/auth/login')
          .send({ username, password: 'wrong-password-x' })
          .expect(401);
      await request(t.server)
        .post('/api/auth/login')
        .send({ username, password: STRONG_PASSWORD })
        .expect(200);
      for (let i = 0; i < 4; i++)
        await request(t.server)
          .post('/api/auth/login')
          .send({ username, password: 'wrong-password-x' })
          .expect(401);
      await request(t.server)
        .post('/api/auth/login')
        .send({ username, password: STRONG_PASSWORD })
        .expect(200);
    });

    it('an administrator can unlock a locked account', async () => {
      const username = uniqueUsername('unlockme');
      const id = await createAccount(t, admin, { username, role: 'finance' });
      for (let i = 0; i < 5; i++)
        await request(t.server)
          .post('/api/auth/login')
          .send({ username, password: 'wrong-password-x' })
          .expect(401);
      await request(t.server)
        .post('/api/auth/login')
        .send({ username, password: STRONG_PASSWORD })
        .expect(401);
      const patched = await request(t.server)
        .patch(`/api/admin/users/${id}`)
        .set('cookie', admin)
        .send({ unlock: true })
        .expect(200);
      expect(patched.body.locked).toBe(false);
      await request(t.server)
        .post('/api/auth/login')
        .send({ username, password: STRONG_PASSWORD })
        .expect(200);
    });

    it('the per-IP sign-in limit (AUTH_IP_LIMIT_PER_HOUR) answers 429 with Retry-After', async () => {
      await clearRateLimits(t.config);
      const limited = await createIdentityApp({ AUTH_IP_LIMIT_PER_HOUR: '2' });
      try {
        for (let i = 0; i < 2; i++)
          await request(limited.server)
            .post('/api/auth/login')
            .send({ username: 'nobody-here', password: 'whatever-password' })
            .expect(401);
        const res = await request(limited.server)
          .post('/api/auth/login')
          .send({ username: DEMO_USERS.reviewer, password: DEMO_PASSWORD })
          .expect(429);
        expect(res.body.error.code).toBe('RATE_LIMITED');
        expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
      } finally {
        await limited.close();
        await clearRateLimits(t.config);
      }
    });
  });

  describe('password policy when an administrator creates or changes an account', () => {
    it.each([
      ['TOO_SHORT', 'short-pw-1', 'PASSWORD_TOO_SHORT'],
      ['TOO_COMMON (breached list)', 'password1234', 'PASSWORD_TOO_COMMON'],
      ['TOO_COMMON (common word dressed up)', 'Password2026!!', 'PASSWORD_TOO_COMMON'],
      ['TOO_COMMON (keyboard walk)', 'qwertyuiop12', 'PASSWORD_TOO_COMMON'],
      ['CONTAINS_USERNAME', 'pw-weakuser7-is-mine', 'PASSWORD_CONTAINS_USERNAME'],
    ])('%s → 422 fields.password', async (_label, password, code) => {
      const res = await request(t.server)
        .post('/api/admin/users')
        .set('cookie', admin)
        .send({ username: 'weakuser7', displayName: '弱口令', role: 'reviewer', password })
        .expect(422);
      expect(res.body.error.fields).toEqual({ password: code });
    });

    it('a long passphrase is accepted (no composition rules), and a weak new password is refused on PATCH', async () => {
      const id = await createAccount(t, admin, {
        username: uniqueUsername('pass'),
        role: 'auditor',
        password: 'correct horse battery staple',
      });
      const res = await request(t.server)
        .patch(`/api/admin/users/${id}`)
        .set('cookie', admin)
        .send({ password: '123456789012' })
        .expect(422);
      expect(res.body.error.fields).toEqual({ password: 'PASSWORD_TOO_COMMON' });
    });

    it('an administrator cannot create a resident or set a role by PATCH', async () => {
      const created = await request(t.server)
        .post('/api/admin/users')
        .set('cookie', admin)
        .send({ username: 'wannabe', displayName: 'x', role: 'resident', password: STRONG_PASSWORD })
        .expect(422);
      expect(created.body.error.fields).toEqual({ role: 'NOT_IN_OPTIONS' });
      const id = await createAccount(t, admin, { username: uniqueUsername('norole'), role: 'finance' });
      const patched = await request(t.server)
        .patch(`/api/admin/users/${id}`)
        .set('cookie', admin)
        .send({ role: 'admin' })
        .expect(422);
      expect(patched.body.error.fields).toEqual({ role: 'UNKNOWN_FIELD' });
    });

    it('a duplicate username → 409', async () => {
      const res = await request(t.server)
        .post('/api/admin/users')
        .set('cookie', admin)
        .send({
          username: DEMO_USERS.reviewer,
          displayName: 'x',
          role: 'reviewer',
          password: STRONG_PASSWORD,
        })
        .expect(409);
      expect(res.body.error.code).toBe('USERNAME_TAKEN');
    });
  });

  describe('TOTP second factor (STAFF_MFA=totp)', () => {
    let mfa: TestApp;
    let clock: FakeClock;

    beforeAll(async () => {
      mfa = await createIdentityApp({ STAFF_MFA: 'totp' });
    });
    beforeEach(() => {
      // Start each test on a fresh 30 s step, a little after its start.
      clock = useFakeClock(mfa.app, new Date(Math.floor(Date.now() / 30_000) * 30_000 + 5 * SECOND));
    });
    afterEach(() => clock.restore());
    afterAll(async () => {
      await mfa.close();
    });

    const codeAt = (secret: string, at: Date) =>
      generateSync({ secret, epoch: Math.floor(at.getTime() / 1000) });
    const login = (body: Record<string, string>) => request(mfa.server).post('/api/auth/login').send(body);

    async function enrol(username: string): Promise<{ secret: string; cookie: string; code: string }> {
      const first = await login({ username, password: STRONG_PASSWORD }).expect(403);
      expect(first.body.error).toEqual({
        code: 'MFA_ENROLMENT_REQUIRED',
        message: expect.any(String),
        enrolmentToken: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      });
      expect(first.headers['set-cookie']).toBeUndefined();
      const { enrolmentToken } = first.body.error as { enrolmentToken: string };
      const setup = await request(mfa.server)
        .post('/api/auth/mfa/totp/setup')
        .send({ enrolmentToken })
        .expect(200);
      expect(setup.body).toEqual({
        secret: expect.stringMatching(/^[A-Z2-7]+=*$/),
        otpauthUrl: expect.stringMatching(/^otpauth:\/\/totp\//),
        qrDataUrl: expect.stringMatching(/^data:image\/png;base64,/),
      });
      const secret = setup.body.secret as string;
      const wrong = await request(mfa.server)
        .post('/api/auth/mfa/totp/confirm')
        .send({ enrolmentToken, totp: codeAt(secret, new Date(clock.now().getTime() - 10 * MINUTE)) })
        .expect(401);
      expect(wrong.body.error.code).toBe('MFA_INVALID');
      const code = codeAt(secret, clock.now());
      const confirmed = await request(mfa.server)
        .post('/api/auth/mfa/totp/confirm')
        .send({ enrolmentToken, totp: code })
        .expect(200);
      expect(confirmed.body.user.role).toBeDefined();
      const cookie = sessionCookie(confirmed, mfa.config)!;
      await request(mfa.server).get('/api/auth/me').set('cookie', cookie).expect(200);
      return { secret, cookie, code };
    }

    it('enrolment: first login → 403 MFA_ENROLMENT_REQUIRED, setup → QR code, confirm with a code → signed in; later logins need the code', async () => {
      const username = uniqueUsername('mfa');
      await createAccount(t, admin, { username, role: 'reviewer' });
      const { secret, code } = await enrol(username);

      // Without the code, with a wrong code, with the code already used: refused.
      expect((await login({ username, password: STRONG_PASSWORD }).expect(401)).body.error.code).toBe(
        'MFA_REQUIRED',
      );
      const wrongCode = code === '000000' ? '111111' : '000000';
      expect(
        (await login({ username, password: STRONG_PASSWORD, totp: wrongCode }).expect(401)).body.error.code,
      ).toBe('MFA_INVALID');
      const replay = await login({ username, password: STRONG_PASSWORD, totp: code }).expect(401);
      expect(replay.body.error.code).toBe('MFA_INVALID');
      expect(replay.headers['set-cookie']).toBeUndefined();

      // The next step's code signs in once; the same code a second time is a replay.
      clock.advance(30 * SECOND);
      const next = codeAt(secret, clock.now());
      const ok = await login({ username, password: STRONG_PASSWORD, totp: next }).expect(200);
      expect(sessionCookie(ok, mfa.config)).toBeDefined();
      expect(
        (await login({ username, password: STRONG_PASSWORD, totp: next }).expect(401)).body.error.code,
      ).toBe('MFA_INVALID');

      // A right code with a wrong password is still a wrong password.
      clock.advance(30 * SECOND);
      const wrongPassword = await login({
        username,
        password: 'wrong-password-here',
        totp: codeAt(secret, clock.now()),
      }).expect(401);
      expect(wrongPassword.body.error.code).toBe('INVALID_CREDENTIALS');
    });

    it('a code from 10 minutes ago is refused', async () => {
      const username = uniqueUsername('mfaold');
      await createAccount(t, admin, { username, role: 'approver' });
      const { secret } = await enrol(username);
      clock.advance(30 * SECOND);
      const old = codeAt(secret, new Date(clock.now().getTime() - 10 * MINUTE));
      expect(
        (await login({ username, password: STRONG_PASSWORD, totp: old }).expect(401)).body.error.code,
      ).toBe('MFA_INVALID');
    });

    it('a bad or used enrolment token → 401 MFA_ENROLMENT_EXPIRED', async () => {
      for (const enrolmentToken of ['x'.repeat(43), 'short']) {
        const res = await request(mfa.server)
          .post('/api/auth/mfa/totp/setup')
          .send({ enrolmentToken })
          .expect(401);
        expect(res.body.error.code).toBe('MFA_ENROLMENT_EXPIRED');
      }
    });

    it.each(['reviewer', 'approver', 'finance', 'admin', 'auditor'] as const)(
      '%s: the password alone gives no session',
      async (role) => {
        const res = await login({ username: DEMO_USERS[role], password: DEMO_PASSWORD });
        expect(res.status).toBe(403);
        expect(res.body.error.code).toBe('MFA_ENROLMENT_REQUIRED');
        expect(res.headers['set-cookie']).toBeUndefined();
      },
    );

    it.each(['reviewer', 'approver', 'finance', 'admin', 'auditor'] as const)(
      '%s once enrolled: the password alone → 401 MFA_REQUIRED',
      async (role) => {
        const username = uniqueUsername(`mfa${role}`);
        await createAccount(t, admin, { username, role });
        await enrol(username);
        const res = await login({ username, password: STRONG_PASSWORD }).expect(401);
        expect(res.body.error.code).toBe('MFA_REQUIRED');
        expect(res.headers['set-cookie']).toBeUndefined();
      },
    );

    it('dealer accounts (not staff) sign in with the password alone', async () => {
      await login({ username: DEMO_USERS.dealer, password: DEMO_PASSWORD }).expect(200);
    });

    it('an administrator resets the factor: the account enrols again', async () => {
      const username = uniqueUsername('mfareset');
      const id = await createAccount(t, admin, { username, role: 'auditor' });
      const { cookie } = await enrol(username);
      await request(t.server)
        .patch(`/api/admin/users/${id}`)
        .set('cookie', admin)
        .send({ resetMfa: true })
        .expect(200);
      await request(mfa.server).get('/api/auth/me').set('cookie', cookie).expect(401);
      expect((await login({ username, password: STRONG_PASSWORD }).expect(403)).body.error.code).toBe(
        'MFA_ENROLMENT_REQUIRED',
      );
    });
  });
});
