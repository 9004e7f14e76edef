import { formatYmd, isValidYmd, todayInShanghai } from './dates';
import { normalizeIdentifier } from './normalize';
import { ValidationCode, type ValidateOptions, type ValidationResult } from './types';

export interface ResidentIdResult extends ValidationResult {
  /** `YYYY-MM-DD`, when the birth-date part is a real date. */
  birthDate?: string;
  /** From the 17th digit: odd = male. */
  sex?: 'male' | 'female';
  /** The first 6 digits. */
  regionCode?: string;
}

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';

/**
 * Province-level prefixes (first two digits) of GB/T 2260. County codes change every year, so only the
 * province is checked, and an unknown one is a warning, not an error.
 */
export const PROVINCE_CODES: Readonly<Record<string, string>> = {
  '11': '北京',
  '12': '天津',
  '13': '河北',
  '14': '山西',
  '15': '内蒙古',
  '21': '辽宁',
  '22': '吉林',
  '23': '黑龙江',
  '31': '上海',
  '32': '江苏',
  '33': '浙江',
  '34': '安徽',
  '35': '福建',
  '36': '江西',
  '37': '山东',
  '41': '河南',
  '42': '湖北',
  '43': '湖南',
  '44': '广东',
  '45': '广西',
  '46': '海南',
  '50': '重庆',
  '51': '四川',
  '52': '贵州',
  '53': '云南',
  '54': '西藏',
  '61': '陕西',
  '62': '甘肃',
  '63': '青海',
  '64': '宁夏',
  '65': '新疆',
  '71': '台湾',
  '81': '香港',
  '82': '澳门',
};

/** The ISO 7064 MOD 11-2 check character for the first 17 digits of a resident ID. */
export function computeResidentIdCheckDigit(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError('computeResidentIdCheckDigit expects 17 digits');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17.charCodeAt(i) - 48) * (WEIGHTS[i] ?? 0);
  return CHECK_CHARS.charAt(sum % 11);
}

/** 居民身份证号 (GB 11643-1999), 18 characters. 15-digit legacy numbers are rejected. */
export function validateResidentId(input: string, options: ValidateOptions = {}): ResidentIdResult {
  const value = normalizeIdentifier(input);
  const errors: string[] = [];
  const warnings: string[] = [];
  if (value === '') return { ok: false, value, errors: [ValidationCode.REQUIRED], warnings };
  if (/^\d{15}$/.test(value)) {
    return {
      ok: false,
      value,
      errors: [ValidationCode.LEGACY_ID_NUMBER, ValidationCode.INVALID_FORMAT],
      warnings,
    };
  }
  if (!/^\d{17}[\dX]$/.test(value))
    return { ok: false, value, errors: [ValidationCode.INVALID_FORMAT], warnings };

  const out: ResidentIdResult = { ok: false, value, errors, warnings, regionCode: value.slice(0, 6) };
  if (!(value.slice(0, 2) in PROVINCE_CODES)) warnings.push(ValidationCode.UNKNOWN_REGION);

  const year = Number(value.slice(6, 10));
  const month = Number(value.slice(10, 12));
  const day = Number(value.slice(12, 14));
  if (year < 1800 || !isValidYmd(year, month, day)) {
    errors.push(ValidationCode.INVALID_DATE);
  } else {
    const birthDate = formatYmd(year, month, day);
    if (birthDate > (options.today ?? todayInShanghai())) errors.push(ValidationCode.FUTURE_DATE);
    else out.birthDate = birthDate;
  }
  out.sex = Number(value.charAt(16)) % 2 === 1 ? 'male' : 'female';

  if (computeResidentIdCheckDigit(value.slice(0, 17)) !== value.charAt(17))
    errors.push(ValidationCode.INVALID_CHECKSUM);
  out.ok = errors.length === 0;
  return out;
}
