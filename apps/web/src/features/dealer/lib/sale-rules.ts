/**
 * The sale forms' rules (goods and car): the shared identifier validators run as the dealer types, and
 * the money rules the server enforces (invoice total = paid + subsidy + other discounts; price ≤ filed
 * price) are checked live so a mistake shows before anything is sent. The server stays the judge.
 */
import {
  checkBuyerIdNumber,
  evaluateEligibility,
  isIsoDate,
  todayInShanghai,
  validateInvoiceNo,
  validateImei,
  validateUscc,
  validateVin,
  type ProgramDefinition,
} from '@huanxin/shared';
import { yuanToFen } from './rules';

type Rule = (value: string) => true | string;

const identifier =
  (check: (value: string) => { ok: boolean; errors: string[] }): Rule =>
  (value) => {
    const checked = check(value);
    return checked.ok || (checked.errors[0] ?? 'INVALID_FORMAT');
  };

const text =
  (max: number): Rule =>
  (value) => {
    const length = Array.from(value.trim()).length;
    if (length === 0) return 'REQUIRED';
    return length <= max || 'TOO_LONG';
  };

const optionalText =
  (max: number): Rule =>
  (value) =>
    Array.from(value.trim()).length <= max || 'TOO_LONG';

/** A past or present calendar date (`YYYY-MM-DD`, Asia/Shanghai). */
export const pastDate =
  (today: () => string = todayInShanghai): Rule =>
  (value) => {
    if (value === '') return 'REQUIRED';
    if (!isIsoDate(value)) return 'INVALID_DATE';
    return value <= today() || 'FUTURE_DATE';
  };

/** A money amount in yuan as typed; `optional` lets '' mean 0 (other discount). */
export const yuanRule =
  ({ optional = false }: { optional?: boolean } = {}): Rule =>
  (value) => {
    if (value.trim() === '') return optional || 'REQUIRED';
    return yuanToFen(value) !== null || 'INVALID_FORMAT';
  };

/** Yuan as typed → fen, '' → 0, unparseable → null. */
export function fenOrZero(value: string): number | null {
  return value.trim() === '' ? 0 : yuanToFen(value);
}

export const saleRules = {
  serialNo: text(64),
  imei: identifier(validateImei),
  voucherCode: optionalText(64),
  invoiceNo: identifier((value) => validateInvoiceNo(value)),
  invoiceDate: pastDate(),
  buyerName: text(40),
  /** A person's resident ID; a company's credit code is BUYER_NOT_PERSON (the shared rule). */
  buyerIdNumber: identifier((value) => checkBuyerIdNumber(value)),
  deliveryAddress: text(200),
  trackingNo: optionalText(64),
  deliveredOn: (value: string): true | string => (value === '' ? true : pastDate()(value)),
  recyclerUscc: identifier(validateUscc),
  receiptNo: text(64),
  recycledOn: pastDate(),
  vin: identifier((value) => validateVin(value, { context: 'new' })),
  displacementL: (value: string): true | string => {
    if (value.trim() === '') return 'REQUIRED';
    if (!/^\d{1,2}(\.\d{1,2})?$/.test(value.trim())) return 'INVALID_FORMAT';
    return Number(value) <= 10 || 'OUT_OF_RANGE';
  },
};

/** The price of a goods sale: a price, not above the product's filed price. */
export function priceRule(filedPriceFen: number | undefined): Rule {
  return (value) => {
    const valid = yuanRule()(value);
    if (valid !== true) return valid;
    const fen = yuanToFen(value)!;
    if (fen < 1) return 'OUT_OF_RANGE';
    return filedPriceFen === undefined || fen <= filedPriceFen || 'ABOVE_FILED_PRICE';
  };
}

export interface SubsidyEstimate {
  /** The program's amount for this item (what the server will compute), or null when it cannot tell. */
  subsidyFen: number | null;
  /** Clause ids that fail on the item's facts (e.g. a price above the program's cap). */
  failedClauses: string[];
}

/**
 * The subsidy the program's amount formula gives this item: the same engine the server runs, fed the
 * item facts a sale carries (category, grade, price, invoice date). Applicant clauses stay unknown here
 * (the server knows the buyer's history); only a clause that fails on the item itself is reported.
 */
