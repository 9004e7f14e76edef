import { randomUUID } from 'node:crypto';
import { getCatalogueProgram, normalizeVoucherCode } from '@huanxin/shared';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { SessionService } from '../src/auth/session.service';
import { sessionCookieName } from '../src/auth/session-cookie';
import { BudgetRepository } from '../src/budget/budget.repository';
import type { AppConfig } from '../src/config/config';
import { VouchersService } from '../src/vouchers/vouchers.service';
import { ProgramsCache } from '../src/programs/programs.cache';
import { VoucherExpiryService } from '../src/vouchers/voucher-expiry.service';
import { DAY, MINUTE, useFakeClock, type FakeClock } from './utils/fake-clock';
import { dataSourceOf, DEMO_USERS, signInResident, signInStaff } from './utils/identity';
import { checkMoneyInvariants } from './utils/money-invariants';
import { createResident, residentIdentity, type Resident } from './utils/residents';
import { createTestApp, type TestApp } from './utils/test-app';

jest.setTimeout(240_000);

/** appliance-2026: point of sale, 15 % capped at 150,000 fen, vouchers valid 3 days. */
const PROGRAM = 'appliance-2026';
const MAX_FEN = 150_000;
const VALIDITY_MS = 3 * DAY;
/** 2026-05-02 10:00 Shanghai: inside the window of every 2026 program. */
const START = new Date('2026-05-02T02:00:00Z');

/**
 * Point-of-sale vouchers through HTTP against the real database (operations.md §5): issue reserves
 * the category's maximum through the guarded budget update and the ledger (voucher as subject),
 * the quota holds per person under concurrency, bad input is a clear 4xx that writes nothing,
 * cancel and expiry (on the app's Clock) give the money back, the holder is told a day before, and
 * many residents at once against a small budget get exactly the budget's worth.
 * Residents 4401–5000 and 7551–8000.
 */
