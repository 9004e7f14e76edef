import request from 'supertest';
import { ProgramsCache } from '../../src/programs/programs.cache';
import type { DealerOrganization } from './dealers';
import { dataSourceOf } from './identity';
import { createResident, residentIdentity, type Resident } from './residents';
import { moveClaim, runChecks } from './review-claims';
import type { TestApp } from './test-app';

/**
 * Point-of-sale claims for the returns suite, made the real way: a resident takes an
 * appliance-2026 refrigerator voucher, the dealer records the sale redeeming it (the till
 * redemption creates the claim, `submitted`, the dealer organisation its payee, and links the
 * sale), and the claim is moved on through the checks and the one state writer. Identifiers are
 * unique per run (`run`), so suites sharing a database never collide.
 */
export const POS_PROGRAM = 'appliance-2026';
/** A refrigerator at 3,999 yuan with 100 yuan other discount: the engine's 15 % is 599.85 yuan. */
export const POS_PRICE_FEN = 399_900;
export const POS_SUBSIDY_FEN = 59_985;
export const POS_OTHER_DISCOUNT_FEN = 10_000;

export type PosState = 'submitted' | 'in_review' | 'approved' | 'paid';

export interface PosSale {
  saleId: string;
  applicationId: string;
  code: string;
  voucherId: string;
  resident: Resident & { index: number };
  invoiceNo: string;
  invoiceDate: string;
}

export class PosClaims {
  private counter = 0;
  private barcodes = 0;
  private readonly run = String(Date.now() % 1_000_000).padStart(6, '0');

  /** `residents`: the next index to use (the suite's range). */
  constructor(
    private readonly t: TestApp,
    private residents: { next: number; last: number },
  ) {}

  private next(): number {
    this.counter += 1;
    return this.counter;
  }

  invoiceNo(): string {
    return `26${this.run}8${String(this.next()).padStart(11, '0')}`;
  }

  serialNo(): string {
    return `MT${this.run}${this.next()}`;
  }

  async resident(): Promise<Resident & { index: number }> {
    const index = this.residents.next;
    if (index > this.residents.last) throw new Error('resident range used up');
    this.residents.next += 1;
    return { ...(await createResident(this.t, index)), index };
  }

  /** A filed appliance-2026 refrigerator of the dealer (grade 1, filed at 4,000 yuan). */
  async fridge(dealer: DealerOrganization): Promise<string> {
    this.barcodes += 1;
    const first12 = `69${this.run.slice(-4)}${String(this.barcodes).padStart(6, '0')}`;
    let sum = 0;
    for (let i = 0; i < 12; i++) sum += (first12.charCodeAt(i) - 48) * (i % 2 === 0 ? 1 : 3);
    const res = await request(this.t.server)
      .post('/api/dealer/products')
      .set('cookie', dealer.cookie)
      .send({
        programCode: POS_PROGRAM,
        category: 'refrigerator',
        barcode: first12 + String((10 - (sum % 10)) % 10),
        brand: '海尔',
        model: 'BCD-470WGHTD',
        efficiencyGrade: 1,
        filedPriceFen: 400_000,
      });
    if (res.status !== 201) throw new Error(`product: ${res.status} ${JSON.stringify(res.body)}`);
    this.t.app.get(ProgramsCache).invalidate();
    return res.body.id as string;
  }

  /** The sale body of a refrigerator sold to `buyerIndex` (with a voucher code or none). */
  saleBody(productId: string, buyerIndex: number, invoiceDate: string, voucherCode?: string) {
    return {
      programCode: POS_PROGRAM,
      ...(voucherCode && { voucherCode }),
      productId,
      serialNo: this.serialNo(),
      priceFen: POS_PRICE_FEN,
      paidFen: POS_PRICE_FEN - (voucherCode ? POS_SUBSIDY_FEN : 0) - POS_OTHER_DISCOUNT_FEN,
      otherDiscountFen: POS_OTHER_DISCOUNT_FEN,
      invoiceNo: this.invoiceNo(),
      invoiceDate,
      buyer: { name: '测试居民', idNumber: residentIdentity(buyerIndex).idNumber },
      delivery: { mode: 'pickup' },
    };
  }

  /** A new resident's voucher redeemed at `dealer`'s till, the claim then moved to `to`. */
  async sale(
    dealer: DealerOrganization,
    productId: string,
    to: PosState,
    invoiceDate: string,
  ): Promise<PosSale> {
    const resident = await this.resident();
    const voucher = await request(this.t.server)
      .post('/api/vouchers')
      .set('cookie', resident.cookie)
      .send({ programCode: POS_PROGRAM, category: 'refrigerator' });
    if (voucher.status !== 201) throw new Error(`voucher: ${voucher.status} ${JSON.stringify(voucher.body)}`);
    const body = this.saleBody(productId, resident.index, invoiceDate, voucher.body.code as string);
    const res = await request(this.t.server)
      .post('/api/dealer/sales')
      .set('cookie', dealer.cookie)
      .send(body);
    if (res.status !== 201) throw new Error(`sale: ${res.status} ${JSON.stringify(res.body)}`);
    const applicationId = res.body.applicationId as string;
    const [claim] = (await dataSourceOf(this.t).query('SELECT code FROM application WHERE id = $1', [
      applicationId,
    ])) as { code: string }[];
    await this.moveTo(applicationId, to);
    return {
      saleId: res.body.id as string,
      applicationId,
      code: claim!.code,
      voucherId: voucher.body.id as string,
      resident,
      invoiceNo: body.invoiceNo,
      invoiceDate,
    };
  }

  /** submitted → in_review (the checks), → approved (commits), → paid (pays), as the routes would. */
  async moveTo(applicationId: string, to: PosState): Promise<void> {
    if (to === 'submitted') return;
    await runChecks(this.t, applicationId);
    if (to === 'in_review') return;
    await moveClaim(this.t, applicationId, to);
  }
}
