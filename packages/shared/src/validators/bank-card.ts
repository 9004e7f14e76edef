import { normalizeIdentifier } from './normalize';
import { result, ValidationCode, type ValidationResult } from './types';

/** True when the digit string passes the Luhn (mod 10) check. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}

/** The Luhn check digit to append to `partial`. */
export function computeLuhnCheckDigit(partial: string): string {
  if (!/^\d+$/.test(partial)) throw new RangeError('computeLuhnCheckDigit expects digits');
  for (let d = 0; d <= 9; d++) if (luhnValid(partial + String(d))) return String(d);
  /* istanbul ignore next */
  throw new Error('unreachable');
}

/** Bank card: 16–19 digits. A Luhn failure is a warning only (real Chinese debit cards fail it). */
export function validateBankCard(input: string): ValidationResult {
  const value = normalizeIdentifier(input);
  if (value === '') return result(value, [ValidationCode.REQUIRED]);
  if (!/^\d{16,19}$/.test(value)) return result(value, [ValidationCode.INVALID_FORMAT]);
  return result(value, [], luhnValid(value) ? [] : [ValidationCode.INVALID_CHECKSUM]);
}
