import { randomUUID } from 'node:crypto';
import {
  LEDGER_TOTAL_KEYS,
  ledgerTotals,
  todayInShanghai,
  type DealerLedger,
  type DealerLedgerItem,
  type LedgerState,
} from '@huanxin/shared';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { ApplicationStateService } from '../src/applications/application-state.service';
import { ApplicationsRepository } from '../src/applications/applications.repository';
import { raiseBudget } from './utils/budget';
import { registerDealer, type DealerOrganization } from './utils/dealers';
import { useFakeClock, type FakeClock } from './utils/fake-clock';
import { dataSourceOf, DEMO_USERS, signInStaff } from './utils/identity';
import { checkMoneyInvariants } from './utils/money-invariants';
import { createResident, residentIdentity } from './utils/residents';
import { moveClaim, runChecks, submitClaim } from './utils/review-claims';
import { createTestApp, type TestApp } from './utils/test-app';

jest.setTimeout(240_000);

const DAY_MS = 86_400_000;
const PROGRAM = 'digital-2026';
/** A digital-2026 phone at 2,000 yuan: 15 % = 300 yuan. */
const SUBSIDY_FEN = 30_000;
const PAYOUT_ACCOUNT = '1602023809200123456'; // registerDealer's corporate account

/**
 * The dealer's ledger and the dealer payee through HTTP against the real database (operations.md
 * §1, §2, §6, §8; api-contract.md `GET /api/dealer/ledger`). Point-of-sale claims are created by
 * the vouchers issue at redemption; until then this suite makes them as a resident's claim
 * submitted through the API whose `payee_organization_id` is then set directly (as
 * `test/utils/claims.ts` sets a status directly) — everything after that (checks, decisions,
 * batches, the bank file, reconciliation, the clawback, netting) goes through the real services
 * and routes. Other suites' approved digital-2026 claims may join these batches: the assertions
 * look at this suite's claims. Residents 4002–4400, dealer series ML.
 */
