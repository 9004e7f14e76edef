import { randomUUID } from 'node:crypto';
import {
  HIGH_RISK_SCORE,
  REVIEW_REASONS,
  type ReviewCase,
  type ReviewQueueItem,
  type Role,
} from '@huanxin/shared';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { ExpiryService } from '../src/applications/expiry.service';
import { SessionService } from '../src/auth/session.service';
import { sessionCookieName } from '../src/auth/session-cookie';
import type { AppConfig } from '../src/config/config';
import { MatrixRegistry } from '../src/review/matrix/matrix.registry';
import { raiseBudget } from './utils/budget';
import { DAY, MINUTE, useFakeClock, type FakeClock } from './utils/fake-clock';
import {
  createAccount,
  dataSourceOf,
  DEMO_USERS,
  signInStaff,
  STRONG_PASSWORD,
  uniqueUsername,
  type SignedIn,
} from './utils/identity';
import { createResident, type Resident } from './utils/residents';
import { claimInReview, notifyLatest, reviewPhone, runChecks, submitClaim } from './utils/review';
import { createTestApp, type TestApp } from './utils/test-app';

jest.setTimeout(120_000);

const PROGRAM = 'digital-2026';
/** digital-2026: twoPersonThresholdFen 50,000; returnedExpiryDays 15; reviewDays 15. */
const THRESHOLD_FEN = 50_000;
const START = new Date('2026-05-04T02:00:00Z');

/**
 * The review workbench over HTTP against the real database (api-contract.md, Review;
 * operations.md §7): the queue, leases (with the two-takers race), the case screen, and every
 * decision rule — bad input, wrong state, no lease or another's, replays, concurrent approvers,
 * four eyes, the resident's correction and resubmission — ending with the budget invariant.
 */