export function estimateSubsidy(
  definition: ProgramDefinition | undefined,
  item: { category: string; efficiencyGrade: number | null; priceFen: number | null; invoiceDate: string },
): SubsidyEstimate {
  if (!definition || item.priceFen === null) return { subsidyFen: null, failedClauses: [] };
  const asOf = isIsoDate(item.invoiceDate) ? item.invoiceDate : todayInShanghai();
  const facts = {
    item: {
      category: item.category,
      priceFen: item.priceFen,
      invoiceDate: asOf,
      ...(item.efficiencyGrade === null ? {} : { efficiencyGrade: item.efficiencyGrade }),
    },
  };
  const evaluated = evaluateEligibility(definition, facts, { asOf });
  const failedClauses = evaluated.clauses.filter((c) => c.result === 'fail').map((c) => c.id);
  if (failedClauses.length > 0) return { subsidyFen: 0, failedClauses };
  return { subsidyFen: evaluated.amountComplete ? evaluated.amountFen : null, failedClauses };
}

export type AmountsCheck =
  | { state: 'incomplete' }
  | { state: 'ok'; totalFen: number }
  | { state: 'mismatch'; totalFen: number; sumFen: number; differenceFen: number };

/** invoice total = paid + subsidy + other discounts (the contract's AMOUNTS_DO_NOT_ADD_UP rule). */
export function checkAmounts(
  priceFen: number | null,
  paidFen: number | null,
  subsidyFen: number | null,
  otherDiscountFen: number | null,
): AmountsCheck {
  if (priceFen === null || paidFen === null || subsidyFen === null || otherDiscountFen === null)
    return { state: 'incomplete' };
  const sumFen = paidFen + subsidyFen + otherDiscountFen;
  if (sumFen === priceFen) return { state: 'ok', totalFen: priceFen };
  return { state: 'mismatch', totalFen: priceFen, sumFen, differenceFen: priceFen - sumFen };
}

/** The goods form's field for a server field key (`buyer.idNumber` → `buyerIdNumber`). */
const GOODS_SERVER_FIELDS: Record<string, string> = {
  productId: 'productId',
  voucherCode: 'voucherCode',
  serialNo: 'serialNo',
  imei: 'imei',
  priceFen: 'price',
  paidFen: 'paid',
  otherDiscountFen: 'otherDiscount',
  invoiceNo: 'invoiceNo',
  invoiceDate: 'invoiceDate',
  'buyer.name': 'buyerName',
  'buyer.idNumber': 'buyerIdNumber',
  buyer: 'buyerIdNumber',
  'delivery.mode': 'deliveryMode',
  'delivery.address': 'deliveryAddress',
  'delivery.trackingNo': 'trackingNo',
  'delivery.deliveredOn': 'deliveredOn',
  'oldItem.recyclerUscc': 'recyclerUscc',
  'oldItem.receiptNo': 'receiptNo',
  'oldItem.recycledOn': 'recycledOn',
};

const CAR_SERVER_FIELDS: Record<string, string> = {
  programCode: 'programCode',
  'vehicle.vin': 'vin',
  'vehicle.powertrain': 'powertrain',
  'vehicle.displacementL': 'displacementL',
  'vehicle.inNevCatalogue': 'inNevCatalogue',
  priceFen: 'price',
  invoiceNo: 'invoiceNo',
  invoiceDate: 'invoiceDate',
  'buyer.name': 'buyerName',
  'buyer.idNumber': 'buyerIdNumber',
  buyer: 'buyerIdNumber',
};

export const goodsFieldOf = (serverKey: string): string | undefined => GOODS_SERVER_FIELDS[serverKey];
export const carFieldOf = (serverKey: string): string | undefined => CAR_SERVER_FIELDS[serverKey];

/**
 * Codes that come without `fields` but are about one input (the contract's 409s and 422s on a sale).
 * The API sends `fields` with them too; this is the fallback when it does not.
 */
export const GOODS_CODE_FIELDS = {
  AMOUNTS_DO_NOT_ADD_UP: 'paid',
  ABOVE_FILED_PRICE: 'price',
  BUYER_NOT_PERSON: 'buyerIdNumber',
  VOUCHER_NOT_FOUND: 'voucherCode',
  DUPLICATE_SERIAL: 'serialNo',
  DUPLICATE_IMEI: 'imei',
  DUPLICATE_INVOICE: 'invoiceNo',
} as const;

export const CAR_CODE_FIELDS = {
  BUYER_NOT_PERSON: 'buyerIdNumber',
  DUPLICATE_VIN: 'vin',
  DUPLICATE_INVOICE: 'invoiceNo',
} as const;
