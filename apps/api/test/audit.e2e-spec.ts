import request from 'supertest';
import type { DataSource } from 'typeorm';
import { ALL_PII, BANK_CARDS, ID_NUMBERS, PHONES, profileBody } from './fixtures/pii';
import {
  clearRateLimits,
  createIdentityApp,
  dataSourceOf,
  DEMO_PASSWORD,
  DEMO_USERS,
  signInResident,
  signInStaff,
  STRONG_PASSWORD,
  uniqueUsername,
  type SignedIn,
} from './utils/identity';
import { chainAll } from './utils/audit';
import { claimWithStatus } from './utils/claims';
import type { TestApp } from './utils/test-app';

interface AuditRow {
  seq: string;
  actor_id: string | null;
  actor_role: string | null;
  action: string;
  object_type: string | null;
  object_id: string | null;
  result: string;
  ip: string | null;
  request_id: string | null;
  detail: Record<string, unknown>;
}

/** The append-only, hash-chained audit log (等保 8.1.4.3; ASVS 16.3, 16.4.2; security-reliability.md §3.4). */
describe('audit log', () => {
  let t: TestApp;
  let db: DataSource;
  let admin: SignedIn;
  let auditor: SignedIn;
  let reviewer: SignedIn;
  let resident: SignedIn;

  beforeAll(async () => {
    t = await createIdentityApp();
    db = dataSourceOf(t);
    await clearRateLimits(t.config);
    admin = await signInStaff(t, DEMO_USERS.admin);
    auditor = await signInStaff(t, DEMO_USERS.auditor);
    reviewer = await signInStaff(t, DEMO_USERS.reviewer);
    resident = await signInResident(t, PHONES.audit[0]!);
  });
  afterAll(async () => {
    await t.close();
  });

  const lastRows = async (action: string, n = 1): Promise<AuditRow[]> =>
    (await db.query('SELECT * FROM audit_log WHERE action = $1 ORDER BY seq DESC LIMIT $2', [
      action,
      n,
    ])) as AuditRow[];
  const last = async (action: string): Promise<AuditRow> => (await lastRows(action))[0]!;

  describe('one row per event: who, what, which record, when, from where, result', () => {
    it('a staff sign-in → auth.login success with the actor, the address and the request id', async () => {
      const res = await request(t.server)
        .post('/api/auth/login')
        .set('x-request-id', 'audit-login-ok-1')
        .send({ username: DEMO_USERS.finance, password: DEMO_PASSWORD })
        .expect(200);
      const row = await last('auth.login');
      expect(row).toEqual(
        expect.objectContaining({
          actor_id: res.body.user.id,
          actor_role: 'finance',
          object_type: 'user',
          object_id: res.body.user.id,
          result: 'success',
          ip: '127.0.0.1',
          request_id: 'audit-login-ok-1',
          detail: { method: 'password' },
        }),
      );
    });

    it('a resident sign-in → auth.login success (method otp)', async () => {
      const signed = await signInResident(t, PHONES.audit[1]!);
      expect(await last('auth.login')).toEqual(
        expect.objectContaining({
          actor_id: signed.user.id,
          actor_role: 'resident',
          result: 'success',
          detail: { method: 'otp' },
        }),
      );
    });

    it.each([
      [
        'a wrong password',
        { username: DEMO_USERS.approver, password: 'wrong-password-1' },
        { method: 'password', reason: 'wrong_password' },
        'approver',
      ],
      [
        'an unknown user',
        { username: 'no-such-user', password: 'wrong-password-1' },
        { method: 'password', reason: 'unknown_user', username: 'no-such-user' },
        null,
      ],
    ])('%s → auth.login failure with the reason', async (_label, body, detail, role) => {
      await request(t.server).post('/api/auth/login').send(body).expect(401);
      expect(await last('auth.login')).toEqual(
        expect.objectContaining({ result: 'failure', actor_role: role, detail, ip: '127.0.0.1' }),
      );
    });

    it('a wrong SMS code → auth.login failure (method otp), without the phone', async () => {
      const sent = await request(t.server).post('/api/auth/otp').send({ phone: PHONES.audit[2] }).expect(202);
      await request(t.server)
        .post('/api/auth/otp/verify')
        .send({ challengeId: sent.body.challengeId, code: 'abcdef' })
        .expect(401);
      expect(await last('auth.login')).toEqual(
        expect.objectContaining({
          result: 'failure',
          actor_id: null,
          detail: expect.objectContaining({
            method: 'otp',
            reason: 'OTP_INVALID',
            phoneHash: expect.any(String),
            count: 1,
          }),
        }),
      );
    });

    it('the fifth failure that locks the account is recorded as such', async () => {
      const username = uniqueUsername('auditlock');
      await request(t.server)
        .post('/api/admin/users')
        .set('cookie', admin.cookie)
        .send({ username, displayName: '锁定测试', role: 'finance', password: STRONG_PASSWORD })
        .expect(201);
      for (let i = 0; i < 5; i++)
        await request(t.server)
          .post('/api/auth/login')
          .send({ username, password: 'wrong-password-1' })
          .expect(401);
      const rows = await lastRows('auth.login', 5);
      expect(rows.map((row) => row.detail.reason)).toEqual([
        'wrong_password_locked',
        'wrong_password',
        'wrong_password',
        'wrong_password',
        'wrong_password',
      ]);
      await request(t.server)
        .post('/api/auth/login')
        .send({ username, password: STRONG_PASSWORD })
        .expect(401);
      expect((await last('auth.login')).detail).toEqual({ method: 'password', reason: 'locked' });
    });

    it('a phone, ID or card number typed as a staff username is masked in the row', async () => {
      for (const typed of [PHONES.audit[3]!, ID_NUMBERS.audit[0]!, BANK_CARDS.audit[0]!]) {
        await request(t.server)
          .post('/api/auth/login')
          .send({ username: typed, password: 'wrong-password-1' })
          .expect(401);
        const row = await last('auth.login');
        expect(row.detail.reason).toBe('unknown_user');
        expect(JSON.stringify(row.detail)).not.toContain(typed.toLowerCase());
      }
    });

    it('a permission denial → access.denied with the permission, route and caller', async () => {
      await request(t.server).get('/api/audit').set('cookie', resident.cookie).expect(403);
      expect(await last('access.denied')).toEqual(
        expect.objectContaining({
          actor_id: resident.user.id,
          actor_role: 'resident',
          result: 'denied',
          detail: { permission: 'audit.read', method: 'GET', route: '/api/audit' },
        }),
      );
      await request(t.server)
        .post(`/api/residents/${resident.user.id}/reveal`)
        .set('cookie', admin.cookie)
        .send({ field: 'idNumber', purpose: 'curious' })
        .expect(403);
      expect(await last('access.denied')).toEqual(
        expect.objectContaining({
          actor_role: 'admin',
          result: 'denied',
          detail: expect.objectContaining({ permission: 'pii.reveal' }),
        }),
      );
    });

    it('profile saved → profile.updated (consent version, no personal data); reveal → pii.reveal', async () => {
      await request(t.server)
        .put('/api/me/profile')
        .set('cookie', resident.cookie)
        .send(profileBody('audit', 1))
        .expect(200);
      const saved = await last('profile.updated');
      expect(saved).toEqual(
        expect.objectContaining({
          actor_id: resident.user.id,
          object_type: 'resident',
          object_id: resident.user.id,
          result: 'success',
          detail: expect.objectContaining({ consentVersion: expect.any(String), created: true }),
        }),
      );
      const claim = await claimWithStatus(t, resident.cookie, 'in_review');
      await request(t.server)
        .post(`/api/residents/${resident.user.id}/reveal`)
        .set('cookie', reviewer.cookie)
        .send({ applicationId: claim, field: 'bankAccount', reason: 'bank_check', note: 'payment check' })
        .expect(200);
      expect(await last('pii.reveal')).toEqual(
        expect.objectContaining({
          actor_id: reviewer.user.id,
          actor_role: 'reviewer',
          object_type: 'resident',
          object_id: resident.user.id,
          detail: { field: 'bankAccount', applicationId: claim, reason: 'bank_check', note: 'payment check' },
        }),
      );
    });

    it('accounts and organisations (configuration changes) → user.created, user.updated, organization.created', async () => {
      const created = await request(t.server)
        .post('/api/admin/users')
        .set('cookie', admin.cookie)
        .send({
          username: uniqueUsername('audited'),
          displayName: '审计测试',
          role: 'reviewer',
          password: STRONG_PASSWORD,
        })
        .expect(201);
      expect(await last('user.created')).toEqual(
        expect.objectContaining({
          actor_id: admin.user.id,
          actor_role: 'admin',
          object_type: 'user',
          object_id: created.body.id,
          result: 'success',
          detail: { role: 'reviewer', pendingActivation: true },
        }),
      );
      await request(t.server)
        .patch(`/api/admin/users/${created.body.id}`)
        .set('cookie', admin.cookie)
        .send({ disabled: true, displayName: '改名' })
        .expect(200);
      expect(await last('user.updated')).toEqual(
        expect.objectContaining({
          object_id: created.body.id,
          detail: { changed: ['displayName', 'disabled'] },
        }),
      );
      const org = await request(t.server)
        .post('/api/admin/organizations')
        .set('cookie', admin.cookie)
        .send({ name: '章丘审计测试回收站', uscc: '91110000600037341L', kinds: ['recycler'] })
        .expect(201);
      expect(await last('organization.created')).toEqual(
        expect.objectContaining({ actor_role: 'admin', object_type: 'organization', object_id: org.body.id }),
      );
    });

    it('no row carries personal data in detail', async () => {
      const rows = (await db.query('SELECT detail::text AS d, object_id FROM audit_log')) as {
        d: string;
        object_id: string | null;
      }[];
      const text = rows.map((row) => `${row.d} ${row.object_id ?? ''}`).join('\n');
      expect(ALL_PII.filter((value) => text.includes(value) || text.includes(value.toLowerCase()))).toEqual(
        [],
      );
    });
  });

  describe('security events: refusals summed, enrolment, codes sent', () => {
    const rowsFor = async (action: string, key: string, value: string) =>
      (await db.query(`SELECT * FROM audit_log WHERE action = $1 AND detail->>$2 = $3 ORDER BY seq`, [
        action,
        key,
        value,
      ])) as AuditRow[];

    it('12 cross-site posts → csrf.refused rows at the 1st and 10th refusal only, with the count, origin and route', async () => {
      const origin = `https://evil-${Date.now()}.example`;
      for (let i = 0; i < 12; i++)
        await request(t.server).post('/api/auth/logout').set('origin', origin).expect(403);
      const rows = await rowsFor('csrf.refused', 'origin', origin);
      expect(rows.map((row) => row.detail.count)).toEqual([1, 10]);
      expect(rows[0]).toEqual(
        expect.objectContaining({
          result: 'denied',
          ip: expect.any(String),
          detail: expect.objectContaining({ method: 'POST', route: '/api/auth/logout' }),
        }),
      );
    });

    it('rate-limit refusals → rate_limit.refused, summed per limiter and key', async () => {
      await clearRateLimits(t.config);
      const limited = await createIdentityApp({ AUTH_IP_LIMIT_PER_HOUR: '1' });
      try {
        await request(limited.server)
          .post('/api/auth/login')
          .send({ username: 'nobody-here', password: 'whatever-password' })
          .expect(401);
        for (let i = 0; i < 11; i++)
          await request(limited.server)
            .post('/api/auth/login')
            .send({ username: 'nobody-here', password: 'whatever-password' })
            .expect(429);
      } finally {
        await limited.close();
        await clearRateLimits(t.config);
      }
      const rows = await rowsFor('rate_limit.refused', 'limiter', 'login-ip-hour');
      expect(rows.slice(-2).map((row) => row.detail.count)).toEqual([1, 10]);
      expect(rows.at(-1)!.detail).toEqual(expect.objectContaining({ key: expect.stringMatching(/^ip:/) }));
    });

    it('TOTP enrolment: started and a failed confirmation are audited', async () => {
      const mfa = await createIdentityApp({ STAFF_MFA: 'totp' });
      try {
        const username = uniqueUsername('auditmfa');
        const created = await request(t.server)
          .post('/api/admin/users')
          .set('cookie', admin.cookie)
          .send({ username, displayName: '审计', role: 'finance', password: STRONG_PASSWORD })
          .expect(201);
        const first = await request(mfa.server)
          .post('/api/auth/login')
          .send({ username, password: STRONG_PASSWORD })
          .expect(403);
        const { enrolmentToken } = first.body.error as { enrolmentToken: string };
        await request(mfa.server).post('/api/auth/mfa/totp/setup').send({ enrolmentToken }).expect(200);
        expect(await last('auth.mfa.enrolment_started')).toEqual(
          expect.objectContaining({ object_id: created.body.id, result: 'success' }),
        );
        await request(mfa.server)
          .post('/api/auth/mfa/totp/confirm')
          .send({ enrolmentToken, totp: '000000' })
          .expect(401);
        expect(await last('auth.mfa.enrolment_failed')).toEqual(
          expect.objectContaining({ object_id: created.body.id, result: 'failure' }),
        );
      } finally {
        await mfa.close();
      }
    });

    it('an SMS code sent → auth.otp.sent with the purpose and the keyed hash of the phone', async () => {
      await clearRateLimits(t.config);
      await request(t.server).post('/api/auth/otp').send({ phone: PHONES.audit[5] }).expect(202);
      const row = await last('auth.otp.sent');
      expect(row.detail).toEqual({ purpose: 'login', phoneHash: expect.any(String) });
      expect(JSON.stringify(row)).not.toContain(PHONES.audit[5]);
    });
  });

  describe('GET /api/audit (auditor)', () => {
    it('filters by action and actor, newest first, and the read is itself audited', async () => {
      await chainAll(db, t.config);
      const res = await request(t.server)
        .get('/api/audit')
        .query({ action: 'auth.login', actor: admin.user.id })
        .set('cookie', auditor.cookie)
        .expect(200);
      expect(res.body.length).toBeGreaterThan(0);
      for (const row of res.body)
        expect(row).toEqual(
          expect.objectContaining({
            action: 'auth.login',
            actorId: admin.user.id,
            seq: expect.any(Number),
            chainSeq: expect.any(Number),
            hash: expect.stringMatching(/^[0-9a-f]{64}$/),
          }),
        );
      const seqs = (res.body as { seq: number }[]).map((row) => row.seq);
      expect([...seqs].sort((a, b) => b - a)).toEqual(seqs);
      expect(await last('audit.read')).toEqual(
        expect.objectContaining({ actor_id: auditor.user.id, result: 'success' }),
      );
    });

    it('lists a row at once, before the sequencer chained it (hash null), and chained afterwards', async () => {
      const origin = `https://unchained-${Date.now()}.example`;
      await request(t.server).post('/api/auth/logout').set('origin', origin).expect(403);
      const find = async () => {
        const res = await request(t.server)
          .get('/api/audit')
          .query({ action: 'csrf.refused', limit: 20 })
          .set('cookie', auditor.cookie)
          .expect(200);
        return (
          res.body as { detail: { origin?: string }; chainSeq: number | null; hash: string | null }[]
        ).find((row) => row.detail.origin === origin);
      };
      expect(await find()).toEqual(expect.objectContaining({ chainSeq: null, hash: null }));
      await chainAll(db, t.config);
      expect(await find()).toEqual(
        expect.objectContaining({
          chainSeq: expect.any(Number),
          hash: expect.stringMatching(/^[0-9a-f]{64}$/),
        }),
      );
    });

    it('filters by time window and limit', async () => {
      const from = new Date(Date.now() - 60_000).toISOString();
      const res = await request(t.server)
        .get('/api/audit')
        .query({ from, limit: 3 })
        .set('cookie', auditor.cookie)
        .expect(200);
      expect(res.body).toHaveLength(3);
      for (const row of res.body)
        expect(new Date(row.at).getTime()).toBeGreaterThanOrEqual(new Date(from).getTime());
    });

    it.each([
      [{ actor: 'me' }, 'actor'],
      [{ from: 'yesterday' }, 'from'],
      [{ limit: 10_000 }, 'limit'],
      [{ action: "x'; drop table audit_log;--" }, 'action'],
    ])('bad filter %j → 422', async (query, field) => {
      const res = await request(t.server)
        .get('/api/audit')
        .query(query)
        .set('cookie', auditor.cookie)
        .expect(422);
      expect(res.body.error.fields).toHaveProperty(field);
    });
  });

  describe('append-only and tamper-evident', () => {
    it.each([
      ['UPDATE', `UPDATE audit_log SET result = 'success' WHERE seq = (SELECT min(seq) FROM audit_log)`],
      ['DELETE', `DELETE FROM audit_log WHERE seq = (SELECT min(seq) FROM audit_log)`],
      ['TRUNCATE', `TRUNCATE audit_log`],
    ])('the database refuses %s', async (_label, sql) => {
      await expect(db.query(sql)).rejects.toThrow(/append-only/);
    });

    it('verify → { ok: true, checked } over the whole chain', async () => {
      await chainAll(db, t.config);
      const res = await request(t.server).get('/api/audit/verify').set('cookie', auditor.cookie).expect(200);
      const n = ((await db.query('SELECT count(*)::int AS n FROM audit_log')) as { n: number }[])[0]!.n;
      expect(res.body).toEqual({ ok: true, checked: expect.any(Number), unchained: 0, staleUnchained: 0 });
      expect(res.body.checked).toBeGreaterThanOrEqual(n - 1);
    });

    it('verify counts rows not chained yet, and stays ok while they are fresh', async () => {
      await chainAll(db, t.config);
      await request(t.server).get('/api/audit').query({ limit: 1 }).set('cookie', auditor.cookie).expect(200);
      const res = await request(t.server).get('/api/audit/verify').set('cookie', auditor.cookie).expect(200);
      expect(res.body).toEqual(
        expect.objectContaining({
          ok: true,
          unchained: 1,
          staleUnchained: 0,
          oldestUnchainedAt: expect.any(String),
        }),
      );
    });

    /** Runs SQL with the append-only triggers off, in one transaction (superuser, test only). */
    async function withTriggersOff(sql: string, parameters: unknown[]): Promise<void> {
      await db.transaction(async (manager) => {
        await manager.query('ALTER TABLE audit_log DISABLE TRIGGER USER');
        await manager.query(sql, parameters);
        await manager.query('ALTER TABLE audit_log ENABLE TRIGGER USER');
      });
    }

    it('an edited row: verify reports its seq; restored, the chain verifies again', async () => {
      await chainAll(db, t.config);
      const [target] = (await db.query(
        `SELECT seq, chain_seq, detail FROM audit_log WHERE action = 'user.created' ORDER BY seq DESC LIMIT 1`,
      )) as { seq: string; chain_seq: string; detail: object }[];
      await withTriggersOff(`UPDATE audit_log SET detail = '{"role":"admin"}'::jsonb WHERE seq = $1`, [
        target!.seq,
      ]);
      try {
        const res = await request(t.server)
          .get('/api/audit/verify')
          .set('cookie', auditor.cookie)
          .expect(200);
        expect(res.body).toEqual(
          expect.objectContaining({
            ok: false,
            checked: Number(target!.chain_seq) - 1,
            firstBadSeq: Number(target!.seq),
            firstBadPosition: Number(target!.chain_seq),
          }),
        );
        expect(await last('audit.verify')).toEqual(
          expect.objectContaining({
            result: 'failure',
            detail: expect.objectContaining({ firstBadSeq: Number(target!.seq) }),
          }),
        );
      } finally {
        await withTriggersOff(`UPDATE audit_log SET detail = $2::jsonb WHERE seq = $1`, [
          target!.seq,
          JSON.stringify(target!.detail),
        ]);
      }
      await expect(
        request(t.server)
          .get('/api/audit/verify')
          .set('cookie', auditor.cookie)
          .expect(200)
          .then((res) => res.body.ok),
      ).resolves.toBe(true);
    });

    it('a deleted row: verify reports the next row in the chain; put back, the chain verifies again', async () => {
      await chainAll(db, t.config);
      const [row] = (await db.query(
        `SELECT seq, chain_seq FROM audit_log WHERE action = 'profile.updated' ORDER BY seq DESC LIMIT 1`,
      )) as { seq: string; chain_seq: string }[];
      const [next] = (await db.query('SELECT seq FROM audit_log WHERE chain_seq = $1 + 1', [
        row!.chain_seq,
      ])) as {
        seq: string;
      }[];
      // Kept byte for byte (timestamps to the microsecond) in a scratch table, dropped afterwards.
      await db.query('CREATE TABLE audit_log_tamper_test AS SELECT * FROM audit_log WHERE seq = $1', [
        row!.seq,
      ]);
      try {
        await withTriggersOff('DELETE FROM audit_log WHERE seq = $1', [row!.seq]);
        const res = await request(t.server)
          .get('/api/audit/verify')
          .set('cookie', auditor.cookie)
          .expect(200);
        expect(res.body).toEqual(
          expect.objectContaining({
            ok: false,
            checked: Number(row!.chain_seq) - 1,
            firstBadSeq: Number(next!.seq),
            firstBadPosition: Number(row!.chain_seq),
          }),
        );
      } finally {
        await withTriggersOff(
          'INSERT INTO audit_log SELECT * FROM audit_log_tamper_test WHERE NOT EXISTS (SELECT 1 FROM audit_log WHERE seq = $1)',
          [row!.seq],
        );
        await db.query('DROP TABLE audit_log_tamper_test');
      }
      const res = await request(t.server).get('/api/audit/verify').set('cookie', auditor.cookie).expect(200);
      expect(res.body.ok).toBe(true);
    });

    it('two rows swapped in the chain: verify reports the first; swapped back, the chain verifies again', async () => {
      await chainAll(db, t.config);
      const [first, second] = (await db.query(
        `SELECT seq, chain_seq FROM audit_log WHERE action = 'auth.login' AND chain_seq IS NOT NULL
          ORDER BY chain_seq LIMIT 2 OFFSET 1`,
      )) as { seq: string; chain_seq: string }[];
      /** Puts `first` on position a and `second` on b, through free positions (the unique index). */
      const place = async (a: string, b: string) => {
        await withTriggersOff(
          'UPDATE audit_log SET chain_seq = chain_seq + 1000000000000 WHERE seq IN ($1, $2)',
          [first!.seq, second!.seq],
        );
        await withTriggersOff(
          `UPDATE audit_log SET chain_seq = CASE seq WHEN $1 THEN $3::bigint ELSE $4::bigint END WHERE seq IN ($1, $2)`,
          [first!.seq, second!.seq, a, b],
        );
      };
      await place(second!.chain_seq, first!.chain_seq);
      try {
        const res = await request(t.server)
          .get('/api/audit/verify')
          .set('cookie', auditor.cookie)
          .expect(200);
        expect(res.body).toEqual(
          expect.objectContaining({
            ok: false,
            checked: Number(first!.chain_seq) - 1,
            firstBadSeq: Number(second!.seq),
            firstBadPosition: Number(first!.chain_seq),
          }),
        );
      } finally {
        await place(first!.chain_seq, second!.chain_seq);
      }
      const res = await request(t.server).get('/api/audit/verify').set('cookie', auditor.cookie).expect(200);
      expect(res.body.ok).toBe(true);
    });
  });
});
