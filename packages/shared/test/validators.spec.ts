import fc from 'fast-check';
import {
  computeLuhnCheckDigit,
  computeResidentIdCheckDigit,
  computeUsccCheckChar,
  computeVinCheckDigit,
  maskBankCard,
  maskIdNumber,
  maskName,
  maskPhone,
  normalizeIdentifier,
  PROVINCE_CODES,
  USCC_ALPHABET,
  validateBankCard,
  validateInvoiceNo,
  validateMobile,
  validatePlate,
  validateResidentId,
  validateUscc,
  validateVin,
  VIN_ALPHABET,
  vinCharValue,
} from '../src/validators';
import { daysInMonth } from '../src/validators/dates';

const TODAY = { today: '2026-06-01' };

describe('normalizeIdentifier', () => {
  it.each([
    ['  11010519491231002x ', '11010519491231002X'],
    ['１１０１０５１９４９１２３１００２Ｘ', '11010519491231002X'],
    ['1101-0519 4912-3100 2x', '11010519491231002X'],
    ['ldc613p23a1305189', 'LDC613P23A1305189'],
    ['鲁ａ　１２３４５', '鲁A12345'],
  ])('%s → %s', (input, expected) => {
    expect(normalizeIdentifier(input)).toBe(expected);
  });
});

describe('validateResidentId (GB 11643-1999)', () => {
  it.each([
    ['11010519491231002X', '1949-12-31', 'female'],
    ['440524188001010014', '1880-01-01', 'male'],
    ['360426199101010071', '1991-01-01', 'male'],
    ['44011320141005001X', '2014-10-05', 'male'],
  ])('valid %s (birth %s, %s)', (id, birthDate, sex) => {
    const r = validateResidentId(id, TODAY);
    expect(r).toMatchObject({
      ok: true,
      value: id,
      errors: [],
      warnings: [],
      birthDate,
      sex,
      regionCode: id.slice(0, 6),
    });
  });

  it.each([
    ['36042619910102009X', 'INVALID_CHECKSUM'],
    ['340524198001010013', 'INVALID_CHECKSUM'],
    ['360426199113010079', 'INVALID_DATE'],
    ['360426199102300079', 'INVALID_DATE'],
    ['3604261991010100', 'INVALID_FORMAT'],
    ['36042619910101007A', 'INVALID_FORMAT'],
    ['360426910101007', 'LEGACY_ID_NUMBER'],
    ['', 'REQUIRED'],
  ])('invalid %s → %s', (id, code) => {
    const r = validateResidentId(id, TODAY);
    expect(r.ok).toBe(false);
    expect(r.errors).toContain(code);
  });

  it('the check digits in identifiers.md are the computed ones', () => {
    expect(computeResidentIdCheckDigit('36042619910102009')).toBe('3');
    expect(computeResidentIdCheckDigit('34052419800101001')).toBe('X');
  });

  it('a birth date in the future is an error', () => {
    const first17 = '37018120270101001';
    const r = validateResidentId(first17 + computeResidentIdCheckDigit(first17), TODAY);
    expect(r.errors).toEqual(['FUTURE_DATE']);
    expect(r.birthDate).toBeUndefined();
  });

  it('an unknown province is a warning, not an error', () => {
    const first17 = '99010119900101001';
    const r = validateResidentId(first17 + computeResidentIdCheckDigit(first17), TODAY);
    expect(r.ok).toBe(true);
    expect(r.warnings).toEqual(['UNKNOWN_REGION']);
  });

  it('normalises before checking (lower-case x, full-width, spaces)', () => {
    const r = validateResidentId(' １１０１０５ 19491231 002x ', TODAY);
    expect(r.ok).toBe(true);
    expect(r.value).toBe('11010519491231002X');
  });
});

describe('validateUscc (GB 32100-2015)', () => {
  it.each(['91110000600037341L', '121200004013590816', '91310115MA1K3BTP2B', '91340600MA2PBP2120'])(
    'valid %s',
    (code) => {
      expect(validateUscc(code)).toEqual({ ok: true, value: code, errors: [], warnings: [] });
    },
  );
  it('a sum ≡ 0 (mod 31) gives check 0', () => {
    expect(computeUsccCheckChar('91340600MA2PBP212')).toBe('0');
  });
  it.each([
    ['91110000600037341N', 'INVALID_CHECKSUM'],
    ['9111000060003IOZSV', 'INVALID_FORMAT'],
    ['91110000600037341', 'INVALID_FORMAT'],
  ])('invalid %s → %s', (code, err) => {
    expect(validateUscc(code)).toMatchObject({ ok: false, errors: [err] });
  });
});

