import { randomUUID } from 'node:crypto';
import type { DealerLedger, DealerSaleView, PaymentBatchDetail } from '@huanxin/shared';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { ApplicationStateService } from '../src/applications/application-state.service';
import { ApplicationsRepository } from '../src/applications/applications.repository';
import { VouchersService } from '../src/vouchers/vouchers.service';
import { raiseBudget } from './utils/budget';
import { registerDealer, type DealerOrganization } from './utils/dealers';
import { useFakeClock, type FakeClock } from './utils/fake-clock';
import { dataSourceOf, DEMO_USERS, signInStaff } from './utils/identity';
import { checkMoneyInvariants } from './utils/money-invariants';
import { POS_PROGRAM, POS_SUBSIDY_FEN, PosClaims, type PosSale, type PosState } from './utils/pos-claims';
import { runChecks, submitClaim } from './utils/review-claims';
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
      (
        await request(t.server)
          .get('/api/dealer/sales')
          .query({ pageSize: 100 })
          .set('cookie', dealer.cookie)
          .expect(200)
      ).body as { items: DealerSaleView[] }
    ).items.find((item) => item.id === saleId);

  const build = () =>
    request(t.server)
      .post('/api/payments/batches')
      .set('cookie', finance1)
      .send({ programCode: POS_PROGRAM });
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

  /** The fake clock jumped days ahead: the sessions idled out, so everyone signs in again. */
  async function signInAgain(): Promise<void> {
    finance1 = (await signInStaff(t, DEMO_USERS.finance)).cookie;
    finance2 = (await signInStaff(t, DEMO_USERS.finance2)).cookie;
    for (const dealer of [shop, other])
      dealer.cookie = (await signInStaff(t, dealer.username, dealer.password)).cookie;
  }

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
    shop = await registerDealer(t, {
      series: 'MT',
      serial: 1,
      name: '章丘退货测试电器行',
      contactIndex: 11_990,
    });
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
      expect((filtered.body.items as DealerSaleView[]).every((item) => item.status === 'returned')).toBe(
        true,
      );
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
      expect(event).toMatchObject({
        from_status: 'in_review',
        to_status: 'cancelled',
        note: '商品退货：屏幕有划痕',
      });
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
      expect(await ledgerItem(shop, s.code)).toMatchObject({
        state: 'cancelled',
        amountFen: POS_SUBSIDY_FEN,
      });
      await expectInvariants();
    });
  });

  describe('in a payment batch, and after payment', () => {
    let inDraft: PosSale;
    let inReleased: PosSale;
    let draftBatch: PaymentBatchDetail;

    it('a line of a draft batch is taken out (the batch total and the bank file follow), the claim cancelled', async () => {
      inDraft = await sale('approved');
      const built = await build();
      expect(built.status).toBe(201);
      draftBatch = built.body as PaymentBatchDetail;
      const line = lineOf(draftBatch, inDraft.code)!;
      expect(line).toMatchObject({ payee: 'dealer', amountFen: POS_SUBSIDY_FEN, status: 'pending' });
      expect(await ledgerItem(shop, inDraft.code)).toMatchObject({ state: 'in_batch' });
      const before = await budget();

      const res = await returnSale(shop, inDraft.saleId, goodReturn).expect(200);
      expect(res.body).toEqual({ outcome: 'removed_from_batch' });
      const after = await batchDetail(draftBatch.id);
      expect(lineOf(after, inDraft.code)).toBeUndefined();
      expect(after.lines).toHaveLength(draftBatch.lines.length - 1);
      expect(after.totalFen).toBe(draftBatch.totalFen - line.amountFen);
      expect(after.totalFen).toBe(after.lines.reduce((sum, l) => sum + l.amountFen, 0));
      expect(await claimRow(inDraft.applicationId)).toEqual({ status: 'cancelled', held: 0 });
      expect(await ledgerRows(inDraft.applicationId)).toEqual([
        `reserve ${POS_SUBSIDY_FEN}`,
        `commit ${POS_SUBSIDY_FEN}`,
        `decommit ${POS_SUBSIDY_FEN}`,
      ]);
      expect((await budget()).committed).toBe(before.committed - POS_SUBSIDY_FEN);
      expect(await saleRow(inDraft.saleId)).toMatchObject({
        status: 'returned',
        return_outcome: 'removed_from_batch',
      });
      expect(await ledgerItem(shop, inDraft.code)).toMatchObject({
        state: 'cancelled',
        amountFen: POS_SUBSIDY_FEN,
      });
      const [audit] = (await db.query(
        `SELECT detail FROM audit_log WHERE action = 'payments.batch.line_removed' AND object_id = $1`,
        [draftBatch.id],
      )) as { detail: Record<string, unknown> }[];
      expect(audit!.detail).toMatchObject({ lineId: line.lineId, code: inDraft.code });
      await expectInvariants();

      // Released, the batch's bank file carries neither the line nor its amount.
      await release(draftBatch.id);
      const csv = await request(t.server)
        .get(`/api/payments/batches/${draftBatch.id}/file`)
        .set('cookie', finance1)
        .buffer(true)
        .parse((r, done) => {
          const chunks: Buffer[] = [];
          r.on('data', (c: Buffer) => chunks.push(c));
          r.on('end', () => done(null, Buffer.concat(chunks)));
        });
      if (after.lines.some((l) => l.amountFen > 0)) {
        expect(csv.status).toBe(200);
        expect((csv.body as Buffer).toString('utf8')).not.toContain(line.lineId);
      } else expect(csv.status).toBe(409);
    });

    it('a line of a released batch: 409 RETURN_PAYMENT_PENDING and nothing changed; paid, the return opens a receivable', async () => {
      inReleased = await sale('approved');
      const built = await build();
      expect(built.status).toBe(201);
      const batch = built.body as PaymentBatchDetail;
      await release(batch.id);
      const line = lineOf(batch, inReleased.code)!;
      const before = await budget();

      const refused = await returnSale(shop, inReleased.saleId, goodReturn).expect(409);
      expect(refused.body.error.code).toBe('RETURN_PAYMENT_PENDING');
      expect(await saleRow(inReleased.saleId)).toMatchObject({ status: 'recorded' });
      expect(await claimRow(inReleased.applicationId)).toEqual({ status: 'approved', held: POS_SUBSIDY_FEN });
      expect(lineOf(await batchDetail(batch.id), inReleased.code)).toMatchObject({ status: 'pending' });
      expect(await budget()).toEqual(before);

      // The bank pays it; now the return is after payment.
      await reconcile(batch.id, [`${line.lineId},paid,,MT-R1`]);
      expect(await claimRow(inReleased.applicationId)).toEqual({ status: 'paid', held: POS_SUBSIDY_FEN });
      const paidBudget = await budget();
      const res = await returnSale(shop, inReleased.saleId, goodReturn).expect(200);
      expect(res.body).toEqual({
        outcome: 'receivable',
        receivableFen: POS_SUBSIDY_FEN,
        dueOn: '2026-05-30',
      });
      // Clawed back as a sampling clawback is: the money paid stays paid; the dealer owes it back.
      expect(await budget()).toEqual(paidBudget);
      expect(await claimRow(inReleased.applicationId)).toEqual({
        status: 'cancelled',
        held: POS_SUBSIDY_FEN,
      });
      const [receivable] = (await db.query(
        `SELECT payee_kind, payee_organization_id, amount_fen::int AS amount, status, sale_id, sample_item_id, due_on::text
           FROM receivable WHERE application_id = $1`,
        [inReleased.applicationId],
      )) as Record<string, unknown>[];
      expect(receivable).toEqual({
        payee_kind: 'dealer',
        payee_organization_id: shop.organizationId,
        amount: POS_SUBSIDY_FEN,
        status: 'open',
        sale_id: inReleased.saleId,
        sample_item_id: null,
        due_on: '2026-05-30',
      });
      const body = await ledger(shop);
      expect(body.items.find((i) => i.applicationCode === inReleased.code)).toEqual({
        saleId: inReleased.saleId,
        applicationCode: inReleased.code,
        state: 'receivable',
        amountFen: POS_SUBSIDY_FEN,
        expectedOn: '2026-05-30',
      });
      expect(body.totals.receivableFen).toBe(POS_SUBSIDY_FEN);
      const notice = (await db.query(
        `SELECT text_zh, params FROM notification WHERE kind = 'sale_returned' AND params->>'saleId' = $1`,
        [inReleased.saleId],
      )) as { text_zh: string; params: Record<string, unknown> }[];
      expect(notice[0]!.params).toMatchObject({
        outcome: 'receivable',
        receivableFen: POS_SUBSIDY_FEN,
        dueOn: '2026-05-30',
      });
      expect(notice[0]!.text_zh).toContain('2026-05-30');
      const list = await request(t.server)
        .get('/api/payments/receivables')
        .set('cookie', finance1)
        .expect(200);
      expect(
        (list.body as { applicationCode: string }[]).find((r) => r.applicationCode === inReleased.code),
      ).toMatchObject({
        payee: 'dealer',
        amountFen: POS_SUBSIDY_FEN,
        nettedFen: 0,
        status: 'open',
        source: 'return',
        dueOn: '2026-05-30',
      });
      await expectInvariants();
    });

    it('nets the receivable against the dealer’s next batch; paid, it is collected and the item shows cancelled', async () => {
      const next = await sale('approved');
      const built = await build();
      expect(built.status).toBe(201);
      const batch = built.body as PaymentBatchDetail;
      expect(lineOf(batch, next.code)).toMatchObject({
        payee: 'dealer',
        amountFen: 0,
        nettedFen: POS_SUBSIDY_FEN,
      });
      expect(batch.held).toEqual([]);
      await release(batch.id);
      await reconcile(batch.id, [`${lineOf(batch, next.code)!.lineId},paid,,MT-N1`]);
      const [receivable] = (await db.query(`SELECT status FROM receivable WHERE application_id = $1`, [
        inReleased.applicationId,
      ])) as { status: string }[];
      expect(receivable!.status).toBe('collected');
      const body = await ledger(shop);
      expect(body.items.find((i) => i.applicationCode === inReleased.code)).toEqual({
        saleId: inReleased.saleId,
        applicationCode: inReleased.code,
        state: 'cancelled',
        amountFen: POS_SUBSIDY_FEN,
      });
      expect(body.items.find((i) => i.applicationCode === next.code)).toMatchObject({ state: 'paid' });
      expect(body.totals.receivableFen).toBe(0);
      await expectInvariants();
    });

    it('a failed bank line shows as payment_failed on the ledger (not approved), and can still be returned', async () => {
      const failing = await sale('approved');
      const built = await build();
      expect(built.status).toBe(201);
      const batch = built.body as PaymentBatchDetail;
      await release(batch.id);
      await reconcile(batch.id, [`${lineOf(batch, failing.code)!.lineId},failed,户名与账号不符,`]);
      const body = await ledger(shop);
      expect(body.items.find((i) => i.applicationCode === failing.code)).toEqual({
        saleId: failing.saleId,
        applicationCode: failing.code,
        state: 'payment_failed',
        amountFen: POS_SUBSIDY_FEN,
      });
      const res = await returnSale(shop, failing.saleId, goodReturn).expect(200);
      expect(res.body).toEqual({ outcome: 'cancelled' });
      expect(await claimRow(failing.applicationId)).toEqual({ status: 'cancelled', held: 0 });
      await expectInvariants();
    });
  });

  describe('a return racing a batch build', () => {
    it.each([1, 2, 3])('round %i: one wins cleanly, the claim is cancelled and in no live line', async () => {
      const s = await sale('approved');
      const [returned, built] = await Promise.all([returnSale(shop, s.saleId, goodReturn), build()]);
      expect(returned.status).toBe(200);
      expect(['cancelled', 'removed_from_batch']).toContain(returned.body.outcome);
      expect([201, 409]).toContain(built.status);
      if (built.status === 201) {
        const batch = await batchDetail(built.body.id as string);
        expect(lineOf(batch, s.code)).toBeUndefined();
        expect(batch.totalFen).toBe(batch.lines.reduce((sum, l) => sum + l.amountFen, 0));
        // The build's own answer had the line exactly when the return came second.
        expect(lineOf(built.body as PaymentBatchDetail, s.code) !== undefined).toBe(
          returned.body.outcome === 'removed_from_batch',
        );
      } else expect(returned.body.outcome).toBe('cancelled');
      expect(await claimRow(s.applicationId)).toEqual({ status: 'cancelled', held: 0 });
      const live = (await db.query(
        `SELECT count(*)::int AS n FROM payment_line WHERE application_id = $1 AND status IN ('pending', 'paid')`,
        [s.applicationId],
      )) as { n: number }[];
      expect(live[0]!.n).toBe(0);
      await expectInvariants();
    });
  });

  describe('a sale without a voucher', () => {
    it('is marked returned (cancelled); the resident’s open claim on it is flagged SALE_RETURNED for the reviewer', async () => {
      const buyer = await pos.resident();
      const body = pos.saleBody(shopFridge, buyer.index, INVOICE_DATE);
      const recorded = await request(t.server)
        .post('/api/dealer/sales')
        .set('cookie', shop.cookie)
        .send(body)
        .expect(201);
      const claim = await submitClaim(t, buyer, 'appliance', {
        'item.invoiceNo': body.invoiceNo,
        'item.invoiceDate': INVOICE_DATE,
        'item.serialNo': body.serialNo,
        'item.dealerUscc': shop.uscc,
      });
      const res = await returnSale(shop, recorded.body.id as string, goodReturn).expect(200);
      expect(res.body).toEqual({ outcome: 'cancelled' });
      expect(await saleRow(recorded.body.id as string)).toMatchObject({
        status: 'returned',
        return_outcome: 'cancelled',
      });
      const flags = (await db.query(
        `SELECT code, weight, detail FROM application_flag WHERE application_id = $1 AND code = 'SALE_RETURNED'`,
        [claim.id],
      )) as { code: string; weight: number; detail: Record<string, unknown> }[];
      expect(flags).toEqual([
        { code: 'SALE_RETURNED', weight: 50, detail: { saleId: recorded.body.id, returnedOn: RETURNED_ON } },
      ]);
      // The resident's own claim is not cancelled by the dealer: the reviewer decides.
      expect((await claimRow(claim.id)).status).toBe('submitted');
      const [score] = (await db.query(`SELECT risk_score FROM application WHERE id = $1`, [claim.id])) as {
        risk_score: number;
      }[];
      expect(score!.risk_score).toBeGreaterThanOrEqual(50);
      // Withdrawn again, so no other suite finds its reservation.
      const applications = t.app.get(ApplicationsRepository);
      const state = t.app.get(ApplicationStateService);
      await db.transaction(async (manager) => {
        const application = (await applications.lockById(manager, claim.id))!;
        await state.move(manager, application, { to: 'withdrawn', actorId: null, note: 'test cleanup' });
      });

      // A claim on the returned sale submitted afterwards gets the flag from the check's risk rules.
      const later = await submitClaim(t, buyer, 'appliance', {
        'item.invoiceNo': body.invoiceNo,
        'item.invoiceDate': INVOICE_DATE,
        'item.serialNo': body.serialNo,
        'item.dealerUscc': shop.uscc,
      });
      const checked = await runChecks(t, later.id);
      expect(checked.flags).toContain('SALE_RETURNED');
      await db.transaction(async (manager) => {
        const application = (await applications.lockById(manager, later.id))!;
        await state.move(manager, application, { to: 'withdrawn', actorId: null, note: 'test cleanup' });
      });
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
      [
        { returnedOn: '2026-05-21', reason: '' },
        { returnedOn: 'FUTURE_DATE', reason: 'REQUIRED' },
      ],
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
      expect(await saleRow(s.saleId)).toMatchObject({
        returned_on: RETURNED_ON,
        return_reason: '七天无理由退货',
      });
      expect(await audited()).toBe(audits);
      await expectInvariants();
    });
  });

  // Last: it moves the clock past the receivable's due date (sessions are signed in again).
  describe('payouts held while a receivable is overdue', () => {
    it('holds the dealer’s new payouts while a receivable is overdue, and pays them once it is collected', async () => {
      const returned = await sale('paid');
      const res = await returnSale(shop, returned.saleId, goodReturn).expect(200);
      expect(res.body).toMatchObject({ outcome: 'receivable', dueOn: '2026-05-30' });
      const receivableId = (
        (await db.query(`SELECT id FROM receivable WHERE sale_id = $1`, [returned.saleId])) as {
          id: string;
        }[]
      )[0]!.id;
      const waiting = await sale('approved');
      const otherClaim = await sale('approved', other);

      // Due today: not overdue yet, so the next batch would net it; the day after the due date it is.
      clock.set(new Date('2026-05-31T02:00:00Z'));
      await signInAgain();
      const built = await build();
      expect(built.status).toBe(201);
      const batch = built.body as PaymentBatchDetail;
      expect(lineOf(batch, waiting.code)).toBeUndefined();
      expect(batch.held).toContainEqual({
        applicationCode: waiting.code,
        payee: 'dealer',
        reason: 'RECEIVABLE_OVERDUE',
        receivableId,
        owedFen: POS_SUBSIDY_FEN,
        dueOn: '2026-05-30',
      });
      // Another dealer is paid as usual.
      expect(lineOf(batch, otherClaim.code)).toMatchObject({ payee: 'dealer', amountFen: POS_SUBSIDY_FEN });
      expect(await ledgerItem(shop, waiting.code)).toMatchObject({ state: 'approved' });
      const [audit] = (await db.query(
        `SELECT detail FROM audit_log WHERE action = 'payments.batch.created' AND object_id = $1`,
        [batch.id],
      )) as { detail: { held?: { code: string; reason: string }[] } }[];
      expect(audit!.detail.held).toContainEqual({
        code: waiting.code,
        reason: 'RECEIVABLE_OVERDUE',
        receivableId,
      });

      // Still held by a second build; then finance records the dealer's repayment.
      const again = await build();
      if (again.status === 201)
        expect(lineOf(again.body as PaymentBatchDetail, waiting.code)).toBeUndefined();
      else {
        expect(again.body.error.code).toBe('NOTHING_TO_PAY');
        expect(again.body.error.held).toContainEqual(
          expect.objectContaining({ applicationCode: waiting.code }),
        );
      }
      const collect = (body: unknown) =>
        request(t.server)
          .post(`/api/payments/receivables/${receivableId}/collect`)
          .set('cookie', finance1)
          .send(body as object);
      expect((await collect({}).expect(422)).body.error.fields).toMatchObject({ bankRef: 'REQUIRED' });
      expect((await collect({ bankRef: 'MT-REPAY-1', note: '对公转账退回' }).expect(200)).body).toMatchObject(
        {
          id: receivableId,
          status: 'collected',
          source: 'return',
        },
      );
      expect((await collect({ bankRef: 'MT-REPAY-1' }).expect(409)).body.error.code).toBe(
        'RECEIVABLE_NOT_OPEN',
      );
      const unknown = await request(t.server)
        .post(`/api/payments/receivables/${randomUUID()}/collect`)
        .set('cookie', finance1)
        .send({ bankRef: 'x' })
        .expect(404);
      expect(unknown.body.error.code).toBe('RECEIVABLE_NOT_FOUND');

      const released = await build();
      expect(released.status).toBe(201);
      expect(lineOf(released.body as PaymentBatchDetail, waiting.code)).toMatchObject({
        payee: 'dealer',
        amountFen: POS_SUBSIDY_FEN,
        nettedFen: 0,
      });
      expect((released.body as PaymentBatchDetail).held).toEqual([]);
      expect(await ledgerItem(shop, returned.code)).toMatchObject({ state: 'cancelled' });
      await expectInvariants();
    });
  });
});
