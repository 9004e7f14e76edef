/**
 * Dealer sale records (operations.md §3, §4; api-contract.md "Dealer records"): the rules a goods or
 * car sale must meet before anything is looked up in the database, shared so the dealer's form flags
 * exactly what the API refuses and the bulk import checks every row the same way.
 *
 * `checkGoodsSale` / `checkCarSale` take an untrusted value (a JSON body, or a row of an imported
 * file already mapped to the request shape) and answer every problem at once as a map of field
 * paths (`buyer.idNumber`, `delivery.address`, …) to codes, plus the normalised sale when there is
 * none. What needs the database — the product and its filed price, the program, the organisation,
 * uniqueness — is the API's part.
 */
import { MAX_FILED_PRICE_FEN, type OrganizationKind } from './dealers';
import { luhnValid } from './validators/bank-card';
import { isIsoDate } from './validators/dates';
import { validateInvoiceNo } from './validators/invoice';
import { normalizeIdentifier, toHalfWidth } from './validators/normalize';
import { validateResidentId } from './validators/resident-id';
import { result, ValidationCode, type ValidationResult } from './validators/types';
import { validateUscc } from './validators/uscc';
import { validateVin } from './validators/vin';

export const SALE_KINDS = ['goods', 'car'] as const;
export type SaleKind = (typeof SALE_KINDS)[number];

/** Which organisation kind may record which sale (403 ORGANIZATION_KIND_NOT_ALLOWED otherwise). */
export const SALE_KIND_ORGANIZATION: Readonly<Record<SaleKind, OrganizationKind>> = {
  goods: 'retailer',
  car: 'car_dealer',
};

export const DELIVERY_MODES = ['pickup', 'delivery'] as const;
export type DeliveryMode = (typeof DELIVERY_MODES)[number];

export const CAR_POWERTRAINS = ['nev', 'fuel'] as const;
export type CarPowertrain = (typeof CAR_POWERTRAINS)[number];

/**
 * A sale's own status: `recorded`, or `returned` once the dealer reports a return (operations.md §6).
 * The claim's status and the money state are shown beside it, not folded into it.
 */
export const DEALER_SALE_STATUSES = ['recorded', 'returned'] as const;
export type DealerSaleStatus = (typeof DEALER_SALE_STATUSES)[number];

/** Item categories whose devices carry an IMEI: the sale must give it (operations.md §3). */
export const IMEI_CATEGORIES: readonly string[] = ['phone', 'tablet'];

export function categoryNeedsImei(category: string): boolean {
  return IMEI_CATEGORIES.includes(category);
}

/** Upper bound of any amount on a sale, as for filed prices (catches a mistyped price). */
export const MAX_SALE_AMOUNT_FEN = MAX_FILED_PRICE_FEN;

/** The most sales one bulk recording takes (the import's row limit). */
export const MAX_SALE_BATCH_ROWS = 5000;

/** Lengths of the free-text fields (the database stores text; these keep rows and exports sane). */
export const SALE_TEXT_LIMITS = {
  buyerName: 40,
  serialNo: 64,
  trackingNo: 64,
  address: 200,
  receiptNo: 64,
  voucherCode: 64,
  programCode: 64,
} as const;

/**
 * The field codes of sale rules. `BUYER_NOT_PERSON`, `AMOUNTS_DO_NOT_ADD_UP` and `ABOVE_FILED_PRICE`
 * are also error codes of the contract: a refusal that carries one of them answers with it as the
 * top-level code (see `saleErrorCode`).
 */
export const SaleFieldCode = {
  BUYER_NOT_PERSON: 'BUYER_NOT_PERSON',
  AMOUNTS_DO_NOT_ADD_UP: 'AMOUNTS_DO_NOT_ADD_UP',
  ABOVE_FILED_PRICE: 'ABOVE_FILED_PRICE',
  /** The product is filed for another program than the sale's. */
  PRODUCT_NOT_IN_PROGRAM: 'PRODUCT_NOT_IN_PROGRAM',
} as const;

/** The top-level codes a sale refusal may carry, most specific first. */
const TOP_LEVEL_CODES = [
  SaleFieldCode.BUYER_NOT_PERSON,
  SaleFieldCode.AMOUNTS_DO_NOT_ADD_UP,
  SaleFieldCode.ABOVE_FILED_PRICE,
] as const;
export type SaleErrorCode = (typeof TOP_LEVEL_CODES)[number] | 'VALIDATION_FAILED';

