import type { ProfileInput } from '../dto/profile';
import { bankCardNumber, residentIdNumber } from './identity';

/** The non-identifying parts of a valid real-name profile (a Zhangqiu address and bank). */
export const RESIDENT_PROFILE_DEFAULTS = {
  name: '张三丰',
  street: 'mingshui',
  streetZh: '明水街道',
  address: '明水街道汇泉路 100 号',
  bankName: '中国农业银行章丘支行',
} as const;

/**
 * A valid `PUT /api/me/profile` body: resident number `serial` gets an ID born 1985-06-15 with order code
 * `serial` (0–999) and a card with that serial, unless given. Separate consent given.
 */
export function residentProfile(serial: number, overrides: Partial<ProfileInput> = {}): ProfileInput {
  const { name, street, address, bankName } = RESIDENT_PROFILE_DEFAULTS;
  return {
    name,
    idNumber: residentIdNumber({ sequence: serial }),
    street,
    address,
    bankName,
    bankAccount: bankCardNumber(serial),
    consent: true,
    ...overrides,
  };
}