describe('validateVin (ISO 3779)', () => {
  it.each(['1M8GDM9AXKP042788', 'LDC613P23A1305189', 'LSJA24U62JG269225'])('valid %s', (vin) => {
    expect(validateVin(vin)).toEqual({ ok: true, value: vin, errors: [], warnings: [] });
  });
  it('check digit X', () => {
    expect(computeVinCheckDigit('1M8GDM9AXKP042788')).toBe('X');
  });
  it('a bad check digit is an error for a new car', () => {
    expect(validateVin('1M8GDM9A1KP042788', { context: 'new' })).toMatchObject({
      ok: false,
      errors: ['INVALID_CHECKSUM'],
    });
    expect(validateVin('1M8GDM9A1KP042788')).toMatchObject({ ok: false, errors: ['INVALID_CHECKSUM'] });
  });
  it('a bad check digit is only a warning for an old (scrapped) car', () => {
    expect(validateVin('1M8GDM9A1KP042788', { context: 'old' })).toEqual({
      ok: true,
      value: '1M8GDM9A1KP042788',
      errors: [],
      warnings: ['INVALID_CHECKSUM'],
    });
  });
  it.each(['1M8GDM9AXKP04278', 'IM8GDM9AXKP042788', 'OM8GDM9AXKP042788', 'QM8GDM9AXKP042788'])(
    'bad shape %s',
    (vin) => {
      expect(validateVin(vin, { context: 'old' })).toMatchObject({ ok: false, errors: ['INVALID_FORMAT'] });
    },
  );
});

describe('validatePlate (GA 36-2018)', () => {
  it.each([
    ['鲁A12345', 'ordinary'],
    ['鲁AD12345', 'nev_small'],
    ['辽D46234F', 'nev_large'],
    ['鲁A1234学', 'ordinary'],
    ['鲁a 12345', 'ordinary'],
  ])('valid %s (%s)', (plate, kind) => {
    const r = validatePlate(plate);
    expect(r.ok).toBe(true);
    expect(r.kind).toBe(kind);
    expect(r.province).toBe(r.value.charAt(0));
  });
  it.each(['鲁AI2345', '鲁A1234', '鲁I12345', 'AA12345', '鲁A123456789'])('invalid %s', (plate) => {
    expect(validatePlate(plate)).toMatchObject({ ok: false, errors: ['INVALID_FORMAT'] });
  });
});

describe('validateBankCard', () => {
  it('Luhn-valid card', () => {
    expect(validateBankCard('6230 5146 3000 0424 473')).toEqual({
      ok: true,
      value: '6230514630000424473',
      errors: [],
      warnings: [],
    });
  });
  it('a Luhn failure is a warning only', () => {
    expect(validateBankCard('6230514630000424470')).toEqual({
      ok: true,
      value: '6230514630000424470',
      errors: [],
      warnings: ['INVALID_CHECKSUM'],
    });
  });
  it.each(['623051463000042', '62305146300004244701', '6230A14630000424473'])('bad shape %s', (card) => {
    expect(validateBankCard(card)).toMatchObject({ ok: false, errors: ['INVALID_FORMAT'] });
  });
  it('computeLuhnCheckDigit gives the digit that passes', () => {
    expect(computeLuhnCheckDigit('623051463000042447')).toBe('3');
  });
});

describe('validateMobile', () => {
  it.each([
    ['13800138000', '13800138000'],
    ['19912345678', '19912345678'],
    ['+86 138 0013 8000', '13800138000'],
    ['0086-13800138000', '13800138000'],
  ])('valid %s', (input, value) => {
    expect(validateMobile(input)).toEqual({ ok: true, value, errors: [], warnings: [] });
  });
  it.each(['12345678901', '1380013800', '+1 13800138000'])('invalid %s', (input) => {
    expect(validateMobile(input)).toMatchObject({ ok: false, errors: ['INVALID_FORMAT'] });
  });
});

describe('validateInvoiceNo', () => {
  it('a fully digital invoice: 20 digits, first two = year', () => {
    expect(validateInvoiceNo('26370000000000000001', TODAY)).toMatchObject({
      ok: true,
      kind: 'digital',
      code: '',
      number: '26370000000000000001',
    });
  });
  it('a digital invoice from a future year is an error', () => {
    expect(validateInvoiceNo('27370000000000000001', TODAY)).toMatchObject({
      ok: false,
      errors: ['FUTURE_DATE'],
    });
  });
  it('a legacy code + number written apart', () => {
    expect(validateInvoiceNo('037002000111 12345678', TODAY)).toMatchObject({
      ok: true,
      kind: 'legacy',
      code: '037002000111',
      number: '12345678',
      value: '03700200011112345678',
    });
  });
  it('an 18-digit legacy pair (10-digit code)', () => {
    expect(validateInvoiceNo('370020011112345678', TODAY)).toMatchObject({
      ok: true,
      kind: 'legacy',
      code: '3700200111',
      number: '12345678',
    });
  });
  it.each(['1234', 'ABCDEFGHIJKLMNOPQRST', '123456789012345678901'])('invalid %s', (input) => {
    expect(validateInvoiceNo(input, TODAY)).toMatchObject({ ok: false, errors: ['INVALID_FORMAT'] });
  });
});

