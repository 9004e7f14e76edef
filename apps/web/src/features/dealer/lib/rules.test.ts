import { describe, expect, it } from 'vitest';
import { productRules, registrationFieldOf, registrationRules, yuanToFen } from './rules';

describe('registration rules (the shared validators as you type)', () => {
  it.each([
    ['91310115MA1K3BTP2B', true],
    ['91110000600037341N', 'INVALID_CHECKSUM'],
    ['9111000060003IOZSV', 'INVALID_FORMAT'],
    ['', 'REQUIRED'],
  ])('uscc %j → %s', (value, expected) => {
    expect(registrationRules.uscc(value)).toBe(expected);
  });
  it.each([
    ['13800138000', true],
    ['12345678901', 'INVALID_FORMAT'],
  ])('contact phone %s → %s', (value, expected) => {
    expect(registrationRules.contactPhone(value)).toBe(expected);
  });
  it.each([
    ['1602 0238 0920 0123 456', true],
    ['1234', 'INVALID_FORMAT'],
  ])('payout account %j → %s', (value, expected) => {
    expect(registrationRules.payoutAccountNo(value)).toBe(expected);
  });
  it.each([
    ['mingshui-shop', true],
    ['Shop', 'INVALID_FORMAT'],
    ['', 'REQUIRED'],
  ])('username %j → %s', (value, expected) => {
    expect(registrationRules.username(value)).toBe(expected);
  });
  it.each([
    ['short', 'PASSWORD_TOO_SHORT'],
    ['violet-kettle-harbour-91', true],
    ['x'.repeat(129), 'PASSWORD_TOO_LONG'],
  ])('password %j → %s', (value, expected) => {
    expect(registrationRules.password(value)).toBe(expected);
  });
  it('consent and kinds are required', () => {
    expect(registrationRules.consent(false)).toBe('CONSENT_REQUIRED');
    expect(registrationRules.kinds([])).toBe('REQUIRED');
    expect(registrationRules.kinds(['retailer'])).toBe(true);
  });
  it.each([
    ['organization.uscc', 'uscc'],
    ['organization.payoutAccountNo', 'payoutAccountNo'],
    ['username', 'username'],
    ['password', 'password'],
    ['organization.status', undefined],
  ])('server field %s → form field %s', (key, field) => {
    expect(registrationFieldOf(key)).toBe(field);
  });
});

describe('product rules', () => {
  it.each([
    ['6901234567892', true],
    ['6901234567891', 'INVALID_CHECKSUM'],
    ['690123456789', 'INVALID_FORMAT'],
  ])('barcode %s → %s', (value, expected) => {
    expect(productRules.barcode(value)).toBe(expected);
  });
  it.each([
    ['3999', 399_900],
    ['3999.5', 399_950],
    ['0.01', 1],
    ['3999.555', null],
    ['-1', null],
    ['abc', null],
  ])('yuan %j → %s fen', (value, fen) => {
    expect(yuanToFen(value)).toBe(fen);
  });
  it.each([
    ['', 'REQUIRED'],
    ['0', 'OUT_OF_RANGE'],
    ['12.345', 'INVALID_FORMAT'],
    ['4199', true],
  ])('price %j → %s', (value, expected) => {
    expect(productRules.price(value)).toBe(expected);
  });
});