/**
 * The code a 422 answer carries for these field errors: a sale rule's own code when one field
 * broke it (a company buyer, amounts that do not add up, a price above the filed one), otherwise
 * VALIDATION_FAILED. Every field keeps its own code in `fields` either way.
 */
export function saleErrorCode(fields: Readonly<Record<string, string>>): SaleErrorCode {
  const codes = new Set(Object.values(fields));
  return TOP_LEVEL_CODES.find((code) => codes.has(code)) ?? 'VALIDATION_FAILED';
}

/** IMEI (3GPP TS 23.003 §6.2.1): 14 digits and a Luhn check digit, 15 in all. */
export function validateImei(input: string): ValidationResult {
  const value = normalizeIdentifier(input);
  if (value === '') return result(value, [ValidationCode.REQUIRED]);
  if (!/^\d{15}$/.test(value)) return result(value, [ValidationCode.INVALID_FORMAT]);
  if (!luhnValid(value)) return result(value, [ValidationCode.INVALID_CHECKSUM]);
  return result(value, []);
}

/**
 * The buyer must be a person with a resident ID (operations.md §3: a company buyer is refused).
 * A credit code (USCC) — however well-formed — or anything not shaped like a resident ID is
 * `BUYER_NOT_PERSON`; a resident ID with a bad check digit or date keeps the ID's own code
 * (INVALID_CHECKSUM, INVALID_DATE, …), and a 15-digit one LEGACY_ID_NUMBER, since each is a
 * person's number mistyped or outdated.
 */
export function checkBuyerIdNumber(input: string, options: { today?: string } = {}): ValidationResult {
  const value = normalizeIdentifier(input);
  if (value === '') return result(value, [ValidationCode.REQUIRED]);
  const id = validateResidentId(value, options);
  if (id.ok) return result(id.value, [], id.warnings);
  if (id.errors.includes(ValidationCode.LEGACY_ID_NUMBER))
    return result(value, [ValidationCode.LEGACY_ID_NUMBER]);
  if (validateUscc(value).ok || !/^\d{17}[\dX]$/.test(value))
    return result(value, [SaleFieldCode.BUYER_NOT_PERSON]);
  return result(value, [id.errors[0] ?? ValidationCode.INVALID_FORMAT]);
}

/** Serial numbers compare as identifiers do: trimmed, half-width, upper-case, no spaces or dashes. */
export function normalizeSerialNo(input: string): string {
  return normalizeIdentifier(input);
}

/**
 * The comparable form of a delivery address for the "many items to one address" signal: NFKC,
 * half-width, lower-case, without spaces and punctuation, so `明水街道 百脉泉路1号` and
 * `明水街道百脉泉路１号。` are the same address. The address itself is stored as written.
 */
export function normalizeDeliveryAddress(input: string): string {
  return toHalfWidth(String(input ?? '').normalize('NFKC'))
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]/gu, '');
}

/** The invariant of every sale: invoice total = paid by the buyer + subsidy + other discounts. */
export function amountsAddUp(amounts: {
  priceFen: number;
  paidFen: number;
  subsidyFen: number;
  otherDiscountFen: number;
}): boolean {
  return amounts.priceFen === amounts.paidFen + amounts.subsidyFen + amounts.otherDiscountFen;
}

export interface NormalizedBuyer {
  name: string;
  /** The resident ID, normalised (upper-case X). */
  idNumber: string;
}

export interface NormalizedDelivery {
  mode: DeliveryMode;
  address: string | null;
  trackingNo: string | null;
  deliveredOn: string | null;
}

export interface NormalizedOldItem {
  recyclerUscc: string;
  receiptNo: string;
  recycledOn: string;
}

export interface NormalizedGoodsSale {
  kind: 'goods';
  programCode: string;
  voucherCode: string | null;
  productId: string;
  serialNo: string;
  imei: string | null;
  priceFen: number;
  paidFen: number;
  otherDiscountFen: number;
  /** Normalised (digits only): the value claims' `invoiceNo` keys hold. */
  invoiceNo: string;
  invoiceDate: string;
  buyer: NormalizedBuyer;
  delivery: NormalizedDelivery;
  oldItem: NormalizedOldItem | null;
}

export interface NormalizedCarSale {
  kind: 'car';
  programCode: string;
  vehicle: { vin: string; powertrain: CarPowertrain; displacementL: number; inNevCatalogue: boolean };
  priceFen: number;
  invoiceNo: string;
  invoiceDate: string;
  buyer: NormalizedBuyer;
}

