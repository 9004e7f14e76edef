import { randomUUID } from 'node:crypto';
import { getDataSourceToken } from '@nestjs/typeorm';
import { eligibleClaim } from '@huanxin/shared/testing';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { useFakeClock, type FakeClock } from './utils/fake-clock';
import { createResident, type Resident } from './utils/residents';
import { createTestApp, type TestApp } from './utils/test-app';

const AMOUNT = 45_000; // 15 % of a 3,000-yuan phone
/** The shared eligible digital-2026 phone at 3,000 yuan, numbers of claim `n`; `item` changes its facts. */
const phone = (n: number, item: Record<string, unknown> = {}) =>
  eligibleClaim('digital', {
    'item.priceFen': 300_000,
    'item.invoiceNo': `2637${String(900_000 + n).padStart(16, '0')}`,
    'item.invoiceDate': '2026-04-02',
    'item.serialNo': `RACE-SN-${n}`,
    ...Object.fromEntries(Object.entries(item).map(([key, value]) => [`item.${key}`, value])),
  }).facts;

/**
 * Against the real database, many submissions at once: the budget is never overspent, every
 * reservation is in the ledger, and one key backs one claim (security-reliability.md §3.1–3.2).
 */
jest.setTimeout(240_000);

describe('budget reservation under concurrency', () => {
  let t: TestApp;
  let clock: FakeClock;
  let db: DataSource;
  let programId: string;
  let nextResident = 1000;

  beforeAll(async () => {
    // All submits reach the database at once, as before admission control: this suite is about the
    // budget row under the most contention, not about refusing overload (admission.e2e-spec is).
    t = await createTestApp({
      WRITE_LIMIT_PER_MINUTE: '100000',
      SUBMIT_MAX_IN_FLIGHT: '1000',
      DATABASE_POOL_TIMEOUT_MS: '120000',
    });
    clock = useFakeClock(t.app, new Date('2026-05-02T02:00:00Z'));
    db = t.app.get<DataSource>(getDataSourceToken());
    programId = (
      (await db.query(`SELECT id FROM program WHERE code = 'digital-2026'`)) as { id: string }[]
    )[0]!.id;
  });
  afterAll(async () => {
    clock.restore();
    await t.close();
  });

  /** A resident with an eligible digital-2026 draft whose documents are on file. */
  async function readyDraft(facts: Record<string, unknown>): Promise<{ resident: Resident; id: string }> {
    const resident = await createResident(t, (nextResident += 1));
    const res = await request(t.server)
      .post('/api/applications')
      .set('Cookie', resident.cookie)
      .send({ programCode: 'digital-2026', facts })
      .expect(201);
    for (const kind of ['invoice', 'serial_number_photo']) {
      await db.query(
        `INSERT INTO application_document (application_id, kind, content_type, size, sha256, storage_key, uploaded_by) VALUES ($1, $2, 'application/pdf', 10, $3, $4, $5)`,
        [res.body.id, kind, randomUUID().replace(/-/g, ''), randomUUID(), resident.id],
      );
    }
    return { resident, id: res.body.id as string };
  }

  async function budgetRow() {
    const [row] = (await db.query(
      `SELECT total_fen, reserved_fen, committed_fen, paid_fen, remaining_fen FROM budget WHERE program_id = $1`,
      [programId],
    )) as Record<string, string>[];
    return Object.fromEntries(Object.entries(row!).map(([k, v]) => [k, Number(v)])) as Record<
      'total_fen' | 'reserved_fen' | 'committed_fen' | 'paid_fen' | 'remaining_fen',
      number
    >;
  }

  async function ledgerBalance(): Promise<{ reserve: number; release: number }> {
    const rows = (await db.query(
      `SELECT entry, coalesce(sum(amount_fen), 0)::bigint AS total FROM budget_ledger WHERE program_id = $1 GROUP BY entry`,
      [programId],
    )) as { entry: string; total: string }[];
    const of = (entry: string) => Number(rows.find((r) => r.entry === entry)?.total ?? 0);
    return { reserve: of('reserve'), release: of('release') };
  }

  it('200 residents submit at once against a budget that fits exactly 50: 50 reserved, 150 BUDGET_EXHAUSTED, never below zero, the ledger balances', async () => {
    const drafts: { resident: Resident; id: string }[] = [];
    for (let batch = 0; batch < 200; batch += 20) {
      drafts.push(...(await Promise.all(Array.from({ length: 20 }, (_, i) => readyDraft(phone(batch + i))))));
    }
    const before = await budgetRow();
    // The budget left fits exactly 50 claims.
    await db.query(
      `UPDATE budget SET total_fen = reserved_fen + committed_fen + paid_fen + $2, remaining_fen = $2 WHERE program_id = $1`,
      [programId, 50 * AMOUNT],
    );

    const responses = await Promise.all(
      drafts.map(({ resident, id }) =>
        request(t.server)
          .post(`/api/applications/${id}/submit`)
          .set('Cookie', resident.cookie)
          .set('Idempotency-Key', randomUUID()),
      ),
    );
    const ok = responses.filter((r) => r.status === 200);
    const exhausted = responses.filter((r) => r.status === 409 && r.body.error.code === 'BUDGET_EXHAUSTED');
    expect(ok).toHaveLength(50);
    expect(exhausted).toHaveLength(150);
    expect(ok.every((r) => r.body.reservedFen === AMOUNT)).toBe(true);

    const after = await budgetRow();
    expect(after.remaining_fen).toBe(0);
    expect(after.reserved_fen - before.reserved_fen).toBe(50 * AMOUNT);
    expect(after.total_fen).toBe(
      after.remaining_fen + after.reserved_fen + after.committed_fen + after.paid_fen,
    );
    const ledger = await ledgerBalance();
    expect(after.total_fen - after.remaining_fen).toBe(ledger.reserve - ledger.release);
    const [counted] = (await db.query(
      `SELECT count(*)::int AS submitted FROM application WHERE program_id = $1 AND status = 'submitted' AND id = ANY($2::uuid[])`,
      [programId, drafts.map((d) => d.id)],
    )) as { submitted: number }[];
    expect(counted!.submitted).toBe(50);
  });

  it('50 identical submits with one key: one reservation and 50 identical answers', async () => {
    await db.query(
      `UPDATE budget SET total_fen = total_fen + $2, remaining_fen = remaining_fen + $2 WHERE program_id = $1`,
      [programId, 10 * AMOUNT],
    );
    const { resident, id } = await readyDraft(phone(5000));
    const before = await ledgerBalance();
    const key = randomUUID();
    const responses = await Promise.all(
      Array.from({ length: 50 }, () =>
        request(t.server)
          .post(`/api/applications/${id}/submit`)
          .set('Cookie', resident.cookie)
          .set('Idempotency-Key', key),
      ),
    );
    expect(responses.map((r) => r.status)).toEqual(Array(50).fill(200));
    expect(new Set(responses.map((r) => JSON.stringify(r.body))).size).toBe(1);
    expect(responses[0]!.body).toEqual({ id, status: 'submitted', reservedFen: AMOUNT });
    const after = await ledgerBalance();
    expect(after.reserve - before.reserve).toBe(AMOUNT);
    const reservations = (await db.query(
      `SELECT count(*)::int AS n FROM budget_ledger WHERE subject_id = $1 AND entry = 'reserve'`,
      [id],
    )) as { n: number }[];
    expect(reservations[0]!.n).toBe(1);
  });

  it('two residents submitting the same invoice number at once: one wins, the other gets DUPLICATE_CLAIM', async () => {
    const shared = phone(7000);
    const first = await readyDraft(shared);
    const second = await readyDraft(phone(7000, { serialNo: 'RACE-SN-OTHER' }));
    const responses = await Promise.all(
      [first, second].map(({ resident, id }) =>
        request(t.server)
          .post(`/api/applications/${id}/submit`)
          .set('Cookie', resident.cookie)
          .set('Idempotency-Key', randomUUID()),
      ),
    );
    expect(responses.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(responses.find((r) => r.status === 409)!.body.error.code).toBe('DUPLICATE_CLAIM');
    const keys = (await db.query(
      `SELECT count(*)::int AS n FROM claim_key WHERE name = 'invoiceNo' AND value = $1`,
      [shared.item.invoiceNo],
    )) as { n: number }[];
    expect(keys[0]!.n).toBe(1);
  });
});
