import { randomUUID } from 'node:crypto';
import type { DealerLedger, DealerSaleView, PaymentBatchDetail } from '@huanxin/shared';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { ApplicationStateService } from '../src/applications/application-state.service';
import { ApplicationsRepository } from '../src/applications/applications.repository';
import { VouchersService } from '../src/vouchers/vouchers.service';
import { raiseBudget } from './utils/budget';
import { registerDealer, type DealerOrganization } from './utils/dealers';
import { DAY, useFakeClock, type FakeClock } from './utils/fake-clock';
import { dataSourceOf, DEMO_USERS, signInStaff } from './utils/identity';
import { checkMoneyInvariants } from './utils/money-invariants';
import {
  POS_PROGRAM,
  POS_SUBSIDY_FEN,
  PosClaims,
  type PosSale,
  type PosState,
} from './utils/pos-claims';
import { submitClaim } from './utils/review-claims';
import { createTestApp, type TestApp } from './utils/test-app';

jest.setTimeout(300_000);

/** 2026-05-20 10:00 Shanghai; sales are invoiced 2026-05-10, so past the 7-day return window. */
const START = new Date('2026-05-20T02:00:00Z');
const INVOICE_DATE = '2026-05-10';
const RETURNED_ON = '2026-05-12';

type Line = PaymentBatchDetail['lines'][number];

/**
 * Returns of dealer sales (issue 14; operations.md §1, §5, §6, §8; api-contract.md
 * `POST /api/dealer/sales/:id/return`, `GET /api/dealer/sales`, `GET /api/dealer/ledger`) through
 * HTTP against the real database, on point-of-sale claims made by real redemptions
 * (test/utils/pos-claims.ts). The three outcomes with the money invariants after each, the quota
 * staying used, netting against the next batch, payouts held while a receivable is overdue and
 * released once it is collected, the refusals (twice, bad dates, another organisation's sale, a
 * released batch) changing nothing, and a return racing a batch build. Batches are built for
 * appliance-2026 (no other suite builds them; other suites' approved appliance claims may join a
 * batch: assertions look at this suite's lines, and only this suite's lines are reconciled).
 * Residents 11000–11999, dealer series MT. Every claim of this suite ends cancelled or paid and
 * every voucher it leaves issued is cancelled.
 */
