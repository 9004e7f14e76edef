import { normalizeIdentifier } from './normalize';
import { result, ValidationCode, type ValidationResult } from './types';

/**
 * A corporate settlement account number (对公账户): banks issue 9 to 32 digits and publish no check
 * digit, so only the shape is checked. The account name must be the organisation's name.
 */
export function validateCorporateAccount(input: string): ValidationResult {
  const value = normalizeIdentifier(input);
  if (value === '') return result(value, [ValidationCode.REQUIRED]);
  if (!/^\d{9,32}$/.test(value)) return result(value, [ValidationCode.INVALID_FORMAT]);
  return result(value, []);
}
