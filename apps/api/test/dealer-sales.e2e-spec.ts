import { randomUUID } from 'node:crypto';
import { computeUsccCheckChar, computeVinCheckDigit, type GoodsSaleRequest } from '@huanxin/shared';
import request from 'supertest';
import type { DataSource, Logger as TypeOrmLogger } from 'typeorm';
import { PiiCipher } from '../src/common/crypto/pii-cipher';
import type { AuthUser } from '../src/common/http/request-context';
import { SaleRowsError } from '../src/dealers/sales/sale-errors';
import { SalesRepository } from '../src/dealers/sales/sales.repository';
import { SalesService } from '../src/dealers/sales/sales.service';
import { registerDealer, type DealerOrganization } from './utils/dealers';
import { clearRateLimits, createIdentityApp, dataSourceOf, DEMO_USERS, signInStaff } from './utils/identity';
import { checkMoneyInvariants } from './utils/money-invariants';
import { createResident, residentIdentity } from './utils/residents';
import { submitClaim } from './utils/review-claims';
import type { TestApp } from './utils/test-app';

/**
 * Dealer sale records (issue 13) through HTTP against the real database: every rule and bad input
 * of `POST /api/dealer/sales` (each refusal checked to have written nothing), the concurrent
 * duplicate, `GET /api/dealer/sales`, and the service's bulk path and claim matching that the
 * import, the review matrix and the ledger build on.
 *
 * Test data: resident indexes 100–399 (buyers 100–199, claimants 300–399) and the dealer series
 * assigned to sales, `MS` — written `M5`, since `S` is not a USCC character (GB 32100 has no
 * I, O, S, V, Z).
 */
const SERIES = 'M5';

let counter = 0;
const next = () => (counter += 1);
const RUN = String(Date.now() % 1_000_000).padStart(6, '0');

