/**
 * Valid personal identifiers for tests, built with the same check-digit functions the validators use, so a
 * test never carries its own copy of GB 11643 or Luhn. Every generator is deterministic: pass a serial (or a
 * random number you drew) and get the same number back each time.
 */
import { computeLuhnCheckDigit } from '../validators/bank-card';
import { isIsoDate } from '../validators/dates';
import { computeResidentIdCheckDigit } from '../validators/resident-id';

/** Zhangqiu District's administrative code (GB/T 2260), the first six digits of its residents' IDs. */
export const ZHANGQIU_REGION_CODE = '370114';

const digits = (n: number, width: number, what: string): string => {
  if (!Number.isSafeInteger(n) || n < 0 || String(n).length > width)
    throw new RangeError(`${what} must be an integer from 0 to ${'9'.repeat(width)}`);
  return String(n).padStart(width, '0');
};

/**
 * An 18-character resident ID number (居民身份证号) with a correct check character.
 * `sequence` (0–999) is the per-day order code; its last digit is odd for men, even for women.
 */
export function residentIdNumber({
  sequence,
  birthDate = '1985-06-15',
  region = ZHANGQIU_REGION_CODE,
}: {
  sequence: number;
  birthDate?: string;
  region?: string;
}): string {
  if (!/^\d{6}$/.test(region)) throw new RangeError('region must be 6 digits');
  if (!isIsoDate(birthDate)) throw new RangeError('birthDate must be a real YYYY-MM-DD date');
  const first17 = `${region}${birthDate.replaceAll('-', '')}${digits(sequence, 3, 'sequence')}`;
  return first17 + computeResidentIdCheckDigit(first17);
}

/** A 19-digit UnionPay-style debit card number (62…) whose last digit is its Luhn check digit. */
export function bankCardNumber(serial: number, { prefix = '621700' }: { prefix?: string } = {}): string {
  if (!/^\d{6}$/.test(prefix)) throw new RangeError('prefix must be 6 digits (the issuer number)');
  const partial = `${prefix}${digits(serial, 12, 'serial')}`;
  return partial + computeLuhnCheckDigit(partial);
}

/** A mainland mobile number: a 7-digit prefix (default 139 0531) and a 4-digit serial. */
export function mobileNumber(serial: number, { prefix = '1390531' }: { prefix?: string } = {}): string {
  if (!/^1[3-9]\d{5}$/.test(prefix)) throw new RangeError('prefix must be 7 digits starting 13–19');
  return `${prefix}${digits(serial, 4, 'serial')}`;
}