export interface SaleCheckOptions {
  /** Today in Asia/Shanghai (`YYYY-MM-DD`): dates after it are FUTURE_DATE. */
  today: string;
}

export type SaleCheck<T> = { ok: true; sale: T } | { ok: false; fields: Record<string, string> };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Field-by-field reader of an untrusted object that records the first problem of each path. */
class Reader {
  readonly fields: Record<string, string> = {};

  constructor(private readonly today: string) {}

  fail(path: string, code: string): void {
    if (!(path in this.fields)) this.fields[path] = code;
  }

  object(value: unknown, path: string, required: boolean): Record<string, unknown> | null {
    if (value === undefined || value === null) {
      if (required) this.fail(path, 'REQUIRED');
      return null;
    }
    if (typeof value !== 'object' || Array.isArray(value)) {
      this.fail(path, 'INVALID_TYPE');
      return null;
    }
    return value as Record<string, unknown>;
  }

  text(value: unknown, path: string, maxLength: number, required = true): string | null {
    if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) {
      if (required) this.fail(path, 'REQUIRED');
      return null;
    }
    if (typeof value !== 'string') {
      this.fail(path, 'INVALID_TYPE');
      return null;
    }
    const trimmed = value.trim();
    if (trimmed.length > maxLength) {
      this.fail(path, 'TOO_LONG');
      return null;
    }
    return trimmed;
  }

  identifier(value: unknown, path: string, check: (v: string) => ValidationResult, required = true) {
    const raw = this.text(value, path, 64, required);
    if (raw === null) return null;
    const r = check(raw);
    if (!r.ok) {
      this.fail(path, r.errors[0] ?? 'INVALID_FORMAT');
      return null;
    }
    return r.value;
  }

  fen(value: unknown, path: string, min: number): number | null {
    if (value === undefined || value === null) {
      this.fail(path, 'REQUIRED');
      return null;
    }
    if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
      this.fail(path, 'INVALID_TYPE');
      return null;
    }
    if (value < min || value > MAX_SALE_AMOUNT_FEN) {
      this.fail(path, 'OUT_OF_RANGE');
      return null;
    }
    return value;
  }

  date(value: unknown, path: string, required = true): string | null {
    if (value === undefined || value === null || value === '') {
      if (required) this.fail(path, 'REQUIRED');
      return null;
    }
    if (!isIsoDate(value)) {
      this.fail(path, 'INVALID_DATE');
      return null;
    }
    if (value > this.today) {
      this.fail(path, 'FUTURE_DATE');
      return null;
    }
    return value;
  }

  oneOf<T extends string>(value: unknown, path: string, options: readonly T[]): T | null {
    if (value === undefined || value === null || value === '') {
      this.fail(path, 'REQUIRED');
      return null;
    }
    if (typeof value !== 'string' || !options.includes(value as T)) {
      this.fail(path, 'NOT_IN_OPTIONS');
      return null;
    }
    return value as T;
  }

  buyer(value: unknown): NormalizedBuyer | null {
    const buyer = this.object(value, 'buyer', true);
    if (!buyer) return null;
    const name = this.text(buyer.name, 'buyer.name', SALE_TEXT_LIMITS.buyerName);
    const idNumber = this.identifier(buyer.idNumber, 'buyer.idNumber', (v) =>
      checkBuyerIdNumber(v, { today: this.today }),
    );
    return name !== null && idNumber !== null ? { name, idNumber } : null;
  }

  invoice(value: unknown, path: string): string | null {
    return this.identifier(value, path, (v) => validateInvoiceNo(v, { today: this.today }));
  }
}

/**
 * A goods sale (api-contract.md `POST /api/dealer/sales`, goods body). `subsidyFen` is the subsidy
 * given at the till: 0 without a voucher (the resident claims after the purchase). With a
 * `voucherCode` the subsidy is the engine's answer at redemption, so the amounts are checked there
 * and not here.
 */