describe('vouchers', () => {
  let t: TestApp;
  let db: DataSource;
  let clock: FakeClock;
  let programId: string;
  let originalTotal: number;
  let next = 4400;
  const resident = () => createResident(t, (next += 1));
  /** A new session for `who` (resident sessions idle out in 30 minutes; these tests move the clock by days). */
  const again = async (who: Resident): Promise<Resident> => {
    const id = await t.app.get(SessionService).create({
      id: who.id,
      role: 'resident',
      displayName: 'resident',
      organizationId: null,
    });
    return { ...who, cookie: `${sessionCookieName(t.config as AppConfig)}=${id}` };
  };

  const take = (who: Resident, body: Record<string, unknown>, key?: string) => {
    const req = request(t.server).post('/api/vouchers').set('Cookie', who.cookie);
    return (key ? req.set('Idempotency-Key', key) : req).send(body);
  };
  const figures = async () => {
    const [row] = (await db.query(
      `SELECT total_fen, reserved_fen, committed_fen, paid_fen, remaining_fen FROM budget WHERE program_id = $1`,
      [programId],
    )) as Record<string, string>[];
    return Object.fromEntries(Object.entries(row!).map(([k, v]) => [k, Number(v)])) as Record<
      'total_fen' | 'reserved_fen' | 'committed_fen' | 'paid_fen' | 'remaining_fen',
      number
    >;
  };
  const counts = async () => {
    const [row] = (await db.query(
      `SELECT (SELECT count(*) FROM voucher)::int AS vouchers, (SELECT count(*) FROM budget_ledger)::int AS ledger,
              (SELECT count(*) FROM audit_log WHERE action LIKE 'voucher.%')::int AS audit`,
    )) as { vouchers: number; ledger: number; audit: number }[];
    return row!;
  };
  const expectInvariants = async () => {
    const problems = (await checkMoneyInvariants((sql, params) => db.query(sql, params), { ids: [] })).filter(
      (invariant) => invariant.name !== '≤ 1 claim per person and category; one claim per key',
    );
    expect(problems.flatMap((p) => p.problems)).toEqual([]);
  };
  /** Sets the money left for vouchers to exactly `fen`, through the ledger (an `adjust` row). */
  const leave = async (fen: number) => {
    await db.transaction(async (manager) => {
      const [row] = (await manager.query(
        `SELECT reserved_fen + committed_fen + paid_fen AS used FROM budget WHERE program_id = $1`,
        [programId],
      )) as { used: string }[];
      const set = await t.app.get(BudgetRepository).setTotal(manager, programId, Number(row!.used) + fen);
      if (!set.ok) throw new Error('could not set the budget');
    });
    t.app.get(ProgramsCache).invalidate();
  };

  beforeAll(async () => {
    t = await createTestApp({
      WRITE_LIMIT_PER_MINUTE: '100000',
      DATABASE_POOL_TIMEOUT_MS: '60000',
      // Issues share the submit gate (admission.e2e-spec proves it): the races here test the budget
      // and the quota with every request admitted, as budget-race does for submits.
      SUBMIT_MAX_IN_FLIGHT: '1000',
    });
    db = dataSourceOf(t);
    clock = useFakeClock(t.app, START);
    programId = (
      (await db.query(`SELECT id FROM program WHERE code = $1`, [PROGRAM])) as { id: string }[]
    )[0]!.id;
    originalTotal = (await figures()).total_fen;
    await leave(1000 * MAX_FEN);
  });
  // Every suite shares the database: the vouchers' reservations and the budget go back as found.
  afterAll(async () => {
    const live = (await db.query(
      `SELECT id, holder_id FROM voucher WHERE status = 'issued' AND program_id = $1`,
      [programId],
    )) as { id: string; holder_id: string }[];
    for (const voucher of live) await t.app.get(VouchersService).cancel(voucher.holder_id, voucher.id);
    await db.transaction(async (manager) => {
      await t.app.get(BudgetRepository).setTotal(manager, programId, originalTotal);
    });
    clock.restore();
    await t.close();
  });

  describe('POST /api/vouchers', () => {
    it("issues a voucher that reserves the category's maximum subsidy through the ledger, with a code and a QR code", async () => {
      const holder = await resident();
      const before = await figures();
      const res = await take(holder, { programCode: PROGRAM, category: 'refrigerator' }).expect(201);
      expect(res.body).toEqual({
        id: expect.any(String),
        code: expect.stringMatching(/^[23456789A-HJKMNP-Z]{10}$/),
        programCode: PROGRAM,
        category: 'refrigerator',
        maxSubsidyFen: MAX_FEN,
        expiresAt: new Date(START.getTime() + VALIDITY_MS).toISOString(),
        status: 'issued',
        qr: expect.stringMatching(/^data:image\/svg\+xml;base64,/),
        createdAt: START.toISOString(),
      });
      expect(normalizeVoucherCode(res.body.code)).toBe(res.body.code);
      expect(Buffer.from(res.body.qr.split(',')[1], 'base64').toString()).toContain('<svg');

      const after = await figures();
      expect(after.reserved_fen - before.reserved_fen).toBe(MAX_FEN);
      expect(before.remaining_fen - after.remaining_fen).toBe(MAX_FEN);
      const ledger = (await db.query(
        `SELECT entry, amount_fen::int AS amount, note FROM budget_ledger WHERE subject_id = $1`,
        [res.body.id],
      )) as { entry: string; amount: number; note: string }[];
      expect(ledger).toEqual([{ entry: 'reserve', amount: MAX_FEN, note: `voucher ${res.body.code}` }]);
      const audit = (await db.query(
        `SELECT actor_id FROM audit_log WHERE action = 'voucher.issued' AND object_id = $1`,
        [res.body.id],
      )) as { actor_id: string }[];
      expect(audit).toEqual([{ actor_id: holder.id }]);

      const mine = await request(t.server).get('/api/vouchers').set('Cookie', holder.cookie).expect(200);
      expect(mine.body).toEqual([res.body]);
      const other = await resident();
      const theirs = await request(t.server).get('/api/vouchers').set('Cookie', other.cookie).expect(200);
      expect(theirs.body).toEqual([]);
      await expectInvariants();
    });

    it.each([
      ['refrigerator', 1],
      ['television', 1],
      ['air_conditioner', 3],
    ])(
      'quota for %s: %i per person, the next one 409 QUOTA_EXCEEDED; a cancelled voucher gives it back',
      async (category, quota) => {
        const holder = await resident();
        const ids: string[] = [];
        for (let n = 0; n < quota; n += 1) {
          ids.push((await take(holder, { programCode: PROGRAM, category }).expect(201)).body.id as string);
        }
        const before = await counts();
        const refused = await take(holder, { programCode: PROGRAM, category }).expect(409);
        expect(refused.body.error).toMatchObject({ code: 'QUOTA_EXCEEDED', quota, used: quota });
        expect(await counts()).toEqual(before);
        // Another category is its own quota.
        await take(holder, { programCode: PROGRAM, category: 'computer' }).expect(201);
        await request(t.server)
          .post(`/api/vouchers/${ids[0]}/cancel`)
          .set('Cookie', holder.cookie)
          .expect(200);
        await take(holder, { programCode: PROGRAM, category }).expect(201);
        await expectInvariants();
      },
    );

    it('counts for the PERSON: another account that now holds the same ID number cannot take a second one', async () => {
      const first = await resident();
      await take(first, { programCode: PROGRAM, category: 'water_heater' }).expect(201);
      // The ID number moved to another account (the quota follows the ID number's blind index).
      const second = await resident();
      const [{ bidx }] = (await db.query(
        `SELECT id_number_bidx AS bidx FROM resident_profile WHERE user_id = $1`,
        [first.id],
      )) as [{ bidx: string }];
      await db.query(`UPDATE resident_profile SET id_number_bidx = $2 WHERE user_id = $1`, [
        first.id,
        `moved-${first.id}`,
      ]);
      await db.query(`UPDATE resident_profile SET id_number_bidx = $2 WHERE user_id = $1`, [second.id, bidx]);
      const refused = await take(second, { programCode: PROGRAM, category: 'water_heater' }).expect(409);
      expect(refused.body.error.code).toBe('QUOTA_EXCEEDED');
    });

    it('the same person asking ten times at once gets one voucher (the person lock), nine QUOTA_EXCEEDED', async () => {
      const holder = await resident();
      const responses = await Promise.all(
        Array.from({ length: 10 }, () => take(holder, { programCode: PROGRAM, category: 'washing_machine' })),
      );
      expect(responses.map((r) => r.status).sort()).toEqual([201, ...Array(9).fill(409)]);
      expect(
        responses.filter((r) => r.status === 409).every((r) => r.body.error.code === 'QUOTA_EXCEEDED'),
      ).toBe(true);
      const held = (await db.query(`SELECT count(*)::int AS n FROM voucher WHERE holder_id = $1`, [
        holder.id,
      ])) as {
        n: number;
      }[];
      expect(held[0]!.n).toBe(1);
      await expectInvariants();
    });

    it('a double tap with one Idempotency-Key takes one air conditioner voucher, and both taps get the same answer', async () => {
      const holder = await resident();
      const key = randomUUID();
      const body = { programCode: PROGRAM, category: 'air_conditioner' };
      const responses = await Promise.all(Array.from({ length: 5 }, () => take(holder, body, key)));
      const ok = responses.filter((r) => r.status === 201);
      // The first request holds the key's row; the others wait for it and read its answer.
      expect(
        ok.length + responses.filter((r) => r.body.error?.code === 'IDEMPOTENCY_KEY_IN_FLIGHT').length,
      ).toBe(5);
      expect(new Set(ok.map((r) => r.body.id)).size).toBe(1);
      const held = (await db.query(`SELECT count(*)::int AS n FROM voucher WHERE holder_id = $1`, [
        holder.id,
      ])) as {
        n: number;
      }[];
      expect(held[0]!.n).toBe(1);
      const reused = await take(holder, { programCode: PROGRAM, category: 'computer' }, key).expect(422);
      expect(reused.body.error.code).toBe('IDEMPOTENCY_KEY_REUSED');
      const retried = await take(holder, body, key).expect(201);
      expect(retried.body.id).toBe(ok[0]!.body.id);
    });

    it.each([
      [
        'an unknown program',
        { programCode: 'no-such-program', category: 'phone' },
        404,
        'PROGRAM_NOT_FOUND',
        undefined,
      ],
      [
        'a car program',
        { programCode: 'car-scrap-2026', category: 'phone' },
        422,
        'VOUCHERS_NOT_OFFERED',
        undefined,
      ],
      [
        'a program without point of sale',
        { programCode: 'elderly-retrofit-2026', category: 'grab_bar' },
        422,
        'VOUCHERS_NOT_OFFERED',
        undefined,
      ],
      [
        'a category the program does not subsidise',
        { programCode: PROGRAM, category: 'phone' },
        422,
        'VALIDATION_FAILED',
        { category: 'NOT_IN_OPTIONS' },
      ],
      [
        'a closed program',
        { programCode: 'appliance-2025', category: 'refrigerator' },
        409,
        'PROGRAM_CLOSED',
        undefined,
      ],
      ['no category', { programCode: PROGRAM }, 422, 'VALIDATION_FAILED', { category: expect.any(String) }],
      [
        'an unknown field',
        { programCode: PROGRAM, category: 'refrigerator', maxSubsidyFen: 1 },
        422,
        'VALIDATION_FAILED',
        { maxSubsidyFen: expect.any(String) },
      ],
      [
        'a malformed program code',
        { programCode: 'A B', category: 'refrigerator' },
        422,
        'VALIDATION_FAILED',
        { programCode: 'INVALID_FORMAT' },
      ],
    ])('%s: a clear 4xx, nothing written', async (_, body, status, code, fields) => {
      const holder = await resident();
      const before = await counts();
      const res = await take(holder, body).expect(status);
      expect(res.body.error.code).toBe(code);
      if (fields) expect(res.body.error.fields).toEqual(fields);
      expect(await counts()).toEqual(before);
    });

    it('a resident without real-name details: PROFILE_REQUIRED, nothing written', async () => {
      const { cookie } = await signInResident(t, residentIdentity(4999).phone);
      const before = await counts();
      const res = await request(t.server)
        .post('/api/vouchers')
        .set('Cookie', cookie)
        .send({ programCode: PROGRAM, category: 'refrigerator' });
      expect(res.status).toBe(422);
      expect(res.body.error.code).toBe('PROFILE_REQUIRED');
      expect(await counts()).toEqual(before);
    });

    it('a paused program issues no voucher from the pause instant (no grace: the purchase is still to come)', async () => {
      const holder = await resident();
      const [admin] = (await db.query(`SELECT id FROM user_account WHERE username = $1`, [
        DEMO_USERS.admin,
      ])) as { id: string }[];
      const pausesAt = new Date(START.getTime() + 10 * MINUTE);
      const [pause] = (await db.query(
        `INSERT INTO program_pause (program_id, pauses_at, grace_days, notice_zh, notice_en, announced_at, announced_by)
         VALUES ($1, $2, 30, '暂停', 'Paused', $3, $4) RETURNING id`,
        [programId, pausesAt, new Date(START.getTime() - 4 * DAY), admin!.id],
      )) as { id: string }[];
      try {
        t.app.get(ProgramsCache).invalidate();
        await take(holder, { programCode: PROGRAM, category: 'refrigerator' }).expect(201);
        clock.set(pausesAt);
        const before = await counts();
        const res = await take(holder, { programCode: PROGRAM, category: 'television' }).expect(409);
        expect(res.body.error).toMatchObject({
          code: 'PROGRAM_PAUSED',
          pause: { pausesAt: pausesAt.toISOString() },
        });
        expect(await counts()).toEqual(before);
      } finally {
        await db.query(`DELETE FROM program_pause WHERE id = $1`, [pause!.id]);
        t.app.get(ProgramsCache).invalidate();
        clock.set(START);
      }
    });

    it('the budget cannot cover the maximum: 409 BUDGET_EXHAUSTED, no voucher, no ledger row', async () => {
      const holder = await resident();
      await leave(MAX_FEN - 1);
      try {
        const before = await counts();
        const res = await take(holder, { programCode: PROGRAM, category: 'refrigerator' }).expect(409);
        expect(res.body.error.code).toBe('BUDGET_EXHAUSTED');
        expect(await counts()).toEqual(before);
      } finally {
        await leave(1000 * MAX_FEN);
      }
    });

    it('staff and signed-out callers cannot take vouchers', async () => {
      await request(t.server)
        .post('/api/vouchers')
        .send({ programCode: PROGRAM, category: 'refrigerator' })
        .expect(401);
      const reviewer = await signInStaff(t, DEMO_USERS.reviewer);
      await request(t.server)
        .post('/api/vouchers')
        .set('Cookie', reviewer.cookie)
        .send({ programCode: PROGRAM, category: 'refrigerator' })
        .expect(403);
    });
  });

  describe('GET /api/vouchers/offers', () => {
    it('offers the open point-of-sale programs with their categories, quotas and terms; not closed or after-purchase ones', async () => {
      const holder = await resident();
      const res = await request(t.server)
        .get('/api/vouchers/offers')
        .set('Cookie', holder.cookie)
        .expect(200);
      // The catalogue's programs only: other suites publish copies of them under new codes.
      const codes = (res.body as { programCode: string }[])
        .map((offer) => offer.programCode)
        .filter((code) => getCatalogueProgram(code) !== undefined)
        .sort();
      expect(codes).toEqual(['appliance-2026', 'digital-2026', 'home-renovation-2026']);
      const appliance = (res.body as { programCode: string }[]).find((o) => o.programCode === PROGRAM);
      expect(appliance).toMatchObject({
        allocationMode: 'fcfs',
        maxSubsidyFen: MAX_FEN,
        validityDays: 3,
        title: { zh: expect.any(String), en: expect.any(String) },
      });
      expect(appliance).toHaveProperty(
        'categories',
        expect.arrayContaining([
          { value: 'air_conditioner', label: { zh: '空调', en: expect.any(String) }, quota: 3 },
          { value: 'refrigerator', label: { zh: '电冰箱', en: 'Refrigerator' }, quota: 1 },
        ]),
      );
    });
  });

  describe('POST /api/vouchers/:id/cancel', () => {
    it('cancels the holder’s voucher and releases the whole reservation; a second cancel is 409, another’s 404', async () => {
      const holder = await resident();
      const issued = (await take(holder, { programCode: PROGRAM, category: 'computer' }).expect(201)).body;
      const before = await figures();
      const res = await request(t.server)
        .post(`/api/vouchers/${issued.id}/cancel`)
        .set('Cookie', holder.cookie)
        .expect(200);
      expect(res.body).toMatchObject({ id: issued.id, status: 'cancelled', qr: null });
      const after = await figures();
      expect(before.reserved_fen - after.reserved_fen).toBe(MAX_FEN);
      expect(after.remaining_fen - before.remaining_fen).toBe(MAX_FEN);
      const ledger = (await db.query(
        `SELECT entry, amount_fen::int AS amount FROM budget_ledger WHERE subject_id = $1 ORDER BY created_at, entry DESC`,
        [issued.id],
      )) as { entry: string; amount: number }[];
      expect(ledger).toEqual([
        { entry: 'reserve', amount: MAX_FEN },
        { entry: 'release', amount: MAX_FEN },
      ]);

      const again = await request(t.server)
        .post(`/api/vouchers/${issued.id}/cancel`)
        .set('Cookie', holder.cookie)
        .expect(409);
      expect(again.body.error.code).toBe('WRONG_STATE');
      const other = await resident();
      const theirs = (await take(other, { programCode: PROGRAM, category: 'computer' }).expect(201)).body;
      const foreign = await request(t.server)
        .post(`/api/vouchers/${theirs.id}/cancel`)
        .set('Cookie', holder.cookie)
        .expect(404);
      expect(foreign.body.error.code).toBe('NOT_FOUND');
      await request(t.server)
        .post(`/api/vouchers/not-a-uuid/cancel`)
        .set('Cookie', holder.cookie)
        .expect(400);
      await expectInvariants();
    });
  });

  describe('expiry and the day-before notice (on the app clock)', () => {
    it('tells the holder once a day before, then expires the voucher and releases its reservation', async () => {
      const holder = await resident();
      const issued = (await take(holder, { programCode: PROGRAM, category: 'television' }).expect(201)).body;
      const sweeper = t.app.get(VoucherExpiryService);
      const notices = async () =>
        (await db.query(`SELECT kind, text_zh FROM notification WHERE event_key = $1`, [
          `voucher-expiring-${issued.id}`,
        ])) as { kind: string; text_zh: string }[];
      try {
        clock.set(new Date(START.getTime() + VALIDITY_MS - DAY - MINUTE));
        await sweeper.sweep();
        expect(await notices()).toEqual([]);

        clock.set(new Date(START.getTime() + VALIDITY_MS - DAY + MINUTE));
        await sweeper.sweep();
        const told = await notices();
        expect(told).toEqual([{ kind: 'voucher_expiring', text_zh: expect.stringContaining('电视机') }]);
        expect(told[0]!.text_zh).toContain(
          `${issued.code.slice(0, 4)}-${issued.code.slice(4, 7)}-${issued.code.slice(7)}`,
        );
        const outbox = (await db.query(
          `SELECT count(*)::int AS n FROM outbox o JOIN notification n ON o.payload->>'notificationId' = n.id::text
            WHERE n.event_key = $1`,
          [`voucher-expiring-${issued.id}`],
        )) as { n: number }[];
        expect(outbox[0]!.n).toBe(1);
        await sweeper.sweep();
        expect(await notices()).toHaveLength(1);

        // Still issued one minute before the end.
        clock.set(new Date(START.getTime() + VALIDITY_MS - MINUTE));
        await sweeper.sweep();
        const live = await request(t.server)
          .get('/api/vouchers')
          .set('Cookie', (await again(holder)).cookie)
          .expect(200);
        expect(live.body[0]).toMatchObject({ id: issued.id, status: 'issued' });

        const before = await figures();
        clock.set(new Date(START.getTime() + VALIDITY_MS));
        const swept = await sweeper.sweep();
        expect(swept.expired).toBeGreaterThanOrEqual(1);
        const after = await figures();
        expect(before.reserved_fen - after.reserved_fen).toBeGreaterThanOrEqual(MAX_FEN);
        const listed = await request(t.server)
          .get('/api/vouchers')
          .set('Cookie', (await again(holder)).cookie)
          .expect(200);
        expect(listed.body[0]).toMatchObject({ id: issued.id, status: 'expired', qr: null });
        const [row] = (await db.query(`SELECT reserved_fen::int AS held FROM voucher WHERE id = $1`, [
          issued.id,
        ])) as {
          held: number;
        }[];
        expect(row!.held).toBe(0);
        const audit = (await db.query(
          `SELECT actor_id FROM audit_log WHERE action = 'voucher.expired' AND object_id = $1`,
          [issued.id],
        )) as { actor_id: string | null }[];
        expect(audit).toEqual([{ actor_id: null }]);
        // A second sweep changes nothing; the expired voucher gave its quota back.
        expect((await sweeper.sweep()).expired).toBe(0);
        await take(await again(holder), { programCode: PROGRAM, category: 'television' }).expect(201);
        const cancel = await request(t.server)
          .post(`/api/vouchers/${issued.id}/cancel`)
          .set('Cookie', (await again(holder)).cookie);
        expect(cancel.status).toBe(409);
        await expectInvariants();
      } finally {
        clock.set(START);
      }
    });

    it('a voucher cannot outlive its program: taken two days before the close, it expires at the end of the last day', async () => {
      clock.set(new Date('2026-12-30T02:00:00Z'));
      const holder = await resident();
      try {
        const res = await take(holder, { programCode: PROGRAM, category: 'refrigerator' }).expect(201);
        expect(res.body.expiresAt).toBe('2026-12-31T15:59:59.999Z');
      } finally {
        clock.set(START);
      }
    });
  });

  describe('first come, first served', () => {
    it('60 residents at once against a budget for 20 vouchers: 20 issued, 40 BUDGET_EXHAUSTED, the ledger balances', async () => {
      const holders: Resident[] = [];
      for (let batch = 0; batch < 60; batch += 20) {
        holders.push(
          ...(await Promise.all(Array.from({ length: 20 }, (_, i) => createResident(t, 7551 + batch + i)))),
        );
      }
      await leave(20 * MAX_FEN);
      try {
        const before = await figures();
        const responses = await Promise.all(
          holders.map((holder) => take(holder, { programCode: PROGRAM, category: 'refrigerator' })),
        );
        const issued = responses.filter((r) => r.status === 201);
        const exhausted = responses.filter(
          (r) => r.status === 409 && r.body.error.code === 'BUDGET_EXHAUSTED',
        );
        expect(issued).toHaveLength(20);
        expect(exhausted).toHaveLength(40);
        const after = await figures();
        expect(after.remaining_fen).toBe(0);
        expect(after.reserved_fen - before.reserved_fen).toBe(20 * MAX_FEN);
        const rows = (await db.query(
          `SELECT count(*)::int AS n FROM voucher WHERE holder_id = ANY($1::uuid[])`,
          [holders.map((h) => h.id)],
        )) as { n: number }[];
        expect(rows[0]!.n).toBe(20);
        await expectInvariants();
      } finally {
        await leave(1000 * MAX_FEN);
      }
    });
  });
});
