import { randomUUID } from 'node:crypto';
import { getDataSourceToken } from '@nestjs/typeorm';
import { eligibleClaim } from '@huanxin/shared/testing';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { PiiCipher } from '../src/common/crypto/pii-cipher';
import { useFakeClock, type FakeClock } from './utils/fake-clock';
import { createResident, residentIdentity, type Resident } from './utils/residents';
import { raiseBudget } from './utils/budget';
import { createTestApp, type TestApp } from './utils/test-app';

const PROGRAM = 'digital-2026';
const AMOUNT = 45_000;
let serial = 0;
/** An eligible digital-2026 phone; digital-2026's `quota` clause allows one per category per person. */
function phone() {
  serial += 1;
  return eligibleClaim('digital', {
    'item.priceFen': 300_000,
    'item.invoiceNo': `2637${String(750_000 + serial).padStart(16, '0')}`,
    'item.invoiceDate': '2026-04-02',
    'item.serialNo': `QUOTA-SN-${serial}`,
  }).facts;
}

/**
 * One subsidy per person and quota (issue 9, items 1 and 2): the per-person history check is
 * serialised per person (their ID number's blind index), so two claims submitted at the same
 * moment cannot both pass it, and claims count for the person across accounts.
 */
jest.setTimeout(240_000);

describe('one subsidy per person and quota', () => {
  let t: TestApp;
  let clock: FakeClock;
  let db: DataSource;
  let programId: string;
  let nextResident = 7000;

  beforeAll(async () => {
    t = await createTestApp({ WRITE_LIMIT_PER_MINUTE: '100000' });
    clock = useFakeClock(t.app, new Date('2026-05-05T02:00:00Z'));
    db = t.app.get<DataSource>(getDataSourceToken());
    programId = await raiseBudget(t, PROGRAM, 10_000_000);
  });
  afterAll(async () => {
    clock.restore();
    await t.close();
  });

  async function readyDraft(resident: Resident): Promise<string> {
    const res = await request(t.server)
      .post('/api/applications')
      .set('Cookie', resident.cookie)
      .send({ programCode: PROGRAM, facts: phone() })
      .expect(201);
    for (const kind of ['invoice', 'serial_number_photo']) {
      await db.query(
        `INSERT INTO application_document (application_id, kind, content_type, size, sha256, storage_key, uploaded_by) VALUES ($1, $2, 'application/pdf', 10, $3, $4, $5)`,
        [res.body.id, kind, randomUUID().replace(/-/g, ''), randomUUID(), resident.id],
      );
    }
    return res.body.id as string;
  }

  const submit = (resident: Resident, id: string) =>
    request(t.server)
      .post(`/api/applications/${id}/submit`)
      .set('Cookie', resident.cookie)
      .set('Idempotency-Key', randomUUID());

  async function expectBudgetBalanced(): Promise<void> {
    const [row] = (await db.query(
      `SELECT total_fen, reserved_fen, committed_fen, paid_fen, remaining_fen FROM budget WHERE program_id = $1`,
      [programId],
    )) as Record<string, string>[];
    const [total, reserved, committed, paid, remaining] = [
      row!.total_fen,
      row!.reserved_fen,
      row!.committed_fen,
      row!.paid_fen,
      row!.remaining_fen,
    ].map(Number) as [number, number, number, number, number];
    expect(remaining).toBeGreaterThanOrEqual(0);
    expect(total).toBe(remaining + reserved + committed + paid);
    const ledger = (await db.query(
      `SELECT coalesce(sum(amount_fen) FILTER (WHERE entry = 'reserve'), 0)::bigint
            - coalesce(sum(amount_fen) FILTER (WHERE entry IN ('release', 'commit')), 0)::bigint AS held
         FROM budget_ledger WHERE program_id = $1`,
      [programId],
    )) as { held: string }[];
    expect(Number(ledger[0]!.held)).toBe(reserved);
  }

  it('two drafts of one resident in one category submitted at the same moment (25 times): one reservation, the other refused by the quota', async () => {
    const REPEATS = 25;
    const residents: Resident[] = [];
    for (let i = 0; i < REPEATS; i += 1) {
      nextResident += 1;
      const resident = await createResident(t, nextResident);
      residents.push(resident);
      const drafts = [await readyDraft(resident), await readyDraft(resident)];
      const responses = await Promise.all(drafts.map((id) => submit(resident, id)));
      expect(responses.map((r) => r.status).sort()).toEqual([200, 422]);
      const refused = responses.find((r) => r.status === 422)!;
      expect(refused.body.error.code).toBe('NOT_ELIGIBLE');
      expect(refused.body.error.clauses.map((c: { id: string }) => c.id)).toEqual(['quota']);
    }
    const perResident = (await db.query(
      `SELECT a.applicant_id, count(*) FILTER (WHERE a.status = 'submitted')::int AS submitted,
              (SELECT count(*)::int FROM budget_ledger l JOIN application b ON b.id = l.subject_id
                WHERE b.applicant_id = a.applicant_id AND l.entry = 'reserve') AS reservations,
              sum(a.reserved_fen)::bigint AS held
         FROM application a WHERE a.applicant_id = ANY($1::uuid[]) GROUP BY a.applicant_id`,
      [residents.map((r) => r.id)],
    )) as { submitted: number; reservations: number; held: string }[];
    expect(perResident).toHaveLength(REPEATS);
    for (const row of perResident) {
      expect(row.submitted).toBe(1);
      expect(row.reservations).toBe(1);
      expect(Number(row.held)).toBe(AMOUNT);
    }
    await expectBudgetBalanced();
  });

  it('an ID number given up by one account and taken by another: the claim made under it still counts for the quota', async () => {
    nextResident += 1;
    const first = await createResident(t, nextResident);
    await submit(first, await readyDraft(first)).expect(200);

    // The first account moves to another ID number (profile rules about when that is allowed are
    // not this suite's concern), and a second account registers the freed one.
    const cipher = t.app.get(PiiCipher);
    const other = residentIdentity(nextResident + 500).idNumber;
    await db.query(`UPDATE resident_profile SET id_number_enc = $2, id_number_bidx = $3 WHERE user_id = $1`, [
      first.id,
      cipher.encrypt(other, 'profile.id_number'),
      cipher.blindIndex(other, 'id_number'),
    ]);
    nextResident += 1;
    const second = await createResident(t, nextResident);
    await db.query(`UPDATE resident_profile SET id_number_enc = $2, id_number_bidx = $3 WHERE user_id = $1`, [
      second.id,
      cipher.encrypt(first.idNumber, 'profile.id_number'),
      cipher.blindIndex(first.idNumber, 'id_number'),
    ]);

    const refused = await submit(second, await readyDraft(second)).expect(422);
    expect(refused.body.error.code).toBe('NOT_ELIGIBLE');
    expect(refused.body.error.clauses.map((c: { id: string }) => c.id)).toEqual(['quota']);
    // The pre-check on a draft already tells the new account (the same history, read without a lock).
    const drafts = await request(t.server).get('/api/applications').set('Cookie', second.cookie).expect(200);
    expect(drafts.body[0].evaluation.eligible).toBe(false);
    await expectBudgetBalanced();
  });
});