describe('dealer ledger (GET /api/dealer/ledger) and the dealer payee', () => {
  let t: TestApp;
  let db: DataSource;
  let clock: FakeClock;
  let finance1: string;
  let finance2: string;
  let approver: string;
  let shop: DealerOrganization;
  let other: DealerOrganization;
  let held: DealerOrganization;
  let resident = 4002;
  let serial = 0;

  /** A digital-2026 claim of a new resident that pays `organization`, moved to `to`. */
  async function dealerClaim(
    organization: DealerOrganization | null,
    to: 'submitted' | 'in_review' | 'returned' | 'approved' | 'rejected',
  ): Promise<{ id: string; code: string }> {
    serial += 1;
    const owner = await createResident(t, resident++);
    const claim = await submitClaim(t, owner, 'digital', {
      'item.invoiceNo': `2639${String(440_000 + serial).padStart(16, '0')}`,
      'item.serialNo': `ML-IMEI-${serial}`,
      'item.invoiceDate': '2026-04-20',
    });
    if (organization)
      await db.query('UPDATE application SET payee_organization_id = $1 WHERE id = $2', [
        organization.organizationId,
        claim.id,
      ]);
    if (to === 'submitted') return claim;
    await runChecks(t, claim.id);
    if (to === 'returned') await move(claim.id, 'returned');
    else if (to !== 'in_review') await moveClaim(t, claim.id, to);
    return claim;
  }

  /** A move through the one state writer (moveClaim covers approved, paid and rejected). */
  async function move(id: string, to: 'returned'): Promise<void> {
    const applications = t.app.get(ApplicationsRepository);
    const state = t.app.get(ApplicationStateService);
    await db.transaction(async (manager) => {
      const application = (await applications.lockById(manager, id))!;
      await state.move(manager, application, { to, actorId: null, note: 'fix the invoice photo' });
    });
  }

  const ledger = async (cookie: string): Promise<DealerLedger> =>
    (await request(t.server).get('/api/dealer/ledger').set('cookie', cookie).expect(200))
      .body as DealerLedger;
  const itemOf = (body: DealerLedger, code: string) => body.items.find((i) => i.applicationCode === code);
  const build = async (cookie = finance1) => {
    const res = await request(t.server)
      .post('/api/payments/batches')
      .set('cookie', cookie)
      .send({ programCode: PROGRAM });
    return res;
  };
  const release = (id: string) =>
    request(t.server).post(`/api/payments/batches/${id}/release`).set('cookie', finance2).expect(200);
  const reconcile = (id: string, rows: string[]) =>
    request(t.server)
      .post(`/api/payments/batches/${id}/reconcile`)
      .set('cookie', finance1)
      .attach('file', Buffer.from(['lineId,result,reason,bankRef', ...rows].join('\n'), 'utf8'), 'result.csv')
      .expect(200);
  type Line = {
    lineId: string;
    applicationCode: string;
    payee: string;
    payeeNameMasked: string;
    accountMasked: string;
    amountFen: number;
    nettedFen: number;
    status: string;
  };
  const lineOf = (body: { lines: Line[] }, code: string) =>
    body.lines.find((l) => l.applicationCode === code);

  /** What the budget ledger moved for one claim, by bucket (the source of truth for its money). */
  async function buckets(
    ids: string[],
  ): Promise<Map<string, { reserved: number; committed: number; paid: number }>> {
    const rows = (await db.query(
      `SELECT subject_id,
              coalesce(sum(amount_fen) FILTER (WHERE entry = 'reserve'), 0) - coalesce(sum(amount_fen) FILTER (WHERE entry = 'release'), 0)
                - coalesce(sum(amount_fen) FILTER (WHERE entry = 'commit'), 0) AS reserved,
              coalesce(sum(amount_fen) FILTER (WHERE entry = 'commit'), 0) - coalesce(sum(amount_fen) FILTER (WHERE entry = 'pay'), 0) AS committed,
              coalesce(sum(amount_fen) FILTER (WHERE entry = 'pay'), 0) AS paid
         FROM budget_ledger WHERE subject_id = ANY($1::uuid[]) GROUP BY subject_id`,
      [ids],
    )) as { subject_id: string; reserved: string; committed: string; paid: string }[];
    return new Map(
      rows.map((r) => [
        r.subject_id,
        { reserved: Number(r.reserved), committed: Number(r.committed), paid: Number(r.paid) },
      ]),
    );
  }

  /**
   * The ledger invariant: the totals are the items summed by state; each claim of the
   * organisation is in exactly one state; every item's money is what the budget ledger holds for
   * its claim in the matching bucket (reserved while advanced or in review, committed while
   * approved or in a batch, paid once paid; a receivable is money the claim was committed or paid).
   */
  async function expectLedgerInvariant(
    body: DealerLedger,
    claims: { id: string; code: string }[],
  ): Promise<void> {
    expect(body.totals).toEqual(ledgerTotals(body.items));
    const byState = new Map<LedgerState, number>();
    for (const item of body.items) byState.set(item.state, (byState.get(item.state) ?? 0) + item.amountFen);
    for (const [state, key] of Object.entries(LEDGER_TOTAL_KEYS))
      expect(body.totals[key]).toBe(byState.get(state as LedgerState) ?? 0);
    const codes = body.items.map((i) => i.applicationCode);
    expect(new Set(codes).size).toBe(codes.length);
    expect([...codes].sort()).toEqual(claims.map((c) => c.code).sort());
    const money = await buckets(claims.map((c) => c.id));
    for (const claim of claims) {
      const item = itemOf(body, claim.code)!;
      const held = money.get(claim.id) ?? { reserved: 0, committed: 0, paid: 0 };
      const expected: Record<LedgerState, number | null> = {
        advanced: held.reserved,
        in_review: held.reserved,
        approved: held.committed,
        payment_failed: held.committed,
        in_batch: held.committed,
        paid: held.paid,
        receivable: null,
        released: 0,
        cancelled: null,
      };
      if (item.state === 'receivable') expect(item.amountFen).toBeLessThanOrEqual(held.committed + held.paid);
      else if (item.state === 'released') expect(held).toEqual({ reserved: 0, committed: 0, paid: 0 });
      else
        expect({ code: claim.code, amountFen: item.amountFen }).toEqual({
          code: claim.code,
          amountFen: expected[item.state],
        });
    }
  }

  const claims: Record<string, { id: string; code: string }> = {};
  let batch1: string;

  beforeAll(async () => {
    t = await createTestApp({ WRITE_LIMIT_PER_MINUTE: '100000' });
    db = dataSourceOf(t);
    clock = useFakeClock(t.app, new Date('2026-05-01T02:00:00Z'));
    await raiseBudget(t, PROGRAM, 10_000_000);
    finance1 = (await signInStaff(t, DEMO_USERS.finance)).cookie;
    finance2 = (await signInStaff(t, DEMO_USERS.finance2)).cookie;
    approver = (await signInStaff(t, DEMO_USERS.approver)).cookie;
    shop = await registerDealer(t, { series: 'ML', serial: 1, name: '章丘账本测试电器行' });
    other = await registerDealer(t, { series: 'ML', serial: 2 });
    held = await registerDealer(t, { series: 'ML', serial: 3 });
    claims.advanced = await dealerClaim(shop, 'submitted');
    claims.inReview = await dealerClaim(shop, 'in_review');
    claims.returned = await dealerClaim(shop, 'returned');
    claims.approved = await dealerClaim(shop, 'approved');
    claims.batched = await dealerClaim(shop, 'approved');
    claims.paid = await dealerClaim(shop, 'approved');
    claims.rejected = await dealerClaim(shop, 'rejected');
    claims.resident = await dealerClaim(null, 'approved');
    claims.otherShop = await dealerClaim(other, 'approved');
  });
  afterAll(async () => {
    // Leave no organisation of this suite suspended.
    const admin = await signInStaff(t, DEMO_USERS.approver);
    await request(t.server)
      .post(`/api/admin/organizations/${held.organizationId}/status`)
      .set('cookie', admin.cookie)
      .send({ status: 'active', reason: '恢复' });
    clock.restore();
    await t.close();
  });

  it('shows each claim in its state before any batch: advanced, in review (also returned), approved, released', async () => {
    const body = await ledger(shop.cookie);
    const state = (code: string) => itemOf(body, code)?.state;
    expect(state(claims.advanced!.code)).toBe('advanced');
    expect(state(claims.inReview!.code)).toBe('in_review');
    expect(state(claims.returned!.code)).toBe('in_review');
    expect(state(claims.approved!.code)).toBe('approved');
    expect(state(claims.rejected!.code)).toBe('released');
    // Released money is listed (the discount that will not be reimbursed) and counted in no total.
    expect(itemOf(body, claims.rejected!.code)!.amountFen).toBe(SUBSIDY_FEN);
    expect(body.totals).toEqual({
      advancedFen: SUBSIDY_FEN,
      inReviewFen: 2 * SUBSIDY_FEN,
      approvedFen: 3 * SUBSIDY_FEN,
      inBatchFen: 0,
      paidFen: 0,
      receivableFen: 0,
    });
    // Neither the resident's own claim nor another organisation's is on this ledger.
    expect(itemOf(body, claims.resident!.code)).toBeUndefined();
    expect(itemOf(body, claims.otherShop!.code)).toBeUndefined();
    expect((await ledger(other.cookie)).items.map((i) => i.applicationCode)).toEqual([
      claims.otherShop!.code,
    ]);
    // No sale records yet (the sales issue links them): the key is null, never another id.
    for (const item of body.items) expect(item.saleId).toBeNull();
    const mine = ['advanced', 'inReview', 'returned', 'approved', 'batched', 'paid', 'rejected'].map(
      (k) => claims[k]!,
    );
    await expectLedgerInvariant(body, mine);
  });

  it('gives expected dates from the SLA clocks: review due, pay due (payClock); none when released', async () => {
    const body = await ledger(shop.cookie);
    const [row] = (await db.query(
      `SELECT a.complete_at, a.submitted_at,
              (SELECT max(e.at) FROM application_event e WHERE e.application_id = $2 AND e.to_status = 'approved') AS approved_at
         FROM application a WHERE a.id = $1`,
      [claims.inReview!.id, claims.approved!.id],
    )) as { complete_at: Date; submitted_at: Date; approved_at: Date }[];
    // digital-2026: serviceLevels.reviewDays and payDays from the program.
    const [levels] = (await db.query(
      `SELECT (v.definition #>> '{settings,serviceLevels,reviewDays}')::int AS review, (v.definition #>> '{settings,serviceLevels,payDays}')::int AS pay
         FROM application a JOIN program_version v ON v.id = a.program_version_id WHERE a.id = $1`,
      [claims.inReview!.id],
    )) as { review: number; pay: number }[];
    const on = (at: Date, days: number) => todayInShanghai(new Date(at).getTime() + days * DAY_MS);
    expect(itemOf(body, claims.inReview!.code)!.expectedOn).toBe(on(row!.complete_at, levels!.review));
    expect(itemOf(body, claims.approved!.code)!.expectedOn).toBe(on(row!.approved_at, levels!.pay));
    expect(itemOf(body, claims.advanced!.code)!.expectedOn).toBe(on(row!.submitted_at, levels!.review));
    expect(itemOf(body, claims.rejected!.code)).not.toHaveProperty('expectedOn');
    expect(itemOf(body, claims.approved!.code)!.expectedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('the review queue shows a point-of-sale claim’s payee as the dealer', async () => {
    const reviewer = (await signInStaff(t, DEMO_USERS.reviewer)).cookie;
    const queue = await request(t.server)
      .get('/api/review/queue')
      .query({ program: PROGRAM, pageSize: 100 })
      .set('cookie', reviewer)
      .expect(200);
    const payee = (code: string) =>
      (queue.body.items as { code: string; payee: string }[]).find((i) => i.code === code)?.payee;
    expect(payee(claims.inReview!.code)).toBe('dealer');
    const residentClaim = await dealerClaim(null, 'in_review');
    const again = await request(t.server)
      .get('/api/review/queue')
      .query({ program: PROGRAM, pageSize: 100 })
      .set('cookie', reviewer)
      .expect(200);
    expect(
      (again.body.items as { code: string; payee: string }[]).find((i) => i.code === residentClaim.code)
        ?.payee,
    ).toBe('resident');
  });

  it('a batch pays the organisation’s corporate account (name = organisation name), the bank file carries it', async () => {
    const res = await build();
    expect(res.status).toBe(201);
    batch1 = res.body.id as string;
    for (const key of ['approved', 'batched', 'paid'] as const)
      expect(lineOf(res.body, claims[key]!.code)).toMatchObject({
        payee: 'dealer',
        accountMasked: `**** **** **** ${PAYOUT_ACCOUNT.slice(-4)}`,
        amountFen: SUBSIDY_FEN,
        nettedFen: 0,
        status: 'pending',
      });
    expect(lineOf(res.body, claims.resident!.code)).toMatchObject({ payee: 'resident' });
    expect(JSON.stringify(res.body)).not.toContain(PAYOUT_ACCOUNT);
    await release(batch1);
    const csv = (
      await request(t.server)
        .get(`/api/payments/batches/${batch1}/file`)
        .set('cookie', finance1)
        .buffer(true)
        .parse((r, done) => {
          const chunks: Buffer[] = [];
          r.on('data', (c: Buffer) => chunks.push(c));
          r.on('end', () => done(null, Buffer.concat(chunks)));
        })
        .expect(200)
    ).body as Buffer;
    const line = lineOf(res.body, claims.paid!.code)!;
    expect(csv.toString('utf8')).toContain(
      `"${line.lineId}","${shop.name}","${PAYOUT_ACCOUNT}","中国工商银行章丘支行","300.00","以旧换新补贴 ${claims.paid!.code}"`,
    );
  });

  it('moves claims to in batch, then paid once the bank says so; the invariant holds at each step', async () => {
    const detail = (
      await request(t.server).get(`/api/payments/batches/${batch1}`).set('cookie', finance1).expect(200)
    ).body as { lines: Line[] };
    let body = await ledger(shop.cookie);
    for (const key of ['approved', 'batched', 'paid'] as const)
      expect(itemOf(body, claims[key]!.code)!.state).toBe('in_batch');
    expect(body.totals.inBatchFen).toBe(3 * SUBSIDY_FEN);
    expect(body.totals.approvedFen).toBe(0);
    const mine = ['advanced', 'inReview', 'returned', 'approved', 'batched', 'paid', 'rejected'].map(
      (k) => claims[k]!,
    );
    await expectLedgerInvariant(body, mine);

    await reconcile(batch1, [`${lineOf(detail, claims.paid!.code)!.lineId},paid,,ML-BK-1`]);
    body = await ledger(shop.cookie);
    expect(itemOf(body, claims.paid!.code)).toEqual({
      saleId: null,
      applicationCode: claims.paid!.code,
      state: 'paid',
      amountFen: SUBSIDY_FEN,
    });
    expect(body.totals).toMatchObject({ inBatchFen: 2 * SUBSIDY_FEN, paidFen: SUBSIDY_FEN });
    await expectLedgerInvariant(body, mine);
  });

  let receivableId: string;

  it('a clawback of a paid point-of-sale claim opens a receivable against the organisation, due in 10 days', async () => {
    // The sample is written directly (the draw is proved in review-sampling); the outcome is the route's.
    const [program] = (await db.query(`SELECT id FROM program WHERE code = $1`, [PROGRAM])) as {
      id: string;
    }[];
    const approverId = (await signInStaff(t, DEMO_USERS.approver)).user.id;
    const [sample] = (await db.query(
      `INSERT INTO review_sample (program_id, seed, size, risk_weighted, population, created_by)
       VALUES ($1, $2, 1, false, 1, $3) RETURNING id`,
      [program!.id, randomUUID(), approverId],
    )) as { id: string }[];
    await db.query(
      `INSERT INTO review_sample_item (sample_id, application_id, position) VALUES ($1, $2, 0)`,
      [sample!.id, claims.paid!.id],
    );
    const res = await request(t.server)
      .post(`/api/review/samples/${sample!.id}/items/${claims.paid!.id}`)
      .set('cookie', approver)
      .send({ outcome: 'clawback', note: '发票与实物不符' })
      .expect(200);
    receivableId = res.body.receivableId as string;
    const [receivable] = (await db.query(
      `SELECT payee_kind, payee_organization_id, payee_user_id, amount_fen::int AS amount, created_at FROM receivable WHERE id = $1`,
      [receivableId],
    )) as {
      payee_kind: string;
      payee_organization_id: string;
      payee_user_id: null;
      amount: number;
      created_at: Date;
    }[];
    expect(receivable).toMatchObject({
      payee_kind: 'dealer',
      payee_organization_id: shop.organizationId,
      payee_user_id: null,
      amount: SUBSIDY_FEN,
    });
    const body = await ledger(shop.cookie);
    expect(itemOf(body, claims.paid!.code)).toEqual({
      saleId: null,
      applicationCode: claims.paid!.code,
      state: 'receivable',
      amountFen: SUBSIDY_FEN,
      expectedOn: todayInShanghai(new Date(receivable!.created_at).getTime() + 10 * DAY_MS),
    });
    expect(body.totals).toMatchObject({ paidFen: 0, receivableFen: SUBSIDY_FEN });
    const mine = ['advanced', 'inReview', 'returned', 'approved', 'batched', 'paid', 'rejected'].map(
      (k) => claims[k]!,
    );
    await expectLedgerInvariant(body, mine);
  });

  it('nets the open receivable against the organisation’s next batch; paid, it is collected and leaves the ledger', async () => {
    claims.next = await dealerClaim(shop, 'approved');
    const res = await build();
    expect(res.status).toBe(201);
    const line = lineOf(res.body, claims.next.code)!;
    expect(line).toMatchObject({ payee: 'dealer', amountFen: 0, nettedFen: SUBSIDY_FEN });
    // Still owed until the bank pays the netted line.
    let body = await ledger(shop.cookie);
    expect(itemOf(body, claims.paid!.code)!.state).toBe('receivable');
    expect(itemOf(body, claims.next.code)).toMatchObject({ state: 'in_batch', amountFen: SUBSIDY_FEN });
    await release(res.body.id as string);
    await reconcile(res.body.id as string, [`${line.lineId},paid,,ML-BK-2`]);
    const [receivable] = (await db.query(`SELECT status FROM receivable WHERE id = $1`, [receivableId])) as {
      status: string;
    }[];
    expect(receivable!.status).toBe('collected');
    body = await ledger(shop.cookie);
    expect(itemOf(body, claims.paid!.code)).toMatchObject({ state: 'paid', amountFen: SUBSIDY_FEN });
    expect(itemOf(body, claims.next.code)).toMatchObject({ state: 'paid', amountFen: SUBSIDY_FEN });
    expect(body.totals.receivableFen).toBe(0);
    const mine = ['advanced', 'inReview', 'returned', 'approved', 'batched', 'paid', 'rejected', 'next'].map(
      (k) => claims[k]!,
    );
    await expectLedgerInvariant(body, mine);
  });

  it('holds a suspended organisation’s claims (never paid to the resident instead); active again, the next batch pays it', async () => {
    claims.held = await dealerClaim(held, 'approved');
    const status = (to: 'suspended' | 'active') =>
      request(t.server)
        .post(`/api/admin/organizations/${held.organizationId}/status`)
        .set('cookie', approver)
        .send({ status: to, reason: to === 'suspended' ? '配合调查，暂停结算' : '调查结束' })
        .expect(200);
    await status('suspended');
    const first = await build();
    if (first.status === 201) expect(lineOf(first.body, claims.held.code)).toBeUndefined();
    else expect(first.body.error.code).toBe('NOTHING_TO_PAY');
    const lines = (await db.query(`SELECT count(*)::int AS n FROM payment_line WHERE application_id = $1`, [
      claims.held.id,
    ])) as { n: number }[];
    expect(lines[0]!.n).toBe(0);
    // A suspended organisation still reads its ledger: the claim waits, approved.
    expect(itemOf(await ledger(held.cookie), claims.held.code)).toMatchObject({
      state: 'approved',
      amountFen: SUBSIDY_FEN,
    });
    await status('active');
    const second = await build();
    expect(second.status).toBe(201);
    expect(lineOf(second.body, claims.held.code)).toMatchObject({ payee: 'dealer', amountFen: SUBSIDY_FEN });
    expect(itemOf(await ledger(held.cookie), claims.held.code)!.state).toBe('in_batch');
  });

  it('two batches built at once net one receivable once and put each claim in one line; money invariants hold', async () => {
    // A second clawback, on the claim paid above, and two approved claims of the shop.
    const [program] = (await db.query(`SELECT id FROM program WHERE code = $1`, [PROGRAM])) as {
      id: string;
    }[];
    const approverId = (await signInStaff(t, DEMO_USERS.approver)).user.id;
    const [sample] = (await db.query(
      `INSERT INTO review_sample (program_id, seed, size, risk_weighted, population, created_by)
       VALUES ($1, $2, 1, false, 1, $3) RETURNING id`,
      [program!.id, randomUUID(), approverId],
    )) as { id: string }[];
    await db.query(
      `INSERT INTO review_sample_item (sample_id, application_id, position) VALUES ($1, $2, 0)`,
      [sample!.id, claims.next!.id],
    );
    const clawback = await request(t.server)
      .post(`/api/review/samples/${sample!.id}/items/${claims.next!.id}`)
      .set('cookie', approver)
      .send({ outcome: 'clawback', note: '串号重复' })
      .expect(200);
    const a = await dealerClaim(shop, 'approved');
    const b = await dealerClaim(shop, 'approved');
    const results = await Promise.all([build(), build(finance2)]);
    for (const res of results) expect([201, 409]).toContain(res.status);
    const netted = (await db.query(
      `SELECT coalesce(sum(n.amount_fen), 0)::int AS n FROM payment_netting n JOIN payment_line l ON l.id = n.line_id
        WHERE n.receivable_id = $1 AND l.status IN ('pending', 'paid')`,
      [clawback.body.receivableId],
    )) as { n: number }[];
    expect(netted[0]!.n).toBe(SUBSIDY_FEN);
    const live = (await db.query(
      `SELECT application_id, count(*)::int AS n FROM payment_line WHERE application_id = ANY($1::uuid[]) AND status IN ('pending', 'paid')
        GROUP BY application_id`,
      [[a.id, b.id]],
    )) as { n: number }[];
    expect(live.map((r) => r.n)).toEqual([1, 1]);
    const body = await ledger(shop.cookie);
    expect(itemOf(body, claims.next!.code)).toMatchObject({ state: 'receivable', amountFen: SUBSIDY_FEN });
    for (const claim of [a, b]) expect(itemOf(body, claim.code)!.state).toBe('in_batch');
    const mine = ['advanced', 'inReview', 'returned', 'approved', 'batched', 'paid', 'rejected', 'next'].map(
      (k) => claims[k]!,
    );
    await expectLedgerInvariant(body, [...mine, a, b]);
    const invariants = await checkMoneyInvariants((sql, params) => db.query(sql, params), { ids: [] });
    for (const invariant of invariants)
      expect({ name: invariant.name, problems: invariant.problems }).toEqual({
        name: invariant.name,
        problems: [],
      });
  });

  it('keys an item by the dealer sale behind its claim, and the sales list carries each sale’s money state', async () => {
    // A phone sale recorded through the route; its claim link is written as the vouchers issue's
    // redemption will write it (dealer_sale.application_id of the point-of-sale claim it creates).
    const first12 = `690${String(Date.now() % 1_000_000_000).padStart(9, '0')}`;
    let sum = 0;
    for (let i = 0; i < 12; i += 1) sum += (first12.charCodeAt(i) - 48) * (i % 2 === 0 ? 1 : 3);
    const product = await request(t.server)
      .post('/api/dealer/products')
      .set('cookie', shop.cookie)
      .send({
        programCode: PROGRAM,
        category: 'phone',
        barcode: first12 + String((10 - (sum % 10)) % 10),
        brand: '华为',
        model: 'Mate 70',
        filedPriceFen: 300_000,
      })
      .expect(201);
    const imeiBody = `86${String(Date.now() % 1_000_000_000_000).padStart(12, '0')}`;
    const imei = [...Array(10).keys()]
      .map((d) => imeiBody + d)
      .find((candidate) => {
        let luhn = 0;
        for (let i = 0; i < 15; i += 1) {
          let v = candidate.charCodeAt(14 - i) - 48;
          if (i % 2 === 1) v = v * 2 > 9 ? v * 2 - 9 : v * 2;
          luhn += v;
        }
        return luhn % 10 === 0;
      })!;
    const sale = await request(t.server)
      .post('/api/dealer/sales')
      .set('cookie', shop.cookie)
      .send({
        programCode: PROGRAM,
        productId: product.body.id,
        serialNo: `ML-SALE-${Date.now()}`,
        imei,
        priceFen: 200_000,
        paidFen: 200_000,
        otherDiscountFen: 0,
        invoiceNo: `2639${String(Date.now() % 10_000_000_000_000_000).padStart(16, '0')}`,
        invoiceDate: '2026-04-20',
        buyer: { name: '测试居民', idNumber: residentIdentity(4399).idNumber },
        delivery: { mode: 'pickup' },
      })
      .expect(201);
    const saleId = sale.body.id as string;
    await db.query('UPDATE dealer_sale SET application_id = $1 WHERE id = $2', [claims.advanced!.id, saleId]);

    const body = await ledger(shop.cookie);
    expect(itemOf(body, claims.advanced!.code)).toMatchObject({
      saleId,
      state: 'advanced',
      amountFen: SUBSIDY_FEN,
    });
    expect(body.items.filter((i) => i.saleId !== null).map((i) => i.applicationCode)).toEqual([
      claims.advanced!.code,
    ]);
    const sales = await request(t.server).get('/api/dealer/sales').set('cookie', shop.cookie).expect(200);
    const listed = (
      sales.body.items as { id: string; claim: { code: string } | null; money: unknown }[]
    ).find((item) => item.id === saleId)!;
    expect(listed.claim).toMatchObject({ code: claims.advanced!.code });
    expect(listed.money).toEqual({
      state: 'advanced',
      amountFen: SUBSIDY_FEN,
      expectedOn: itemOf(body, claims.advanced!.code)!.expectedOn,
    });
    // Another organisation's ledger never shows this sale.
    expect((await ledger(other.cookie)).items.map((i) => i.saleId)).not.toContain(saleId);
  });

  it('lists money the organisation owes on a claim it is not paid for (a return after a resident claim was paid)', async () => {
    // Returns are a later slice: the receivable is written as it will be, against the selling
    // organisation, on a resident's own paid claim (the sample item is only there for the NOT NULL).
    const claim = await dealerClaim(null, 'approved');
    await moveClaim(t, claim.id, 'paid');
    const [program] = (await db.query(`SELECT id FROM program WHERE code = $1`, [PROGRAM])) as {
      id: string;
    }[];
    const approverId = (await signInStaff(t, DEMO_USERS.approver)).user.id;
    const [sample] = (await db.query(
      `INSERT INTO review_sample (program_id, seed, size, risk_weighted, population, created_by)
       VALUES ($1, $2, 1, false, 1, $3) RETURNING id`,
      [program!.id, randomUUID(), approverId],
    )) as { id: string }[];
    const [item] = (await db.query(
      `INSERT INTO review_sample_item (sample_id, application_id, position) VALUES ($1, $2, 0) RETURNING id`,
      [sample!.id, claim.id],
    )) as { id: string }[];
    await db.query(
      `INSERT INTO receivable (application_id, payee_kind, payee_organization_id, amount_fen, reason, sample_item_id, created_by)
       VALUES ($1, 'dealer', $2, 12345, '退货', $3, $4)`,
      [claim.id, other.organizationId, item!.id, approverId],
    );
    const body = await ledger(other.cookie);
    expect(itemOf(body, claim.code)).toMatchObject({ state: 'receivable', amountFen: 12_345 });
    expect(body.totals.receivableFen).toBe(12_345);
    expect(itemOf(await ledger(shop.cookie), claim.code)).toBeUndefined();
    await expectLedgerInvariant(body, [claims.otherShop!, claim]);
  });

  it('is the caller’s own organisation only, and a dealer route only', async () => {
    const mine = (await ledger(shop.cookie)).items.map((i: DealerLedgerItem) => i.applicationCode);
    const theirs = (await ledger(other.cookie)).items.map((i: DealerLedgerItem) => i.applicationCode);
    expect(mine.filter((code) => theirs.includes(code))).toEqual([]);
    await request(t.server).get('/api/dealer/ledger').set('cookie', finance1).expect(403);
    await request(t.server).get('/api/dealer/ledger').expect(401);
  });
});
