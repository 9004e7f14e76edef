import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { claimWithStatus } from './utils/claims';
import { DAY, MINUTE, useFakeClock } from './utils/fake-clock';
import {
  clearRateLimits,
  createAccount,
  createIdentityApp,
  dataSourceOf,
  DEMO_USERS,
  signInStaff,
  STRONG_PASSWORD,
  uniqueUsername,
} from './utils/identity';
import { createResident, type Resident, residentIdentity } from './utils/residents';
import type { TestApp } from './utils/test-app';

/**
 * Issue 9 item 9: the reveal is scoped. A reviewer sees a resident's full value only for one of
 * that resident's claims in review, with a published reason that justifies the field, within a
 * daily limit (beyond it: 429 and an alert row the auditor reads), and every reveal is audited.
 */
describe('POST /api/residents/:id/reveal (scoped, limited, audited)', () => {
  let t: TestApp;
  let reviewer: { cookie: string; id: string };
  let alice: Resident;
  let bob: Resident;
  let aliceClaim: string;
  let bobClaim: string;
  const ALICE = 9101;
  const alicePii = residentIdentity(ALICE);

  /** A reviewer of this suite only: the daily counter is per user, and other suites use reviewer1. */
  async function newStaff(app: TestApp, role: 'reviewer' | 'approver') {
    const username = uniqueUsername(`rv${role[0]}`);
    const id = await createAccount(app, (await signInStaff(app, DEMO_USERS.admin)).cookie, {
      username,
      role,
    });
    return { id, username, cookie: (await signInStaff(app, username, STRONG_PASSWORD)).cookie };
  }

  const reveal = (app: TestApp, cookie: string, residentId: string, body: Record<string, unknown>) =>
    request(app.server).post(`/api/residents/${residentId}/reveal`).set('cookie', cookie).send(body);

  const auditRows = async (app: TestApp, action: string, objectId: string) =>
    (await dataSourceOf(app).query(
      `SELECT actor_id, actor_role, result, detail FROM audit_log WHERE action = $1 AND object_id = $2 ORDER BY seq`,
      [action, objectId],
    )) as { actor_id: string; actor_role: string; result: string; detail: Record<string, unknown> }[];

  beforeAll(async () => {
    t = await createIdentityApp();
    await clearRateLimits(t.config);
    reviewer = await newStaff(t, 'reviewer');
    alice = await createResident(t, ALICE);
    bob = await createResident(t, 9102);
    aliceClaim = await claimWithStatus(t, alice.cookie, 'in_review');
    bobClaim = await claimWithStatus(t, bob.cookie, 'in_review');
  });
  afterAll(async () => {
    await t.close();
  });

  it.each([
    ['idNumber', 'identity_check', () => alicePii.idNumber],
    ['bankAccount', 'bank_check', () => alicePii.bankAccount],
    ['phone', 'contact_applicant', () => alicePii.phone],
    ['name', 'identity_check', () => '测试居民'],
    ['address', 'address_check', () => '明水街道测试路1号'],
  ])(
    'a reviewer reveals %s for a claim in review with reason %s → 200, no-store, one audit row (field, claim, reason)',
    async (field, reason, expected) => {
      const before = (await auditRows(t, 'pii.reveal', alice.id)).length;
      const res = await reveal(t, reviewer.cookie, alice.id, {
        applicationId: aliceClaim,
        field,
        reason,
      }).expect(200);
      expect(res.body).toEqual({ field, value: expected() });
      expect(res.headers['cache-control']).toBe('no-store');
      const rows = await auditRows(t, 'pii.reveal', alice.id);
      expect(rows).toHaveLength(before + 1);
      expect(rows.at(-1)).toEqual({
        actor_id: reviewer.id,
        actor_role: 'reviewer',
        result: 'success',
        detail: { field, applicationId: aliceClaim, reason },
      });
    },
  );

  it('an approver may reveal too (both roles work claims)', async () => {
    const approver = await newStaff(t, 'approver');
    await reveal(t, approver.cookie, alice.id, {
      applicationId: aliceClaim,
      field: 'bankAccount',
      reason: 'bank_check',
    }).expect(200);
  });

  it('the optional note is free text: a pasted ID or phone number is masked before it is stored', async () => {
    await reveal(t, reviewer.cookie, alice.id, {
      applicationId: aliceClaim,
      field: 'idNumber',
      reason: 'document_mismatch',
      note: `photo shows ${alicePii.idNumber}, call ${alicePii.phone}`,
    }).expect(200);
    const text = JSON.stringify((await auditRows(t, 'pii.reveal', alice.id)).at(-1)!.detail);
    expect(text).toContain('"note"');
    expect(text).not.toContain(alicePii.idNumber);
    expect(text).not.toContain(alicePii.phone);
  });

  describe('refused: no value, no pii.reveal row', () => {
    let before: number;
    beforeEach(async () => {
      before = (await auditRows(t, 'pii.reveal', alice.id)).length;
    });
    afterEach(async () => {
      expect(await auditRows(t, 'pii.reveal', alice.id)).toHaveLength(before);
    });

    it('another resident’s claim → 404 APPLICATION_NOT_FOUND (any reviewer, anyone, is over)', async () => {
      const res = await reveal(t, reviewer.cookie, alice.id, {
        applicationId: bobClaim,
        field: 'idNumber',
        reason: 'identity_check',
      }).expect(404);
      expect(res.body.error.code).toBe('APPLICATION_NOT_FOUND');
      expect(JSON.stringify(res.body)).not.toContain(alicePii.idNumber);
    });

    it('an unknown claim id → 404 APPLICATION_NOT_FOUND', async () => {
      const res = await reveal(t, reviewer.cookie, alice.id, {
        applicationId: randomUUID(),
        field: 'idNumber',
        reason: 'identity_check',
      }).expect(404);
      expect(res.body.error.code).toBe('APPLICATION_NOT_FOUND');
    });

    it.each(['draft', 'submitted', 'returned', 'approved', 'paid', 'rejected', 'withdrawn'] as const)(
      'a claim that is %s (not in review) → 409 WRONG_STATE',
      async (status) => {
        const claim = await claimWithStatus(t, alice.cookie, status);
        const res = await reveal(t, reviewer.cookie, alice.id, {
          applicationId: claim,
          field: 'idNumber',
          reason: 'identity_check',
        }).expect(409);
        expect(res.body.error.code).toBe('WRONG_STATE');
      },
    );

    it.each([
      ['bank_check', 'idNumber'],
      ['identity_check', 'bankAccount'],
      ['address_check', 'phone'],
      ['contact_applicant', 'idNumber'],
    ])('reason %s does not justify %s → 422 fields.field NOT_IN_OPTIONS', async (reason, field) => {
      const res = await reveal(t, reviewer.cookie, alice.id, {
        applicationId: aliceClaim,
        field,
        reason,
      }).expect(422);
      expect(res.body.error.fields).toEqual({ field: 'NOT_IN_OPTIONS' });
    });

    it.each([
      [
        'the old body (field + purpose)',
        { field: 'idNumber', purpose: 'checking a claim' },
        ['applicationId', 'reason', 'purpose'],
      ],
      ['no claim', { field: 'idNumber', reason: 'identity_check' }, ['applicationId']],
      ['no reason', { applicationId: randomUUID(), field: 'idNumber' }, ['reason']],
      [
        'a reason off the list',
        { applicationId: randomUUID(), field: 'idNumber', reason: 'curious' },
        ['reason'],
      ],
      [
        'an unknown field',
        { applicationId: randomUUID(), field: 'password', reason: 'identity_check' },
        ['field'],
      ],
      [
        'a malformed claim id',
        { applicationId: 'ZQ-2026-000001', field: 'name', reason: 'identity_check' },
        ['applicationId'],
      ],
      [
        'an extra field',
        { applicationId: randomUUID(), field: 'name', reason: 'identity_check', all: true },
        ['all'],
      ],
    ])('%s → 422 with a code for each field at fault', async (_label, body, fields) => {
      const res = await reveal(t, reviewer.cookie, alice.id, body).expect(422);
      expect(Object.keys(res.body.error.fields as object).sort()).toEqual([...fields].sort());
    });

    it.each([
      ['a staff account', async () => (await signInStaff(t, DEMO_USERS.finance)).user.id],
      ['an unknown id', async () => randomUUID()],
    ])('the resident id of %s → 404 NOT_FOUND', async (_label, target) => {
      const res = await reveal(t, reviewer.cookie, await target(), {
        applicationId: aliceClaim,
        field: 'phone',
        reason: 'contact_applicant',
      }).expect(404);
      expect(res.body.error.code).toBe('NOT_FOUND');
    });

    it.each(['admin', 'auditor', 'finance', 'dealer'] as const)('%s may not reveal (403)', async (role) => {
      const { cookie } = await signInStaff(t, DEMO_USERS[role]);
      const res = await reveal(t, cookie, alice.id, {
        applicationId: aliceClaim,
        field: 'idNumber',
        reason: 'identity_check',
      }).expect(403);
      expect(res.body.error.code).toBe('FORBIDDEN');
    });

    it('a resident may not reveal, not even their own claim (403)', async () => {
      await reveal(t, alice.cookie, alice.id, {
        applicationId: aliceClaim,
        field: 'idNumber',
        reason: 'identity_check',
      }).expect(403);
    });
  });

  it('a resident without real-name details: the phone reveals, the ID number → 404 PROFILE_NOT_FOUND', async () => {
    const frank = await createResident(t, 9103);
    const claim = await claimWithStatus(t, frank.cookie, 'in_review');
    await dataSourceOf(t).query('DELETE FROM resident_profile WHERE user_id = $1', [frank.id]);
    await reveal(t, reviewer.cookie, frank.id, {
      applicationId: claim,
      field: 'phone',
      reason: 'contact_applicant',
    }).expect(200);
    const res = await reveal(t, reviewer.cookie, frank.id, {
      applicationId: claim,
      field: 'idNumber',
      reason: 'identity_check',
    }).expect(404);
    expect(res.body.error.code).toBe('PROFILE_NOT_FOUND');
  });

  describe('daily limit (REVEAL_LIMIT_PER_DAY=3 here)', () => {
    let limited: TestApp;
    let clock: ReturnType<typeof useFakeClock>;
    let carol: Resident;
    let carolClaim: string;
    // 23:50 in Asia/Shanghai (UTC+8): the day ends 10 minutes later.
    const lateEvening = new Date('2026-06-01T15:50:00Z');

    beforeAll(async () => {
      limited = await createIdentityApp({ REVEAL_LIMIT_PER_DAY: '3' });
      clock = useFakeClock(limited.app, lateEvening);
      carol = await createResident(limited, 6104);
      carolClaim = await claimWithStatus(limited, carol.cookie, 'in_review');
    });
    afterAll(async () => {
      clock.restore();
      await limited.close();
    });

    const revealCarol = (cookie: string) =>
      reveal(limited, cookie, carol.id, {
        applicationId: carolClaim,
        field: 'name',
        reason: 'identity_check',
      });

    it('the 4th reveal of the day → 429 REVEAL_LIMIT_EXCEEDED, no value, an alert row the auditor sees; others unaffected; the next day it works again', async () => {
      const busy = await newStaff(limited, 'reviewer');
      for (let i = 0; i < 3; i += 1) await revealCarol(busy.cookie).expect(200);

      const refused = await revealCarol(busy.cookie).expect(429);
      expect(refused.body.error.code).toBe('REVEAL_LIMIT_EXCEEDED');
      expect(refused.body.error.value).toBeUndefined();
      expect(JSON.stringify(refused.body)).not.toContain('测试居民');
      // Until midnight in Shanghai: 10 minutes.
      expect(Number(refused.headers['retry-after'])).toBe(600);
      await revealCarol(busy.cookie).expect(429);

      const alerts = await auditRows(limited, 'pii.reveal.limit_exceeded', carol.id);
      expect(alerts).toHaveLength(2);
      expect(alerts[0]).toEqual({
        actor_id: busy.id,
        actor_role: 'reviewer',
        result: 'denied',
        detail: { field: 'name', applicationId: carolClaim, reason: 'identity_check' },
      });
      expect(await auditRows(limited, 'pii.reveal', carol.id)).toHaveLength(3);

      const auditor = (await signInStaff(limited, DEMO_USERS.auditor)).cookie;
      const log = await request(limited.server)
        .get('/api/audit?action=pii.reveal.limit_exceeded')
        .set('cookie', auditor)
        .expect(200);
      expect(log.body).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            action: 'pii.reveal.limit_exceeded',
            actorId: busy.id,
            objectId: carol.id,
          }),
        ]),
      );

      const other = await newStaff(limited, 'reviewer');
      await revealCarol(other.cookie).expect(200);

      clock.advance(11 * MINUTE);
      await revealCarol(busy.cookie).expect(200);
    });

    it('the count is per day, not per rolling 24 hours: a full day later the quota is back', async () => {
      const reviewerB = await newStaff(limited, 'reviewer');
      for (let i = 0; i < 3; i += 1) await revealCarol(reviewerB.cookie).expect(200);
      await revealCarol(reviewerB.cookie).expect(429);
      clock.advance(DAY);
      // A day outlives the session (8 hours at most): the same reviewer signs in again.
      const again = await signInStaff(limited, reviewerB.username, STRONG_PASSWORD);
      for (let i = 0; i < 3; i += 1) await revealCarol(again.cookie).expect(200);
      await revealCarol(again.cookie).expect(429);
    });
  });
});
