import { generateSync } from 'otplib';
import request from 'supertest';
import { PasswordService } from '../src/auth/password.service';
import { PHONES } from './fixtures/pii';
import { MINUTE, SECOND, useFakeClock, type FakeClock } from './utils/fake-clock';
import {
  activateAccount,
  clearRateLimits,
  createAccount,
  createIdentityApp,
  dataSourceOf,
  secondAdmin,
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
  /** The security administrator: unlocks and factor resets are its duty (三员). */
  let secadmin: string;

  beforeAll(async () => {
    t = await createIdentityApp();
    await clearRateLimits(t.config);
    admin = (await signInStaff(t, DEMO_USERS.admin)).cookie;
    secadmin = (await signInStaff(t, DEMO_USERS.security_admin)).cookie;
  });
  afterAll(async () => {
    await t.close();
  });

  describe('POST /api/auth/login with a password', () => {
    // Keys are roles, a second demo account of a role ends in 2 (finance2, dealer2).
    it.each(Object.entries(DEMO_USERS).map(([key, username]) => [key.replace(/2$/, ''), username]))(
      '%s (%s) signs in with the demo password → 200 { user } + cookie',
      async (role, username) => {
        const res = await request(t.server)
          .post('/api/auth/login')
          .send({ username, password: DEMO_PASSWORD })
          .expect(200);
        expect(res.body.user).toEqual(
          expect.objectContaining({
            id: expect.any(String),
            role,
            displayName: expect.any(String),
          }),
        );
        if (role === 'dealer') expect(res.body.user.organizationId).toEqual(expect.any(String));
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

    it('5 wrong passwords lock the account; the 6th try with the right password → 401 INVALID_CREDENTIALS (as for an unknown user); 30 min later it signs in', async () => {
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
      const unknown = await request(t.server)
        .post('/api/auth/login')
        .send({ username: uniqueUsername('nobody'), password: STRONG_PASSWORD })
        .expect(401);
      // Locked answers exactly like "no such user": the state of an account is not disclosed.
      expect(locked.body).toEqual(unknown.body);
      expect(locked.body.error.code).toBe('INVALID_CREDENTIALS');
      expect(locked.headers['set-cookie']).toBeUndefined();

      clock.advance(29 * MINUTE);
      expect(
        (
          await request(t.server)
            .post('/api/auth/login')
            .send({ username, password: STRONG_PASSWORD })
            .expect(401)
        ).body.error.code,
      ).toBe('INVALID_CREDENTIALS');
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

    it('the security administrator can unlock a locked account', async () => {
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
        .set('cookie', secadmin)
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

  describe('lock-out under concurrency (attempts are counted before the password is compared)', () => {
    const login = (username: string, password: string) =>
      request(t.server).post('/api/auth/login').send({ username, password });
    const failuresOf = async (username: string) => {
      const [row] = (await dataSourceOf(t).query(
        `SELECT failed_logins, locked_until FROM user_account WHERE username = $1`,
        [username],
      )) as { failed_logins: number; locked_until: Date | null }[];
      return row!;
    };

    /** Counts the comparisons against a real hash; each one is held `delayMs` to widen the race. */
    function watchVerifications(delayMs: number) {
      const passwords = t.app.get(PasswordService);
      const original = passwords.verify.bind(passwords);
      const started: string[] = [];
      const spy = jest.spyOn(passwords, 'verify').mockImplementation(async (hash, password) => {
        if (hash !== null) {
          started.push(password);
          await new Promise((resolve) => setTimeout(resolve, delayMs));
        }
        return original(hash, password);
      });
      return { started, restore: () => spy.mockRestore() };
    }

    it.each([1, 2, 3])(
      'round %i: 20 wrong passwords at once → 20 failures counted, the account locked, at most 5 compared',
      async () => {
        const username = uniqueUsername('burst');
        await createAccount(t, admin, { username, role: 'finance' });
        const watch = watchVerifications(50);
        try {
          const answers = await Promise.all(
            Array.from({ length: 20 }, (_, i) => login(username, `wrong-password-${i}`)),
          );
          expect(answers.map((res) => res.status)).toEqual(Array(20).fill(401));
          expect(new Set(answers.map((res) => res.body.error.code))).toEqual(
            new Set(['INVALID_CREDENTIALS']),
          );
          expect(watch.started.length).toBeLessThanOrEqual(5);
        } finally {
          watch.restore();
        }
        const row = await failuresOf(username);
        expect(row.failed_logins).toBe(20);
        expect(row.locked_until).not.toBeNull();
        // Locked: the right password is refused too.
        expect((await login(username, STRONG_PASSWORD).expect(401)).body.error.code).toBe(
          'INVALID_CREDENTIALS',
        );
      },
    );

    it.each([1, 2, 3])(
      'round %i: the right password sent inside a burst, after the 5th wrong one arrived → refused, never compared',
      async () => {
        const username = uniqueUsername('burstok');
        await createAccount(t, admin, { username, role: 'finance' });
        // Every comparison is held 400 ms: the first five wrong ones are still being compared
        // (no failure recorded yet) when the right password arrives.
        const watch = watchVerifications(400);
        try {
          const firstFive = Array.from({ length: 5 }, (_, i) =>
            login(username, `wrong-password-${i}`).then((r) => r),
          );
          const deadline = Date.now() + 5000;
          while (watch.started.length < 5 && Date.now() < deadline)
            await new Promise((resolve) => setTimeout(resolve, 5));
          expect(watch.started.length).toBe(5);
          const rest = Array.from({ length: 15 }, (_, i) =>
            login(username, `wrong-password-x${i}`).then((r) => r),
          );
          const right = await login(username, STRONG_PASSWORD);
          const answers = await Promise.all([...firstFive, ...rest]);
          expect(right.status).toBe(401);
          expect(right.body.error.code).toBe('INVALID_CREDENTIALS');
          expect(right.headers['set-cookie']).toBeUndefined();
          expect(answers.every((res) => res.status === 401)).toBe(true);
          expect(watch.started).not.toContain(STRONG_PASSWORD);
        } finally {
          watch.restore();
        }
        expect((await failuresOf(username)).failed_logins).toBe(21);
      },
    );

    it('a locked account and an unknown username: same code, same body, both pay one password hash', async () => {
      const username = uniqueUsername('lockedsame');
      await createAccount(t, admin, { username, role: 'finance' });
      for (let i = 0; i < 5; i++) await login(username, `wrong-password-${i}`).expect(401);
      const passwords = t.app.get(PasswordService);
      const spy = jest.spyOn(passwords, 'verify');
      const timed = async (name: string) => {
        const started = process.hrtime.bigint();
        const res = await login(name, STRONG_PASSWORD).expect(401);
        return { body: res.body, ms: Number(process.hrtime.bigint() - started) / 1e6 };
      };
      try {
        const locked: number[] = [];
        const unknown: number[] = [];
        for (let i = 0; i < 5; i++) {
          const a = await timed(username);
          const b = await timed(uniqueUsername('ghost'));
          expect(a.body).toEqual(b.body);
          expect(a.body.error.code).toBe('INVALID_CREDENTIALS');
          locked.push(a.ms);
          unknown.push(b.ms);
        }
        // Both paths run exactly one (dummy) verification per attempt…
        expect(spy).toHaveBeenCalledTimes(10);
        expect(spy.mock.calls.every(([hash]) => hash === null)).toBe(true);
        // …so they take about the same time (medians within a factor of 2).
        const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[2]!;
        const ratio = median(locked) / median(unknown);
        expect(ratio).toBeGreaterThan(0.5);
        expect(ratio).toBeLessThan(2);
      } finally {
        spy.mockRestore();
      }
    });
  });

  describe('two administrators for an account that may reveal personal data (三员)', () => {
    const pendingLogin = (username: string) =>
      request(t.server).post('/api/auth/login').send({ username, password: STRONG_PASSWORD });

    it.each(['reviewer', 'approver'] as const)(
      'a %s created by one admin is pending: it cannot sign in; the same admin cannot activate it (403 SECOND_ADMIN_REQUIRED); a second admin can',
      async (role) => {
        const username = uniqueUsername(`two${role}`);
        const id = await createAccount(t, admin, { username, role, pending: true });
        const listed = await request(t.server).get('/api/admin/users').set('cookie', admin).expect(200);
        expect(listed.body.find((a: { id: string }) => a.id === id)).toMatchObject({
          pendingActivation: true,
        });
        expect((await pendingLogin(username).expect(401)).body.error.code).toBe('INVALID_CREDENTIALS');
        const self = await request(t.server)
          .patch(`/api/admin/users/${id}`)
          .set('cookie', admin)
          .send({ activate: true })
          .expect(403);
        expect(self.body.error.code).toBe('SECOND_ADMIN_REQUIRED');
        await pendingLogin(username).expect(401);
        const activated = await request(t.server)
          .patch(`/api/admin/users/${id}`)
          .set('cookie', await secondAdmin(t))
          .send({ activate: true })
          .expect(200);
        expect(activated.body.pendingActivation).toBe(false);
        await pendingLogin(username).expect(200);
      },
    );

    it('roles without pii.reveal are usable at once', async () => {
      for (const role of ['finance', 'auditor', 'admin'] as const) {
        const username = uniqueUsername(`one${role}`);
        await createAccount(t, admin, { username, role, pending: true });
        await pendingLogin(username).expect(200);
      }
    });

    it('a new password (or reset factor, or re-enabling) of a reviewer by one admin needs a second admin again; one PATCH cannot do both', async () => {
      const username = uniqueUsername('twopw');
      const id = await createAccount(t, admin, { username, role: 'reviewer' });
      await pendingLogin(username).expect(200);
      const newPassword = 'amber-lantern-meadow-57';
      const both = await request(t.server)
        .patch(`/api/admin/users/${id}`)
        .set('cookie', admin)
        .send({ password: newPassword, activate: true })
        .expect(403);
      expect(both.body.error.code).toBe('SECOND_ADMIN_REQUIRED');
      const patched = await request(t.server)
        .patch(`/api/admin/users/${id}`)
        .set('cookie', admin)
        .send({ password: newPassword })
        .expect(200);
      expect(patched.body.pendingActivation).toBe(true);
      await request(t.server).post('/api/auth/login').send({ username, password: newPassword }).expect(401);
      await activateAccount(t, id);
      await request(t.server).post('/api/auth/login').send({ username, password: newPassword }).expect(200);

      // The factor reset is the security administrator's; it leaves the account pending too.
      for (const [cookie, change] of [
        [secadmin, { resetMfa: true }],
        [admin, { disabled: true }],
      ] as const) {
        await request(t.server)
          .patch(`/api/admin/users/${id}`)
          .set('cookie', cookie)
          .send(change)
          .expect(200);
      }
      const reenabled = await request(t.server)
        .patch(`/api/admin/users/${id}`)
        .set('cookie', admin)
        .send({ disabled: false })
        .expect(200);
      expect(reenabled.body.pendingActivation).toBe(true);
      await request(t.server).post('/api/auth/login').send({ username, password: newPassword }).expect(401);
      await activateAccount(t, id);
      await request(t.server).post('/api/auth/login').send({ username, password: newPassword }).expect(200);
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

    it('an administrator cannot create a resident or set a role by PATCH (the security administrator’s duty)', async () => {
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
        .expect(403);
      expect(patched.body.error).toMatchObject({
        code: 'SECURITY_ADMIN_REQUIRED',
        fields: { role: 'SECURITY_ADMIN_REQUIRED' },
      });
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

    it('dealer accounts need the second factor too: the password alone gives no session; once enrolled, no code → MFA_REQUIRED', async () => {
      const first = await login({ username: DEMO_USERS.dealer, password: DEMO_PASSWORD }).expect(403);
      expect(first.body.error.code).toBe('MFA_ENROLMENT_REQUIRED');
      expect(first.headers['set-cookie']).toBeUndefined();
      const username = uniqueUsername('mfadealer');
      await createAccount(t, admin, {
        username,
        role: 'dealer',
        organizationId: (await signInStaff(t, DEMO_USERS.dealer)).user.organizationId,
      });
      await enrol(username);
      expect((await login({ username, password: STRONG_PASSWORD }).expect(401)).body.error.code).toBe(
        'MFA_REQUIRED',
      );
    });

    it('a leftover enrolment token cannot replace a working factor; confirming one token kills the others', async () => {
      const username = uniqueUsername('mfaleft');
      await createAccount(t, admin, { username, role: 'finance' });
      const tokenOf = async () =>
        (
          (await login({ username, password: STRONG_PASSWORD }).expect(403)).body.error as {
            enrolmentToken: string;
          }
        ).enrolmentToken;
      const leftover = await tokenOf();
      const started = await tokenOf();
      // Step 1 done on a token that is never confirmed: its secret must not become the factor later.
      await request(mfa.server)
        .post('/api/auth/mfa/totp/setup')
        .send({ enrolmentToken: started })
        .expect(200);
      const { secret } = await enrol(username);

      for (const enrolmentToken of [leftover, started]) {
        const setup = await request(mfa.server)
          .post('/api/auth/mfa/totp/setup')
          .send({ enrolmentToken })
          .expect(401);
        expect(setup.body.error.code).toBe('MFA_ENROLMENT_EXPIRED');
        const confirm = await request(mfa.server)
          .post('/api/auth/mfa/totp/confirm')
          .send({ enrolmentToken, totp: '123456' })
          .expect(401);
        expect(confirm.body.error.code).toBe('MFA_ENROLMENT_EXPIRED');
      }
      // The enrolled factor still works.
      clock.advance(30 * SECOND);
      await login({ username, password: STRONG_PASSWORD, totp: codeAt(secret, clock.now()) }).expect(200);
    });

    it('two enrolment tokens confirmed at once: exactly one factor is enrolled', async () => {
      const username = uniqueUsername('mfarace');
      await createAccount(t, admin, { username, role: 'finance' });
      const tokens: { enrolmentToken: string; secret: string }[] = [];
      for (let i = 0; i < 2; i++) {
        const enrolmentToken = (
          (await login({ username, password: STRONG_PASSWORD }).expect(403)).body.error as {
            enrolmentToken: string;
          }
        ).enrolmentToken;
        const setup = await request(mfa.server)
          .post('/api/auth/mfa/totp/setup')
          .send({ enrolmentToken })
          .expect(200);
        tokens.push({ enrolmentToken, secret: setup.body.secret as string });
      }
      const answers = await Promise.all(
        tokens.map(({ enrolmentToken, secret }) =>
          request(mfa.server)
            .post('/api/auth/mfa/totp/confirm')
            .send({ enrolmentToken, totp: codeAt(secret, clock.now()) }),
        ),
      );
      expect(answers.map((res) => res.status).sort()).toEqual([200, 401]);
      const winner = tokens[answers.findIndex((res) => res.status === 200)]!;
      clock.advance(30 * SECOND);
      await login({ username, password: STRONG_PASSWORD, totp: codeAt(winner.secret, clock.now()) }).expect(
        200,
      );
    });

    it('the security administrator resets the factor: the account enrols again', async () => {
      const username = uniqueUsername('mfareset');
      const id = await createAccount(t, admin, { username, role: 'auditor' });
      const { cookie } = await enrol(username);
      await request(t.server)
        .patch(`/api/admin/users/${id}`)
        .set('cookie', secadmin)
        .send({ resetMfa: true })
        .expect(200);
      await request(mfa.server).get('/api/auth/me').set('cookie', cookie).expect(401);
      expect((await login({ username, password: STRONG_PASSWORD }).expect(403)).body.error.code).toBe(
        'MFA_ENROLMENT_REQUIRED',
      );
    });
  });
});