/** A fresh digital invoice number (20 digits, year 26), unique in the run. */
const invoiceNo = () => `26${RUN}${String(next()).padStart(12, '0')}`;
const serialNo = () => `M5-${RUN}-${next()}`;
/** A serial as sales store it (normalizeIdentifier: upper-case, no spaces or dashes). */
const stored = (serial: string) => serial.replace(/[\s-]/g, '').toUpperCase();
/** A valid IMEI (14 digits + Luhn check digit), unique in the run. */
function imei(): string {
  const body = `35${RUN}${String(next()).padStart(6, '0')}`;
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
/** A valid new VIN (check digit computed), unique in the run. */
function vin(): string {
  const draft = `LM5AU21X0${RUN.slice(-2)}${String(next()).padStart(6, '0')}`;
  return draft.slice(0, 8) + computeVinCheckDigit(draft) + draft.slice(9);
}
let barcodeSerial = 0;
/** A GTIN-13 with its check digit, unique in the run. */
function barcode(): string {
  barcodeSerial += 1;
  const first12 = `69${RUN.slice(-4)}${String(barcodeSerial).padStart(6, '0')}`;
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += (first12.charCodeAt(i) - 48) * (i % 2 === 0 ? 1 : 3);
  return first12 + String((10 - (sum % 10)) % 10);
}
const COMPANY_USCC = (() => {
  const first17 = '91370181MA3C4D5E6';
  return first17 + computeUsccCheckChar(first17);
})();
const buyer = (index = 100) => ({ name: '张三丰', idNumber: residentIdentity(index).idNumber });

describe('dealer sale records', () => {
  let t: TestApp;
  let db: DataSource;
  let cipher: PiiCipher;
  /** Retailer (appliance-2026, digital-2026). */
  let shop: DealerOrganization;
  /** A second retailer (the same programs). */
  let rival: DealerOrganization;
  /** A car dealer (car-scrap-2026, car-replace-2026). */
  let carDealer: DealerOrganization;
  /** A retailer that joined appliance-2026 only. */
  let applianceOnly: DealerOrganization;
  let fridge: string;
  let phone: string;
  let rivalFridge: string;

  const post = (dealer: DealerOrganization, body: unknown) =>
    request(t.server)
      .post('/api/dealer/sales')
      .set('cookie', dealer.cookie)
      .send(body as object);

  async function product(dealer: DealerOrganization, overrides: Record<string, unknown> = {}) {
    const res = await request(t.server)
      .post('/api/dealer/products')
      .set('cookie', dealer.cookie)
      .send({
        programCode: 'appliance-2026',
        category: 'refrigerator',
        barcode: barcode(),
        brand: '海尔',
        model: 'BCD-470WGHTD',
        efficiencyGrade: 1,
        filedPriceFen: 400_000,
        ...overrides,
      })
      .expect(201);
    return res.body.id as string;
  }

  const goods = (productId: string, overrides: Record<string, unknown> = {}): GoodsSaleRequest =>
    ({
      programCode: 'appliance-2026',
      productId,
      serialNo: serialNo(),
      priceFen: 399_900,
      paidFen: 389_900,
      otherDiscountFen: 10_000,
      invoiceNo: invoiceNo(),
      invoiceDate: '2026-11-20',
      buyer: buyer(),
      delivery: { mode: 'pickup' },
      ...overrides,
    }) as GoodsSaleRequest;
  const phoneSale = (overrides: Record<string, unknown> = {}) =>
    goods(phone, {
      programCode: 'digital-2026',
      priceFen: 299_900,
      paidFen: 299_900,
      otherDiscountFen: 0,
      imei: imei(),
      ...overrides,
    });
  const car = (overrides: Record<string, unknown> = {}) => ({
    programCode: 'car-scrap-2026',
    vehicle: { vin: vin(), powertrain: 'nev', displacementL: 0, inNevCatalogue: true },
    priceFen: 15_980_000,
    invoiceNo: invoiceNo(),
    invoiceDate: '2026-11-20',
    buyer: buyer(101),
    ...overrides,
  });

  /** Everything a sale could write: its rows and audit rows (to prove a refusal wrote nothing). */
  const footprint = async () => {
    const [row] = (await db.query(
      `SELECT (SELECT count(*)::int FROM dealer_sale) AS sales,
              (SELECT count(*)::int FROM audit_log WHERE action = 'dealer_sale.recorded') AS audits`,
    )) as { sales: number; audits: number }[];
    return row!;
  };
  const asUser = (dealer: DealerOrganization): AuthUser => ({
    id: dealer.userId,
    role: 'dealer',
    displayName: dealer.username,
    organizationId: dealer.organizationId,
    sessionId: 'test',
  });

  beforeAll(async () => {
    t = await createIdentityApp();
    await clearRateLimits(t.config);
    db = dataSourceOf(t);
    cipher = t.app.get(PiiCipher);
    shop = await registerDealer(t, { series: SERIES, serial: 1 });
    rival = await registerDealer(t, { series: SERIES, serial: 2 });
    carDealer = await registerDealer(t, {
      series: SERIES,
      serial: 3,
      kinds: ['car_dealer', 'dismantler'],
      programs: ['car-scrap-2026', 'car-replace-2026'],
    });
    applianceOnly = await registerDealer(t, { series: SERIES, serial: 4, programs: ['appliance-2026'] });
    fridge = await product(shop);
    phone = await product(shop, {
      programCode: 'digital-2026',
      category: 'phone',
      efficiencyGrade: null,
      filedPriceFen: 300_000,
    });
    rivalFridge = await product(rival);
  });
  afterAll(async () => {
    await t.close();
  });

  describe('a goods sale', () => {
    it('201 { id, subsidyFen: 0 }: identifiers normalised, buyer encrypted with a blind index, the filed price kept, audited', async () => {
      const body = goods(fridge, {
        serialNo: ' bcd-470 ' + next(),
        buyer: { name: ' 张三丰 ', idNumber: residentIdentity(102).idNumber },
      });
      const res = await post(shop, body).expect(201);
      expect(res.body).toEqual({ id: expect.any(String), subsidyFen: 0 });
      const [row] = (await db.query('SELECT * FROM dealer_sale WHERE id = $1', [res.body.id])) as Record<
        string,
        unknown
      >[];
      expect(row).toMatchObject({
        kind: 'goods',
        status: 'recorded',
        organization_id: shop.organizationId,
        recorded_by: shop.userId,
        program_code: 'appliance-2026',
        product_id: fridge,
        category: 'refrigerator',
        serial_no: stored(body.serialNo),
        price_fen: '399900',
        paid_fen: '389900',
        subsidy_fen: '0',
        other_discount_fen: '10000',
        filed_price_fen: '400000',
        invoice_no: body.invoiceNo,
        delivery_mode: 'pickup',
        delivery_address_enc: null,
        application_id: null,
        buyer_id_number_bidx: cipher.blindIndex(residentIdentity(102).idNumber, 'id_number'),
      });
      expect(cipher.decrypt(row!.buyer_name_enc as string, 'dealer_sale.buyer_name')).toBe('张三丰');
      expect(cipher.decrypt(row!.buyer_id_number_enc as string, 'dealer_sale.buyer_id_number')).toBe(
        residentIdentity(102).idNumber,
      );
      const text = JSON.stringify(row);
      expect(text).not.toContain(residentIdentity(102).idNumber);
      expect(text).not.toContain('张三丰');
      const audits = (await db.query(
        `SELECT actor_id, object_type, detail FROM audit_log WHERE action = 'dealer_sale.recorded' AND object_id = $1`,
        [res.body.id],
      )) as { actor_id: string; object_type: string; detail: Record<string, unknown> }[];
      expect(audits).toEqual([
        {
          actor_id: shop.userId,
          object_type: 'dealer_sale',
          detail: {
            kind: 'goods',
            via: 'single',
            programCode: 'appliance-2026',
            productId: fridge,
            priceFen: 399_900,
            subsidyFen: 0,
          },
        },
      ]);
      expect(JSON.stringify(audits)).not.toContain(residentIdentity(102).idNumber);
    });

    it('a delivery: the address encrypted, its blind index the same however the address is written', async () => {
      const first = await post(
        shop,
        goods(fridge, {
          delivery: {
            mode: 'delivery',
            address: '明水街道 百脉泉路１号',
            trackingNo: 'SF100',
            deliveredOn: '2026-11-22',
          },
        }),
      ).expect(201);
      const second = await post(
        shop,
        goods(fridge, { delivery: { mode: 'delivery', address: '明水街道百脉泉路1号。' } }),
      ).expect(201);
      const rows = (await db.query(
        `SELECT id, delivery_address_enc, delivery_address_bidx, tracking_no, delivered_on::text FROM dealer_sale WHERE id = ANY($1::uuid[]) ORDER BY created_at`,
        [[first.body.id, second.body.id]],
      )) as {
        delivery_address_enc: string;
        delivery_address_bidx: string;
        tracking_no: string;
        delivered_on: string;
      }[];
      expect(cipher.decrypt(rows[0]!.delivery_address_enc, 'dealer_sale.delivery_address')).toBe(
        '明水街道 百脉泉路１号',
      );
      expect(rows[0]!.delivery_address_bidx).toBe(rows[1]!.delivery_address_bidx);
      expect(rows[0]).toMatchObject({ tracking_no: 'SF100', delivered_on: '2026-11-22' });
      expect(JSON.stringify(rows)).not.toContain('百脉泉路');
    });

    it('a phone with its IMEI; the same serial in another category is another item', async () => {
      const serial = serialNo();
      await post(shop, goods(fridge, { serialNo: serial })).expect(201);
      const res = await post(shop, phoneSale({ serialNo: serial })).expect(201);
      const [row] = (await db.query('SELECT imei, category FROM dealer_sale WHERE id = $1', [
        res.body.id,
      ])) as {
        imei: string;
        category: string;
      }[];
      expect(row).toMatchObject({ category: 'phone', imei: expect.stringMatching(/^\d{15}$/) });
    });
  });

  describe('bad input: a clear 4xx with a code, nothing written', () => {
    const cases: [string, () => object, number, string, Record<string, string> | undefined][] = [
      [
        'amounts that do not add up',
        () => goods(fridge, { paidFen: 389_000 }),
        422,
        'AMOUNTS_DO_NOT_ADD_UP',
        { priceFen: 'AMOUNTS_DO_NOT_ADD_UP' },
      ],
      [
        'a price above the filed price',
        () => goods(fridge, { priceFen: 400_001, paidFen: 400_001, otherDiscountFen: 0 }),
        422,
        'ABOVE_FILED_PRICE',
        { priceFen: 'ABOVE_FILED_PRICE' },
      ],
      [
        'a company as buyer (credit code)',
        () => goods(fridge, { buyer: { name: '某某公司', idNumber: COMPANY_USCC } }),
        422,
        'BUYER_NOT_PERSON',
        { 'buyer.idNumber': 'BUYER_NOT_PERSON' },
      ],
      [
        'a buyer ID with a bad check digit',
        () =>
          goods(fridge, {
            buyer: {
              name: '张三',
              idNumber:
                residentIdentity(103).idNumber.slice(0, 17) +
                (residentIdentity(103).idNumber.endsWith('1') ? '2' : '1'),
            },
          }),
        422,
        'VALIDATION_FAILED',
        { 'buyer.idNumber': 'INVALID_CHECKSUM' },
      ],
      [
        'a bad invoice number',
        () => goods(fridge, { invoiceNo: '2637000000001234' }),
        422,
        'VALIDATION_FAILED',
        { invoiceNo: 'INVALID_FORMAT' },
      ],
      [
        'an invoice dated in the future',
        () => goods(fridge, { invoiceDate: '2099-01-01' }),
        422,
        'VALIDATION_FAILED',
        { invoiceDate: 'FUTURE_DATE' },
      ],
      [
        'a delivery without an address',
        () => goods(fridge, { delivery: { mode: 'delivery' } }),
        422,
        'VALIDATION_FAILED',
        { 'delivery.address': 'REQUIRED' },
      ],
      [
        'an unknown delivery mode',
        () => goods(fridge, { delivery: { mode: 'drone' } }),
        422,
        'VALIDATION_FAILED',
        { 'delivery.mode': 'NOT_IN_OPTIONS' },
      ],
      [
        'an amount as text',
        () => goods(fridge, { priceFen: '399900' }),
        422,
        'VALIDATION_FAILED',
        { priceFen: 'INVALID_TYPE' },
      ],
      [
        'an unknown field (no status or subsidy from the caller)',
        () => goods(fridge, { subsidyFen: 50_000 }),
        422,
        'VALIDATION_FAILED',
        { subsidyFen: 'UNKNOWN_FIELD' },
      ],
      [
        'a bad recycler credit code',
        () =>
          goods(fridge, {
            oldItem: { recyclerUscc: '91370181MA3C4D5E6X', receiptNo: 'HS-1', recycledOn: '2026-11-19' },
          }),
        422,
        'VALIDATION_FAILED',
        { 'oldItem.recyclerUscc': 'INVALID_CHECKSUM' },
      ],
      [
        'an unknown program',
        () => goods(fridge, { programCode: 'no-such-program' }),
        422,
        'VALIDATION_FAILED',
        { programCode: 'NOT_IN_OPTIONS', productId: 'PRODUCT_NOT_IN_PROGRAM' },
      ],
      [
        'a car program for goods',
        () => goods(fridge, { programCode: 'car-scrap-2026' }),
        422,
        'VALIDATION_FAILED',
        { programCode: 'NOT_IN_OPTIONS', productId: 'PRODUCT_NOT_IN_PROGRAM' },
      ],
      [
        'a product of another program',
        () => goods(phone, { priceFen: 1000, paidFen: 1000, otherDiscountFen: 0, imei: imei() }),
        422,
        'VALIDATION_FAILED',
        { productId: 'PRODUCT_NOT_IN_PROGRAM' },
      ],
      [
        'a phone without its IMEI',
        () => phoneSale({ imei: undefined }),
        422,
        'VALIDATION_FAILED',
        { imei: 'REQUIRED' },
      ],
      [
        'an IMEI failing its Luhn check',
        () => phoneSale({ imei: '490154203237519' }),
        422,
        'VALIDATION_FAILED',
        { imei: 'INVALID_CHECKSUM' },
      ],
      ['another organisation’s product', () => goods(rivalFridge), 404, 'PRODUCT_NOT_FOUND', undefined],
      [
        'no such product',
        () => goods('6f1c2b6e-3a4d-4c5e-9f70-8a9b0c1d2e3f'),
        404,
        'PRODUCT_NOT_FOUND',
        undefined,
      ],
      [
        'a voucher code no voucher has (redemption itself: voucher-redemption.e2e-spec)',
        () => goods(fridge, { voucherCode: 'HX-0001' }),
        409,
        'VOUCHER_NOT_FOUND',
        { voucherCode: 'VOUCHER_NOT_FOUND' },
      ],
    ];
    it.each(cases)('%s → %i %s', async (_name, body, status, code, fields) => {
      const before = await footprint();
      const res = await post(shop, body()).expect(status);
      expect(res.body.error.code).toBe(code);
      if (fields) expect(res.body.error.fields).toEqual(fields);
      else expect(res.body.error.fields).toBeUndefined();
      expect(await footprint()).toEqual(before);
    });

    it('the body’s shape: a missing field is REQUIRED, a wrong type INVALID_TYPE, each under its path', async () => {
      const body = goods(fridge, {
        buyer: { idNumber: residentIdentity(105).idNumber },
        invoiceNo: 2637000012,
        delivery: 'pickup',
        priceFen: undefined,
      });
      const before = await footprint();
      const res = await post(shop, body).expect(422);
      expect(res.body.error).toMatchObject({
        code: 'VALIDATION_FAILED',
        fields: {
          'buyer.name': 'REQUIRED',
          invoiceNo: 'INVALID_TYPE',
          delivery: 'INVALID_TYPE',
          priceFen: 'REQUIRED',
        },
      });
      const car = await post(carDealer, { vehicle: 'LSVAU2180N2183294' }).expect(422);
      expect(car.body.error.fields).toEqual({
        programCode: 'REQUIRED',
        priceFen: 'REQUIRED',
        invoiceNo: 'REQUIRED',
        invoiceDate: 'REQUIRED',
        buyer: 'REQUIRED',
        vehicle: 'INVALID_TYPE',
      });
      expect(await footprint()).toEqual(before);
    });

    it('every field problem at once, with its path', async () => {
      const res = await post(
        shop,
        goods(fridge, {
          buyer: { name: '某某公司', idNumber: COMPANY_USCC },
          invoiceNo: '1',
          delivery: { mode: 'delivery' },
        }),
      ).expect(422);
      expect(res.body.error).toMatchObject({
        code: 'BUYER_NOT_PERSON',
        fields: {
          'buyer.idNumber': 'BUYER_NOT_PERSON',
          invoiceNo: 'INVALID_FORMAT',
          'delivery.address': 'REQUIRED',
        },
      });
    });

    it('a program the organisation did not join → 422 PROGRAM_NOT_JOINED', async () => {
      const before = await footprint();
      const own = await product(applianceOnly);
      const res = await post(applianceOnly, goods(own, { programCode: 'digital-2026' })).expect(422);
      expect(res.body.error.fields).toEqual({
        programCode: 'PROGRAM_NOT_JOINED',
        productId: 'PRODUCT_NOT_IN_PROGRAM',
      });
      expect((await footprint()).sales).toBe(before.sales);
    });

    it('a car dealer records no goods, a retailer no cars: 403 ORGANIZATION_KIND_NOT_ALLOWED', async () => {
      const before = await footprint();
      const asCarDealer = await post(carDealer, goods(fridge)).expect(403);
      expect(asCarDealer.body.error).toMatchObject({
        code: 'ORGANIZATION_KIND_NOT_ALLOWED',
        required: 'retailer',
      });
      const asRetailer = await post(shop, car()).expect(403);
      expect(asRetailer.body.error).toMatchObject({
        code: 'ORGANIZATION_KIND_NOT_ALLOWED',
        required: 'car_dealer',
      });
      expect(await footprint()).toEqual(before);
    });

    it('a pending or suspended organisation reads its sales but records none: 403 ORGANIZATION_NOT_ACTIVE', async () => {
      const pending = await registerDealer(t, { series: SERIES, serial: 5, active: false });
      const suspended = await registerDealer(t, { series: SERIES, serial: 6 });
      const ownFridge = await product(suspended);
      const approver = (await signInStaff(t, DEMO_USERS.approver)).cookie;
      await request(t.server)
        .post(`/api/admin/organizations/${suspended.organizationId}/status`)
        .set('cookie', approver)
        .send({ status: 'suspended', reason: '抽查发现价格异常，暂停' })
        .expect(200);
      const before = await footprint();
      for (const [dealer, status] of [
        [pending, 'pending'],
        [suspended, 'suspended'],
      ] as const) {
        const res = await post(dealer, goods(ownFridge)).expect(403);
        expect(res.body.error).toMatchObject({ code: 'ORGANIZATION_NOT_ACTIVE', status });
        await request(t.server).get('/api/dealer/sales').set('cookie', dealer.cookie).expect(200);
      }
      expect(await footprint()).toEqual(before);
    });
  });

  describe('uniqueness by constraint: 409 and nothing written', () => {
    it.each([
      [
        'the same serial in the category (however written)',
        'DUPLICATE_SERIAL',
        'serialNo',
        (first: GoodsSaleRequest) =>
          goods(fridge, { serialNo: ` ${first.serialNo.toLowerCase().replaceAll('-', ' ')} ` }),
      ],
      [
        'the same invoice number',
        'DUPLICATE_INVOICE',
        'invoiceNo',
        (first: GoodsSaleRequest) => goods(fridge, { invoiceNo: first.invoiceNo }),
      ],
      [
        'the same serial from another dealer',
        'DUPLICATE_SERIAL',
        'serialNo',
        (first: GoodsSaleRequest) => goods(rivalFridge, { serialNo: first.serialNo }),
      ],
    ])('%s → 409 %s', async (_name, code, field, second) => {
      const first = goods(fridge);
      await post(shop, first).expect(201);
      const body = second(first);
      const dealer = body.productId === rivalFridge ? rival : shop;
      const before = await footprint();
      const res = await post(dealer, body).expect(409);
      expect(res.body.error).toMatchObject({ code, fields: { [field]: code } });
      expect(await footprint()).toEqual(before);
    });

    it('the same IMEI → 409 DUPLICATE_IMEI', async () => {
      const first = phoneSale();
      await post(shop, first).expect(201);
      const before = await footprint();
      const res = await post(shop, phoneSale({ imei: first.imei })).expect(409);
      expect(res.body.error).toMatchObject({ code: 'DUPLICATE_IMEI', fields: { imei: 'DUPLICATE_IMEI' } });
      expect(await footprint()).toEqual(before);
    });

    it('concurrent duplicate serials from two dealers: exactly one 201, the others 409, one row, one audit', async () => {
      const serial = serialNo();
      const before = await footprint();
      const attempts = Array.from({ length: 8 }, (_, i) =>
        i % 2 === 0
          ? post(shop, goods(fridge, { serialNo: serial }))
          : post(rival, goods(rivalFridge, { serialNo: serial })),
      );
      const results = await Promise.all(attempts);
      const statuses = results.map((res) => res.status).sort();
      expect(statuses).toEqual([201, 409, 409, 409, 409, 409, 409, 409]);
      for (const res of results.filter((r) => r.status === 409))
        expect(res.body.error).toMatchObject({
          code: 'DUPLICATE_SERIAL',
          fields: { serialNo: 'DUPLICATE_SERIAL' },
        });
      const winner = results.find((res) => res.status === 201)!;
      const rows = (await db.query(`SELECT id FROM dealer_sale WHERE serial_no = $1`, [stored(serial)])) as {
        id: string;
      }[];
      expect(rows).toEqual([{ id: winner.body.id }]);
      expect(await footprint()).toEqual({ sales: before.sales + 1, audits: before.audits + 1 });
      const invariants = await checkMoneyInvariants((sql, params) => db.query(sql, params), { ids: [] });
      for (const name of [
        'budget remaining ≥ 0',
        'total = remaining + reserved + committed + paid',
        'buckets equal what the ledger moved',
      ])
        expect(invariants.find((i) => i.name === name)).toEqual({ name, problems: [] });
    });
  });

  describe('a car sale', () => {
    it('201: VIN normalised, displacement in millilitres, paid = price', async () => {
      const body = car({
        vehicle: { vin: vin().toLowerCase(), powertrain: 'fuel', displacementL: 1.5, inNevCatalogue: false },
      });
      const res = await post(carDealer, body).expect(201);
      expect(res.body).toEqual({ id: expect.any(String), subsidyFen: 0 });
      const [row] = (await db.query('SELECT * FROM dealer_sale WHERE id = $1', [res.body.id])) as Record<
        string,
        unknown
      >[];
      expect(row).toMatchObject({
        kind: 'car',
        vin: body.vehicle.vin.toUpperCase(),
        powertrain: 'fuel',
        displacement_ml: 1500,
        in_nev_catalogue: false,
        price_fen: '15980000',
        paid_fen: '15980000',
        product_id: null,
        serial_no: null,
      });
    });

    it.each([
      [
        'the same VIN',
        409,
        'DUPLICATE_VIN',
        (first: ReturnType<typeof car>) => car({ vehicle: { ...first.vehicle } }),
        { 'vehicle.vin': 'DUPLICATE_VIN' },
      ],
      [
        'the same invoice',
        409,
        'DUPLICATE_INVOICE',
        (first: ReturnType<typeof car>) => car({ invoiceNo: first.invoiceNo }),
        { invoiceNo: 'DUPLICATE_INVOICE' },
      ],
      [
        'a VIN with a wrong check digit',
        422,
        'VALIDATION_FAILED',
        () => {
          const good = vin();
          return car({
            vehicle: {
              vin: good.slice(0, 8) + (good[8] === '0' ? '1' : '0') + good.slice(9),
              powertrain: 'nev',
              displacementL: 0,
              inNevCatalogue: true,
            },
          });
        },
        { 'vehicle.vin': 'INVALID_CHECKSUM' },
      ],
      [
        'a company buyer',
        422,
        'BUYER_NOT_PERSON',
        () => car({ buyer: { name: '某某公司', idNumber: COMPANY_USCC } }),
        { 'buyer.idNumber': 'BUYER_NOT_PERSON' },
      ],
      [
        'a goods program',
        422,
        'VALIDATION_FAILED',
        () => car({ programCode: 'appliance-2026' }),
        { programCode: 'NOT_IN_OPTIONS' },
      ],
      [
        'a car program not joined',
        422,
        'VALIDATION_FAILED',
        () => car({ programCode: 'car-replace-2025' }),
        { programCode: 'PROGRAM_NOT_JOINED' },
      ],
      [
        'a displacement out of range',
        422,
        'VALIDATION_FAILED',
        () => car({ vehicle: { vin: vin(), powertrain: 'fuel', displacementL: 12, inNevCatalogue: false } }),
        { 'vehicle.displacementL': 'OUT_OF_RANGE' },
      ],
    ])('%s → %i %s', async (_name, status, code, second, fields) => {
      const first = car();
      await post(carDealer, first).expect(201);
      const before = await footprint();
      const res = await post(carDealer, second(first)).expect(status);
      expect(res.body.error).toMatchObject({ code, fields });
      expect(await footprint()).toEqual(before);
    });
  });

  describe('GET /api/dealer/sales', () => {
    it('own sales only, newest first, buyer masked, paged, filtered by status', async () => {
      const mine = await post(rival, goods(rivalFridge, { buyer: buyer(104) })).expect(201);
      const res = await request(t.server)
        .get('/api/dealer/sales?pageSize=200')
        .set('cookie', rival.cookie)
        .expect(200);
      expect(res.body.total).toBe(res.body.items.length);
      expect(res.body.items[0]).toEqual({
        id: mine.body.id,
        kind: 'goods',
        status: 'recorded',
        programCode: 'appliance-2026',
        productId: rivalFridge,
        category: 'refrigerator',
        serialNo: expect.any(String),
        imei: null,
        vin: null,
        priceFen: 399_900,
        paidFen: 389_900,
        subsidyFen: 0,
        otherDiscountFen: 10_000,
        filedPriceFen: 400_000,
        invoiceNo: expect.any(String),
        invoiceDate: '2026-11-20',
        buyerNameMasked: '张**',
        buyerIdNumberMasked: `${residentIdentity(104).idNumber.slice(0, 4)}**********${residentIdentity(104).idNumber.slice(-4)}`,
        deliveryMode: 'pickup',
        deliveredOn: null,
        claim: null,
        // No claim pays the dealer for it: nothing on its ledger (dealer-ledger.e2e-spec).
        money: null,
        createdAt: expect.any(String),
      });
      const own = (await db.query('SELECT id FROM dealer_sale WHERE organization_id = $1', [
        rival.organizationId,
      ])) as { id: string }[];
      expect(res.body.items.map((item: { id: string }) => item.id).sort()).toEqual(
        own.map((row) => row.id).sort(),
      );
      expect(JSON.stringify(res.body)).not.toContain(residentIdentity(104).idNumber);
      const page = await request(t.server)
        .get('/api/dealer/sales?pageSize=1&page=2')
        .set('cookie', rival.cookie)
        .expect(200);
      expect(page.body).toEqual({ items: [res.body.items[1]], total: res.body.total });
      const returned = await request(t.server)
        .get('/api/dealer/sales?status=returned')
        .set('cookie', rival.cookie)
        .expect(200);
      expect(returned.body).toEqual({ items: [], total: 0 });
    });

    it.each([['status=sold'], ['page=0'], ['pageSize=201'], ['organizationId=x']])(
      '?%s → 422',
      async (query) => {
        await request(t.server).get(`/api/dealer/sales?${query}`).set('cookie', shop.cookie).expect(422);
      },
    );

    it('a resident’s submitted claim with the sale’s invoice number is shown beside it: { id, code, status }', async () => {
      const sale = goods(fridge, { priceFen: 400_000, paidFen: 400_000, otherDiscountFen: 0 });
      const recorded = await post(shop, sale).expect(201);
      const resident = await createResident(t, 300);
      const claim = await submitClaim(t, resident, 'appliance', {
        'item.invoiceNo': sale.invoiceNo,
        'item.serialNo': sale.serialNo,
        'item.priceFen': 400_000,
        'item.dealerUscc': shop.uscc,
      });
      const res = await request(t.server)
        .get('/api/dealer/sales?pageSize=200')
        .set('cookie', shop.cookie)
        .expect(200);
      const item = res.body.items.find((i: { id: string }) => i.id === recorded.body.id);
      expect(item.claim).toEqual({ id: claim.id, code: claim.code, status: 'submitted' });
    });

    it('a claim on the sale’s invoice naming another seller is not shown; one naming this seller matches by serial', async () => {
      const onInvoice = goods(rivalFridge, { priceFen: 400_000, paidFen: 400_000, otherDiscountFen: 0 });
      const onSerial = goods(rivalFridge, { priceFen: 400_000, paidFen: 400_000, otherDiscountFen: 0 });
      const first = await post(rival, onInvoice).expect(201);
      const second = await post(rival, onSerial).expect(201);
      // The fixture's seller is the demo dealer, not the rival.
      await submitClaim(t, await createResident(t, 302), 'appliance', {
        'item.invoiceNo': onInvoice.invoiceNo,
        'item.serialNo': serialNo(),
        'item.priceFen': 400_000,
      });
      const bySerial = await submitClaim(t, await createResident(t, 303), 'appliance', {
        'item.invoiceNo': invoiceNo(),
        'item.serialNo': stored(onSerial.serialNo),
        'item.priceFen': 400_000,
        'item.dealerUscc': rival.uscc,
      });
      const res = await request(t.server)
        .get('/api/dealer/sales?pageSize=200')
        .set('cookie', rival.cookie)
        .expect(200);
      const claimOf = (id: string) => res.body.items.find((i: { id: string }) => i.id === id).claim;
      expect(claimOf(first.body.id)).toBeNull();
      expect(claimOf(second.body.id)).toEqual({ id: bySerial.id, code: bySerial.code, status: 'submitted' });
    });
  });

  describe('SalesRepository.salesForApplications: the sale behind each claim', () => {
    it('matched by invoice number first, then serial (same category first), then new VIN; none → absent', async () => {
      const repository = t.app.get(SalesRepository);
      const resident = await createResident(t, 301);
      const draft = async (programCode: string, facts: object) =>
        (
          await request(t.server)
            .post('/api/applications')
            .set('cookie', resident.cookie)
            .send({ programCode, facts })
            .expect(201)
        ).body.id as string;
      const byInvoiceSale = goods(fridge);
      const bySerialSale = goods(fridge);
      const carSale = car();
      const ids = await Promise.all([
        post(shop, byInvoiceSale),
        post(shop, bySerialSale),
        post(carDealer, carSale),
      ]);
      for (const res of ids) expect(res.status).toBe(201);
      const claims = {
        // Same invoice, another serial: the sale is still returned (the matrix shows the serial as a conflict).
        byInvoice: await draft('appliance-2026', {
          item: { category: 'refrigerator', invoiceNo: byInvoiceSale.invoiceNo, serialNo: 'OTHER-1' },
        }),
        // The resident typed the serial in lower case with spaces; the invoice is not on file.
        bySerial: await draft('appliance-2026', {
          item: {
            category: 'refrigerator',
            invoiceNo: invoiceNo(),
            serialNo: ` ${bySerialSale.serialNo.toLowerCase().replaceAll('-', ' ')} `,
          },
        }),
        byVin: await draft('car-scrap-2026', { newVehicle: { vin: carSale.vehicle.vin } }),
        none: await draft('appliance-2026', {
          item: { category: 'refrigerator', invoiceNo: invoiceNo(), serialNo: serialNo() },
        }),
      };
      const matched = await repository.salesForApplications(db.manager, Object.values(claims));
      expect([...matched.keys()].sort()).toEqual([claims.byInvoice, claims.bySerial, claims.byVin].sort());
      expect(matched.get(claims.byInvoice)).toMatchObject({
        id: ids[0]!.body.id,
        matchedBy: 'invoiceNo',
        organizationUscc: shop.uscc,
        serialNo: stored(byInvoiceSale.serialNo),
      });
      expect(matched.get(claims.bySerial)).toMatchObject({
        id: ids[1]!.body.id,
        matchedBy: 'serialNo',
        priceFen: 399_900,
      });
      expect(matched.get(claims.byVin)).toMatchObject({
        id: ids[2]!.body.id,
        matchedBy: 'vin',
        organizationUscc: carDealer.uscc,
        kind: 'car',
      });
      expect(await repository.salesForApplications(db.manager, [])).toEqual(new Map());
    });
  });

  describe('SalesService.recordGoodsMany: all rows or none', () => {
    const service = () => t.app.get(SalesService);

    it('5,000 rows in one transaction within seconds, each audited, results in row order', async () => {
      const rows = Array.from({ length: 5000 }, (_, i) =>
        goods(fridge, {
          buyer: buyer(110 + (i % 80)),
          ...(i % 3 === 0 && { delivery: { mode: 'delivery', address: `明水街道测试路${i}号` } }),
        }),
      );
      const before = await footprint();
      const started = Date.now();
      const results = await service().recordGoodsMany(asUser(shop), rows);
      const elapsed = Date.now() - started;
      expect(results).toHaveLength(5000);
      expect(elapsed).toBeLessThan(30_000);
      expect(await footprint()).toEqual({ sales: before.sales + 5000, audits: before.audits + 5000 });
      // Outside a request (as a queued import would run) each audit row still names the dealer.
      const actors = (await db.query(
        `SELECT actor_id, actor_role, count(*)::int AS n FROM audit_log
          WHERE action = 'dealer_sale.recorded' AND object_id = ANY($1::text[]) GROUP BY 1, 2`,
        [results.map((result) => result.id)],
      )) as { actor_id: string; actor_role: string; n: number }[];
      expect(actors).toEqual([{ actor_id: shop.userId, actor_role: 'dealer', n: 5000 }]);
      const [first] = (await db.query('SELECT serial_no, invoice_no FROM dealer_sale WHERE id = $1', [
        results[0]!.id,
      ])) as { serial_no: string; invoice_no: string }[];
      expect(first).toEqual({ serial_no: stored(rows[0]!.serialNo), invoice_no: rows[0]!.invoiceNo });
      const [last] = (await db.query('SELECT invoice_no FROM dealer_sale WHERE id = $1', [
        results[4999]!.id,
      ])) as { invoice_no: string }[];
      expect(last!.invoice_no).toBe(rows[4999]!.invoiceNo);
    }, 120_000);

    it('every bad row answered at once — rules, duplicates inside the rows and against recorded sales — and nothing written', async () => {
      const recorded = goods(fridge);
      await post(shop, recorded).expect(201);
      const twin = goods(fridge);
      const rows = [
        goods(fridge),
        goods(fridge, { buyer: { name: '某某公司', idNumber: COMPANY_USCC } }),
        goods(fridge, { serialNo: recorded.serialNo }),
        twin,
        goods(fridge, { serialNo: twin.serialNo, invoiceNo: twin.invoiceNo }),
        goods(rivalFridge),
        goods(fridge, { priceFen: 400_001, paidFen: 400_001, otherDiscountFen: 0 }),
        { ...goods(fridge), priceFen: '1' } as unknown as GoodsSaleRequest,
        goods(fridge, { invoiceNo: recorded.invoiceNo }),
        phoneSale({ imei: undefined }),
      ];
      const before = await footprint();
      const error = await service()
        .recordGoodsMany(asUser(shop), rows)
        .then(
          () => null,
          (e: unknown) => e,
        );
      expect(error).toBeInstanceOf(SaleRowsError);
      expect((error as SaleRowsError).rows).toEqual([
        { index: 1, field: 'buyer.idNumber', code: 'BUYER_NOT_PERSON' },
        { index: 2, field: 'serialNo', code: 'DUPLICATE_SERIAL' },
        { index: 4, field: 'serialNo', code: 'DUPLICATE_SERIAL' },
        { index: 4, field: 'invoiceNo', code: 'DUPLICATE_INVOICE' },
        { index: 5, field: 'productId', code: 'PRODUCT_NOT_FOUND' },
        { index: 6, field: 'priceFen', code: 'ABOVE_FILED_PRICE' },
        { index: 7, field: 'priceFen', code: 'INVALID_TYPE' },
        { index: 8, field: 'invoiceNo', code: 'DUPLICATE_INVOICE' },
        { index: 9, field: 'imei', code: 'REQUIRED' },
      ]);
      expect(await footprint()).toEqual(before);
    });

    it('a sale committed between the check and the insert still loses to the index: the row is named, nothing written', async () => {
      const rows = [goods(fridge), goods(fridge), goods(fridge)];
      const runner = db.createQueryRunner();
      await runner.connect();
      await runner.startTransaction();
      try {
        // Another dealer's single sale of row 1's serial, not yet committed when the bulk path checks.
        const single = goods(rivalFridge, { serialNo: rows[1]!.serialNo });
        await runner.query(
          `INSERT INTO dealer_sale (organization_id, recorded_by, kind, program_code, product_id, category, serial_no, price_fen, paid_fen, invoice_no, invoice_date, buyer_name_enc, buyer_id_number_enc, buyer_id_number_bidx, delivery_mode)
           VALUES ($1, $2, 'goods', 'appliance-2026', $3, 'refrigerator', $4, 100, 100, $5, '2026-11-20', 'x', 'x', 'x', 'pickup')`,
          [rival.organizationId, rival.userId, rivalFridge, stored(rows[1]!.serialNo), single.invoiceNo],
        );
        const before = await footprint();
        const bulk = service()
          .recordGoodsMany(asUser(shop), rows)
          .then(
            () => null,
            (e: unknown) => e,
          );
        // The bulk insert waits on the uncommitted row's index entry; commit it.
        await waitForLockWait(db);
        await runner.commitTransaction();
        const error = await bulk;
        expect(error).toBeInstanceOf(SaleRowsError);
        expect((error as SaleRowsError).rows).toEqual([
          { index: 1, field: 'serialNo', code: 'DUPLICATE_SERIAL' },
        ]);
        expect(await footprint()).toEqual({ sales: before.sales + 1, audits: before.audits });
      } finally {
        if (runner.isTransactionActive) await runner.rollbackTransaction();
        await runner.release();
      }
    });

    it('a row with a code no voucher has is refused on its row (VOUCHER_NOT_FOUND), with the others written not at all', async () => {
      const before = await footprint();
      const error = await service()
        .recordGoodsMany(asUser(shop), [goods(fridge), goods(fridge, { voucherCode: 'HX-0002' })])
        .then(
          () => null,
          (e: unknown) => e,
        );
      expect((error as SaleRowsError).rows).toEqual([
        { index: 1, field: 'voucherCode', code: 'VOUCHER_NOT_FOUND' },
      ]);
      expect(await footprint()).toEqual(before);
    });

    it('more than 5,000 rows → 413; none → nothing; a car dealer → 403', async () => {
      await expect(
        service().recordGoodsMany(asUser(shop), new Array(5001).fill(goods(fridge))),
      ).rejects.toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
      await expect(service().recordGoodsMany(asUser(shop), [])).resolves.toEqual([]);
      await expect(service().recordGoodsMany(asUser(carDealer), [goods(fridge)])).rejects.toMatchObject({
        code: 'ORGANIZATION_KIND_NOT_ALLOWED',
      });
    });
  });

  describe('the sale lookups are served by indexes', () => {
    it('the matrix, list, claim and duplicate lookups plan no sequential scan of dealer_sale or claim_key', async () => {
      const repository = t.app.get(SalesRepository);
      await post(shop, goods(fridge)).expect(201);
      const sales = (await repository.listOwn(shop.organizationId, { page: 1, pageSize: 20 })).rows;
      const captured = await captureQueries(db, async () => {
        await repository.salesForApplications(db.manager, [randomUUID()]);
        await repository.claimsForSales(sales);
        await repository.listOwn(shop.organizationId, { status: 'recorded', page: 2, pageSize: 20 });
        await repository.existingKeys({
          serials: [{ serialNo: 'X', category: 'refrigerator' }],
          imeis: ['490154203237518'],
          invoices: ['26370000000012345678'],
          vins: [vin()],
        });
      });
      const lookups = captured.filter((q) => /dealer_sale/.test(q.sql));
      expect(lookups.length).toBeGreaterThanOrEqual(7);
      for (const q of lookups) {
        // With sequential scans priced out, a plan that still scans has no index to use.
        const plan = await db.transaction(async (manager) => {
          await manager.query('SET LOCAL enable_seqscan = off');
          const [row] = (await manager.query(`EXPLAIN (FORMAT JSON) ${q.sql}`, q.parameters)) as {
            'QUERY PLAN': { Plan: PlanNode }[];
          }[];
          return row!['QUERY PLAN'][0]!.Plan;
        });
        const scans = planNodes(plan).filter(
          (node) =>
            node['Node Type'] === 'Seq Scan' &&
            ['dealer_sale', 'claim_key'].includes(node['Relation Name'] ?? ''),
        );
        expect({ sql: q.sql, scans }).toEqual({ sql: q.sql, scans: [] });
      }
    });
  });
});

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  Plans?: PlanNode[];
}
const planNodes = (plan: PlanNode): PlanNode[] => [plan, ...(plan.Plans ?? []).flatMap(planNodes)];

/** The statements `work` sends through the app's data source (its logger, swapped for the call). */
async function captureQueries(
  db: DataSource,
  work: () => Promise<void>,
): Promise<{ sql: string; parameters: unknown[] }[]> {
  const captured: { sql: string; parameters: unknown[] }[] = [];
  const original = db.logger;
  const capturing: TypeOrmLogger = {
    logQuery: (sql: string, parameters?: unknown[]) =>
      void captured.push({ sql, parameters: parameters ?? [] }),
    logQueryError: () => undefined,
    logQuerySlow: () => undefined,
    logSchemaBuild: () => undefined,
    logMigration: () => undefined,
    log: () => undefined,
  };
  Object.defineProperty(db, 'logger', { value: capturing, configurable: true, writable: true });
  try {
    await work();
  } finally {
    Object.defineProperty(db, 'logger', { value: original, configurable: true, writable: true });
  }
  return captured;
}

/** Until some backend of this database waits on a lock (the bulk insert behind the open transaction). */
async function waitForLockWait(db: DataSource): Promise<void> {
  for (let i = 0; i < 200; i++) {
    const [row] = (await db.query(
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
    )) as { n: number }[];
    if (row!.n > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error('the bulk insert never waited on the lock');
}
