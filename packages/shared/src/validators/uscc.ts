import { normalizeIdentifier } from './normalize';
import { result, ValidationCode, type ValidationResult } from './types';

/** 0-9 A-H J-N P Q R T U W X Y: 31 characters, no I O S V Z. Index = value. */
export const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;
const SHAPE = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;
const FIRST17 = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{9}$/;

/** The GB 32100-2015 check character for the first 17 characters of a unified social credit code. */
export function computeUsccCheckChar(first17: string): string {
  if (!FIRST17.test(first17))
    throw new RangeError('computeUsccCheckChar expects the 17 leading characters of a USCC');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += USCC_ALPHABET.indexOf(first17.charAt(i)) * (WEIGHTS[i] ?? 0);
  return USCC_ALPHABET.charAt((31 - (sum % 31)) % 31);
}

/** 统一社会信用代码 (GB 32100-2015), 18 characters. */
export function validateUscc(input: string): ValidationResult {
  const value = normalizeIdentifier(input);
  if (value === '') return result(value, [ValidationCode.REQUIRED]);
  if (!SHAPE.test(value)) return result(value, [ValidationCode.INVALID_FORMAT]);
  if (computeUsccCheckChar(value.slice(0, 17)) !== value.charAt(17))
    return result(value, [ValidationCode.INVALID_CHECKSUM]);
  return result(value, []);
}