export function checkGoodsSale(
  input: unknown,
  options: SaleCheckOptions & { subsidyFen?: number },
): SaleCheck<NormalizedGoodsSale> {
  const r = new Reader(options.today);
  const body = r.object(input, 'body', true) ?? {};
  const programCode = r.text(body.programCode, 'programCode', SALE_TEXT_LIMITS.programCode);
  const voucherCode = r.text(body.voucherCode, 'voucherCode', SALE_TEXT_LIMITS.voucherCode, false);
  let productId: string | null = null;
  if (body.productId === undefined || body.productId === null || body.productId === '')
    r.fail('productId', 'REQUIRED');
  else if (typeof body.productId !== 'string' || !UUID.test(body.productId))
    r.fail('productId', 'INVALID_FORMAT');
  else productId = body.productId.toLowerCase();
  const serialRaw = r.text(body.serialNo, 'serialNo', SALE_TEXT_LIMITS.serialNo);
  const serialNo = serialRaw === null ? null : normalizeSerialNo(serialRaw);
  if (serialRaw !== null && serialNo === '') r.fail('serialNo', 'REQUIRED');
  const imei = r.identifier(body.imei, 'imei', validateImei, false);
  const priceFen = r.fen(body.priceFen, 'priceFen', 1);
  const paidFen = r.fen(body.paidFen, 'paidFen', 0);
  const otherDiscountFen = r.fen(body.otherDiscountFen, 'otherDiscountFen', 0);
  const invoiceNo = r.invoice(body.invoiceNo, 'invoiceNo');
  const invoiceDate = r.date(body.invoiceDate, 'invoiceDate');
  const buyer = r.buyer(body.buyer);

  let delivery: NormalizedDelivery | null = null;
  const d = r.object(body.delivery, 'delivery', true);
  if (d) {
    const mode = r.oneOf(d.mode, 'delivery.mode', DELIVERY_MODES);
    const address = r.text(d.address, 'delivery.address', SALE_TEXT_LIMITS.address, mode === 'delivery');
    const trackingNo = r.text(d.trackingNo, 'delivery.trackingNo', SALE_TEXT_LIMITS.trackingNo, false);
    const deliveredOn = r.date(d.deliveredOn, 'delivery.deliveredOn', false);
    if (deliveredOn !== null && invoiceDate !== null && deliveredOn < invoiceDate)
      r.fail('delivery.deliveredOn', 'BEFORE_INVOICE_DATE');
    if (mode !== null) delivery = { mode, address, trackingNo, deliveredOn };
  }

  let oldItem: NormalizedOldItem | null = null;
  const o = r.object(body.oldItem, 'oldItem', false);
  if (o) {
    const recyclerUscc = r.identifier(o.recyclerUscc, 'oldItem.recyclerUscc', validateUscc);
    const receiptNo = r.text(o.receiptNo, 'oldItem.receiptNo', SALE_TEXT_LIMITS.receiptNo);
    const recycledOn = r.date(o.recycledOn, 'oldItem.recycledOn');
    if (recyclerUscc !== null && receiptNo !== null && recycledOn !== null)
      oldItem = { recyclerUscc, receiptNo, recycledOn };
  }

  if (priceFen !== null && paidFen !== null && otherDiscountFen !== null) {
    const subsidyFen = options.subsidyFen ?? (voucherCode === null ? 0 : null);
    if (subsidyFen !== null && !amountsAddUp({ priceFen, paidFen, subsidyFen, otherDiscountFen }))
      r.fail('priceFen', SaleFieldCode.AMOUNTS_DO_NOT_ADD_UP);
  }

  if (Object.keys(r.fields).length > 0) return { ok: false, fields: r.fields };
  return {
    ok: true,
    sale: {
      kind: 'goods',
      programCode: programCode!,
      voucherCode,
      productId: productId!,
      serialNo: serialNo!,
      imei,
      priceFen: priceFen!,
      paidFen: paidFen!,
      otherDiscountFen: otherDiscountFen!,
      invoiceNo: invoiceNo!,
      invoiceDate: invoiceDate!,
      buyer: buyer!,
      delivery: delivery!,
      oldItem,
    },
  };
}

