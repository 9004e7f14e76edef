import { randomUUID } from 'node:crypto';
import { SALES_IMPORT_COLUMNS, type DealerLedger, type GoodsSaleRequest } from '@huanxin/shared';
import { eligibleClaim } from '@huanxin/shared/testing';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { ApplicationStateService } from '../src/applications/application-state.service';
import { ApplicationsRepository } from '../src/applications/applications.repository';
import type { AuthUser } from '../src/common/http/request-context';
import { SaleRowsError } from '../src/dealers/sales/sale-errors';
import { SalesService } from '../src/dealers/sales/sales.service';
import { ProgramsCache } from '../src/programs/programs.cache';
import { VouchersRepository } from '../src/vouchers/vouchers.repository';
import { VouchersService } from '../src/vouchers/vouchers.service';
import { registerDealer, type DealerOrganization } from './utils/dealers';
import { DAY, useFakeClock, type FakeClock } from './utils/fake-clock';
import { dataSourceOf, DEMO_USERS, signInStaff } from './utils/identity';
import { checkMoneyInvariants } from './utils/money-invariants';
import { createResident, PDF_BYTES, residentIdentity, type Resident } from './utils/residents';
import { runChecks } from './utils/review-claims';
import { createTestApp, type TestApp } from './utils/test-app';

jest.setTimeout(300_000);

/** 2026-05-02 10:00 Shanghai: inside appliance-2026's and digital-2026's windows. */
const START = new Date('2026-05-02T02:00:00Z');
const APPLIANCE = 'appliance-2026';
const DIGITAL = 'digital-2026';
/** appliance-2026: 15 % of the price, at most 150,000 fen (the voucher's reservation). */
const MAX_FEN = 150_000;
const PRICE_FEN = 399_900;
/** The engine's answer for PRICE_FEN: 15 % rounded as the engine rounds (59,985). */
const SUBSIDY_FEN = 59_985;

const RUN = String(Date.now() % 1_000_000).padStart(6, '0');
let counter = 0;
const next = () => (counter += 1);
const invoiceNo = () => `26${RUN}7${String(next()).padStart(11, '0')}`;
const serialNo = () => `MR${RUN}${next()}`;
/** A valid IMEI (14 digits + Luhn check digit), unique in the run. */
function imei(): string {
  const body = `86${RUN}${String(next()).padStart(6, '0')}`;
  for (let d = 0; d <= 9; d++) {
    const candidate = body + d;
    let sum = 0;
    for (let i = 0; i < 15; i++) {
      let v = candidate.charCodeAt(14 - i) - 48;
      if (i % 2 === 1) v = v * 2 > 9 ? v * 2 - 9 : v * 2;
      sum += v;
    }
    if (sum % 10 === 0) return candidate;
  }
  throw new Error('unreachable');
}
let barcodeSerial = 0;
function barcode(): string {
  barcodeSerial += 1;
  const first12 = `68${RUN.slice(-4)}${String(barcodeSerial).padStart(6, '0')}`;
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += (first12.charCodeAt(i) - 48) * (i % 2 === 0 ? 1 : 3);
  return first12 + String((10 - (sum % 10)) % 10);
}

/**
 * Redemption at the till (issue 14; operations.md §1, §5; api-contract.md `POST /api/dealer/sales`
 * with `voucherCode`) through HTTP against the real database: every refusal is a 4xx with its code
 * on its field and changes nothing (voucher still issued, no sale, no claim, ledger and budget
 * unchanged); the good path creates the point-of-sale claim (submitted, dealer payee, checks
 * queued), moves the voucher's reservation to it shrunk to the engine's subsidy, and shows on the
 * dealer's ledger, the review queue and the resident's voucher list; two tills racing for one code
 * get one sale; the bulk path redeems a voucher row. Residents 10000–10999, dealer series MR.
 * Every claim this suite creates is withdrawn at the end (its money released), and every voucher
 * left issued is cancelled, so no other suite finds its reservations.
 */
