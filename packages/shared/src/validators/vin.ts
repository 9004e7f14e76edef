import { normalizeIdentifier } from './normalize';
import { result, ValidationCode, type ValidationResult } from './types';

/** The characters a VIN may use: no I, O, Q. */
export const VIN_ALPHABET = '0123456789ABCDEFGHJKLMNPRSTUVWXYZ';
const WEIGHTS = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2] as const;
const LETTER_VALUES: Readonly<Record<string, number>> = {
  A: 1,
  B: 2,
  C: 3,
  D: 4,
  E: 5,
  F: 6,
  G: 7,
  H: 8,
  J: 1,
  K: 2,
  L: 3,
  M: 4,
  N: 5,
  P: 7,
  R: 9,
  S: 2,
  T: 3,
  U: 4,
  V: 5,
  W: 6,
  X: 7,
  Y: 8,
  Z: 9,
};
const SHAPE = /^[A-HJ-NPR-Z0-9]{17}$/;

/** The transliterated value of a VIN character (ISO 3779): digits are themselves, letters per the table. */
export function vinCharValue(ch: string): number {
  if (ch >= '0' && ch <= '9') return ch.charCodeAt(0) - 48;
  const v = LETTER_VALUES[ch];
  if (v === undefined) throw new RangeError(`Not a VIN character: ${ch}`);
  return v;
}

/** The check digit (position 9) of a 17-character VIN; position 9 itself is ignored (weight 0). */
export function computeVinCheckDigit(vin: string): string {
  if (!SHAPE.test(vin)) throw new RangeError('computeVinCheckDigit expects 17 VIN characters');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += vinCharValue(vin.charAt(i)) * (WEIGHTS[i] ?? 0);
  const r = sum % 11;
  return r === 10 ? 'X' : String(r);
}

export interface VinOptions {
  /** `new`: a car sold in China, the check digit must be right. `old`: a scrapped car, a bad check digit is only a warning (manual review). */
  context?: 'new' | 'old';
}

/** VIN (GB 16735-2019 / ISO 3779), 17 characters. */
export function validateVin(input: string, options: VinOptions = {}): ValidationResult {
  const value = normalizeIdentifier(input);
  if (value === '') return result(value, [ValidationCode.REQUIRED]);
  if (!SHAPE.test(value)) return result(value, [ValidationCode.INVALID_FORMAT]);
  if (computeVinCheckDigit(value) !== value.charAt(8)) {
    return options.context === 'old'
      ? result(value, [], [ValidationCode.INVALID_CHECKSUM])
      : result(value, [ValidationCode.INVALID_CHECKSUM]);
  }
  return result(value, []);
}