/** A new car's sale (api-contract.md `POST /api/dealer/sales`, car body; operations.md §4). */
export function checkCarSale(input: unknown, options: SaleCheckOptions): SaleCheck<NormalizedCarSale> {
  const r = new Reader(options.today);
  const body = r.object(input, 'body', true) ?? {};
  const programCode = r.text(body.programCode, 'programCode', SALE_TEXT_LIMITS.programCode);
  const v = r.object(body.vehicle, 'vehicle', true);
  let vehicle: NormalizedCarSale['vehicle'] | null = null;
  if (v) {
    const vin = r.identifier(v.vin, 'vehicle.vin', (value) => validateVin(value, { context: 'new' }));
    const powertrain = r.oneOf(v.powertrain, 'vehicle.powertrain', CAR_POWERTRAINS);
    let displacementL: number | null = null;
    if (v.displacementL === undefined || v.displacementL === null)
      r.fail('vehicle.displacementL', 'REQUIRED');
    else if (typeof v.displacementL !== 'number' || !Number.isFinite(v.displacementL))
      r.fail('vehicle.displacementL', 'INVALID_TYPE');
    else if (v.displacementL < 0 || v.displacementL > 10) r.fail('vehicle.displacementL', 'OUT_OF_RANGE');
    // Whole millilitres: the stored precision (1.4999 L is 1.5 L on any registration).
    else displacementL = Math.round(v.displacementL * 1000) / 1000;
    let inNevCatalogue: boolean | null = null;
    if (typeof v.inNevCatalogue === 'boolean') inNevCatalogue = v.inNevCatalogue;
    else r.fail('vehicle.inNevCatalogue', v.inNevCatalogue === undefined ? 'REQUIRED' : 'INVALID_TYPE');
    if (vin !== null && powertrain !== null && displacementL !== null && inNevCatalogue !== null)
      vehicle = { vin, powertrain, displacementL, inNevCatalogue };
  }
  const priceFen = r.fen(body.priceFen, 'priceFen', 1);
  const invoiceNo = r.invoice(body.invoiceNo, 'invoiceNo');
  const invoiceDate = r.date(body.invoiceDate, 'invoiceDate');
  const buyer = r.buyer(body.buyer);
  if (Object.keys(r.fields).length > 0) return { ok: false, fields: r.fields };
  return {
    ok: true,
    sale: {
      kind: 'car',
      programCode: programCode!,
      vehicle: vehicle!,
      priceFen: priceFen!,
      invoiceNo: invoiceNo!,
      invoiceDate: invoiceDate!,
      buyer: buyer!,
    },
  };
}

/** A goods body is told from a car body by its `vehicle` member (the contract's two shapes). */
export function saleKindOf(body: unknown): SaleKind {
  return body !== null && typeof body === 'object' && 'vehicle' in body ? 'car' : 'goods';
}

/**
 * What a reported return did (operations.md §6; `POST /api/dealer/sales/:id/return`):
 * - `cancelled`: the claim was in no live payment batch (or the sale backs no claim of the
 *   dealer's): it is cancelled and its money released;
 * - `removed_from_batch`: its line was taken out of a draft batch, then as `cancelled`;
 * - `receivable`: it was paid: the dealer owes the subsidy back (`receivableFen`, due `dueOn`),
 *   netted against its next batch; while overdue its new payouts are held.
 */
export const RETURN_OUTCOMES = ['cancelled', 'removed_from_batch', 'receivable'] as const;
export type ReturnOutcome = (typeof RETURN_OUTCOMES)[number];

/** The longest return reason kept. */
export const RETURN_REASON_MAX = 200;

export interface SaleReturnRequest {
  returnedOn: string;
  reason: string;
}

export interface SaleReturnResult {
  outcome: ReturnOutcome;
  receivableFen?: number;
  /** `YYYY-MM-DD` (Asia/Shanghai). */
  dueOn?: string;
}

/**
 * The rules of a return report that need no database: `returnedOn` an ISO date, not after today
 * (FUTURE_DATE) and not before the sale's invoice date (BEFORE_SALE_DATE); a reason that is not
 * blank (REQUIRED), at most RETURN_REASON_MAX characters (TOO_LONG). Field → code, or the
 * normalised request (reason trimmed).
 */
export function checkSaleReturn(
  input: unknown,
  context: { today: string; saleDate: string },
): { ok: true; value: SaleReturnRequest } | { ok: false; fields: Record<string, string> } {
  const fields: Record<string, string> = {};
  const body = (typeof input === 'object' && input !== null ? input : {}) as Record<string, unknown>;
  const returnedOn = body.returnedOn;
  if (returnedOn === undefined || returnedOn === null || returnedOn === '') fields.returnedOn = 'REQUIRED';
  else if (!isIsoDate(returnedOn)) fields.returnedOn = 'INVALID_DATE';
  else if (returnedOn > context.today) fields.returnedOn = 'FUTURE_DATE';
  else if (returnedOn < context.saleDate) fields.returnedOn = 'BEFORE_SALE_DATE';
  const reason = typeof body.reason === 'string' ? body.reason.trim() : body.reason;
  if (reason === undefined || reason === null || reason === '') fields.reason = 'REQUIRED';
  else if (typeof reason !== 'string') fields.reason = 'INVALID_TYPE';
  else if ([...reason].length > RETURN_REASON_MAX) fields.reason = 'TOO_LONG';
  if (Object.keys(fields).length > 0) return { ok: false, fields };
  return { ok: true, value: { returnedOn: returnedOn as string, reason: reason as string } };
}
