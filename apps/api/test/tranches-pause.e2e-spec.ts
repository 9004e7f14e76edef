import { randomUUID } from 'node:crypto';
import { eligibleClaim } from '@huanxin/shared/testing';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { ApplicationStateService } from '../src/applications/application-state.service';
import { ApplicationsRepository } from '../src/applications/applications.repository';
import { sessionCookieName } from '../src/auth/session-cookie';
import { SessionService } from '../src/auth/session.service';
import { BudgetProcessor } from '../src/budget/budget.processor';
import { BudgetRepository } from '../src/budget/budget.repository';
import { ProgramsCache } from '../src/programs/programs.cache';
import { DAY, HOUR, MINUTE, SECOND, useFakeClock, type FakeClock } from './utils/fake-clock';
import { dataSourceOf, DEMO_USERS, signInStaff } from './utils/identity';
import { checkMoneyInvariants } from './utils/money-invariants';
import { createResident, PDF_BYTES, type Resident } from './utils/residents';
import { runChecks, submitClaim } from './utils/review-claims';
import { createTestApp, type TestApp } from './utils/test-app';

jest.setTimeout(180_000);

/** Residents 5003–5099 (tranches), 5100–5199 (pause). */
const TRANCHE_PROGRAM = 'digital-2026';
const PAUSE_PROGRAM = 'appliance-2026';
/** digital-2026: 15 % of 200,000 fen. */
const DIGITAL_CLAIM_FEN = 30_000;

interface Figures {
  totalFen: number;
  reservedFen: number;
  committedFen: number;
  paidFen: number;
  remainingFen: number;
}

/**
 * Tranches and pauses through HTTP against the real database, with time moved by the app's Clock:
 * a tranche effective tomorrow adds nothing today and funds a claim from the first minute of its
 * date; a pause refuses new claims from its instant except purchases before it within the grace
 * days, keeps reservations of claims in flight, and its notice is on `GET /api/programs` (on this
 * replica and another) from the moment it is announced. The ledger invariant holds throughout.
 */
