import request from 'supertest';
import {
  activateAccount,
  clearRateLimits,
  createAccount,
  createIdentityApp,
  dataSourceOf,
  DEMO_USERS,
  signInStaff,
  STRONG_PASSWORD,
  uniqueUsername,
} from './utils/identity';
import type { TestApp } from './utils/test-app';

interface AccountRow {
  id: string;
  role: string;
  displayName: string;
  locked: boolean;
  mfaEnrolled: boolean;
  disabled: boolean;
}

/**
 * 三员 (等保 8.1.4.2 d, security-reliability.md §1.3): the system administrator (`admin`) manages
 * accounts, the security administrator (`security_admin`) changes roles, resets second factors and
 * unlocks, the auditor only reads the log. Nobody grants themselves a role or resets their own factor.
 */
describe('separation of duties: system, security and audit administrators', () => {
  let t: TestApp;
  let admin: string;
  let adminId: string;
  let secadmin: string;
  let secadminId: string;
  let auditor: string;

  const patch = (cookie: string, id: string, body: Record<string, unknown>) =>
    request(t.server).patch(`/api/admin/users/${id}`).set('cookie', cookie).send(body);
  const account = async (id: string) => {
    const res = await request(t.server).get('/api/admin/users').set('cookie', admin).expect(200);
    return (res.body as AccountRow[]).find((row) => row.id === id)!;
  };
  const login = (username: string, password = STRONG_PASSWORD) =>
    request(t.server).post('/api/auth/login').send({ username, password });
  async function lockOut(username: string): Promise<void> {
    for (let i = 0; i < 5; i++) await login(username, 'wrong-password-x').expect(401);
    await login(username).expect(401);
  }
  /** Marks an account as enrolled in TOTP (the enrolment itself is covered in auth-staff.e2e-spec). */
  async function enrolled(id: string): Promise<void> {
    await dataSourceOf(t).query(`UPDATE user_account SET totp_secret_enc = 'enrolled' WHERE id = $1`, [id]);
  }

  beforeAll(async () => {
    t = await createIdentityApp();
    await clearRateLimits(t.config);
    const a = await signInStaff(t, DEMO_USERS.admin);
    admin = a.cookie;
    adminId = a.user.id;
    const s = await signInStaff(t, DEMO_USERS.security_admin);
    secadmin = s.cookie;
    secadminId = s.user.id;
    expect(s.user.role).toBe('security_admin');
    auditor = (await signInStaff(t, DEMO_USERS.auditor)).cookie;
  });
  afterEach(async () => {
    await clearRateLimits(t.config);
  });
  afterAll(async () => {
    await t.close();
  });

  describe('the system administrator cannot do the security administrator’s work', () => {
    it.each([
      ['resetMfa', { resetMfa: true }, ['resetMfa']],
      ['unlock', { unlock: true }, ['unlock']],
      ['a role change', { role: 'approver' }, ['role']],
      ['a mixed request (nothing of it applies)', { displayName: '改名', unlock: true }, ['unlock']],
    ])('admin sends %s → 403 SECURITY_ADMIN_REQUIRED, nothing changes', async (_name, body, fields) => {
      const username = uniqueUsername('sodadm');
      const id = await createAccount(t, admin, { username, role: 'finance', displayName: '财务甲' });
      await enrolled(id);
      await lockOut(username);
      const res = await patch(admin, id, body).expect(403);
      expect(res.body.error.code).toBe('SECURITY_ADMIN_REQUIRED');
      expect(Object.keys(res.body.error.fields).sort()).toEqual(fields);
      const after = await account(id);
      expect(after).toMatchObject({
        role: 'finance',
        locked: true,
        mfaEnrolled: true,
        displayName: '财务甲',
      });
    });

    it('admin cannot create a security administrator (a role grant) → 403 on the role field', async () => {
      const username = uniqueUsername('sodnewsec');
      const res = await request(t.server)
        .post('/api/admin/users')
        .set('cookie', admin)
        .send({ username, role: 'security_admin', displayName: '安全', password: STRONG_PASSWORD })
        .expect(403);
      expect(res.body.error).toMatchObject({
        code: 'SECURITY_ADMIN_REQUIRED',
        fields: { role: 'SECURITY_ADMIN_REQUIRED' },
      });
      await login(username).expect(401);
    });
  });

  describe('the security administrator', () => {
    it('unlocks a locked account: it signs in again', async () => {
      const username = uniqueUsername('sodunlock');
      const id = await createAccount(t, admin, { username, role: 'finance' });
      await lockOut(username);
      const res = await patch(secadmin, id, { unlock: true }).expect(200);
      expect(res.body.locked).toBe(false);
      await login(username).expect(200);
    });

    it('resets a TOTP factor: the flag clears and the account’s sessions end', async () => {
      const username = uniqueUsername('sodmfa');
      const id = await createAccount(t, admin, { username, role: 'auditor' });
      const session = await signInStaff(t, username, STRONG_PASSWORD);
      await enrolled(id);
      const res = await patch(secadmin, id, { resetMfa: true }).expect(200);
      expect(res.body).toMatchObject({ mfaEnrolled: false, pendingActivation: false });
      await request(t.server).get('/api/auth/me').set('cookie', session.cookie).expect(401);
    });

    it('resetting a reviewer’s factor leaves it pending: an administrator activates it, not the security admin', async () => {
      const username = uniqueUsername('sodrevmfa');
      const id = await createAccount(t, admin, { username, role: 'reviewer' });
      await enrolled(id);
      expect((await patch(secadmin, id, { resetMfa: true }).expect(200)).body.pendingActivation).toBe(true);
      await login(username).expect(401);
      const own = await patch(secadmin, id, { activate: true }).expect(403);
      expect(own.body.error.code).toBe('SYSTEM_ADMIN_REQUIRED');
      expect((await patch(admin, id, { activate: true }).expect(200)).body.pendingActivation).toBe(false);
      await login(username).expect(200);
    });

    it('changes a role: the old sessions end, the new role holds at the next sign-in', async () => {
      const username = uniqueUsername('sodrole');
      const id = await createAccount(t, admin, { username, role: 'finance' });
      const session = await signInStaff(t, username, STRONG_PASSWORD);
      const res = await patch(secadmin, id, { role: 'auditor' }).expect(200);
      expect(res.body.role).toBe('auditor');
      await request(t.server).get('/api/auth/me').set('cookie', session.cookie).expect(401);
      const again = await signInStaff(t, username, STRONG_PASSWORD);
      expect(again.user.role).toBe('auditor');
      await request(t.server).get('/api/payments/batches').set('cookie', again.cookie).expect(403);
      await request(t.server).get('/api/audit').set('cookie', again.cookie).expect(200);
    });

    it('granting a personal-data role (reviewer) waits for an administrator to activate', async () => {
      const username = uniqueUsername('sodgrant');
      const id = await createAccount(t, admin, { username, role: 'finance' });
      expect((await patch(secadmin, id, { role: 'reviewer' }).expect(200)).body).toMatchObject({
        role: 'reviewer',
        pendingActivation: true,
      });
      await login(username).expect(401);
      await activateAccount(t, id);
      expect((await signInStaff(t, username, STRONG_PASSWORD)).user.role).toBe('reviewer');
    });

    it('makes another security administrator by a role change (an admin cannot)', async () => {
      const username = uniqueUsername('sodsec2');
      const id = await createAccount(t, admin, { username, role: 'finance' });
      const res = await patch(admin, id, { role: 'security_admin' }).expect(403);
      expect(res.body.error.code).toBe('SECURITY_ADMIN_REQUIRED');
      await patch(secadmin, id, { role: 'security_admin' }).expect(200);
      const second = await signInStaff(t, username, STRONG_PASSWORD);
      expect(second.user.role).toBe('security_admin');
      await request(t.server).get('/api/admin/users').set('cookie', second.cookie).expect(200);
      await patch(secadmin, id, { role: 'finance' }).expect(200);
    });

    it.each([
      ['a rename', { displayName: '改名' }, ['displayName']],
      ['disabling', { disabled: true }, ['disabled']],
      ['a new password', { password: 'amber-lantern-meadow-57' }, ['password']],
    ])(
      'cannot do the system administrator’s work: %s → 403 SYSTEM_ADMIN_REQUIRED',
      async (_n, body, fields) => {
        const username = uniqueUsername('sodsys');
        const id = await createAccount(t, admin, { username, role: 'finance', displayName: '财务乙' });
        const res = await patch(secadmin, id, body).expect(403);
        expect(res.body.error.code).toBe('SYSTEM_ADMIN_REQUIRED');
        expect(Object.keys(res.body.error.fields)).toEqual(fields);
        expect(await account(id)).toMatchObject({ displayName: '财务乙', disabled: false });
        await login(username).expect(200);
      },
    );

    it('cannot create accounts or change organisations and programs', async () => {
      await request(t.server)
        .post('/api/admin/users')
        .set('cookie', secadmin)
        .send({
          username: uniqueUsername('sodx'),
          role: 'finance',
          displayName: 'x',
          password: STRONG_PASSWORD,
        })
        .expect(403);
      await request(t.server).get('/api/admin/organizations').set('cookie', secadmin).expect(403);
      await request(t.server)
        .patch('/api/admin/programs/car-scrap-2026')
        .set('cookie', secadmin)
        .send({})
        .expect(403);
    });

    it('a dealer account keeps its role → 422 on the role field', async () => {
      const dealer = await signInStaff(t, DEMO_USERS.dealer);
      const res = await patch(secadmin, dealer.user.id, { role: 'admin' }).expect(422);
      expect(res.body.error.fields).toEqual({ role: 'NOT_IN_OPTIONS' });
      expect((await account(dealer.user.id)).role).toBe('dealer');
    });

    it('a role outside the staff roles is refused (resident, dealer, unknown) → 422', async () => {
      const id = await createAccount(t, admin, { username: uniqueUsername('sodbad'), role: 'finance' });
      for (const role of ['resident', 'dealer', 'root'])
        expect((await patch(secadmin, id, { role }).expect(422)).body.error.fields).toHaveProperty('role');
      expect((await account(id)).role).toBe('finance');
    });
  });

  describe('nobody acts on their own account', () => {
    // The demo security administrator must never stay marked enrolled (a failed test included).
    afterEach(async () => {
      await dataSourceOf(t).query(`UPDATE user_account SET totp_secret_enc = NULL WHERE id = $1`, [
        secadminId,
      ]);
    });
    it.each([
      ['role', { role: 'admin' }],
      ['resetMfa', { resetMfa: true }],
      ['unlock', { unlock: true }],
    ])('the security administrator on itself: %s → 403 SELF_ACCOUNT_CHANGE', async (field, body) => {
      await enrolled(secadminId);
      const res = await patch(secadmin, secadminId, body).expect(403);
      expect(res.body.error).toMatchObject({
        code: 'SELF_ACCOUNT_CHANGE',
        fields: { [field]: 'SELF_ACCOUNT_CHANGE' },
      });
      expect(await account(secadminId)).toMatchObject({ role: 'security_admin', mfaEnrolled: true });
    });

    it.each([
      ['disabled', { disabled: true }],
      ['password', { password: 'amber-lantern-meadow-57' }],
      ['resetMfa', { resetMfa: true }],
      ['role', { role: 'security_admin' }],
    ])('the system administrator on itself: %s → 403 SELF_ACCOUNT_CHANGE', async (field, body) => {
      const res = await patch(admin, adminId, body).expect(403);
      expect(res.body.error).toMatchObject({
        code: 'SELF_ACCOUNT_CHANGE',
        fields: { [field]: 'SELF_ACCOUNT_CHANGE' },
      });
      expect(await account(adminId)).toMatchObject({ role: 'admin', disabled: false });
      await request(t.server).get('/api/auth/me').set('cookie', admin).expect(200);
    });

    it('a second security administrator may act on the first (the rule is about oneself)', async () => {
      const username = uniqueUsername('sodpeer');
      const id = await createAccount(t, admin, { username, role: 'finance' });
      await patch(secadmin, id, { role: 'security_admin' }).expect(200);
      const peer = await signInStaff(t, username, STRONG_PASSWORD);
      await enrolled(secadminId);
      const res = await patch(peer.cookie, secadminId, { resetMfa: true }).expect(200);
      expect(res.body.mfaEnrolled).toBe(false);
      // The demo security administrator stays usable for the other suites: its session ended.
      secadmin = (await signInStaff(t, DEMO_USERS.security_admin)).cookie;
      // Back to finance, so this second security administrator does not linger as one.
      await patch(secadmin, id, { role: 'finance' }).expect(200);
    });

    it('one’s own display name may change', async () => {
      const before = await account(adminId);
      await patch(admin, adminId, { displayName: '系统管理员一号' }).expect(200);
      await patch(admin, adminId, { displayName: before.displayName }).expect(200);
    });
  });

  describe('the auditor reads only the log, where the refusals are', () => {
    it('the auditor cannot list or change accounts', async () => {
      await request(t.server).get('/api/admin/users').set('cookie', auditor).expect(403);
      const res = await patch(auditor, adminId, { unlock: true }).expect(403);
      expect(res.body.error.code).toBe('FORBIDDEN');
    });

    it('a refused PATCH is audited (denied, with the code), the security admin’s changes too', async () => {
      const id = await createAccount(t, admin, { username: uniqueUsername('sodlog'), role: 'finance' });
      await patch(admin, id, { unlock: true }).expect(403);
      await patch(secadmin, id, { unlock: true }).expect(200);
      const log = await request(t.server)
        .get('/api/audit')
        .query({ objectType: 'user', objectId: id })
        .set('cookie', auditor)
        .expect(200);
      const rows = (log.body.items ?? log.body) as {
        action: string;
        result: string;
        detail?: { code?: string };
      }[];
      expect(rows.map((row) => [row.action, row.result])).toEqual(
        expect.arrayContaining([
          ['user.update_denied', 'denied'],
          ['user.updated', 'success'],
          ['user.created', 'success'],
        ]),
      );
      expect(rows.find((row) => row.action === 'user.update_denied')?.detail?.code).toBe(
        'SECURITY_ADMIN_REQUIRED',
      );
    });
  });
});