describe('review workbench', () => {
  let t: TestApp;
  let db: DataSource;
  let clock: FakeClock;
  let programId: string;
  let reviewer: SignedIn;
  let reviewer2: SignedIn;
  let approver: SignedIn;
  let approver2: SignedIn;
  let dealer: SignedIn;
  let nextResident = 9700;
  /** Every claim this suite put in review (the run's database holds other suites' claims too). */
  const mine: string[] = [];

  beforeAll(async () => {
    t = await createTestApp({ WRITE_LIMIT_PER_MINUTE: '100000' });
    db = dataSourceOf(t);
    clock = useFakeClock(t.app, START);
    programId = await raiseBudget(t, PROGRAM, 50_000_000);
    const admin = await signInStaff(t, DEMO_USERS.admin);
    reviewer = await signInStaff(t, DEMO_USERS.reviewer);
    approver = await signInStaff(t, DEMO_USERS.approver);
    dealer = await signInStaff(t, DEMO_USERS.dealer);
    const second = async (role: 'reviewer' | 'approver') => {
      const username = uniqueUsername(`${role}x`);
      await createAccount(t, admin.cookie, { username, role, displayName: `第二${role}` });
      return signInStaff(t, username, STRONG_PASSWORD);
    };
    reviewer2 = await second('reviewer');
    approver2 = await second('approver');
  });
  afterAll(async () => {
    clock.restore();
    await t.close();
  });

  const residents: Resident[] = [];
  async function resident(): Promise<Resident> {
    nextResident += 1;
    const created = await createResident(t, nextResident);
    residents.push(created);
    return created;
  }

  /**
   * Moves the app's time (leases, SLA clocks, expiry) and gives everyone a fresh session: the
   * sessions follow the same clock, and staff sessions end after 15 idle minutes.
   */
  async function travel(to: Date | number): Promise<void> {
    if (typeof to === 'number') clock.advance(to);
    else clock.set(to);
    const sessions = t.app.get(SessionService);
    const name = sessionCookieName(t.config as AppConfig);
    for (const who of [reviewer, reviewer2, approver, approver2, dealer]) {
      const id = await sessions.create({
        id: who.user.id,
        role: who.user.role as Role,
        displayName: who.user.displayName,
        organizationId: who.user.organizationId ?? null,
      });
      who.cookie = `${name}=${id}`;
    }
    for (const who of residents) {
      const id = await sessions.create({
        id: who.id,
        role: 'resident',
        displayName: '居民',
        organizationId: null,
      });
      who.cookie = `${name}=${id}`;
    }
  }

  /** A claim in review; each one at a later moment, so the queue's age order is known. */
  async function reviewCase(facts?: Record<string, unknown>, who?: Resident) {
    clock.advance(MINUTE);
    const owner = who ?? (await resident());
    const id = await claimInReview(t, owner, facts);
    mine.push(id);
    return { id, resident: owner };
  }

  const take = (who: SignedIn, id: string) =>
    request(t.server).post(`/api/review/applications/${id}/claim`).set('cookie', who.cookie);

  function decide(who: SignedIn, id: string, body: Record<string, unknown>, key: string = randomUUID()) {
    return request(t.server)
      .post(`/api/review/applications/${id}/decision`)
      .set('cookie', who.cookie)
      .set('Idempotency-Key', key)
      .send(body);
  }

  async function row(id: string) {
    const [found] = (await db.query(
      `SELECT status, stage, reserved_fen::int AS reserved, complete_at, risk_score FROM application WHERE id = $1`,
      [id],
    )) as { status: string; stage: string | null; reserved: number; complete_at: Date; risk_score: number }[];
    return found!;
  }

  async function ledger(id: string): Promise<Record<string, number>> {
    const rows = (await db.query(
      `SELECT entry, sum(amount_fen)::int AS total FROM budget_ledger WHERE subject_id = $1 GROUP BY entry`,
      [id],
    )) as { entry: string; total: number }[];
    return Object.fromEntries(rows.map((r) => [r.entry, r.total]));
  }

  async function decisionCount(id: string): Promise<number> {
    const [found] = (await db.query(
      `SELECT count(*)::int AS n FROM review_decision WHERE application_id = $1`,
      [id],
    )) as { n: number }[];
    return found!.n;
  }

  async function queue(query: Record<string, string | number> = {}) {
    const res = await request(t.server)
      .get('/api/review/queue')
      .query({ pageSize: 100, ...query })
      .set('cookie', reviewer.cookie)
      .expect(200);
    return res.body as { items: ReviewQueueItem[]; total: number };
  }

  /** Every page of the queue (the run's database holds other suites' claims in review too). */
  async function wholeQueue(query: Record<string, string | number> = {}): Promise<ReviewQueueItem[]> {
    const items: ReviewQueueItem[] = [];
    for (let page = 1; ; page += 1) {
      const body = await queue({ ...query, page });
      items.push(...body.items);
      if (body.items.length < 100) return items;
    }
  }

  describe('the queue', () => {
    it('lists claims in review oldest complete first, each row in the contract shape', async () => {
      const first = await reviewCase();
      const second = await reviewCase(reviewPhone(400_000));
      await take(reviewer, second.id).expect(200);
      const items = await wholeQueue();
      const ids = items.map((item) => item.id);
      expect(ids.indexOf(first.id)).toBeGreaterThanOrEqual(0);
      expect(ids.indexOf(first.id)).toBeLessThan(ids.indexOf(second.id));
      const completeTimes = items.map((item) => item.completeAt);
      expect([...completeTimes].sort()).toEqual(completeTimes);

      const mine = items.find((item) => item.id === second.id)!;
      const completeAt = (await row(second.id)).complete_at;
      expect(mine).toEqual({
        id: second.id,
        code: expect.stringMatching(/^ZQ-2026-\d{6}$/),
        programCode: PROGRAM,
        applicantNameMasked: '测***',
        amountFen: 50_000,
        completeAt: completeAt.toISOString(),
        dueAt: new Date(completeAt.getTime() + 15 * DAY).toISOString(),
        slaState: 'ok',
        flags: [],
        riskScore: 0,
        stage: 'review',
        assignee: { id: reviewer.user.id, displayName: reviewer.user.displayName },
        payee: 'resident',
      });
      expect(items.find((item) => item.id === first.id)!.assignee).toBeNull();
    });

    it('SLA state: warning from 80 % of the review days, overdue after', async () => {
      const { id } = await reviewCase();
      const at = (await row(id)).complete_at.getTime();
      const state = async () => (await wholeQueue()).find((item) => item.id === id)!.slaState;
      await travel(new Date(at + 12 * DAY));
      expect(await state()).toBe('warning');
      await travel(new Date(at + 15 * DAY + MINUTE));
      expect(await state()).toBe('overdue');
      await travel(new Date(at + MINUTE));
      expect(await state()).toBe('ok');
    });

    it('filters by flag, program and stage; sorts by amount and risk', async () => {
      const flagged = await reviewCase();
      await db.query(
        `INSERT INTO application_flag (application_id, code, detail, weight) VALUES ($1, 'SHARED_BANK_ACCOUNT', '{}', 30)`,
        [flagged.id],
      );
      await db.query(`UPDATE application SET risk_score = 30 WHERE id = $1`, [flagged.id]);
      const byFlag = await wholeQueue({ flag: 'SHARED_BANK_ACCOUNT' });
      expect(byFlag.map((item) => item.id)).toContain(flagged.id);
      expect(byFlag.every((item) => item.flags.includes('SHARED_BANK_ACCOUNT'))).toBe(true);
      expect((await wholeQueue({ flag: 'NO_SUCH_FLAG' })).length).toBe(0);

      const byProgram = await wholeQueue({ program: PROGRAM });
      expect(byProgram.length).toBeGreaterThan(0);
      expect(byProgram.every((item) => item.programCode === PROGRAM)).toBe(true);
      expect((await queue({ program: 'car-scrap-2026' })).items.some((item) => item.id === flagged.id)).toBe(
        false,
      );

      const amounts = (await wholeQueue({ sort: 'amount' })).map((item) => item.amountFen);
      expect([...amounts].sort((a, b) => b - a)).toEqual(amounts);
      const risks = (await wholeQueue({ sort: 'risk' })).map((item) => item.riskScore);
      expect([...risks].sort((a, b) => b - a)).toEqual(risks);
      // Sorting by due date drops no claim (the total is kept ~1 s when large: compare lists).
      expect((await wholeQueue({ sort: 'due' })).length).toBe((await wholeQueue()).length);

      const page = await queue({ pageSize: 1 });
      expect(page.items).toHaveLength(1);
      expect(page.total).toBeGreaterThan(1);
      expect(
        (await wholeQueue({ stage: 'second_approval' })).every((item) => item.stage === 'second_approval'),
      ).toBe(true);
    });

    it.each([
      ['pageSize above the bound', { pageSize: 101 }, 'pageSize'],
      ['pageSize 0', { pageSize: 0 }, 'pageSize'],
      ['an unknown sort', { sort: 'name' }, 'sort'],
      ['an unknown stage', { stage: 'third' }, 'stage'],
      ['a status outside the queue', { status: 'draft' }, 'status'],
      ['a malformed flag', { flag: "x' OR 1=1" }, 'flag'],
      ['an unknown parameter', { reviewerId: 'x' }, 'reviewerId'],
    ])('refuses %s with 422 and the field', async (_name, query, field) => {
      const res = await request(t.server)
        .get('/api/review/queue')
        .query(query)
        .set('cookie', reviewer.cookie);
      expect(res.status).toBe(422);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
      expect(Object.keys(res.body.error.fields)).toContain(field);
    });
  });

  describe('leases', () => {
    it('the holder gets 30 minutes and may renew; another user gets 409 CASE_HELD until it is released', async () => {
      const { id } = await reviewCase();
      const first = await take(reviewer, id).expect(200);
      expect(first.body).toEqual({ leaseUntil: new Date(clock.now().getTime() + 30 * MINUTE).toISOString() });
      await travel(10 * MINUTE);
      const renewed = await take(reviewer, id).expect(200);
      expect(renewed.body.leaseUntil).toBe(new Date(clock.now().getTime() + 30 * MINUTE).toISOString());

      const held = await take(reviewer2, id).expect(409);
      expect(held.body.error.code).toBe('CASE_HELD');
      expect(held.body.error.holder).toEqual({
        id: reviewer.user.id,
        displayName: reviewer.user.displayName,
      });

      // Releasing someone else's lease changes nothing.
      await request(t.server)
        .delete(`/api/review/applications/${id}/claim`)
        .set('cookie', reviewer2.cookie)
        .expect(204);
      await take(reviewer2, id).expect(409);
      await request(t.server)
        .delete(`/api/review/applications/${id}/claim`)
        .set('cookie', reviewer.cookie)
        .expect(204);
      await take(reviewer2, id).expect(200);
    });

    it('an expired lease can be taken by anyone', async () => {
      const { id } = await reviewCase();
      await take(reviewer, id).expect(200);
      await travel(31 * MINUTE);
      await take(reviewer2, id).expect(200);
      expect((await take(reviewer, id).expect(409)).body.error.code).toBe('CASE_HELD');
    });

    it('race: two users take the same case at once, exactly one wins', async () => {
      for (let round = 0; round < 5; round += 1) {
        const { id } = await reviewCase();
        const answers = await Promise.all([take(reviewer, id), take(reviewer2, id), take(approver, id)]);
        expect(answers.map((res) => res.status).sort()).toEqual([200, 409, 409]);
        const holders = (await db.query(`SELECT holder_id FROM review_lease WHERE application_id = $1`, [
          id,
        ])) as {
          holder_id: string;
        }[];
        const winner = [reviewer, reviewer2, approver][answers.findIndex((res) => res.status === 200)]!;
        expect(holders).toEqual([{ holder_id: winner.user.id }]);
      }
    });

    it('refuses malformed ids (400), unknown claims (404) and claims not in review (409)', async () => {
      expect((await take(reviewer, 'not-a-uuid').expect(400)).body.error.code).toBe('BAD_REQUEST');
      expect((await take(reviewer, randomUUID()).expect(404)).body.error.code).toBe('APPLICATION_NOT_FOUND');
      const owner = await resident();
      const draft = await request(t.server)
        .post('/api/applications')
        .set('cookie', owner.cookie)
        .send({ programCode: PROGRAM, facts: reviewPhone() })
        .expect(201);
      expect((await take(reviewer, draft.body.id as string).expect(409)).body.error.code).toBe('WRONG_STATE');
      expect(await db.query(`SELECT 1 FROM review_lease WHERE application_id = $1`, [draft.body.id])).toEqual(
        [],
      );
    });
  });

  describe('the case', () => {
    it('shows masked facts, the trace re-run now, documents, matrix, flags, history and decisions', async () => {
      const owner = await resident();
      const earlier = await reviewCase(undefined, owner);
      const { id } = await reviewCase(
        reviewPhone(300_000, { 'item.category': 'tablet', 'item.serialNo': 'SN13800138000' }),
        owner,
      );
      await db.query(
        `INSERT INTO application_flag (application_id, code, detail, weight) VALUES ($1, 'IDENTIFIER_WARNING', '{"facts":["item.serialNo"]}', 10)`,
        [id],
      );
      const res = await request(t.server)
        .get(`/api/review/applications/${id}`)
        .set('cookie', approver.cookie)
        .expect(200);
      const body = res.body as ReviewCase;
      expect(body.application).toMatchObject({
        id,
        programCode: PROGRAM,
        programVersion: 1,
        status: 'in_review',
        stage: 'review',
        amountFen: 45_000,
      });
      expect((body.application.facts.item as Record<string, unknown>).serialNo).toBe('SN138****8000');
      expect(JSON.stringify(body)).not.toContain('13800138000');
      expect(body.application.timeline.map((e) => e.status)).toEqual([
        'draft',
        'submitted',
        'checking',
        'in_review',
      ]);
      expect(body.evaluation.eligible).toBe(true);
      expect(body.evaluation.amountFen).toBe(45_000);
      expect(body.documents.map((d) => d.kind).sort()).toEqual(['invoice', 'serial_number_photo']);
      expect(body.documents[0]).toEqual({
        id: expect.any(String),
        kind: expect.any(String),
        contentType: 'application/pdf',
        size: expect.any(Number),
      });
      const field = (name: string) => body.matrix.find((m) => m.field === name);
      expect(field('applicant.idNumber')).toEqual({
        field: 'applicant.idNumber',
        values: [
          { source: 'claim', value: expect.stringMatching(/^\d{4}\*{10}[\dX]{4}$/) },
          { source: 'profile', value: expect.stringMatching(/^\d{4}\*{10}[\dX]{4}$/) },
          // No dealer recorded this sale: the dealer_sale source holds nothing (issue 13).
          { source: 'dealer_sale', value: null },
        ],
        result: 'match',
      });
      expect(field('item.invoiceNo')).toEqual({
        field: 'item.invoiceNo',
        values: [
          { source: 'claim', value: expect.stringMatching(/^2637\d{16}$/) },
          { source: 'dealer_sale', value: null },
        ],
        result: 'insufficient',
      });
      expect(field('applicant.name')?.values).toEqual([{ source: 'profile', value: '测***' }]);
      expect(body.flags).toEqual([
        { code: 'IDENTIFIER_WARNING', weight: 10, detail: { facts: ['item.serialNo'] } },
      ]);
      expect(body.history.map((h) => h.id)).toEqual([earlier.id]);
      expect(body.decisions).toEqual([]);
    });

    it('a new matrix source plugs in: its differing value is a conflict, listed first', async () => {
      const { id } = await reviewCase();
      const registry = t.app.get(MatrixRegistry);
      registry.register({
        source: 'certificate',
        values: async () => [{ field: 'item.serialNo', value: 'OTHER-SERIAL' }],
      });
      try {
        const body = (
          await request(t.server).get(`/api/review/applications/${id}`).set('cookie', reviewer.cookie)
        ).body as ReviewCase;
        expect(body.matrix[0]).toEqual({
          field: 'item.serialNo',
          values: [
            { source: 'claim', value: expect.stringMatching(/^REV-SN-/) },
            { source: 'dealer_sale', value: null },
            { source: 'certificate', value: 'OTHER-SERIAL' },
          ],
          result: 'conflict',
        });
      } finally {
        registry.unregister('certificate');
      }
    });

    it('serves a document inline with nosniff; another claim’s document is 404', async () => {
      const { id } = await reviewCase();
      const other = await reviewCase();
      const body = (
        await request(t.server).get(`/api/review/applications/${id}`).set('cookie', reviewer.cookie)
      ).body as ReviewCase;
      const doc = body.documents[0]!;
      const res = await request(t.server)
        .get(`/api/review/applications/${id}/documents/${doc.id}`)
        .set('cookie', reviewer.cookie)
        .buffer(true)
        .parse((response, done) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => done(null, Buffer.concat(chunks)));
        })
        .expect(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.headers['content-disposition']).toMatch(/^inline; filename="/);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect((res.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');
      const wrong = await request(t.server)
        .get(`/api/review/applications/${other.id}/documents/${doc.id}`)
        .set('cookie', reviewer.cookie)
        .expect(404);
      expect(wrong.body.error.code).toBe('DOCUMENT_NOT_FOUND');
    });

    it('a draft is not a case (404); a malformed id is 400', async () => {
      const owner = await resident();
      const draft = await request(t.server)
        .post('/api/applications')
        .set('cookie', owner.cookie)
        .send({ programCode: PROGRAM, facts: reviewPhone() })
        .expect(201);
      await request(t.server)
        .get(`/api/review/applications/${draft.body.id}`)
        .set('cookie', reviewer.cookie)
        .expect(404);
      await request(t.server).get(`/api/review/applications/x`).set('cookie', reviewer.cookie).expect(400);
    });

    it('publishes the reason codes', async () => {
      const res = await request(t.server)
        .get('/api/review/reasons')
        .set('cookie', reviewer.cookie)
        .expect(200);
      expect(res.body).toEqual(REVIEW_REASONS);
    });
  });

  describe('decisions: refused requests change nothing', () => {
    let id: string;
    beforeAll(async () => {
      ({ id } = await reviewCase());
    });

    async function expectUnchanged(): Promise<void> {
      expect(await row(id)).toMatchObject({ status: 'in_review', stage: 'review', reserved: 45_000 });
      expect(await decisionCount(id)).toBe(0);
      expect(await ledger(id)).toEqual({ reserve: 45_000 });
    }

    it('without a lease: 409 CASE_NOT_HELD', async () => {
      const res = await decide(reviewer, id, { decision: 'approve' }).expect(409);
      expect(res.body.error.code).toBe('CASE_NOT_HELD');
      await expectUnchanged();
    });

    it("with another reviewer's lease: 409 CASE_NOT_HELD", async () => {
      await take(reviewer2, id).expect(200);
      const res = await decide(reviewer, id, { decision: 'approve' }).expect(409);
      expect(res.body.error.code).toBe('CASE_NOT_HELD');
      await request(t.server)
        .delete(`/api/review/applications/${id}/claim`)
        .set('cookie', reviewer2.cookie)
        .expect(204);
      await expectUnchanged();
    });

    it('with an expired lease: 409 CASE_NOT_HELD', async () => {
      await take(reviewer, id).expect(200);
      await travel(31 * MINUTE);
      expect((await decide(reviewer, id, { decision: 'approve' }).expect(409)).body.error.code).toBe(
        'CASE_NOT_HELD',
      );
      await expectUnchanged();
    });

    it.each<[string, Record<string, unknown>, Record<string, string>]>([
      ['reject without a reason', { decision: 'reject' }, { reasonCode: 'REQUIRED' }],
      [
        'an unknown reason',
        { decision: 'reject', reasonCode: 'NO_SUCH_REASON' },
        { reasonCode: 'NOT_IN_OPTIONS' },
      ],
      [
        'a return reason on a reject',
        { decision: 'reject', reasonCode: 'DOCUMENT_ILLEGIBLE' },
        { reasonCode: 'NOT_IN_OPTIONS' },
      ],
      ['return without fields', { decision: 'return', reasonCode: 'FACT_MISMATCH' }, { fields: 'REQUIRED' }],
      [
        'return with empty fields',
        { decision: 'return', reasonCode: 'FACT_MISMATCH', fields: [] },
        { fields: 'REQUIRED' },
      ],
      [
        'return naming an unknown field',
        { decision: 'return', reasonCode: 'FACT_MISMATCH', fields: ['item.priceFen', 'item.colour'] },
        { 'fields.1': 'NOT_IN_OPTIONS' },
      ],
      [
        'return naming a document kind the program does not ask for',
        { decision: 'return', reasonCode: 'DOCUMENT_ILLEGIBLE', fields: ['document:scrap_certificate'] },
        { 'fields.0': 'NOT_IN_OPTIONS' },
      ],
      [
        'a reject reason on a return',
        { decision: 'return', reasonCode: 'DUPLICATE_CLAIM', fields: ['item.priceFen'] },
        { reasonCode: 'NOT_IN_OPTIONS' },
      ],
      [
        'approve with a reason',
        { decision: 'approve', reasonCode: 'NOT_ELIGIBLE' },
        { reasonCode: 'UNKNOWN_FIELD' },
      ],
      ['override without a note', { decision: 'approve', override: true }, { note: 'REQUIRED' }],
      ['an unknown decision', { decision: 'maybe' }, { decision: 'NOT_IN_OPTIONS' }],
      [
        'a field the contract does not have',
        { decision: 'approve', status: 'approved' },
        { status: 'UNKNOWN_FIELD' },
      ],
      ['fields that are not strings', { decision: 'return', reasonCode: 'FACT_MISMATCH', fields: [1] }, {}],
    ])('%s: 422 with fields', async (_name, body, fields) => {
      await take(reviewer, id).expect(200);
      const res = await decide(reviewer, id, body).expect(422);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
      expect(res.body.error.fields).toMatchObject(fields);
      await expectUnchanged();
    });

    it('without an Idempotency-Key: 400', async () => {
      await take(reviewer, id).expect(200);
      const res = await request(t.server)
        .post(`/api/review/applications/${id}/decision`)
        .set('cookie', reviewer.cookie)
        .send({ decision: 'approve' })
        .expect(400);
      expect(res.body.error.code).toBe('IDEMPOTENCY_KEY_MISSING');
      await expectUnchanged();
    });

    it('malformed and unknown ids: 400 and 404', async () => {
      expect((await decide(reviewer, 'x', { decision: 'approve' }).expect(400)).body.error.code).toBe(
        'BAD_REQUEST',
      );
      expect(
        (await decide(reviewer, randomUUID(), { decision: 'approve' }).expect(404)).body.error.code,
      ).toBe('APPLICATION_NOT_FOUND');
      await expectUnchanged();
    });

    it('residents and dealers are refused (403), nothing changes', async () => {
      const owner = await resident();
      for (const cookie of [owner.cookie, dealer.cookie]) {
        await request(t.server).get('/api/review/queue').set('cookie', cookie).expect(403);
        await request(t.server)
          .post(`/api/review/applications/${id}/claim`)
          .set('cookie', cookie)
          .expect(403);
        const res = await request(t.server)
          .post(`/api/review/applications/${id}/decision`)
          .set('cookie', cookie)
          .set('Idempotency-Key', randomUUID())
          .send({ decision: 'approve' })
          .expect(403);
        expect(res.body.error.code).toBe('FORBIDDEN');
      }
      await expectUnchanged();
    });
  });

  describe('decisions', () => {
    it('approve below the threshold: approved, committed (ledger), the lease ends, replays answer the same', async () => {
      const { id } = await reviewCase();
      await take(reviewer, id).expect(200);
      const key = randomUUID();
      const res = await decide(reviewer, id, { decision: 'approve' }, key).expect(200);
      expect(res.body).toEqual({ status: 'approved', stage: null });
      expect(await row(id)).toMatchObject({ status: 'approved', stage: null, reserved: 45_000 });
      expect(await ledger(id)).toEqual({ reserve: 45_000, commit: 45_000 });
      expect(await db.query(`SELECT 1 FROM review_lease WHERE application_id = $1`, [id])).toEqual([]);

      expect((await decide(reviewer, id, { decision: 'approve' }, key).expect(200)).body).toEqual(res.body);
      expect(
        (await decide(reviewer, id, { decision: 'reject', reasonCode: 'NOT_ELIGIBLE' }, key).expect(422)).body
          .error.code,
      ).toBe('IDEMPOTENCY_KEY_REUSED');
      expect((await decide(reviewer, id, { decision: 'approve' }).expect(409)).body.error.code).toBe(
        'WRONG_STATE',
      );
      expect(await ledger(id)).toEqual({ reserve: 45_000, commit: 45_000 });
      expect(await decisionCount(id)).toBe(1);

      const audit = (await db.query(
        `SELECT actor_id, detail FROM audit_log WHERE action = 'review.decision' AND object_id = $1`,
        [id],
      )) as { actor_id: string; detail: Record<string, unknown> }[];
      expect(audit).toEqual([
        {
          actor_id: reviewer.user.id,
          detail: expect.objectContaining({
            decision: 'approve',
            stage: 'review',
            outcome: { status: 'approved', stage: null },
          }),
        },
      ]);
      expect(await notifyLatest(t, id)).toContain('审核通过');
      const timeline = (
        await request(t.server).get(`/api/review/applications/${id}`).set('cookie', reviewer.cookie)
      ).body.decisions as unknown[];
      expect(timeline).toEqual([
        {
          by: { id: reviewer.user.id, displayName: reviewer.user.displayName },
          decision: 'approve',
          reasonCode: null,
          at: clock.now().toISOString(),
        },
      ]);
    });

    it('four eyes at the threshold: second approval by a different approver; self and reviewer refused', async () => {
      const { id } = await reviewCase(reviewPhone(400_000));
      expect((await row(id)).reserved).toBe(THRESHOLD_FEN);
      await take(reviewer, id).expect(200);
      const first = await decide(reviewer, id, { decision: 'approve' }).expect(200);
      expect(first.body).toEqual({ status: 'in_review', stage: 'second_approval' });
      expect(await row(id)).toMatchObject({
        status: 'in_review',
        stage: 'second_approval',
        reserved: THRESHOLD_FEN,
      });
      expect(await ledger(id)).toEqual({ reserve: THRESHOLD_FEN });
      expect((await wholeQueue({ stage: 'second_approval' })).map((item) => item.id)).toContain(id);

      await take(reviewer, id).expect(200);
      const self = await decide(reviewer, id, { decision: 'approve' }).expect(403);
      expect(self.body.error.code).toBe('SELF_APPROVAL');
      await request(t.server)
        .delete(`/api/review/applications/${id}/claim`)
        .set('cookie', reviewer.cookie)
        .expect(204);

      await take(reviewer2, id).expect(200);
      const notApprover = await decide(reviewer2, id, { decision: 'approve' }).expect(403);
      expect(notApprover.body.error.code).toBe('APPROVER_REQUIRED');
      await request(t.server)
        .delete(`/api/review/applications/${id}/claim`)
        .set('cookie', reviewer2.cookie)
        .expect(204);
      expect(await row(id)).toMatchObject({ status: 'in_review', stage: 'second_approval' });
      expect(await decisionCount(id)).toBe(1);

      clock.advance(MINUTE);
      await take(approver, id).expect(200);
      const second = await decide(approver, id, { decision: 'approve' }).expect(200);
      expect(second.body).toEqual({ status: 'approved', stage: null });
      expect(await ledger(id)).toEqual({ reserve: THRESHOLD_FEN, commit: THRESHOLD_FEN });
      const stages = (await db.query(
        `SELECT decided_by, stage FROM review_decision WHERE application_id = $1 ORDER BY decided_at, id`,
        [id],
      )) as { decided_by: string; stage: string }[];
      expect(stages).toEqual([
        { decided_by: reviewer.user.id, stage: 'review' },
        { decided_by: approver.user.id, stage: 'second_approval' },
      ]);
    });

    it('an approver cannot finish their own first approval either', async () => {
      const { id } = await reviewCase(reviewPhone(400_000));
      await take(approver, id).expect(200);
      await decide(approver, id, { decision: 'approve' }).expect(200);
      await take(approver, id).expect(200);
      expect((await decide(approver, id, { decision: 'approve' }).expect(403)).body.error.code).toBe(
        'SELF_APPROVAL',
      );
      expect(await ledger(id)).toEqual({ reserve: THRESHOLD_FEN });
    });

    it(`a high risk score (≥ ${HIGH_RISK_SCORE}) sends a small approval to four eyes`, async () => {
      const { id } = await reviewCase();
      await db.query(`UPDATE application SET risk_score = $2 WHERE id = $1`, [id, HIGH_RISK_SCORE]);
      await take(reviewer, id).expect(200);
      expect((await decide(reviewer, id, { decision: 'approve' }).expect(200)).body).toEqual({
        status: 'in_review',
        stage: 'second_approval',
      });
    });

    it('a conflict in the matrix: approval needs override and a note, then goes to four eyes', async () => {
      const { id, resident: owner } = await reviewCase();
      // The profile now names another person than the claim was submitted for.
      await db.query(`UPDATE resident_profile SET id_number_bidx = $2 WHERE user_id = $1`, [
        owner.id,
        `other-${id}`,
      ]);
      const body = (
        await request(t.server).get(`/api/review/applications/${id}`).set('cookie', reviewer.cookie)
      ).body as ReviewCase;
      expect(body.matrix[0]).toMatchObject({ field: 'applicant.idNumber', result: 'conflict' });

      await take(reviewer, id).expect(200);
      const plain = await decide(reviewer, id, { decision: 'approve' }).expect(422);
      expect(plain.body.error).toMatchObject({
        code: 'VALIDATION_FAILED',
        fields: { override: 'REQUIRED', note: 'REQUIRED' },
        conflicts: ['applicant.idNumber'],
      });
      const noteOnly = await decide(reviewer, id, { decision: 'approve', note: '核对过' }).expect(422);
      expect(noteOnly.body.error.fields).toEqual({ override: 'REQUIRED' });
      expect(await decisionCount(id)).toBe(0);
      const overridden = await decide(reviewer, id, {
        decision: 'approve',
        override: true,
        note: '身份证复印件与申请人一致',
      }).expect(200);
      expect(overridden.body).toEqual({ status: 'in_review', stage: 'second_approval' });
      const [saved] = (await db.query(
        `SELECT override, note FROM review_decision WHERE application_id = $1`,
        [id],
      )) as {
        override: boolean;
        note: string;
      }[];
      expect(saved).toEqual({ override: true, note: '身份证复印件与申请人一致' });
    });

    it('reject: rejected, the reservation released, the resident told why', async () => {
      const { id } = await reviewCase();
      await take(reviewer, id).expect(200);
      const res = await decide(reviewer, id, { decision: 'reject', reasonCode: 'DUPLICATE_CLAIM' }).expect(
        200,
      );
      expect(res.body).toEqual({ status: 'rejected', stage: null });
      expect(await row(id)).toMatchObject({ status: 'rejected', reserved: 0 });
      expect(await ledger(id)).toEqual({ reserve: 45_000, release: 45_000 });
      const text = await notifyLatest(t, id);
      expect(text).toContain('未通过');
      expect(text).toContain('重复申领');
    });

    it('an approver may reject at the second approval; the money is released', async () => {
      const { id } = await reviewCase(reviewPhone(400_000));
      await take(reviewer, id).expect(200);
      await decide(reviewer, id, { decision: 'approve' }).expect(200);
      await take(approver2, id).expect(200);
      expect(
        (await decide(approver2, id, { decision: 'reject', reasonCode: 'DOCUMENT_FORGED' }).expect(200)).body,
      ).toEqual({ status: 'rejected', stage: null });
      expect(await ledger(id)).toEqual({ reserve: THRESHOLD_FEN, release: THRESHOLD_FEN });
    });

    it('return → the resident sees what to fix, edits, resubmits; back in the queue at its original age', async () => {
      const { id, resident: owner } = await reviewCase();
      const completeAt = (await row(id)).complete_at;
      await take(reviewer, id).expect(200);
      const res = await decide(reviewer, id, {
        decision: 'return',
        reasonCode: 'FACT_MISMATCH',
        fields: ['item.priceFen', 'document:invoice'],
        note: '发票金额与填写不符，联系电话13800138000',
      }).expect(200);
      expect(res.body).toEqual({ status: 'returned', stage: null });
      expect(await row(id)).toMatchObject({ status: 'returned', stage: null, reserved: 45_000 });
      expect(await ledger(id)).toEqual({ reserve: 45_000 });

      const returnedAt = clock.now();
      const detail = await request(t.server)
        .get(`/api/applications/${id}`)
        .set('cookie', owner.cookie)
        .expect(200);
      expect(detail.body.status).toBe('returned');
      expect(detail.body.correction).toEqual({
        reasonCode: 'FACT_MISMATCH',
        reasonTitle: REVIEW_REASONS.find((r) => r.code === 'FACT_MISMATCH')!.title,
        fields: ['item.priceFen', 'document:invoice'],
        note: '发票金额与填写不符，联系电话138****8000',
        returnedAt: returnedAt.toISOString(),
        expiresAt: new Date(returnedAt.getTime() + 15 * DAY).toISOString(),
      });
      const text = await notifyLatest(t, id);
      expect(text).toContain('退回补正');
      expect(text).toContain('请修改：');
      expect(text).toContain('销售发票');
      const [returnEvent] = (await db.query(
        `SELECT id FROM application_event WHERE application_id = $1 AND to_status = 'returned'`,
        [id],
      )) as { id: string }[];
      const outbox = (await db.query(`SELECT job_name FROM outbox WHERE job_id = $1`, [
        `notify-${returnEvent!.id}`,
      ])) as unknown[];
      expect(outbox).toEqual([{ job_name: 'notifications.application-status' }]);

      // The resident fixes the price (a lower amount re-prices the reservation on resubmission).
      const facts = detail.body.facts as { item: Record<string, unknown> };
      await request(t.server)
        .patch(`/api/applications/${id}`)
        .set('cookie', owner.cookie)
        .send({ facts: { ...facts, item: { ...facts.item, priceFen: 280_000 } } })
        .expect(200);
      await travel(2 * DAY);
      await submitClaim(t, owner, id);
      expect(await row(id)).toMatchObject({ status: 'submitted', reserved: 42_000 });
      await runChecks(t, id);
      expect(await row(id)).toMatchObject({ status: 'in_review', stage: 'review', reserved: 42_000 });
      expect((await row(id)).complete_at.toISOString()).toBe(completeAt.toISOString());
      expect(await ledger(id)).toEqual({ reserve: 45_000, release: 3_000 });
      const back = (await wholeQueue()).find((item) => item.id === id)!;
      expect(back.completeAt).toBe(completeAt.toISOString());
      const afterResubmit = await request(t.server)
        .get(`/api/applications/${id}`)
        .set('cookie', owner.cookie);
      expect(afterResubmit.body.correction).toBeNull();
    });

    it('a decision on a returned claim: 409 WRONG_STATE', async () => {
      const { id } = await reviewCase();
      await take(reviewer, id).expect(200);
      await decide(reviewer, id, {
        decision: 'return',
        reasonCode: 'DOCUMENT_ILLEGIBLE',
        fields: ['document:invoice'],
      }).expect(200);
      expect((await decide(reviewer, id, { decision: 'approve' }).expect(409)).body.error.code).toBe(
        'WRONG_STATE',
      );
      expect(await decisionCount(id)).toBe(1);
    });

    it('race: the same approver twice at once (two keys) and a replay at once: one effect', async () => {
      const { id } = await reviewCase(reviewPhone(400_000));
      await take(reviewer, id).expect(200);
      await decide(reviewer, id, { decision: 'approve' }).expect(200);
      await take(approver, id).expect(200);
      const key = randomUUID();
      const answers = await Promise.all([
        decide(approver, id, { decision: 'approve' }, key),
        decide(approver, id, { decision: 'approve' }, key),
        decide(approver, id, { decision: 'approve' }),
        decide(approver2, id, { decision: 'approve' }),
      ]);
      const codes = answers.map((res) => (res.status === 200 ? 200 : (res.body.error.code as string)));
      // Of approver's requests the effect happens once (the replay of a key answers the same, or —
      // if the other key won — the key's first run finds the claim approved).
      // approver2 holds no lease (or comes after the approval): never an effect.
      expect(['CASE_NOT_HELD', 'WRONG_STATE']).toContain(codes[3]);
      expect(codes.filter((c) => c === 200).length).toBeGreaterThanOrEqual(1);
      expect(
        codes.slice(0, 3).every((c) => c === 200 || c === 'WRONG_STATE' || c === 'IDEMPOTENCY_KEY_IN_FLIGHT'),
      ).toBe(true);
      if (codes[0] === 200 && codes[1] === 200) expect(answers[0]!.body).toEqual(answers[1]!.body);
      expect(await ledger(id)).toEqual({ reserve: THRESHOLD_FEN, commit: THRESHOLD_FEN });
      expect(await decisionCount(id)).toBe(2);
      expect(await row(id)).toMatchObject({ status: 'approved' });
    });

    it('race: two approvers whose leases both look valid approve at once: one effect', async () => {
      for (let round = 0; round < 3; round += 1) {
        const { id } = await reviewCase(reviewPhone(400_000));
        await take(reviewer, id).expect(200);
        await decide(reviewer, id, { decision: 'approve' }).expect(200);
        await take(approver, id).expect(200);
        // The first approver's lease runs out while they work; the second takes the case.
        await travel(31 * MINUTE);
        await take(approver2, id).expect(200);
        await db.query(`UPDATE review_lease SET lease_until = $2 WHERE application_id = $1`, [
          id,
          new Date(clock.now().getTime() + 30 * MINUTE),
        ]);
        const answers = await Promise.all([
          decide(approver, id, { decision: 'approve' }),
          decide(approver2, id, { decision: 'approve' }),
        ]);
        expect(answers.filter((res) => res.status === 200)).toHaveLength(1);
        expect(await ledger(id)).toEqual({ reserve: THRESHOLD_FEN, commit: THRESHOLD_FEN });
        expect(await decisionCount(id)).toBe(2);
      }
    });
  });

  describe('expiry of returned claims', () => {
    it('a returned claim not resubmitted within returnedExpiryDays expires and releases its reservation', async () => {
      const { id } = await reviewCase();
      await take(reviewer, id).expect(200);
      await decide(reviewer, id, {
        decision: 'return',
        reasonCode: 'BANK_DETAILS_INVALID',
        fields: ['item.priceFen'],
      }).expect(200);
      await travel(14 * DAY);
      await t.app.get(ExpiryService).expire();
      expect(await row(id)).toMatchObject({ status: 'returned', reserved: 45_000 });
      await travel(1 * DAY + MINUTE);
      await t.app.get(ExpiryService).expire();
      expect(await row(id)).toMatchObject({ status: 'expired', reserved: 0 });
      expect(await ledger(id)).toEqual({ reserve: 45_000, release: 45_000 });
    });
  });

  describe('the budget after the run', () => {
    it('after the mixed approve/reject/return run the budget balances and every bucket is what the ledger says', async () => {
      const [budget] = (await db.query(
        `SELECT total_fen::bigint AS total, reserved_fen::bigint AS reserved, committed_fen::bigint AS committed,
              paid_fen::bigint AS paid, remaining_fen::bigint AS remaining FROM budget WHERE program_id = $1`,
        [programId],
      )) as Record<string, string>[];
      const n = (key: string) => Number(budget![key]);
      expect(n('remaining')).toBeGreaterThanOrEqual(0);
      expect(n('total')).toBe(n('remaining') + n('reserved') + n('committed') + n('paid'));
      const rows = (await db.query(
        `SELECT entry, coalesce(sum(amount_fen), 0)::bigint AS total FROM budget_ledger WHERE program_id = $1 GROUP BY entry`,
        [programId],
      )) as { entry: string; total: string }[];
      const of = (entry: string) => Number(rows.find((r) => r.entry === entry)?.total ?? 0);
      expect({ reserved: n('reserved'), committed: n('committed'), paid: n('paid') }).toEqual({
        reserved: of('reserve') - of('release') - of('commit'),
        committed: of('commit') - of('pay'),
        paid: of('pay'),
      });
      // Every claim's holding agrees with its own ledger rows.
      const mismatched = (await db.query(
        `SELECT a.id FROM application a LEFT JOIN (
          SELECT subject_id, sum(CASE entry WHEN 'reserve' THEN amount_fen WHEN 'release' THEN -amount_fen ELSE 0 END) AS held
            FROM budget_ledger WHERE program_id = $1 GROUP BY subject_id) l ON l.subject_id = a.id
        WHERE a.id = ANY($2::uuid[]) AND coalesce(l.held, 0) <> a.reserved_fen`,
        [programId, mine],
      )) as unknown[];
      expect(mine.length).toBeGreaterThan(20);
      expect(mismatched).toEqual([]);
    });
  });
});
