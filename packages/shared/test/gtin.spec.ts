import { computeGtin13CheckDigit, validateCorporateAccount, validateGtin13 } from '../src/validators';

/** GTIN-13 (GS1 General Specifications §7.9): vectors from GS1's and the EAN-13 literature's examples. */
describe('validateGtin13 (GS1 check digit)', () => {
  it.each([
    ['4006381333931', 'the EAN-13 textbook example'],
    ['5901234123457', 'GS1 example'],
    ['9780306406157', 'an ISBN-13 (Bookland prefix 978)'],
    ['6901234567892', 'a Chinese prefix (690)'],
    ['6901234567090', 'a sum ≡ 0 (mod 10) gives check 0'],
  ])('valid %s (%s)', (code) => {
    expect(validateGtin13(code)).toEqual({ ok: true, value: code, errors: [], warnings: [] });
  });

  it.each([
    ['4006381333932', 'INVALID_CHECKSUM'],
    ['6901234567891', 'INVALID_CHECKSUM'],
    ['9780306406151', 'INVALID_CHECKSUM'],
    ['400638133393', 'INVALID_FORMAT'],
    ['40063813339310', 'INVALID_FORMAT'],
    ['400638133393A', 'INVALID_FORMAT'],
    ['', 'REQUIRED'],
    ['   ', 'REQUIRED'],
  ])('invalid %j → %s', (code, error) => {
    expect(validateGtin13(code)).toMatchObject({ ok: false, errors: [error] });
  });

  it.each([
    [' 4006381333931 ', '4006381333931'],
    ['４００６３８１３３３９３１', '4006381333931'],
    ['4-006381-333931', '4006381333931'],
  ])('normalises %j → %s before checking', (input, value) => {
    expect(validateGtin13(input)).toMatchObject({ ok: true, value });
  });

  it('computes the check digit of the 12 leading digits', () => {
    expect(computeGtin13CheckDigit('400638133393')).toBe('1');
    expect(computeGtin13CheckDigit('690123456709')).toBe('0');
    expect(() => computeGtin13CheckDigit('40063813339')).toThrow(RangeError);
  });

  it('every single-digit substitution of a valid code is caught', () => {
    const valid = '6901234567892';
    for (let i = 0; i < 13; i++)
      for (let d = 0; d <= 9; d++) {
        if (String(d) === valid[i]) continue;
        const changed = valid.slice(0, i) + String(d) + valid.slice(i + 1);
        expect(validateGtin13(changed).ok).toBe(false);
      }
  });
});

describe('validateCorporateAccount (对公账户: shape only)', () => {
  it.each([
    ['37001616708050012345', '37001616708050012345'],
    ['1602 0238 0920 0123 456', '1602023809200123456'],
    ['123456789', '123456789'],
  ])('valid %j → %s', (input, value) => {
    expect(validateCorporateAccount(input)).toMatchObject({ ok: true, value });
  });
  it.each([
    ['', 'REQUIRED'],
    ['12345678', 'INVALID_FORMAT'],
    ['1'.repeat(33), 'INVALID_FORMAT'],
    ['3700161670805001234A', 'INVALID_FORMAT'],
  ])('invalid %j → %s', (input, error) => {
    expect(validateCorporateAccount(input)).toMatchObject({ ok: false, errors: [error] });
  });
});
