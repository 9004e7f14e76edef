import {
  DEALER_USERNAME_PATTERN,
  MAX_FILED_PRICE_FEN,
  validateCorporateAccount,
  validateGtin13,
  validateMobile,
  validateUscc,
  ZHANGQIU_STREET_CODES,
} from '@huanxin/shared';

type Rule<V> = (value: V) => true | string;

const text =
  (min: number, max: number): Rule<string> =>
  (value) => {
    const length = Array.from(value.trim()).length;
    if (length === 0) return 'REQUIRED';
    if (length < min) return 'TOO_SHORT';
    return length > max ? 'TOO_LONG' : true;
  };

const identifier =
  (check: (value: string) => { ok: boolean; errors: string[] }): Rule<string> =>
  (value) => {
    const checked = check(value);
    return checked.ok || (checked.errors[0] ?? 'INVALID_FORMAT');
  };

/** The registration form's rules: the DTO's lengths and the shared identifier validators. */
export const registrationRules = {
  name: text(2, 100),
  uscc: identifier(validateUscc),
  kinds: (value: string[]): true | string => value.length > 0 || 'REQUIRED',
  programs: (value: string[]): true | string => value.length > 0 || 'REQUIRED',
  street: (value: string): true | string =>
    value === '' ? 'REQUIRED' : ZHANGQIU_STREET_CODES.includes(value) || 'NOT_IN_OPTIONS',
  contactName: text(2, 40),
  contactPhone: identifier(validateMobile),
  payoutBankName: text(2, 60),
  payoutAccountNo: identifier(validateCorporateAccount),
  username: (value: string): true | string =>
    value === '' ? 'REQUIRED' : DEALER_USERNAME_PATTERN.test(value) || 'INVALID_FORMAT',
  /** The server applies the full policy (common and breached passwords); the form checks the length. */
  password: (value: string): true | string => {
    const length = Array.from(value).length;
    if (length === 0) return 'REQUIRED';
    if (length < 12) return 'PASSWORD_TOO_SHORT';
    return length <= 128 || 'PASSWORD_TOO_LONG';
  },
  consent: (value: boolean): true | string => value === true || 'CONSENT_REQUIRED',
};

/** Yuan as typed ("3999", "3999.5") → fen, or null when not a price with at most 2 decimals. */
export function yuanToFen(value: string): number | null {
  const trimmed = value.trim();
  if (!/^\d{1,8}(\.\d{1,2})?$/.test(trimmed)) return null;
  const [whole, fraction = ''] = trimmed.split('.');
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
}

export const productRules = {
  barcode: identifier(validateGtin13),
  brand: text(1, 60),
  model: text(1, 80),
  category: (value: string): true | string => value !== '' || 'REQUIRED',
  programCode: (value: string): true | string => value !== '' || 'REQUIRED',
  price: (value: string): true | string => {
    if (value.trim() === '') return 'REQUIRED';
    const fen = yuanToFen(value);
    if (fen === null) return 'INVALID_FORMAT';
    return (fen >= 1 && fen <= MAX_FILED_PRICE_FEN) || 'OUT_OF_RANGE';
  },
};

/** The form field a server error key belongs to (`organization.uscc` → `uscc`). */
export function registrationFieldOf(serverKey: string): string | undefined {
  const key = serverKey.startsWith('organization.') ? serverKey.slice('organization.'.length) : serverKey;
  return key in registrationRules ? key : undefined;
}
