import { normalizeIdentifier } from './normalize';
import { result, ValidationCode, type ValidationResult } from './types';

const SHAPE = /^\d{13}$/;
const FIRST12 = /^\d{12}$/;

/**
 * The GS1 check digit of the 12 leading digits of a GTIN-13 (EAN-13, the 13-digit barcode on Chinese
 * goods, prefixes 690–699): weights 1 3 1 3 … from the left, check = (10 − Σ mod 10) mod 10.
 */
export function computeGtin13CheckDigit(first12: string): string {
  if (!FIRST12.test(first12)) throw new RangeError('computeGtin13CheckDigit expects 12 digits');
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += (first12.charCodeAt(i) - 48) * (i % 2 === 0 ? 1 : 3);
  return String((10 - (sum % 10)) % 10);
}

/** GTIN-13 barcode (商品条码, GB 12904): 13 digits, the last one the GS1 check digit. */
export function validateGtin13(input: string): ValidationResult {
  const value = normalizeIdentifier(input);
  if (value === '') return result(value, [ValidationCode.REQUIRED]);
  if (!SHAPE.test(value)) return result(value, [ValidationCode.INVALID_FORMAT]);
  if (computeGtin13CheckDigit(value.slice(0, 12)) !== value.charAt(12))
    return result(value, [ValidationCode.INVALID_CHECKSUM]);
  return result(value, []);
}
