import { normalizeIdentifier } from './normalize';
import { result, ValidationCode, type ValidationResult } from './types';

/** Province abbreviations used as the first character of a plate. */
export const PLATE_PROVINCES = '京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼';
const P = `[${PLATE_PROVINCES}]`;
const LETTER = '[A-HJ-NP-Z]';
const ALNUM = '[A-HJ-NP-Z0-9]';
const ORDINARY = new RegExp(`^${P}${LETTER}${ALNUM}{4}(?:${ALNUM}|[挂学警港澳])$`, 'u');
const NEV_SMALL = new RegExp(`^${P}${LETTER}[DABCEFGHJK]${ALNUM}\\d{4}$`, 'u');
const NEV_LARGE = new RegExp(`^${P}${LETTER}\\d{5}[DABCEFGHJK]$`, 'u');

export interface PlateResult extends ValidationResult {
  kind?: 'ordinary' | 'nev_small' | 'nev_large';
  /** The province character, e.g. 鲁. */
  province?: string;
}

/** Chinese number plate (GA 36-2018): ordinary 7 characters, new-energy 8. Shape only; the VIN is the vehicle's key. */
export function validatePlate(input: string): PlateResult {
  const value = normalizeIdentifier(input);
  if (value === '') return result(value, [ValidationCode.REQUIRED]);
  const kind = NEV_SMALL.test(value)
    ? 'nev_small'
    : NEV_LARGE.test(value)
      ? 'nev_large'
      : ORDINARY.test(value)
        ? 'ordinary'
        : undefined;
  if (!kind) return result(value, [ValidationCode.INVALID_FORMAT]);
  return { ...result(value, []), kind, province: value.charAt(0) };
}
