import { normalizeIdentifier } from './normalize';
import { result, ValidationCode, type ValidationResult } from './types';

/** Mainland mobile number `^1[3-9]\d{9}$`, after stripping a `+86` / `0086` prefix. */
export function validateMobile(input: string): ValidationResult {
  let value = normalizeIdentifier(input);
  if (value.startsWith('+86')) value = value.slice(3);
  else if (value.startsWith('0086')) value = value.slice(4);
  if (value === '') return result(value, [ValidationCode.REQUIRED]);
  if (!/^1[3-9]\d{9}$/.test(value)) return result(value, [ValidationCode.INVALID_FORMAT]);
  return result(value, []);
}