describe('dealer returns (POST /api/dealer/sales/:id/return)', () => {
  let t: TestApp;
  let db: DataSource;
  let clock: FakeClock;
  let pos: PosClaims;
  let shop: DealerOrganization;
  let other: DealerOrganization;
  let shopFridge: string;
  let otherFridge: string;
  let finance1: string;
  let finance2: string;
  const mine: PosSale[] = [];

  const returnSale = (dealer: DealerOrganization, saleId: string, body: unknown) =>
    request(t.server)
      .post(`/api/dealer/sales/${saleId}/return`)
      .set('cookie', dealer.cookie)
      .send(body as object);
  const goodReturn = { returnedOn: RETURNED_ON, reason: '七天无理由退货' };

  const sale = async (to: PosState, dealer = shop): Promise<PosSale> => {
    const made = await pos.sale(dealer, dealer === shop ? shopFridge : otherFridge, to, INVOICE_DATE);
    mine.push(made);
    return made;
  };

  const ledger = async (dealer: DealerOrganization): Promise<DealerLedger> =>
    (await request(t.server).get('/api/dealer/ledger').set('cookie', dealer.cookie).expect(200))
      .body as DealerLedger;
  const ledgerItem = async (dealer: DealerOrganization, code: string) =>
    (await ledger(dealer)).items.find((item) => item.applicationCode === code);
  const listed = async (dealer: DealerOrganization, saleId: string): Promise<DealerSaleView | undefined> =>
    (
      (await request(t.server).get('/api/dealer/sales').query({ pageSize: 100 }).set('cookie', dealer.cookie).expect(200))
        .body as { items: DealerSaleView[] }
    ).items.find((item) => item.id === saleId);

  const build = () =>
    request(t.server).post('/api/payments/batches').set('cookie', finance1).send({ programCode: POS_PROGRAM });
  const release = (id: string) =>
    request(t.server).post(`/api/payments/batches/${id}/release`).set('cookie', finance2).expect(200);
  const reconcile = (id: string, rows: string[]) =>
    request(t.server)
      .post(`/api/payments/batches/${id}/reconcile`)
      .set('cookie', finance1)
      .attach('file', Buffer.from(['lineId,result,reason,bankRef', ...rows].join('\n'), 'utf8'), 'result.csv')
      .expect(200);
  const batchDetail = async (id: string): Promise<PaymentBatchDetail> =>
    (await request(t.server).get(`/api/payments/batches/${id}`).set('cookie', finance1).expect(200))
      .body as PaymentBatchDetail;
  const lineOf = (batch: Pick<PaymentBatchDetail, 'lines'>, code: string): Line | undefined =>
    batch.lines.find((line) => line.applicationCode === code);
  /** A batch that pays `claims` (built, released and reconciled as paid for these claims' lines only). */
  async function pay(claims: PosSale[]): Promise<PaymentBatchDetail> {
    const built = await build();
    expect(built.status).toBe(201);
    const batch = built.body as PaymentBatchDetail;
    await release(batch.id);
    await reconcile(
      batch.id,
      claims.map((c) => `${lineOf(batch, c.code)!.lineId},paid,,MT-${c.code}`),
    );
    return batch;
  }

  const claimRow = async (id: string) =>
    (
      (await db.query(`SELECT status, reserved_fen::int AS held FROM application WHERE id = $1`, [id])) as {
        status: string;
        held: number;
      }[]
    )[0]!;
  const saleRow = async (id: string) =>
    (
      (await db.query(
        `SELECT status, returned_on::text, return_reason, return_outcome FROM dealer_sale WHERE id = $1`,
        [id],
      )) as Record<string, unknown>[]
    )[0]!;
  const ledgerRows = async (id: string) =>
    (
      (await db.query(
        `SELECT entry, amount_fen::int AS amount FROM budget_ledger WHERE subject_id = $1 ORDER BY created_at, id`,
        [id],
      )) as { entry: string; amount: number }[]
    ).map((row) => `${row.entry} ${row.amount}`);
  type Buckets = { total: number; remaining: number; reserved: number; committed: number; paid: number };
  const budget = async (): Promise<Buckets> =>
    (
      (await db.query(
        `SELECT b.total_fen::bigint AS total, b.remaining_fen::bigint AS remaining, b.reserved_fen::bigint AS reserved,
                b.committed_fen::bigint AS committed, b.paid_fen::bigint AS paid
           FROM budget b JOIN program p ON p.id = b.program_id WHERE p.code = $1`,
        [POS_PROGRAM],
      )) as Record<string, string>[]
    ).map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, Number(v)])) as Buckets)[0]!;

  async function expectInvariants(): Promise<void> {
    const invariants = await checkMoneyInvariants((sql, params) => db.query(sql, params), { ids: [] });
    for (const invariant of invariants)
      expect({ name: invariant.name, problems: invariant.problems }).toEqual({
        name: invariant.name,
        problems: [],
      });
  }

  beforeAll(async () => {
    t = await createTestApp({ WRITE_LIMIT_PER_MINUTE: '100000', DATABASE_POOL_TIMEOUT_MS: '60000' });
    db = dataSourceOf(t);
    clock = useFakeClock(t.app, START);
    await raiseBudget(t, POS_PROGRAM, 20_000_000);
    pos = new PosClaims(t, { next: 11_000, last: 11_999 });
    finance1 = (await signInStaff(t, DEMO_USERS.finance)).cookie;
    finance2 = (await signInStaff(t, DEMO_USERS.finance2)).cookie;
    shop = await registerDealer(t, { series: 'MT', serial: 1, name: '章丘退货测试电器行', contactIndex: 11_990 });
    other = await registerDealer(t, { series: 'MT', serial: 2, contactIndex: 11_991 });
    shopFridge = await pos.fridge(shop);
    otherFridge = await pos.fridge(other);
  });

  afterAll(async () => {
    // Anything of this suite still holding money is returned (cancelled: money released); every
    // voucher still issued is cancelled, so no other suite finds this suite's reservations.
    const open = (await db.query(
      `SELECT s.id, a.status FROM dealer_sale s JOIN application a ON a.id = s.application_id
        WHERE s.organization_id = ANY($1::uuid[]) AND s.status = 'recorded'
          AND a.status IN ('submitted', 'checking', 'in_review', 'returned', 'approved')`,
      [[shop.organizationId, other.organizationId]],
    )) as { id: string }[];
    const admin = (await signInStaff(t, DEMO_USERS.approver)).cookie;
    for (const organization of [shop, other])
      await request(t.server)
        .post(`/api/admin/organizations/${organization.organizationId}/status`)
        .set('cookie', admin)
        .send({ status: 'active', reason: '测试结束恢复' });
    for (const { id } of open) {
      const owner = (
        (await db.query(`SELECT organization_id FROM dealer_sale WHERE id = $1`, [id])) as {
          organization_id: string;
        }[]
      )[0]!.organization_id;
      const res = await returnSale(owner === shop.organizationId ? shop : other, id, {
        returnedOn: RETURNED_ON,
        reason: '测试清理',
      });
      if (res.status !== 200) {
        // In a released batch: give the money back through the state writer instead.
        const applications = t.app.get(ApplicationsRepository);
        const state = t.app.get(ApplicationStateService);
        const [row] = (await db.query(`SELECT application_id FROM dealer_sale WHERE id = $1`, [id])) as {
          application_id: string;
        }[];
        await db.transaction(async (manager) => {
          const application = (await applications.lockById(manager, row!.application_id))!;
          if (application.status !== 'approved')
            await state.move(manager, application, { to: 'cancelled', actorId: null, note: 'test cleanup' });
        });
      }
    }
    const live = (await db.query(
      `SELECT id, holder_id FROM voucher WHERE status = 'issued' AND holder_id = ANY($1::uuid[])`,
      [mine.map((m) => m.resident.id)],
    )) as { id: string; holder_id: string }[];
    for (const v of live) await t.app.get(VouchersService).cancel(v.holder_id, v.id);
    await expectInvariants();
    clock.restore();
    await t.close();
  });

  describe('before any payment batch: the claim is cancelled and its money released', () => {
    it('a submitted claim: reservation released, sale returned, listed with its outcome; the quota stays used', async () => {
      const s = await sale('submitted');
      const before = await budget();
      const res = await returnSale(shop, s.saleId, goodReturn).expect(200);
      expect(res.body).toEqual({ outcome: 'cancelled' });

      expect(await claimRow(s.applicationId)).toEqual({ status: 'cancelled', held: 0 });
      expect(await ledgerRows(s.applicationId)).toEqual([
        `reserve ${POS_SUBSIDY_FEN}`,
        `release ${POS_SUBSIDY_FEN}`,
      ]);
      const after = await budget();
      expect(after.reserved).toBe(before.reserved - POS_SUBSIDY_FEN);
      expect(after.remaining).toBe(before.remaining + POS_SUBSIDY_FEN);
      expect(after.total).toBe(before.total);
      expect(await saleRow(s.saleId)).toEqual({
        status: 'returned',
        returned_on: RETURNED_ON,
        return_reason: '七天无理由退货',
        return_outcome: 'cancelled',
      });

      // The dealer's list shows the sale returned with the outcome, its claim cancelled.
      const view = await listed(shop, s.saleId);
      expect(view).toMatchObject({
        status: 'returned',
        return: { returnedOn: RETURNED_ON, reason: '七天无理由退货', outcome: 'cancelled' },
        claim: { id: s.applicationId, code: s.code, status: 'cancelled' },
        money: { state: 'cancelled', amountFen: POS_SUBSIDY_FEN },
      });
      const filtered = await request(t.server)
        .get('/api/dealer/sales')
        .query({ status: 'returned', pageSize: 100 })
        .set('cookie', shop.cookie)
        .expect(200);
      expect((filtered.body.items as DealerSaleView[]).every((item) => item.status === 'returned')).toBe(true);
      expect((filtered.body.items as DealerSaleView[]).map((item) => item.id)).toContain(s.saleId);

      // The ledger lists the cancelled item in no total.
      const body = await ledger(shop);
      const item = body.items.find((i) => i.applicationCode === s.code);
      expect(item).toEqual({
        saleId: s.saleId,
        applicationCode: s.code,
        state: 'cancelled',
        amountFen: POS_SUBSIDY_FEN,
      });

      // The voucher stays redeemed: the person's refrigerator quota stays used (§5).
      const [voucher] = (await db.query(`SELECT status FROM voucher WHERE id = $1`, [s.voucherId])) as {
        status: string;
      }[];
      expect(voucher!.status).toBe('redeemed');
      const again = await request(t.server)
        .post('/api/vouchers')
        .set('cookie', s.resident.cookie)
        .send({ programCode: POS_PROGRAM, category: 'refrigerator' });
      expect(again.status).toBe(409);
      expect(again.body.error.code).toBe('QUOTA_EXCEEDED');
      await expectInvariants();
    });

    it('tells the resident (status notice with the reason) and every dealer account', async () => {
      const s = await sale('in_review');
      await returnSale(shop, s.saleId, { returnedOn: RETURNED_ON, reason: '屏幕有划痕' }).expect(200);
      const [event] = (await db.query(
        `SELECT id, from_status, to_status, note FROM application_event WHERE application_id = $1 AND to_status = 'cancelled'`,
        [s.applicationId],
      )) as { id: string; from_status: string; to_status: string; note: string }[];
      expect(event).toMatchObject({ from_status: 'in_review', to_status: 'cancelled', note: '商品退货：屏幕有划痕' });
      const jobs = (await db.query(
        `SELECT job_name FROM outbox WHERE payload->>'applicationId' = $1 AND payload->>'eventId' = $2`,
        [s.applicationId, event!.id],
      )) as { job_name: string }[];
      expect(jobs.map((j) => j.job_name)).toEqual(['notifications.application-status']);
      const notices = (await db.query(
        `SELECT user_id, kind, params, text_zh FROM notification WHERE kind = 'sale_returned' AND params->>'saleId' = $1`,
        [s.saleId],
      )) as { user_id: string; kind: string; params: Record<string, unknown>; text_zh: string }[];
      expect(notices.map((n) => n.user_id)).toEqual([shop.userId]);
      expect(notices[0]!.params).toMatchObject({ code: s.code, outcome: 'cancelled' });
      expect(notices[0]!.text_zh).toContain(s.code);
      expect(await ledgerRows(s.applicationId)).toEqual([
        `reserve ${POS_SUBSIDY_FEN}`,
        `release ${POS_SUBSIDY_FEN}`,
      ]);
      await expectInvariants();
    });

    it('an approved claim: the commitment goes back to remaining (decommit)', async () => {
      const s = await sale('approved');
      const before = await budget();
      expect(await ledgerItem(shop, s.code)).toMatchObject({ state: 'approved', amountFen: POS_SUBSIDY_FEN });
      const res = await returnSale(shop, s.saleId, goodReturn).expect(200);
      expect(res.body).toEqual({ outcome: 'cancelled' });
      expect(await claimRow(s.applicationId)).toEqual({ status: 'cancelled', held: 0 });
      expect(await ledgerRows(s.applicationId)).toEqual([
        `reserve ${POS_SUBSIDY_FEN}`,
        `commit ${POS_SUBSIDY_FEN}`,
        `decommit ${POS_SUBSIDY_FEN}`,
      ]);
      const after = await budget();
      expect(after.committed).toBe(before.committed - POS_SUBSIDY_FEN);
      expect(after.remaining).toBe(before.remaining + POS_SUBSIDY_FEN);
      expect(after.reserved).toBe(before.reserved);
      expect(await ledgerItem(shop, s.code)).toMatchObject({ state: 'cancelled', amountFen: POS_SUBSIDY_FEN });
      await expectInvariants();
    });
  });

  describe('refusals change nothing', () => {
    let s: PosSale;
    beforeAll(async () => {
      s = await sale('in_review');
    });

    it.each([
      [{ returnedOn: '2026-05-21', reason: '退货' }, { returnedOn: 'FUTURE_DATE' }],
      [{ returnedOn: '2026-05-09', reason: '退货' }, { returnedOn: 'BEFORE_SALE_DATE' }],
      [{ returnedOn: '2026-02-30', reason: '退货' }, { returnedOn: 'INVALID_DATE' }],
      [{ reason: '退货' }, { returnedOn: 'REQUIRED' }],
      [{ returnedOn: RETURNED_ON, reason: '' }, { reason: 'REQUIRED' }],
      [{ returnedOn: RETURNED_ON, reason: '   ' }, { reason: 'REQUIRED' }],
      [{ returnedOn: RETURNED_ON }, { reason: 'REQUIRED' }],
      [{ returnedOn: RETURNED_ON, reason: 'x'.repeat(201) }, { reason: 'TOO_LONG' }],
      [{ returnedOn: '2026-05-21', reason: '' }, { returnedOn: 'FUTURE_DATE', reason: 'REQUIRED' }],
    ])('%j → 422 %j', async (body, fields) => {
      const res = await returnSale(shop, s.saleId, body).expect(422);
      expect(res.body.error).toMatchObject({ code: 'VALIDATION_FAILED', fields });
      expect(await saleRow(s.saleId)).toMatchObject({ status: 'recorded', return_outcome: null });
      expect(await claimRow(s.applicationId)).toEqual({ status: 'in_review', held: POS_SUBSIDY_FEN });
    });

    it('an unknown field is refused by the global pipe', async () => {
      const res = await returnSale(shop, s.saleId, { ...goodReturn, outcome: 'receivable' }).expect(422);
      expect(res.body.error.fields).toMatchObject({ outcome: 'UNKNOWN_FIELD' });
      expect(await saleRow(s.saleId)).toMatchObject({ status: 'recorded' });
    });

    it('another organisation’s sale is 404, as an unknown id; other roles are 403', async () => {
      const foreign = await returnSale(other, s.saleId, goodReturn).expect(404);
      expect(foreign.body.error.code).toBe('SALE_NOT_FOUND');
      const unknown = await returnSale(shop, randomUUID(), goodReturn).expect(404);
      expect(unknown.body.error.code).toBe('SALE_NOT_FOUND');
      await request(t.server)
        .post(`/api/dealer/sales/${s.saleId}/return`)
        .set('cookie', finance1)
        .send(goodReturn)
        .expect(403);
      await request(t.server).post(`/api/dealer/sales/${s.saleId}/return`).send(goodReturn).expect(401);
      expect(await saleRow(s.saleId)).toMatchObject({ status: 'recorded' });
      expect(await claimRow(s.applicationId)).toEqual({ status: 'in_review', held: POS_SUBSIDY_FEN });
    });

    it('a suspended organisation cannot report a return (403 ORGANIZATION_NOT_ACTIVE)', async () => {
      const approver = (await signInStaff(t, DEMO_USERS.approver)).cookie;
      const status = (to: 'suspended' | 'active') =>
        request(t.server)
          .post(`/api/admin/organizations/${shop.organizationId}/status`)
          .set('cookie', approver)
          .send({ status: to, reason: to === 'suspended' ? '配合调查' : '调查结束' })
          .expect(200);
      await status('suspended');
      try {
        const res = await returnSale(shop, s.saleId, goodReturn).expect(403);
        expect(res.body.error.code).toBe('ORGANIZATION_NOT_ACTIVE');
      } finally {
        await status('active');
      }
      expect(await saleRow(s.saleId)).toMatchObject({ status: 'recorded' });
    });

    it('returning the same sale twice is 409 ALREADY_RETURNED, nothing changed', async () => {
      await returnSale(shop, s.saleId, goodReturn).expect(200);
      const rows = await ledgerRows(s.applicationId);
      const before = await budget();
      const audited = async () =>
        (
          (await db.query(
            `SELECT count(*)::int AS n FROM audit_log WHERE object_id = $1 AND action = 'dealer_sale.returned'`,
            [s.saleId],
          )) as { n: number }[]
        )[0]!.n;
      const audits = await audited();
      expect(audits).toBe(1);
      const twice = await Promise.all([
        returnSale(shop, s.saleId, goodReturn),
        returnSale(shop, s.saleId, { returnedOn: '2026-05-13', reason: '又退' }),
      ]);
      for (const res of twice) {
        expect(res.status).toBe(409);
        expect(res.body.error.code).toBe('ALREADY_RETURNED');
      }
      expect(await ledgerRows(s.applicationId)).toEqual(rows);
      expect(await budget()).toEqual(before);
      expect(await saleRow(s.saleId)).toMatchObject({ returned_on: RETURNED_ON, return_reason: '七天无理由退货' });
      expect(await audited()).toBe(audits);
      await expectInvariants();
    });
  });
});