describe('voucher redemption at the till', () => {
  let t: TestApp;
  let db: DataSource;
  let clock: FakeClock;
  let shop: DealerOrganization;
  let rival: DealerOrganization;
  /** Joined digital-2026 only: an appliance voucher is foreign to it. */
  let digitalOnly: DealerOrganization;
  let fridge: string;
  let fridgeGrade3: string;
  let washer: string;
  let airConditioner: string;
  let rivalFridge: string;
  let phone: string;
  let programId: string;
  let resident = 10_000;
  const holders: string[] = [];

  const holder = async (): Promise<Resident & { index: number }> => {
    const index = (resident += 1);
    const created = await createResident(t, index);
    holders.push(created.id);
    return { ...created, index };
  };
  const buyerOf = (who: { index: number }) => ({
    name: '测试居民',
    idNumber: residentIdentity(who.index).idNumber,
  });

  async function product(dealer: DealerOrganization, overrides: Record<string, unknown> = {}) {
    const res = await request(t.server)
      .post('/api/dealer/products')
      .set('cookie', dealer.cookie)
      .send({
        programCode: APPLIANCE,
        category: 'refrigerator',
        barcode: barcode(),
        brand: '海尔',
        model: 'BCD-470WGHTD',
        efficiencyGrade: 1,
        filedPriceFen: 400_000,
        ...overrides,
      });
    if (res.status !== 201) throw new Error(`product: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.id as string;
  }

  async function voucher(who: Resident, category = 'refrigerator', programCode = APPLIANCE) {
    const res = await request(t.server)
      .post('/api/vouchers')
      .set('cookie', who.cookie)
      .send({ programCode, category });
    if (res.status !== 201) throw new Error(`voucher: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as { id: string; code: string; maxSubsidyFen: number };
  }

  /** A sale of `productId` redeeming `code` by `who`, whose amounts add up with the engine's subsidy. */
  const sale = (
    productId: string,
    code: string,
    who: { index: number },
    overrides: Record<string, unknown> = {},
  ): GoodsSaleRequest =>
    ({
      programCode: APPLIANCE,
      voucherCode: code,
      productId,
      serialNo: serialNo(),
      priceFen: PRICE_FEN,
      paidFen: PRICE_FEN - SUBSIDY_FEN - 10_000,
      otherDiscountFen: 10_000,
      invoiceNo: invoiceNo(),
      invoiceDate: '2026-05-01',
      buyer: buyerOf(who),
      delivery: { mode: 'pickup' },
      ...overrides,
    }) as GoodsSaleRequest;

  const post = (dealer: DealerOrganization, body: unknown) =>
    request(t.server)
      .post('/api/dealer/sales')
      .set('cookie', dealer.cookie)
      .send(body as object);

  /** Everything a refused redemption must leave as it was. */
  async function snapshot(voucherId: string, holderId: string) {
    const [row] = (await db.query(
      `SELECT (SELECT status FROM voucher WHERE id = $1) AS status,
              (SELECT reserved_fen::int FROM voucher WHERE id = $1) AS reserved,
              (SELECT application_id FROM voucher WHERE id = $1) AS application_id,
              (SELECT count(*)::int FROM application WHERE applicant_id = $2) AS claims,
              (SELECT count(*)::int FROM dealer_sale WHERE organization_id = ANY($3::uuid[])) AS sales,
              (SELECT count(*)::int FROM budget_ledger WHERE program_id = $4) AS ledger,
              (SELECT row_to_json(b) FROM (SELECT total_fen, reserved_fen, remaining_fen, committed_fen, paid_fen
                 FROM budget WHERE program_id = $4) b) AS budget,
              (SELECT count(*)::int FROM outbox) AS outbox`,
      [
        voucherId,
        holderId,
        [shop.organizationId, rival.organizationId, digitalOnly.organizationId],
        programId,
      ],
    )) as Record<string, unknown>[];
    return row!;
  }

  async function expectInvariants() {
    const problems = await checkMoneyInvariants((sql, params) => db.query(sql, params), { ids: [] });
    expect(problems.flatMap((p) => p.problems)).toEqual([]);
  }

  const claimsMade: string[] = [];

  beforeAll(async () => {
    t = await createTestApp({ WRITE_LIMIT_PER_MINUTE: '100000', DATABASE_POOL_TIMEOUT_MS: '60000' });
    db = dataSourceOf(t);
    clock = useFakeClock(t.app, START);
    programId = (
      (await db.query(`SELECT id FROM program WHERE code = $1`, [APPLIANCE])) as { id: string }[]
    )[0]!.id;
    shop = await registerDealer(t, { series: 'MR', serial: 1, name: '章丘核销测试电器行' });
    rival = await registerDealer(t, { series: 'MR', serial: 2 });
    digitalOnly = await registerDealer(t, { series: 'MR', serial: 3, programs: [DIGITAL] });
    fridge = await product(shop);
    fridgeGrade3 = await product(shop, { efficiencyGrade: 3 });
    washer = await product(shop, { category: 'washing_machine' });
    airConditioner = await product(shop, { category: 'air_conditioner' });
    rivalFridge = await product(rival);
    phone = await product(shop, {
      programCode: DIGITAL,
      category: 'phone',
      efficiencyGrade: null,
      filedPriceFen: 600_000,
    });
    t.app.get(ProgramsCache).invalidate();
  });

  afterAll(async () => {
    // Withdraw every claim this suite created (its money released) and cancel its live vouchers.
    const applications = t.app.get(ApplicationsRepository);
    const state = t.app.get(ApplicationStateService);
    const mine = (await db.query(
      `SELECT id FROM application WHERE (payee_organization_id = ANY($1::uuid[]) OR applicant_id = ANY($2::uuid[]))
          AND status IN ('submitted', 'checking', 'in_review', 'returned')`,
      [[shop.organizationId, rival.organizationId, digitalOnly.organizationId], holders],
    )) as { id: string }[];
    for (const { id } of mine)
      await db.transaction(async (manager) => {
        const application = (await applications.lockById(manager, id))!;
        await state.move(manager, application, { to: 'withdrawn', actorId: null, note: 'test cleanup' });
      });
    const live = (await db.query(
      `SELECT id, holder_id FROM voucher WHERE status = 'issued' AND holder_id = ANY($1::uuid[])`,
      [holders],
    )) as { id: string; holder_id: string }[];
    for (const v of live) await t.app.get(VouchersService).cancel(v.holder_id, v.id);
    await expectInvariants();
    clock.restore();
    await t.close();
  });

  describe('the good path', () => {
    it('redeems: the claim is submitted with the dealer as payee, the reservation shrinks to the subsidy, the rest is released', async () => {
      const who = await holder();
      const v = await voucher(who);
      expect(v.maxSubsidyFen).toBe(MAX_FEN);
      const before = (await snapshot(v.id, who.id)) as { budget: Record<string, string>; ledger: number };

      const res = await post(shop, sale(fridge, v.code.toLowerCase(), who)).expect(201);
      expect(res.body).toEqual({
        id: expect.any(String),
        subsidyFen: SUBSIDY_FEN,
        applicationId: expect.any(String),
      });
      const { id: saleId, applicationId } = res.body as { id: string; applicationId: string };
      claimsMade.push(applicationId);

      const [claim] = (await db.query(
        `SELECT a.status, a.reserved_fen::int AS reserved, a.payee_organization_id, a.applicant_id, a.id_number_bidx,
                a.program_version_id = p.current_version_id AS current_version, a.facts, a.submitted_at IS NOT NULL AS submitted
           FROM application a JOIN program p ON p.id = a.program_id WHERE a.id = $1`,
        [applicationId],
      )) as Record<string, unknown>[];
      expect(claim).toMatchObject({
        status: 'submitted',
        reserved: SUBSIDY_FEN,
        payee_organization_id: shop.organizationId,
        applicant_id: who.id,
        current_version: true,
        submitted: true,
        facts: {
          item: {
            category: 'refrigerator',
            priceFen: PRICE_FEN,
            efficiencyGrade: 1,
            dealerUscc: shop.uscc,
          },
          oldItem: { handedIn: false },
        },
      });
      const [redeemed] = (await db.query(
        `SELECT status, reserved_fen::int AS reserved, redeemed_fen::int AS redeemed, application_id, sale_id FROM voucher WHERE id = $1`,
        [v.id],
      )) as Record<string, unknown>[];
      expect(redeemed).toEqual({
        status: 'redeemed',
        reserved: 0,
        redeemed: SUBSIDY_FEN,
        application_id: applicationId,
        sale_id: saleId,
      });
      const [saleRow] = (await db.query(
        `SELECT application_id, subsidy_fen::int AS subsidy FROM dealer_sale WHERE id = $1`,
        [saleId],
      )) as Record<string, unknown>[];
      expect(saleRow).toEqual({ application_id: applicationId, subsidy: SUBSIDY_FEN });

      // The ledger: the voucher's whole reservation released, the claim's subsidy reserved.
      const ledger = (await db.query(
        `SELECT subject_id, entry, amount_fen::int AS amount FROM budget_ledger WHERE subject_id = ANY($1::uuid[]) ORDER BY created_at, entry`,
        [[v.id, applicationId]],
      )) as { subject_id: string; entry: string; amount: number }[];
      expect(
        ledger.map(({ subject_id, entry, amount }) => [
          subject_id === v.id ? 'voucher' : 'claim',
          entry,
          amount,
        ]),
      ).toEqual([
        ['voucher', 'reserve', MAX_FEN],
        ['voucher', 'release', MAX_FEN],
        ['claim', 'reserve', SUBSIDY_FEN],
      ]);
      const after = (await snapshot(v.id, who.id)) as { budget: Record<string, string>; ledger: number };
      expect(after.ledger).toBe(before.ledger + 2);
      expect(Number(after.budget.reserved_fen)).toBe(
        Number(before.budget.reserved_fen) - (MAX_FEN - SUBSIDY_FEN),
      );
      expect(Number(after.budget.remaining_fen)).toBe(
        Number(before.budget.remaining_fen) + (MAX_FEN - SUBSIDY_FEN),
      );
      expect(after.budget.total_fen).toBe(before.budget.total_fen);

      // The checks are queued like a resident submit's, and the timeline names the till.
      const outbox = (await db.query(
        `SELECT job_name FROM outbox WHERE payload->>'applicationId' = $1 ORDER BY job_name`,
        [applicationId],
      )) as { job_name: string }[];
      expect(outbox.map((row) => row.job_name)).toContain('applications.check');
      const events = (await db.query(
        `SELECT from_status, to_status, actor_id FROM application_event WHERE application_id = $1 ORDER BY at, seq`,
        [applicationId],
      )) as Record<string, unknown>[];
      expect(events).toEqual([
        { from_status: null, to_status: 'draft', actor_id: shop.userId },
        { from_status: 'draft', to_status: 'submitted', actor_id: shop.userId },
      ]);

      // The resident sees the voucher redeemed, with the amount.
      const list = await request(t.server).get('/api/vouchers').set('cookie', who.cookie).expect(200);
      expect(list.body.find((x: { id: string }) => x.id === v.id)).toMatchObject({
        status: 'redeemed',
        redeemedFen: SUBSIDY_FEN,
        redeemedAt: expect.any(String),
        qr: null,
      });

      // The dealer's ledger shows the advance at once.
      const dealerLedger = (
        await request(t.server).get('/api/dealer/ledger').set('cookie', shop.cookie).expect(200)
      ).body as DealerLedger;
      const item = dealerLedger.items.find((i) => i.saleId === saleId);
      expect(item).toMatchObject({ state: 'advanced', amountFen: SUBSIDY_FEN });
      expect(dealerLedger.totals.advancedFen).toBeGreaterThanOrEqual(SUBSIDY_FEN);

      // The automated checks run on it as on any claim; the review queue shows the dealer as payee.
      const checked = await runChecks(t, applicationId);
      expect(checked.moved).toBe(true);
      const reviewer = (await signInStaff(t, DEMO_USERS.reviewer)).cookie;
      const items: { id: string; payee: string }[] = [];
      for (let page = 1; ; page += 1) {
        const body = (
          await request(t.server)
            .get('/api/review/queue')
            .query({ pageSize: 100, page, program: APPLIANCE })
            .set('cookie', reviewer)
            .expect(200)
        ).body as { items: { id: string; payee: string }[] };
        items.push(...body.items);
        if (body.items.length < 100) break;
      }
      expect(items.find((i) => i.id === applicationId)).toMatchObject({ payee: 'dealer' });
      // The case's field matrix: the dealer's sale record agrees with the claim it created.
      const reviewCase = await request(t.server)
        .get(`/api/review/applications/${applicationId}`)
        .set('cookie', reviewer)
        .expect(200);
      const matrix = reviewCase.body.matrix as {
        field: string;
        values: { source: string; value: unknown }[];
        result: string;
      }[];
      for (const field of [
        'item.invoiceNo',
        'item.invoiceDate',
        'item.serialNo',
        'item.priceFen',
        'item.dealerUscc',
        'applicant.idNumber',
      ]) {
        const row = matrix.find((m) => m.field === field);
        expect({ field, result: row?.result }).toEqual({ field, result: 'match' });
        expect(row!.values.find((value) => value.source === 'dealer_sale')?.value).not.toBeNull();
      }
      expect(matrix.filter((m) => m.result === 'conflict')).toEqual([]);
      await expectInvariants();
    });
  });

  describe('refusals: a 4xx on the field, and nothing changed', () => {
    async function expectRefused(
      who: Resident & { index: number },
      v: { id: string },
      send: () => Promise<request.Response>,
      status: number,
      code: string,
      fields?: Record<string, string>,
    ) {
      const before = await snapshot(v.id, who.id);
      const res = await send();
      expect({ status: res.status, code: res.body.error?.code }).toEqual({ status, code });
      if (fields) expect(res.body.error.fields).toEqual(fields);
      expect(await snapshot(v.id, who.id)).toEqual(before);
      const [row] = (await db.query(`SELECT status FROM voucher WHERE id = $1`, [v.id])) as {
        status: string;
      }[];
      return { res, status: row!.status };
    }

    it('an unknown code, a malformed one and a foreign voucher are 409 VOUCHER_NOT_FOUND', async () => {
      const who = await holder();
      const v = await voucher(who);
      const notFound = { voucherCode: 'VOUCHER_NOT_FOUND' };
      // A well-formed code (valid check character) that no voucher has.
      const unknown = v.code.slice(0, 9) === '222222222' ? '333333333' : '222222222';
      const { voucherCheckCharacter } = await import('@huanxin/shared');
      await expectRefused(
        who,
        v,
        () => post(shop, sale(fridge, unknown + voucherCheckCharacter(unknown), who)),
        409,
        'VOUCHER_NOT_FOUND',
        notFound,
      );
      await expectRefused(
        who,
        v,
        () => post(shop, sale(fridge, 'HX-0001', who)),
        409,
        'VOUCHER_NOT_FOUND',
        notFound,
      );
      // digitalOnly did not join appliance-2026: the voucher is not revealed to it.
      const digitalPhone = await product(digitalOnly, {
        programCode: DIGITAL,
        category: 'phone',
        efficiencyGrade: null,
        filedPriceFen: 600_000,
      });
      const r = await expectRefused(
        who,
        v,
        () => post(digitalOnly, sale(digitalPhone, v.code, who, { programCode: DIGITAL, imei: imei() })),
        409,
        'VOUCHER_NOT_FOUND',
        notFound,
      );
      expect(r.status).toBe('issued');
    });

    it("another program's sale, another category's product and a buyer who is not the holder", async () => {
      const who = await holder();
      const v = await voucher(who);
      await expectRefused(
        who,
        v,
        () =>
          post(
            shop,
            sale(phone, v.code, who, {
              programCode: DIGITAL,
              imei: imei(),
              priceFen: 299_900,
              paidFen: 299_900 - 44_985,
              otherDiscountFen: 0,
            }),
          ),
        409,
        'VOUCHER_PROGRAM_MISMATCH',
        { programCode: 'VOUCHER_PROGRAM_MISMATCH' },
      );
      await expectRefused(
        who,
        v,
        () => post(shop, sale(washer, v.code, who)),
        409,
        'VOUCHER_CATEGORY_MISMATCH',
        {
          productId: 'VOUCHER_CATEGORY_MISMATCH',
        },
      );
      const stranger = await holder();
      await expectRefused(who, v, () => post(shop, sale(fridge, v.code, stranger)), 422, 'BUYER_NOT_HOLDER', {
        'buyer.idNumber': 'BUYER_NOT_HOLDER',
      });
    });

    it('a sale the rules refuse is 422 NOT_ELIGIBLE with the failed clause', async () => {
      const who = await holder();
      const v = await voucher(who);
      const { res } = await expectRefused(
        who,
        v,
        () => post(shop, sale(fridgeGrade3, v.code, who)),
        422,
        'NOT_ELIGIBLE',
      );
      expect(res.body.error.clauses.map((c: { id: string }) => c.id)).toEqual(['efficiency-grade']);
    });

    it('price above the filed price, amounts that do not add up with the engine’s subsidy, a duplicate serial', async () => {
      const who = await holder();
      const v = await voucher(who);
      await expectRefused(
        who,
        v,
        () => post(shop, sale(fridge, v.code, who, { priceFen: 400_100, paidFen: 400_100 - 60_015 })),
        422,
        'ABOVE_FILED_PRICE',
        { priceFen: 'ABOVE_FILED_PRICE' },
      );
      // The dealer assumed the whole maximum as the subsidy: the engine says 59,985.
      await expectRefused(
        who,
        v,
        () => post(shop, sale(fridge, v.code, who, { paidFen: PRICE_FEN - MAX_FEN, otherDiscountFen: 0 })),
        422,
        'AMOUNTS_DO_NOT_ADD_UP',
        { priceFen: 'AMOUNTS_DO_NOT_ADD_UP' },
      );
      // A serial another sale of the category holds already.
      const taken = serialNo();
      await post(shop, {
        ...sale(fridge, '', who, { serialNo: taken }),
        voucherCode: undefined,
        paidFen: PRICE_FEN - 10_000,
        buyer: buyerOf({ index: 10_999 }),
      }).expect(201);
      await expectRefused(
        who,
        v,
        () => post(shop, sale(fridge, v.code, who, { serialNo: taken })),
        409,
        'DUPLICATE_SERIAL',
        {
          serialNo: 'DUPLICATE_SERIAL',
        },
      );
    });

    it('a cancelled voucher and one past its expiry (fake clock) are 409 VOUCHER_EXPIRED; a redeemed one VOUCHER_USED', async () => {
      const who = await holder();
      const cancelled = await voucher(who);
      await request(t.server)
        .post(`/api/vouchers/${cancelled.id}/cancel`)
        .set('cookie', who.cookie)
        .expect(200);
      await expectRefused(
        who,
        cancelled,
        () => post(shop, sale(fridge, cancelled.code, who)),
        409,
        'VOUCHER_EXPIRED',
        {
          voucherCode: 'VOUCHER_EXPIRED',
        },
      );

      const late = await holder();
      const lapsing = await voucher(late);
      clock.advance(3 * DAY + 1000);
      try {
        // A session signed in at the later time (the suite's own idle out over three days).
        const later = { ...shop, cookie: (await signInStaff(t, shop.username, shop.password)).cookie };
        const r = await expectRefused(
          late,
          lapsing,
          () => post(later, sale(fridge, lapsing.code, late)),
          409,
          'VOUCHER_EXPIRED',
          {
            voucherCode: 'VOUCHER_EXPIRED',
          },
        );
        expect(r.status).toBe('issued'); // the sweep, not the till, closes it
        // Closed by the sweep's own step (this voucher only: other suites' vouchers are theirs).
        await db.transaction(async (manager) => {
          const row = (await t.app.get(VouchersRepository).lock(manager, lapsing.id, null))!;
          await t.app.get(VouchersService).closeLocked(manager, row, 'expired', clock.now());
        });
        const swept = await expectRefused(
          late,
          lapsing,
          () => post(later, sale(fridge, lapsing.code, late)),
          409,
          'VOUCHER_EXPIRED',
          { voucherCode: 'VOUCHER_EXPIRED' },
        );
        expect(swept.status).toBe('expired');
      } finally {
        clock.set(START);
      }

      const used = await holder();
      const once = await voucher(used);
      const first = await post(shop, sale(fridge, once.code, used)).expect(201);
      claimsMade.push(first.body.applicationId);
      await expectRefused(
        used,
        once,
        () => post(rival, sale(rivalFridge, once.code, used)),
        409,
        'VOUCHER_USED',
        {
          voucherCode: 'VOUCHER_USED',
        },
      );
    });
  });

  describe('quotas (§5): a voucher and the claim it created are one use', () => {
    /** An after-purchase claim of `who` for a refrigerator, created, documented and submitted: the submit's answer. */
    async function afterPurchase(who: Resident) {
      const { programCode, facts } = eligibleClaim('appliance', {
        'item.invoiceNo': invoiceNo(),
        'item.serialNo': serialNo(),
        'item.invoiceDate': '2026-05-01',
      });
      const created = await request(t.server)
        .post('/api/applications')
        .set('cookie', who.cookie)
        .send({ programCode, facts })
        .expect(201);
      const id = created.body.id as string;
      for (const kind of ['invoice', 'energy_label_photo', 'serial_number_photo'])
        await request(t.server)
          .post(`/api/applications/${id}/documents`)
          .set('cookie', who.cookie)
          .field('kind', kind)
          .attach('file', Buffer.concat([PDF_BYTES, Buffer.from(`${id}${kind}`)]), 'f.pdf')
          .expect(201);
      return request(t.server)
        .post(`/api/applications/${id}/submit`)
        .set('cookie', who.cookie)
        .set('Idempotency-Key', randomUUID())
        .send();
    }
    const failedClauses = (res: request.Response) =>
      (res.body.error?.clauses ?? []).map((clause: { id: string }) => clause.id);

    it('an issued voucher and a redeemed one hold the quota against an after-purchase claim, even after the claim is withdrawn', async () => {
      const who = await holder();
      const v = await voucher(who);
      const whileIssued = await afterPurchase(who);
      expect({ status: whileIssued.status, code: whileIssued.body.error?.code }).toEqual({
        status: 422,
        code: 'NOT_ELIGIBLE',
      });
      expect(failedClauses(whileIssued)).toEqual(['quota']);

      const redeemed = await post(shop, sale(fridge, v.code, who)).expect(201);
      const claimId = redeemed.body.applicationId as string;
      const whileClaimed = await afterPurchase(who);
      expect(failedClauses(whileClaimed)).toEqual(['quota']);
      // A second voucher of the category: the redeemed one counts once (not once more for its claim).
      const second = await request(t.server)
        .post('/api/vouchers')
        .set('cookie', who.cookie)
        .send({ programCode: APPLIANCE, category: 'refrigerator' });
      expect(second.status).toBe(409);
      expect(second.body.error).toMatchObject({ code: 'QUOTA_EXCEEDED', used: 1, quota: 1 });

      // The claim leaves the pipeline (as a return before payout does): the redeemed voucher still counts.
      await db.transaction(async (manager) => {
        const application = (await t.app.get(ApplicationsRepository).lockById(manager, claimId))!;
        await t.app
          .get(ApplicationStateService)
          .move(manager, application, { to: 'withdrawn', actorId: null, note: 'goods returned' });
      });
      const afterReturn = await afterPurchase(who);
      expect(failedClauses(afterReturn)).toEqual(['quota']);
      const third = await request(t.server)
        .post('/api/vouchers')
        .set('cookie', who.cookie)
        .send({ programCode: APPLIANCE, category: 'refrigerator' });
      expect(third.body.error).toMatchObject({ code: 'QUOTA_EXCEEDED', used: 1 });
      await expectInvariants();
    });

    it('air conditioners (quota 3): a redeemed voucher is one of the three, its claim not a fourth', async () => {
      const who = await holder();
      const first = await voucher(who, 'air_conditioner');
      const sold = await post(shop, sale(airConditioner, first.code, who)).expect(201);
      expect(sold.body.subsidyFen).toBe(SUBSIDY_FEN);
      await voucher(who, 'air_conditioner');
      const third = await voucher(who, 'air_conditioner');
      const fourth = await request(t.server)
        .post('/api/vouchers')
        .set('cookie', who.cookie)
        .send({ programCode: APPLIANCE, category: 'air_conditioner' });
      expect(fourth.body.error).toMatchObject({ code: 'QUOTA_EXCEEDED', used: 3, quota: 3 });
      // Redeeming the third still passes the engine's quota (one claim, one other live voucher).
      const again = await post(shop, sale(airConditioner, third.code, who)).expect(201);
      expect(again.body.subsidyFen).toBe(SUBSIDY_FEN);
      await expectInvariants();
    });
  });

  describe('two tills, one code', () => {
    it('8 concurrent redemptions from two dealers: exactly one sale and one claim, the others VOUCHER_USED', async () => {
      const who = await holder();
      const v = await voucher(who);
      const results = await Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          i % 2 === 0 ? post(shop, sale(fridge, v.code, who)) : post(rival, sale(rivalFridge, v.code, who)),
        ),
      );
      const statuses = results.map((r) => (r.status === 201 ? 'created' : r.body.error.code)).sort();
      expect(statuses).toEqual([
        'VOUCHER_USED',
        'VOUCHER_USED',
        'VOUCHER_USED',
        'VOUCHER_USED',
        'VOUCHER_USED',
        'VOUCHER_USED',
        'VOUCHER_USED',
        'created',
      ]);
      const [counts] = (await db.query(
        `SELECT (SELECT count(*)::int FROM application WHERE applicant_id = $1) AS claims,
                (SELECT count(*)::int FROM dealer_sale s JOIN application a ON a.id = s.application_id WHERE a.applicant_id = $1) AS sales,
                (SELECT count(*)::int FROM budget_ledger WHERE subject_id = $2) AS voucher_rows`,
        [who.id, v.id],
      )) as { claims: number; sales: number; voucher_rows: number }[];
      expect(counts).toEqual({ claims: 1, sales: 1, voucher_rows: 2 });
      await expectInvariants();
    });
  });

  describe('bulk recording with a voucher row', () => {
    const asUser = (dealer: DealerOrganization): AuthUser =>
      ({
        id: dealer.userId,
        role: 'dealer',
        organizationId: dealer.organizationId,
        displayName: 'd',
      }) as AuthUser;

    it('redeems the voucher row with the others; a bad voucher row refuses all rows and changes nothing', async () => {
      const who = await holder();
      const v = await voucher(who);
      const service = t.app.get(SalesService);
      const plain = (): GoodsSaleRequest =>
        ({
          ...sale(fridge, '', { index: 10_998 }),
          voucherCode: undefined,
          paidFen: PRICE_FEN - 10_000,
        }) as unknown as GoodsSaleRequest;

      const before = await snapshot(v.id, who.id);
      const stranger = await holder();
      const refused = await service
        .recordGoodsMany(asUser(shop), [plain(), sale(fridge, v.code, stranger)])
        .catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(SaleRowsError);
      expect((refused as SaleRowsError).rows).toEqual([
        { index: 1, field: 'buyer.idNumber', code: 'BUYER_NOT_HOLDER' },
      ]);
      expect(await snapshot(v.id, who.id)).toEqual(before);

      const results = await service.recordGoodsMany(asUser(shop), [
        plain(),
        sale(fridge, v.code, who),
        plain(),
      ]);
      expect(results.map((r) => r.subsidyFen)).toEqual([0, SUBSIDY_FEN, 0]);
      expect(results[1]!.applicationId).toEqual(expect.any(String));
      expect(results[0]).not.toHaveProperty('applicationId');
      claimsMade.push(results[1]!.applicationId!);
      const [row] = (await db.query(`SELECT status, sale_id FROM voucher WHERE id = $1`, [v.id])) as Record<
        string,
        unknown
      >[];
      expect(row).toEqual({ status: 'redeemed', sale_id: results[1]!.id });

      // The same code twice in one import: the second row is VOUCHER_USED.
      const again = await holder();
      const w = await voucher(again);
      const twice = await service
        .recordGoodsMany(asUser(shop), [sale(fridge, w.code, again), sale(fridge, w.code, again)])
        .catch((error: unknown) => error);
      expect((twice as SaleRowsError).rows).toEqual([
        { index: 1, field: 'voucherCode', code: 'VOUCHER_USED' },
      ]);
      const [still] = (await db.query(`SELECT status FROM voucher WHERE id = $1`, [w.id])) as {
        status: string;
      }[];
      expect(still!.status).toBe('issued');
      await expectInvariants();
    });

    it('the import route (CSV): a voucher row is redeemed; a used voucher refuses the file at its line', async () => {
      const who = await holder();
      const v = await voucher(who);
      const header = SALES_IMPORT_COLUMNS.map((column) => column.zh);
      const csv = (rows: Record<string, unknown>[]) =>
        Buffer.from(
          `\uFEFF${[header, ...rows.map((row) => SALES_IMPORT_COLUMNS.map((c) => String(row[c.path] ?? '')))]
            .map((cells) => cells.join(','))
            .join('\r\n')}\r\n`,
          'utf8',
        );
      const flat = (body: GoodsSaleRequest): Record<string, unknown> => ({
        ...body,
        'buyer.name': body.buyer.name,
        'buyer.idNumber': body.buyer.idNumber,
        'delivery.mode': '自提',
      });
      const upload = (rows: Record<string, unknown>[]) =>
        request(t.server)
          .post('/api/dealer/sales/import')
          .set('cookie', shop.cookie)
          .attach('file', csv(rows), 'sales.csv');
      const plainRow = flat({
        ...sale(fridge, '', { index: 10_997 }),
        voucherCode: undefined,
        paidFen: PRICE_FEN - 10_000,
      } as unknown as GoodsSaleRequest);
      const res = await upload([plainRow, flat(sale(fridge, v.code, who))]).expect(200);
      expect(res.body).toMatchObject({ created: 2 });
      const [row] = (await db.query(
        `SELECT v.status, v.redeemed_fen::int AS redeemed, s.subsidy_fen::int AS subsidy, a.status AS claim
           FROM voucher v JOIN dealer_sale s ON s.id = v.sale_id JOIN application a ON a.id = v.application_id
          WHERE v.id = $1`,
        [v.id],
      )) as Record<string, unknown>[];
      expect(row).toEqual({
        status: 'redeemed',
        redeemed: SUBSIDY_FEN,
        subsidy: SUBSIDY_FEN,
        claim: 'submitted',
      });

      const before = await snapshot(v.id, who.id);
      const again = await upload([
        { ...plainRow, serialNo: serialNo(), invoiceNo: invoiceNo() },
        flat(sale(fridge, v.code, who)),
      ]).expect(422);
      expect(again.body.error).toMatchObject({
        code: 'IMPORT_FAILED',
        rows: [{ line: 3, field: 'voucherCode', code: 'VOUCHER_USED' }],
      });
      expect(await snapshot(v.id, who.id)).toEqual(before);
      await expectInvariants();
    });
  });
});
