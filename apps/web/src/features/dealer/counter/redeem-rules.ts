/**
 * The counter's rules: the voucher code as typed (the shared format and check character, so a typo is
 * caught before any lookup), the resident's share of the price, and where the till's refusals go —
 * a voucher refusal back to step 1's code input, every other one onto its step 2 input.
 */
import { VOUCHER_CODE_ALPHABET, voucherCheckCharacter } from '@huanxin/shared';
import { goodsFieldOf } from '../lib/sale-rules';

const CODE_CHARACTERS = new RegExp(`^[${VOUCHER_CODE_ALPHABET}]*$`);

/** The typed code without case, spaces or dashes (what `normalizeVoucherCode` accepts). */
export const compactVoucherCode = (value: string) => value.toUpperCase().replace(/[\s-]/g, '');

/**
 * A voucher code as the cashier types it: REQUIRED, INVALID_CHARACTER (a letter the codes never use,
 * e.g. O or 1), INVALID_LENGTH (10 characters), INVALID_CHECKSUM (a typo or two swapped neighbours).
 */
export function voucherCodeRule(value: string): true | string {
  const code = compactVoucherCode(value);
  if (code === '') return 'REQUIRED';
  if (!CODE_CHARACTERS.test(code)) return 'INVALID_CHARACTER';
  if (code.length !== 10) return 'INVALID_LENGTH';
  return voucherCheckCharacter(code.slice(0, 9)) === code[9] || 'INVALID_CHECKSUM';
}

/** What the resident pays at the till: price − subsidy − other discount; null until all three are known. */
export function residentShareFen(
  priceFen: number | null,
  subsidyFen: number | null,
  otherDiscountFen: number | null,
): number | null {
  if (priceFen === null || subsidyFen === null || otherDiscountFen === null) return null;
  return priceFen - subsidyFen - otherDiscountFen;
}

/** Refusals about the voucher itself: the wizard goes back to step 1 and shows them on the code. */
export const VOUCHER_ERROR_CODES: ReadonlySet<string> = new Set([
  'VOUCHER_NOT_FOUND',
  'VOUCHER_EXPIRED',
  'VOUCHER_USED',
]);

/**
 * Step 2's input for a server field key. The counter has no "paid" input (the share is computed), so
 * an AMOUNTS_DO_NOT_ADD_UP on `paidFen` lands on the price: the till's subsidy differed from the
 * estimate for that price.
 */
export function redeemFieldOf(serverKey: string): string | undefined {
  if (serverKey === 'voucherCode') return undefined;
  if (serverKey === 'paidFen') return 'price';
  if (serverKey === 'programCode' || serverKey === 'category') return 'productId';
  return goodsFieldOf(serverKey);
}

/** Codes sent without `fields` that are still about one step 2 input. */
export const REDEEM_CODE_FIELDS = {
  AMOUNTS_DO_NOT_ADD_UP: 'price',
  ABOVE_FILED_PRICE: 'price',
  BUYER_NOT_PERSON: 'buyerIdNumber',
  BUYER_NOT_HOLDER: 'buyerIdNumber',
  VOUCHER_PROGRAM_MISMATCH: 'productId',
  VOUCHER_CATEGORY_MISMATCH: 'productId',
  DUPLICATE_SERIAL: 'serialNo',
  DUPLICATE_IMEI: 'imei',
  DUPLICATE_INVOICE: 'invoiceNo',
} as const;