describe('tranches and pauses', () => {
  let t: TestApp;
  let db: DataSource;
  let clock: FakeClock;
  let finance: string;
  let admin: string;
  let reviewer: string;
  let next = 5003;
  let serial = 0;

  /** Moves the app's time and signs staff in again (staff sessions idle out in 15 minutes). */
  const at = async (instant: Date) => {
    clock.set(instant);
    finance = (await signInStaff(t, DEMO_USERS.finance)).cookie;
    admin = (await signInStaff(t, DEMO_USERS.admin)).cookie;
    reviewer = (await signInStaff(t, DEMO_USERS.reviewer)).cookie;
  };
  const programId = async (code: string) =>
    ((await db.query(`SELECT id FROM program WHERE code = $1`, [code])) as { id: string }[])[0]!.id;
  const figures = async (code: string): Promise<Figures> => {
    const [row] = (await db.query(
      `SELECT b.total_fen, b.reserved_fen, b.committed_fen, b.paid_fen, b.remaining_fen
         FROM budget b JOIN program p ON p.id = b.program_id WHERE p.code = $1`,
      [code],
    )) as Record<string, string>[];
    return {
      totalFen: Number(row!.total_fen),
      reservedFen: Number(row!.reserved_fen),
      committedFen: Number(row!.committed_fen),
      paidFen: Number(row!.paid_fen),
      remainingFen: Number(row!.remaining_fen),
    };
  };
  /** Sets the program's total so that exactly `remainingFen` is left (the admin route's query). */
  const leave = async (code: string, remainingFen: number) => {
    const id = await programId(code);
    const now = await figures(code);
    await db.transaction(async (manager) => {
      const done = await t.app
        .get(BudgetRepository)
        .setTotal(manager, id, now.reservedFen + now.committedFen + now.paidFen + remainingFen);
      if (!done.ok) throw new Error('could not set the budget');
    });
    t.app.get(ProgramsCache).invalidate();
  };
  const invariantsHold = async () => {
    const problems = (await checkMoneyInvariants((sql, params) => db.query(sql, params), { ids: [] })).filter(
      (invariant) => invariant.name !== '≤ 1 claim per person and category; one claim per key',
    );
    expect(problems.flatMap((p) => p.problems)).toEqual([]);
  };

  const residents: Resident[] = [];
  const resident = async (): Promise<Resident> => {
    const created = await createResident(t, next++);
    residents.push(created);
    return created;
  };
  /** The resident who owns a claim, with a fresh session (a resident's idles out in 30 minutes). */
  const ownerOf = async (applicationId: string): Promise<Resident> => {
    const [row] = (await db.query(`SELECT applicant_id FROM application WHERE id = $1`, [applicationId])) as {
      applicant_id: string;
    }[];
    const owner = residents.find((r) => r.id === row!.applicant_id)!;
    const sessionId = await t.app
      .get(SessionService)
      .create({ id: owner.id, role: 'resident', displayName: 'resident', organizationId: null });
    return { ...owner, cookie: `${sessionCookieName(t.config)}=${sessionId}` };
  };
  const digitalFacts = () => {
    serial += 1;
    return {
      'item.invoiceNo': `2655${String(100_000 + serial).padStart(16, '0')}`,
      'item.serialNo': `TRANCHE-SN-${serial}`,
    };
  };
  const applianceFacts = (invoiceDate: string) => {
    serial += 1;
    return {
      'item.category': 'washing_machine',
      'item.invoiceDate': invoiceDate,
      'item.invoiceNo': `2656${String(200_000 + serial).padStart(16, '0')}`,
      'item.serialNo': `PAUSE-SN-${serial}`,
    };
  };
  /** A documented draft, then its submit answer (not asserted here). */
  const draftAndSubmit = async (
    who: Resident,
    programCode: string,
    facts: Record<string, Record<string, unknown>>,
    documents: string[],
  ) => {
    const created = await request(t.server)
      .post('/api/applications')
      .set('cookie', who.cookie)
      .send({ programCode, facts })
      .expect(201);
    const id = created.body.id as string;
    for (const kind of documents)
      await request(t.server)
        .post(`/api/applications/${id}/documents`)
        .set('cookie', who.cookie)
        .field('kind', kind)
        .attach('file', Buffer.concat([PDF_BYTES, Buffer.from(randomUUID())]), 'f.pdf')
        .expect(201);
    const res = await request(t.server)
      .post(`/api/applications/${id}/submit`)
      .set('cookie', who.cookie)
      .set('User-Agent', `tranches-pause ${who.id}`)
      .set('Idempotency-Key', randomUUID());
    return { id, res };
  };

  beforeAll(async () => {
    t = await createTestApp({ WRITE_LIMIT_PER_MINUTE: '100000' });
    db = dataSourceOf(t);
    // 2026-06-10 10:00 in Shanghai.
    clock = useFakeClock(t.app, new Date('2026-06-10T02:00:00Z'));
    await at(clock.now());
  });
  // Every suite shares the database: the pause and the emptied budgets must not outlive this one
  // (a later suite on the real clock would find appliance-2026 paused and digital-2026 spent).
  let restore: { code: string; remainingFen: number }[] = [];
  beforeAll(async () => {
    restore = await Promise.all(
      [TRANCHE_PROGRAM, PAUSE_PROGRAM].map(async (code) => ({
        code,
        remainingFen: (await figures(code)).remainingFen,
      })),
    );
  });
  afterAll(async () => {
    clock.restore();
    await db.query(
      `DELETE FROM program_pause WHERE program_id IN (SELECT id FROM program WHERE code = ANY($1))`,
      [[TRANCHE_PROGRAM, PAUSE_PROGRAM]],
    );
    for (const { code, remainingFen } of restore) await leave(code, remainingFen);
    await t.close();
  });

  describe('POST /api/admin/programs/:code/tranches', () => {
    const tranche = (over: Record<string, unknown> = {}) => ({
      amountFen: DIGITAL_CLAIM_FEN,
      source: 'province',
      effectiveOn: '2026-06-11',
      documentNo: `鲁财预〔2026〕${randomUUID().slice(0, 8)}号`,
      ...over,
    });
    const post = (body: object, cookie = finance, code = TRANCHE_PROGRAM) =>
      request(t.server).post(`/api/admin/programs/${code}/tranches`).set('cookie', cookie).send(body);

    it.each([
      ['amount 0', { amountFen: 0 }, 422, 'VALIDATION_FAILED', { amountFen: 'OUT_OF_RANGE' }],
      ['a negative amount', { amountFen: -100 }, 422, 'VALIDATION_FAILED', { amountFen: 'OUT_OF_RANGE' }],
      ['a fractional amount', { amountFen: 10.5 }, 422, 'VALIDATION_FAILED', { amountFen: 'INVALID_TYPE' }],
      ['an amount as text', { amountFen: '100' }, 422, 'VALIDATION_FAILED', { amountFen: 'INVALID_TYPE' }],
      ['an unknown source', { source: 'county' }, 422, 'VALIDATION_FAILED', { source: 'NOT_IN_OPTIONS' }],
      [
        'no such day',
        { effectiveOn: '2026-02-30' },
        422,
        'VALIDATION_FAILED',
        { effectiveOn: 'INVALID_DATE' },
      ],
      [
        'a slashed date',
        { effectiveOn: '2026/07/01' },
        422,
        'VALIDATION_FAILED',
        { effectiveOn: 'INVALID_DATE' },
      ],
      [
        'after the window',
        { effectiveOn: '2027-01-01' },
        422,
        'VALIDATION_FAILED',
        { effectiveOn: 'OUT_OF_RANGE' },
      ],
      [
        'a blank document number',
        { documentNo: '   ' },
        422,
        'VALIDATION_FAILED',
        { documentNo: 'REQUIRED' },
      ],
      ['an unknown field', { status: 'applied' }, 422, 'VALIDATION_FAILED', { status: 'UNKNOWN_FIELD' }],
    ])('refuses %s with a code, changing nothing', async (_label, over, status, code, fields) => {
      const before = await figures(TRANCHE_PROGRAM);
      const res = await post(tranche(over)).expect(status);
      expect(res.body.error.code).toBe(code);
      expect(res.body.error.fields).toEqual(fields);
      expect(await figures(TRANCHE_PROGRAM)).toEqual(before);
    });

    it('refuses an unknown program (404) and a caller without budget.tranches (403)', async () => {
      const missing = await post(tranche(), finance, 'no-such-program').expect(404);
      expect(missing.body.error.code).toBe('PROGRAM_NOT_FOUND');
      const denied = await post(tranche(), reviewer).expect(403);
      expect(denied.body.error.code).toBe('FORBIDDEN');
    });

    it('a tranche effective tomorrow adds nothing today and funds a claim from the first minute of its date', async () => {
      await leave(TRANCHE_PROGRAM, 0);
      const before = await figures(TRANCHE_PROGRAM);
      const body = tranche({ effectiveOn: '2026-06-11' });
      const res = await post(body).expect(201);
      expect(res.body).toMatchObject({
        programCode: TRANCHE_PROGRAM,
        amountFen: DIGITAL_CLAIM_FEN,
        source: 'province',
        effectiveOn: '2026-06-11',
        documentNo: body.documentNo,
        inEffect: false,
        budget: before,
      });
      // The same document number again: 409, nothing added.
      const again = await post({ ...body, amountFen: 1 }).expect(409);
      expect(again.body.error).toMatchObject({
        code: 'DUPLICATE_DOCUMENT_NO',
        fields: { documentNo: 'DUPLICATE_DOCUMENT_NO' },
      });
      // Today the money is not there: the public figures and a submit both say so.
      const listed = await request(t.server).get(`/api/programs/${TRANCHE_PROGRAM}`).expect(200);
      expect(listed.body.budget).toEqual(before);
      const refused = await draftAndSubmit(
        await resident(),
        TRANCHE_PROGRAM,
        eligibleFacts('digital', digitalFacts()),
        ['invoice', 'serial_number_photo'],
      );
      expect(refused.res.status).toBe(409);
      expect(refused.res.body.error.code).toBe('BUDGET_EXHAUSTED');
      // One second before midnight in Shanghai: still not.
      await at(new Date('2026-06-10T15:59:59Z'));
      const stillRefused = await request(t.server)
        .post(`/api/applications/${refused.id}/submit`)
        .set('cookie', (await ownerOf(refused.id)).cookie)
        .set('Idempotency-Key', randomUUID())
        .expect(409);
      expect(stillRefused.body.error.code).toBe('BUDGET_EXHAUSTED');
      expect(await figures(TRANCHE_PROGRAM)).toEqual(before);

      // 2026-06-11 00:00:30 in Shanghai: no job has run, the reservation applies the tranche itself.
      await at(new Date('2026-06-10T16:00:30Z'));
      const funded = await request(t.server)
        .post(`/api/applications/${refused.id}/submit`)
        .set('cookie', (await ownerOf(refused.id)).cookie)
        .set('Idempotency-Key', randomUUID())
        .expect(200);
      expect(funded.body.reservedFen).toBe(DIGITAL_CLAIM_FEN);
      expect(await figures(TRANCHE_PROGRAM)).toEqual({
        ...before,
        totalFen: before.totalFen + DIGITAL_CLAIM_FEN,
        reservedFen: before.reservedFen + DIGITAL_CLAIM_FEN,
        remainingFen: 0,
      });
      const ledger = (await db.query(
        `SELECT l.entry, l.amount_fen::int AS amount, l.note FROM budget_ledger l
           JOIN budget_tranche bt ON bt.id = l.subject_id WHERE bt.id = $1`,
        [res.body.id],
      )) as { entry: string; amount: number; note: string }[];
      expect(ledger).toEqual([
        { entry: 'adjust', amount: DIGITAL_CLAIM_FEN, note: `tranche ${body.documentNo}` },
      ]);
      // The scheduled job finds nothing left to apply for it.
      const applied = await t.app.get(BudgetProcessor).applyDue();
      expect(applied.map((a) => a.trancheId)).not.toContain(res.body.id);
      await invariantsHold();
    });

    it('a tranche effective today or earlier is in effect at once; the scheduled job applies a later one once', async () => {
      await at(new Date('2026-06-11T02:00:00Z'));
      const before = await figures(TRANCHE_PROGRAM);
      const today = await post(
        tranche({ amountFen: 70_000, effectiveOn: '2026-06-11', source: 'central' }),
        admin,
      ).expect(201);
      expect(today.body.inEffect).toBe(true);
      expect(today.body.budget).toEqual({
        ...before,
        totalFen: before.totalFen + 70_000,
        remainingFen: before.remainingFen + 70_000,
      });
      // The public list shows it at once on this replica.
      const listed = await request(t.server).get(`/api/programs/${TRANCHE_PROGRAM}`).expect(200);
      expect(listed.body.budget.totalFen).toBe(before.totalFen + 70_000);

      const later = await post(
        tranche({ amountFen: 5_000, effectiveOn: '2026-06-13', source: 'city' }),
      ).expect(201);
      expect(later.body.inEffect).toBe(false);
      await at(new Date('2026-06-12T17:00:00Z')); // 2026-06-13 01:00 Shanghai
      const processor = t.app.get(BudgetProcessor);
      const first = await processor.applyDue();
      expect(first.map((a) => a.trancheId)).toContain(later.body.id);
      const second = await processor.applyDue();
      expect(second).toEqual([]);
      expect((await figures(TRANCHE_PROGRAM)).totalFen).toBe(before.totalFen + 75_000);

      const audited = (await db.query(
        `SELECT detail->>'documentNo' AS document_no, (detail->>'inEffect')::boolean AS in_effect
           FROM audit_log WHERE action = 'budget.tranche_added' AND detail->>'trancheId' = ANY($1)`,
        [[today.body.id, later.body.id]],
      )) as { document_no: string; in_effect: boolean }[];
      expect(audited).toHaveLength(2);
      await invariantsHold();
    });
  });

  describe('POST /api/admin/programs/:code/pause', () => {
    const pausesAt = new Date('2026-06-20T16:00:00Z'); // 2026-06-21 00:00 Shanghai
    const body = (over: Record<string, unknown> = {}) => ({
      pausesAt: pausesAt.toISOString(),
      notice: {
        zh: '本项目资金将用完，2026年6月21日起暂停受理新申请。',
        en: 'New claims stop on 21 June 2026.',
      },
      graceDays: 30,
      ...over,
    });
    const post = (payload: object, cookie = admin, code = PAUSE_PROGRAM) =>
      request(t.server).post(`/api/admin/programs/${code}/pause`).set('cookie', cookie).send(payload);
    const APPLIANCE_DOCS = ['invoice', 'energy_label_photo', 'serial_number_photo'];
    let inFlight: { id: string; reservedFen: number };

    it.each([
      ['a date without time', { pausesAt: '2026-06-21' }, { pausesAt: 'INVALID_DATE' }],
      ['no such instant', { pausesAt: '2026-02-30T00:00:00+08:00' }, { pausesAt: 'INVALID_DATE' }],
      ['no English notice', { notice: { zh: '暂停' } }, { 'notice.en': 'REQUIRED' }],
      ['an empty Chinese notice', { notice: { zh: '', en: 'Paused' } }, { 'notice.zh': 'REQUIRED' }],
      ['400 grace days', { graceDays: 400 }, { graceDays: 'OUT_OF_RANGE' }],
      ['negative grace days', { graceDays: -1 }, { graceDays: 'OUT_OF_RANGE' }],
      [
        'less than 72 hours of notice while money is left',
        { pausesAt: '2026-06-15T00:00:00+08:00' },
        { pausesAt: 'NOTICE_TOO_SHORT' },
      ],
    ])('refuses %s (422 with fields)', async (_label, over, fields) => {
      await at(new Date('2026-06-13T02:00:00Z'));
      await leave(PAUSE_PROGRAM, 10_000_000);
      const res = await post(body(over)).expect(422);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
      expect(res.body.error.fields).toMatchObject(fields);
      const listed = await request(t.server).get(`/api/programs/${PAUSE_PROGRAM}`).expect(200);
      expect(listed.body.pause).toBeUndefined();
    });

    it('refuses an unknown program (404) and a finance user (403)', async () => {
      expect((await post(body(), admin, 'no-such-program').expect(404)).body.error.code).toBe(
        'PROGRAM_NOT_FOUND',
      );
      expect((await post(body(), finance).expect(403)).body.error.code).toBe('FORBIDDEN');
    });

    it('shows the notice on GET /api/programs from the moment it is announced, on every replica', async () => {
      await at(new Date('2026-06-13T02:00:00Z'));
      // A claim in flight before the announcement.
      const owner = await resident();
      const submitted = await submitClaim(t, owner, 'appliance', applianceFacts('2026-06-01'));
      await runChecks(t, submitted.id);
      const [held] = (await db.query(`SELECT reserved_fen::int AS reserved FROM application WHERE id = $1`, [
        submitted.id,
      ])) as { reserved: number }[];
      inFlight = { id: submitted.id, reservedFen: held!.reserved };
      expect(inFlight.reservedFen).toBeGreaterThan(0);

      const other = await createTestApp();
      try {
        const first = await request(t.server).get('/api/programs').expect(200);
        const firstOther = await request(other.server).get('/api/programs').expect(200);
        expect(first.body.find((p: { code: string }) => p.code === PAUSE_PROGRAM).pause).toBeUndefined();
        expect(firstOther.body.find((p: { code: string }) => p.code === PAUSE_PROGRAM).pause).toBeUndefined();

        const res = await post(body()).expect(200);
        expect(res.body).toEqual({
          programCode: PAUSE_PROGRAM,
          pausesAt: pausesAt.toISOString(),
          graceDays: 30,
          graceUntil: new Date(pausesAt.getTime() + 30 * DAY).toISOString(),
          notice: body().notice,
          announcedAt: clock.now().toISOString(),
        });
        // This replica: at once, with a new ETag (the old one no longer answers 304).
        const listed = await request(t.server)
          .get('/api/programs')
          .set('if-none-match', String(first.headers.etag))
          .expect(200);
        expect(listed.headers.etag).not.toBe(first.headers.etag);
        const { programCode: _c, ...notice } = res.body as Record<string, unknown>;
        expect(listed.body.find((p: { code: string }) => p.code === PAUSE_PROGRAM).pause).toEqual(notice);
        // The other replica: its cache re-reads the stamp at most a second later (polled, bounded).
        let seen: unknown;
        for (let i = 0; i < 50 && !seen; i += 1) {
          const otherList = await request(other.server).get('/api/programs').expect(200);
          seen = otherList.body.find((p: { code: string }) => p.code === PAUSE_PROGRAM).pause;
          if (!seen) await new Promise((resolve) => setTimeout(resolve, 100));
        }
        expect(seen).toEqual(notice);
        // The program detail carries it too; the status is unchanged until then.
        const detail = await request(t.server).get(`/api/programs/${PAUSE_PROGRAM}`).expect(200);
        expect(detail.body.pause).toEqual(notice);
        expect(detail.body.status).toBe('open');
      } finally {
        await other.close();
      }
      const audited = (await db.query(
        `SELECT count(*)::int AS n FROM audit_log WHERE action = 'program.pause_announced' AND detail->>'code' = $1`,
        [PAUSE_PROGRAM],
      )) as { n: number }[];
      expect(audited[0]!.n).toBeGreaterThanOrEqual(1);
    });

    it('accepts new claims until the instant, then only purchases before it within the grace days', async () => {
      // One second before the pause: a new claim with a purchase on the pause's eve is accepted.
      await at(new Date(pausesAt.getTime() - SECOND));
      const before = await draftAndSubmit(
        await resident(),
        PAUSE_PROGRAM,
        eligibleFacts('appliance', applianceFacts('2026-06-20')),
        APPLIANCE_DOCS,
      );
      expect(before.res.status).toBe(200);

      // At the instant: a purchase on the pause's date is refused with the notice…
      await at(pausesAt);
      const after = await draftAndSubmit(
        await resident(),
        PAUSE_PROGRAM,
        eligibleFacts('appliance', applianceFacts('2026-06-21')),
        APPLIANCE_DOCS,
      );
      expect(after.res.status).toBe(409);
      expect(after.res.body.error.code).toBe('PROGRAM_PAUSED');
      expect(after.res.body.error.pause.pausesAt).toBe(pausesAt.toISOString());
      // …a purchase before it is in the grace period.
      const grace = await draftAndSubmit(
        await resident(),
        PAUSE_PROGRAM,
        eligibleFacts('appliance', applianceFacts('2026-06-19')),
        APPLIANCE_DOCS,
      );
      expect(grace.res.status).toBe(200);

      // The claim in flight kept its reservation, and returned for correction it is resubmitted.
      const [held] = (await db.query(
        `SELECT status, reserved_fen::int AS reserved FROM application WHERE id = $1`,
        [inFlight.id],
      )) as { status: string; reserved: number }[];
      expect(held).toEqual({ status: 'in_review', reserved: inFlight.reservedFen });
      await db.transaction(async (manager) => {
        const application = await t.app.get(ApplicationsRepository).lockById(manager, inFlight.id);
        await t.app
          .get(ApplicationStateService)
          .move(manager, application!, { to: 'returned', actorId: null, note: 'fix' });
      });
      const owner = await ownerOf(inFlight.id);
      await request(t.server)
        .post(`/api/applications/${inFlight.id}/submit`)
        .set('cookie', owner.cookie)
        .set('Idempotency-Key', randomUUID())
        .expect(200);

      // The last second of the grace period, then the first after it.
      const graceUntil = new Date(pausesAt.getTime() + 30 * DAY);
      await at(new Date(graceUntil.getTime() - SECOND));
      const last = await draftAndSubmit(
        await resident(),
        PAUSE_PROGRAM,
        eligibleFacts('appliance', applianceFacts('2026-06-18')),
        APPLIANCE_DOCS,
      );
      expect(last.res.status).toBe(200);
      await at(graceUntil);
      const late = await draftAndSubmit(
        await resident(),
        PAUSE_PROGRAM,
        eligibleFacts('appliance', applianceFacts('2026-06-18')),
        APPLIANCE_DOCS,
      );
      expect(late.res.status).toBe(409);
      expect(late.res.body.error.code).toBe('PROGRAM_PAUSED');
      await invariantsHold();
    });

    it('an announcement in effect cannot be replaced (409); with the money gone a pause may start at once', async () => {
      const res = await post(
        body({ pausesAt: new Date(clock.now().getTime() + 5 * DAY).toISOString() }),
      ).expect(409);
      expect(res.body.error.code).toBe('PROGRAM_ALREADY_PAUSED');

      await at(new Date('2026-06-13T02:00:00Z'));
      await leave(TRANCHE_PROGRAM, 0);
      const now = clock.now();
      const immediate = await post(
        body({ pausesAt: new Date(now.getTime() - MINUTE).toISOString(), graceDays: 0 }),
        admin,
        TRANCHE_PROGRAM,
      ).expect(200);
      expect(immediate.body.pausesAt).toBe(now.toISOString());
      const backdated = await post(
        body({ pausesAt: new Date(now.getTime() - HOUR).toISOString() }),
        admin,
        TRANCHE_PROGRAM,
      ).expect(409);
      expect(backdated.body.error.code).toBe('PROGRAM_ALREADY_PAUSED');
      await invariantsHold();
    });
  });
});

function eligibleFacts(name: 'digital' | 'appliance', changes: Record<string, unknown>) {
  return eligibleClaim(name, changes).facts as Record<string, Record<string, unknown>>;
}