describe('masking', () => {
  it.each([
    [maskIdNumber('370181199001011234'), '3701**********1234'],
    [maskBankCard('6230514630000424473'), '**** **** **** 4473'],
    [maskPhone('13800138000'), '138****8000'],
    [maskName('张三'), '张*'],
    [maskName('欧阳娜娜'), '欧***'],
  ])('%s', (masked, expected) => {
    expect(masked).toBe(expected);
  });
});

// ------------------------------------------------------------------------------------------ property tests

const DIGITS = '0123456789';
const char = (alphabet: string) => fc.constantFrom(...alphabet.split(''));
const str = (alphabet: string, length: number) =>
  fc.string({ unit: char(alphabet), minLength: length, maxLength: length });

/** Generated valid resident IDs: known province, real past birth date, any sequence. */
export const residentIdArb = fc
  .record({
    province: fc.constantFrom(...Object.keys(PROVINCE_CODES)),
    county: str(DIGITS, 4),
    year: fc.integer({ min: 1900, max: 2025 }),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 1, max: 31 }),
    seq: str(DIGITS, 3),
  })
  .map(({ province, county, year, month, day, seq }) => {
    const d = Math.min(day, daysInMonth(year, month));
    const first17 = `${province}${county}${year}${String(month).padStart(2, '0')}${String(d).padStart(2, '0')}${seq}`;
    return first17 + computeResidentIdCheckDigit(first17);
  });

const VIN_CHECK_CHARS = '0123456789X';
export const vinArb = str(VIN_ALPHABET, 17).map((s) => {
  const vin = `${s.slice(0, 8)}0${s.slice(9)}`;
  return `${vin.slice(0, 8)}${computeVinCheckDigit(vin)}${vin.slice(9)}`;
});

const USCC_NO_CHECK = fc
  .tuple(str(USCC_ALPHABET, 2), str(DIGITS, 6), str(USCC_ALPHABET, 9))
  .map(([a, b, c]) => a + b + c);
export const usccArb = USCC_NO_CHECK.map((s) => s + computeUsccCheckChar(s));

function replaceAt(s: string, i: number, ch: string): string {
  return s.slice(0, i) + ch + s.slice(i + 1);
}

describe('property: generated identifiers pass, any one-character change fails', () => {
  it('resident ID', () => {
    fc.assert(
      fc.property(residentIdArb, fc.nat(), fc.nat(), (id, posSeed, chSeed) => {
        expect(validateResidentId(id, TODAY).ok).toBe(true);
        const i = posSeed % 18;
        const allowed = (i === 17 ? '0123456789X' : DIGITS).replace(id.charAt(i), '');
        const mutated = replaceAt(id, i, allowed.charAt(chSeed % allowed.length));
        expect(validateResidentId(mutated, TODAY).ok).toBe(false);
      }),
      { numRuns: 500 },
    );
  });

  it('unified social credit code', () => {
    fc.assert(
      fc.property(usccArb, fc.nat(), fc.nat(), (code, posSeed, chSeed) => {
        expect(validateUscc(code).ok).toBe(true);
        const i = posSeed % 18;
        const alphabet = i >= 2 && i < 8 ? DIGITS : USCC_ALPHABET;
        const allowed = alphabet.replace(code.charAt(i), '');
        expect(validateUscc(replaceAt(code, i, allowed.charAt(chSeed % allowed.length))).ok).toBe(false);
      }),
      { numRuns: 500 },
    );
  });

  it('VIN (a change to a character with another transliterated value, or of the check digit)', () => {
    fc.assert(
      fc.property(vinArb, fc.nat(), fc.nat(), (vin, posSeed, chSeed) => {
        expect(validateVin(vin, { context: 'new' }).ok).toBe(true);
        const i = posSeed % 17;
        const current = vin.charAt(i);
        const allowed =
          i === 8
            ? VIN_CHECK_CHARS.replace(current, '')
            : VIN_ALPHABET.split('')
                .filter((c) => vinCharValue(c) !== vinCharValue(current))
                .join('');
        const mutated = replaceAt(vin, i, allowed.charAt(chSeed % allowed.length));
        expect(validateVin(mutated, { context: 'new' }).ok).toBe(false);
        expect(validateVin(mutated, { context: 'old' }).warnings).toEqual(['INVALID_CHECKSUM']);
      }),
      { numRuns: 500 },
    );
  });

  it('VIN: characters with the same transliterated value are indistinguishable by design (ISO 3779)', () => {
    // A, J and 1 all transliterate to 1, so swapping them leaves the check digit unchanged.
    const vin = 'LDC613P23A1305189';
    expect(validateVin(replaceAt(vin, 9, 'J')).ok).toBe(true);
  });
});
