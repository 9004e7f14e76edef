import { randomUUID } from 'node:crypto';
import type { ApplicationStatus } from '@huanxin/shared';
import request from 'supertest';
import { BANK_CARDS, ID_NUMBERS, PHONES, profileBody } from './fixtures/pii';
import {
  clearRateLimits,
  createIdentityApp,
  dataSourceOf,
  latestCode,
  requestCode,
  signInResident,
  type SignedIn,
} from './utils/identity';
import { setClaimStatus } from './utils/claims';
import type { TestApp } from './utils/test-app';

/**
 * Payout details need a fresh proof (ASVS 7.5.1, 6.6.2) and the identity of an account with a
 * submitted claim cannot move. Residents: PHONES.security[9..11]; IDs and cards from its slice.
 */
describe('profile: payout details and identity', () => {
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

  const put = (who: SignedIn, body: Record<string, unknown>) =>
    request(t.server).put('/api/me/profile').set('cookie', who.cookie).send(body);
  const sendCode = async (who: SignedIn, phone: string) => {
    await clearRateLimits(t.config);
    const res = await request(t.server).post('/api/me/profile/otp').set('cookie', who.cookie).expect(202);
    await clearRateLimits(t.config);
    return { otpChallengeId: res.body.challengeId as string, otpCode: await latestCode(t, phone) };
  };
  const db = () => dataSourceOf(t);
  const addClaim = async (userId: string, status: ApplicationStatus) => {
    const [version] = (await db().query(
      `SELECT v.id AS version_id, v.program_id FROM program_version v LIMIT 1`,
    )) as { version_id: string; program_id: string }[];
    const [row] = (await db().query(
      `INSERT INTO application (code, applicant_id, program_id, program_version_id, status, facts)
       VALUES ($1, $2, $3, $4, 'draft', '{}'::jsonb) RETURNING id`,
      [`ZQ-T-${randomUUID().slice(0, 8)}`, userId, version!.program_id, version!.version_id],
    )) as { id: string }[];
    // With the columns the pipeline sets on the way (a claim in review has its complete time).
    if (status !== 'draft') await setClaimStatus(db(), row!.id, status);
    return row!.id;
  };

  const phone = PHONES.security[9]!;
  let resident: SignedIn;

  it('the first save needs no code; changing the bank account then needs one (422 fields.otpCode)', async () => {
    resident = await signInResident(t, phone);
    await put(resident, profileBody('security', 0)).expect(200);
    // Same payout details (address changed only): no code.
    await put(resident, profileBody('security', 0, { address: '明水街道汇泉路 200 号' })).expect(200);
    const refused = await put(
      resident,
      profileBody('security', 0, { bankAccount: BANK_CARDS.security[1] }),
    ).expect(422);
    expect(refused.body.error.fields).toEqual(expect.objectContaining({ otpCode: 'REQUIRED' }));
  });

  it('a sign-in code is refused on the payout-change flow (401 fields.otpCode), and a wrong code too', async () => {
    const login = await requestCode(t, phone);
    await clearRateLimits(t.config);
    const withLoginCode = await put(
      resident,
      profileBody('security', 0, {
        bankAccount: BANK_CARDS.security[1],
        otpChallengeId: login.challengeId,
        otpCode: login.code,
      }),
    ).expect(401);
    expect(withLoginCode.body.error).toEqual(
      expect.objectContaining({ code: 'OTP_INVALID', fields: { otpCode: 'OTP_INVALID' } }),
    );
    const proof = await sendCode(resident, phone);
    const wrong = await put(
      resident,
      profileBody('security', 0, {
        bankAccount: BANK_CARDS.security[1],
        otpChallengeId: proof.otpChallengeId,
        otpCode: proof.otpCode === '000000' ? '111111' : '000000',
      }),
    ).expect(401);
    expect(wrong.body.error.fields).toEqual({ otpCode: 'OTP_INVALID' });
    // …and a payout-change code does not sign anybody in.
    const signIn = await request(t.server)
      .post('/api/auth/otp/verify')
      .send({ challengeId: proof.otpChallengeId, code: proof.otpCode })
      .expect(401);
    expect(signIn.headers['set-cookie']).toBeUndefined();
  });

  it("another resident's payout code does not prove this account", async () => {
    const other = await signInResident(t, PHONES.security[10]!);
    const otherProof = await sendCode(other, PHONES.security[10]!);
    const res = await put(
      resident,
      profileBody('security', 0, { bankAccount: BANK_CARDS.security[1], ...otherProof }),
    ).expect(401);
    expect(res.body.error.fields).toEqual({ otpCode: 'OTP_INVALID' });
  });

  it('with a fresh code the bank account changes: audited without values, claims heading for payout flagged, the resident told by SMS (outbox)', async () => {
    const submitted = await addClaim(resident.user.id, 'in_review');
    const approved = await addClaim(resident.user.id, 'approved');
    const paid = await addClaim(resident.user.id, 'paid');
    const proof = await sendCode(resident, phone);
    const saved = await put(
      resident,
      profileBody('security', 0, { bankAccount: BANK_CARDS.security[1], ...proof }),
    ).expect(200);
    expect(saved.body.bankAccountMasked).toMatch(new RegExp(`${BANK_CARDS.security[1]!.slice(-4)}$`));

    const flags = (await db().query(
      `SELECT application_id FROM application_flag WHERE code = 'BANK_ACCOUNT_CHANGED' AND application_id = ANY($1::uuid[])`,
      [[submitted, approved, paid]],
    )) as { application_id: string }[];
    expect(flags.map((f) => f.application_id).sort()).toEqual([submitted, approved].sort());

    const [changed] = (await db().query(
      `SELECT detail FROM audit_log WHERE action = 'profile.bank_account_changed' AND object_id = $1 ORDER BY seq DESC LIMIT 1`,
      [resident.user.id],
    )) as { detail: Record<string, unknown> }[];
    expect(changed!.detail).toEqual({ flaggedClaims: 2 });
    const [updated] = (await db().query(
      `SELECT detail FROM audit_log WHERE action = 'profile.updated' AND object_id = $1 ORDER BY seq DESC LIMIT 1`,
      [resident.user.id],
    )) as { detail: Record<string, unknown> }[];
    expect(updated!.detail).toEqual(
      expect.objectContaining({ changed: ['address', 'bankAccount'], created: false }),
    );
    expect(JSON.stringify(updated)).not.toContain(BANK_CARDS.security[1]);

    const notices = (await db().query(
      `SELECT n.id, n.kind, o.job_name FROM notification n JOIN outbox o ON o.job_id = 'notice-' || n.id
        WHERE n.user_id = $1`,
      [resident.user.id],
    )) as { kind: string; job_name: string }[];
    expect(notices).toEqual([
      expect.objectContaining({ kind: 'payout_details_changed', job_name: 'notifications.account-notice' }),
    ]);
  });

  it('the code works once: a replay → 401', async () => {
    const proof = await sendCode(resident, phone);
    await put(resident, profileBody('security', 0, { bankAccount: BANK_CARDS.security[2], ...proof })).expect(
      200,
    );
    await put(resident, profileBody('security', 0, { bankAccount: BANK_CARDS.security[1], ...proof })).expect(
      401,
    );
  });

  it('with a submitted claim the ID number cannot change (409 ID_NUMBER_LOCKED on idNumber), even with a code', async () => {
    const proof = await sendCode(resident, phone);
    const res = await put(
      resident,
      profileBody('security', 0, {
        bankAccount: BANK_CARDS.security[2],
        idNumber: ID_NUMBERS.security[3],
        ...proof,
      }),
    ).expect(409);
    expect(res.body.error).toEqual(
      expect.objectContaining({ code: 'ID_NUMBER_LOCKED', fields: { idNumber: 'ID_NUMBER_LOCKED' } }),
    );
    const stored = await request(t.server).get('/api/me/profile').set('cookie', resident.cookie).expect(200);
    expect(stored.body.idNumberMasked.slice(-4)).toBe(ID_NUMBERS.security[0]!.slice(-4));
  });

  it('drafts, withdrawn and expired claims do not fix the ID number (a code is still required)', async () => {
    const who = await signInResident(t, PHONES.security[11]!);
    await put(who, profileBody('security', 4)).expect(200);
    for (const status of ['draft', 'withdrawn', 'expired'] as const) await addClaim(who.user.id, status);
    const noCode = await put(who, profileBody('security', 4, { idNumber: ID_NUMBERS.security[5] })).expect(
      422,
    );
    expect(noCode.body.error.fields).toEqual(expect.objectContaining({ otpCode: 'REQUIRED' }));
    const proof = await sendCode(who, PHONES.security[11]!);
    await put(who, profileBody('security', 4, { idNumber: ID_NUMBERS.security[5], ...proof })).expect(200);
    await addClaim(who.user.id, 'rejected');
    const proof2 = await sendCode(who, PHONES.security[11]!);
    const locked = await put(
      who,
      profileBody('security', 4, { idNumber: ID_NUMBERS.security[6], ...proof2 }),
    ).expect(409);
    expect(locked.body.error.code).toBe('ID_NUMBER_LOCKED');
  });

  it('POST /api/me/profile/otp needs a session (401)', async () => {
    await request(t.server).post('/api/me/profile/otp').expect(401);
  });
});
