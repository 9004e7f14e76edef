import {
  checkSaleReturn,
  amountsAddUp,
  categoryNeedsImei,
  checkBuyerIdNumber,
  checkCarSale,
  checkGoodsSale,
  computeUsccCheckChar,
  computeVinCheckDigit,
  normalizeDeliveryAddress,
  saleErrorCode,
  saleKindOf,
  validateImei,
} from '../src';
import { residentIdNumber } from '../src/testing';

const TODAY = { today: '2026-11-30' };
const PERSON = residentIdNumber({ sequence: 101, birthDate: '1960-03-01' });
const COMPANY = (() => {
  const first17 = '91370181MA3C4D5E6';
  return first17 + computeUsccCheckChar(first17);
})();
const NEW_VIN = (() => {
  const draft = 'LSVAU2180N2183294';
  return draft.slice(0, 8) + computeVinCheckDigit(draft) + draft.slice(9);
})();

const GOODS = {
  programCode: 'appliance-2026',
  productId: '0b6c4c57-3c1f-4a49-9d43-6f7d0a8f8a11',
  serialNo: ' bcd-470 0001 ',
  imei: '490154203237518',
  priceFen: 399_900,
  paidFen: 389_900,
  otherDiscountFen: 10_000,
  invoiceNo: '26370000000012345678',
  invoiceDate: '2026-11-20',
  buyer: { name: ' 张三 ', idNumber: PERSON.toLowerCase() },
  delivery: {
    mode: 'delivery',
    address: '明水街道百脉泉路1号',
    trackingNo: 'SF1',
    deliveredOn: '2026-11-21',
  },
  oldItem: { recyclerUscc: COMPANY, receiptNo: 'HS-1', recycledOn: '2026-11-19' },
};

const CAR = {
  programCode: 'car-scrap-2026',
  vehicle: { vin: NEW_VIN.toLowerCase(), powertrain: 'nev', displacementL: 0, inNevCatalogue: true },
  priceFen: 15_980_000,
  invoiceNo: '3700261130 12345678',
  invoiceDate: '2026-11-20',
  buyer: { name: '李四', idNumber: PERSON },
};

/** A copy of `base` with `path` set to `value` (`undefined` deletes it). */
function withField(base: object, path: string, value: unknown): Record<string, unknown> {
  const copy = structuredClone(base) as Record<string, unknown>;
  const keys = path.split('.');
  let node = copy;
  for (const key of keys.slice(0, -1)) node = node[key] as Record<string, unknown>;
  const last = keys.at(-1)!;
  if (value === undefined) delete node[last];
  else node[last] = value;
  return copy;
}

describe('validateImei (15 digits, Luhn)', () => {
  it.each(['490154203237518', '356938035643809', ' 35-693803-564380-9 '])('valid %j', (imei) => {
    expect(validateImei(imei)).toMatchObject({ ok: true, value: imei.replace(/[\s-]/g, '') });
  });
  it.each([
    ['490154203237519', 'INVALID_CHECKSUM'],
    ['49015420323751', 'INVALID_FORMAT'],
    ['4901542032375180', 'INVALID_FORMAT'],
    ['49015420323751A', 'INVALID_FORMAT'],
    ['', 'REQUIRED'],
  ])('invalid %j → %s', (imei, code) => {
    expect(validateImei(imei)).toMatchObject({ ok: false, errors: [code] });
  });
});

describe('checkBuyerIdNumber: the buyer is a person', () => {
  it('accepts a resident ID, normalised (upper-case X, no spaces)', () => {
    expect(checkBuyerIdNumber(` ${PERSON} `, TODAY)).toMatchObject({ ok: true, value: PERSON });
  });
  it.each([
    [COMPANY, 'BUYER_NOT_PERSON', "a company's credit code"],
    ['91370181MA3C4D5E6X', 'BUYER_NOT_PERSON', 'a malformed credit code'],
    ['E12345678', 'BUYER_NOT_PERSON', 'a passport number'],
    ['not an id', 'BUYER_NOT_PERSON', 'text'],
    [PERSON.slice(0, 17) + (PERSON.endsWith('0') ? '1' : '0'), 'INVALID_CHECKSUM', 'a mistyped check digit'],
    ['370181196013010012', 'INVALID_DATE', 'an impossible birth date'],
    ['370181600301001', 'LEGACY_ID_NUMBER', 'a 15-digit legacy ID'],
    ['', 'REQUIRED', 'nothing'],
  ])('%s → %s (%s)', (id, code) => {
    expect(checkBuyerIdNumber(id, TODAY)).toMatchObject({ ok: false, errors: [code] });
  });
});

describe('checkGoodsSale', () => {
  it('normalises a valid sale: identifiers, trimmed text', () => {
    const checked = checkGoodsSale(GOODS, TODAY);
    expect(checked).toEqual({
      ok: true,
      sale: {
        kind: 'goods',
        programCode: 'appliance-2026',
        voucherCode: null,
        productId: GOODS.productId,
        serialNo: 'BCD4700001',
        imei: '490154203237518',
        priceFen: 399_900,
        paidFen: 389_900,
        otherDiscountFen: 10_000,
        invoiceNo: '26370000000012345678',
        invoiceDate: '2026-11-20',
        buyer: { name: '张三', idNumber: PERSON },
        delivery: {
          mode: 'delivery',
          address: '明水街道百脉泉路1号',
          trackingNo: 'SF1',
          deliveredOn: '2026-11-21',
        },
        oldItem: { recyclerUscc: COMPANY, receiptNo: 'HS-1', recycledOn: '2026-11-19' },
      },
    });
  });

  it('a pickup needs no address; IMEI and old item are optional here', () => {
    const body = withField(
      withField(withField(GOODS, 'delivery', { mode: 'pickup' }), 'imei', undefined),
      'oldItem',
      undefined,
    );
    expect(checkGoodsSale(body, TODAY)).toMatchObject({
      ok: true,
      sale: { imei: null, oldItem: null, delivery: { mode: 'pickup', address: null } },
    });
  });

  it.each([
    ['buyer.idNumber', COMPANY, 'BUYER_NOT_PERSON'],
    ['buyer.idNumber', undefined, 'REQUIRED'],
    ['buyer.name', '  ', 'REQUIRED'],
    ['buyer.name', 'x'.repeat(41), 'TOO_LONG'],
    ['buyer', 'someone', 'INVALID_TYPE'],
    ['priceFen', 399_901, 'AMOUNTS_DO_NOT_ADD_UP'],
    ['paidFen', 1, 'AMOUNTS_DO_NOT_ADD_UP', 'priceFen'],
    ['priceFen', 0, 'OUT_OF_RANGE'],
    ['priceFen', 399_900.5, 'INVALID_TYPE'],
    ['priceFen', '399900', 'INVALID_TYPE'],
    ['paidFen', -1, 'OUT_OF_RANGE'],
    ['otherDiscountFen', undefined, 'REQUIRED'],
    ['invoiceNo', '2637000000001234567', 'INVALID_FORMAT'],
    ['invoiceNo', '27370000000012345678', 'FUTURE_DATE'],
    ['invoiceDate', '2026-02-30', 'INVALID_DATE'],
    ['invoiceDate', '2026-12-01', 'FUTURE_DATE'],
    ['imei', '490154203237519', 'INVALID_CHECKSUM'],
    ['serialNo', ' - ', 'REQUIRED'],
    ['serialNo', 'S'.repeat(65), 'TOO_LONG'],
    ['productId', 'not-a-uuid', 'INVALID_FORMAT'],
    ['productId', undefined, 'REQUIRED'],
    ['programCode', undefined, 'REQUIRED'],
    ['delivery', undefined, 'REQUIRED'],
    ['delivery.mode', 'drone', 'NOT_IN_OPTIONS'],
    ['delivery.address', undefined, 'REQUIRED'],
    ['delivery.deliveredOn', '2026-11-19', 'BEFORE_INVOICE_DATE'],
    ['delivery.deliveredOn', '2026-12-01', 'FUTURE_DATE'],
    ['oldItem.recyclerUscc', '91370181MA3C4D5E6X', 'INVALID_CHECKSUM'],
    ['oldItem.recycledOn', 'yesterday', 'INVALID_DATE'],
    ['oldItem.receiptNo', undefined, 'REQUIRED'],
  ])('%s = %j → %s', (path, value, code, field = path) => {
    const checked = checkGoodsSale(withField(GOODS, path, value), TODAY);
    expect(checked.ok).toBe(false);
    expect(checked.ok ? {} : checked.fields).toEqual({ [field]: code });
  });

  it('answers every problem at once, by field path', () => {
    const body = withField(
      withField(withField(GOODS, 'buyer.idNumber', COMPANY), 'imei', '1'),
      'priceFen',
      1,
    );
    expect(checkGoodsSale(body, TODAY)).toEqual({
      ok: false,
      fields: {
        'buyer.idNumber': 'BUYER_NOT_PERSON',
        imei: 'INVALID_FORMAT',
        priceFen: 'AMOUNTS_DO_NOT_ADD_UP',
      },
    });
  });

  it('not an object at all → body INVALID_TYPE (and each required field)', () => {
    const checked = checkGoodsSale('sale', TODAY);
    expect(checked.ok ? {} : checked.fields).toMatchObject({ body: 'INVALID_TYPE', priceFen: 'REQUIRED' });
  });

  it('with a voucher the amounts are checked at redemption (the subsidy is the engine’s), not here', () => {
    const body = { ...GOODS, voucherCode: 'V-1', paidFen: 300_000 };
    expect(checkGoodsSale(body, TODAY)).toMatchObject({ ok: true, sale: { voucherCode: 'V-1' } });
    expect(checkGoodsSale(body, { ...TODAY, subsidyFen: 89_900 })).toMatchObject({ ok: true });
    expect(checkGoodsSale(body, { ...TODAY, subsidyFen: 50_000 })).toMatchObject({
      ok: false,
      fields: { priceFen: 'AMOUNTS_DO_NOT_ADD_UP' },
    });
  });
});

describe('checkCarSale', () => {
  it('normalises a valid car sale (legacy invoice code + number, VIN upper-case)', () => {
    expect(checkCarSale(CAR, TODAY)).toEqual({
      ok: true,
      sale: {
        kind: 'car',
        programCode: 'car-scrap-2026',
        vehicle: { vin: NEW_VIN, powertrain: 'nev', displacementL: 0, inNevCatalogue: true },
        priceFen: 15_980_000,
        invoiceNo: '370026113012345678',
        invoiceDate: '2026-11-20',
        buyer: { name: '李四', idNumber: PERSON },
      },
    });
  });

  it.each([
    [
      'vehicle.vin',
      NEW_VIN.slice(0, 8) + (NEW_VIN[8] === '1' ? '2' : '1') + NEW_VIN.slice(9),
      'INVALID_CHECKSUM',
    ],
    ['vehicle.vin', 'LSVAU2180N218329', 'INVALID_FORMAT'],
    ['vehicle.powertrain', 'steam', 'NOT_IN_OPTIONS'],
    ['vehicle.displacementL', 11, 'OUT_OF_RANGE'],
    ['vehicle.displacementL', '1.5', 'INVALID_TYPE'],
    ['vehicle.inNevCatalogue', undefined, 'REQUIRED'],
    ['vehicle.inNevCatalogue', 'yes', 'INVALID_TYPE'],
    ['vehicle', undefined, 'REQUIRED'],
    ['buyer.idNumber', COMPANY, 'BUYER_NOT_PERSON'],
    ['priceFen', 0, 'OUT_OF_RANGE'],
    ['invoiceDate', '2026-12-01', 'FUTURE_DATE'],
  ])('%s = %j → %s', (path, value, code) => {
    const checked = checkCarSale(withField(CAR, path, value), TODAY);
    expect(checked.ok ? {} : checked.fields).toEqual({ [path]: code });
  });
});

describe('the other sale rules', () => {
  it.each([
    [{ priceFen: 100, paidFen: 60, subsidyFen: 30, otherDiscountFen: 10 }, true],
    [{ priceFen: 100, paidFen: 60, subsidyFen: 30, otherDiscountFen: 0 }, false],
    [{ priceFen: 100, paidFen: 100, subsidyFen: 0, otherDiscountFen: 0 }, true],
  ])('amountsAddUp(%j) = %s', (amounts, expected) => {
    expect(amountsAddUp(amounts)).toBe(expected);
  });

  it.each([
    [{ 'buyer.idNumber': 'BUYER_NOT_PERSON', priceFen: 'AMOUNTS_DO_NOT_ADD_UP' }, 'BUYER_NOT_PERSON'],
    [{ priceFen: 'ABOVE_FILED_PRICE' }, 'ABOVE_FILED_PRICE'],
    [{ priceFen: 'AMOUNTS_DO_NOT_ADD_UP', imei: 'REQUIRED' }, 'AMOUNTS_DO_NOT_ADD_UP'],
    [{ imei: 'REQUIRED' }, 'VALIDATION_FAILED'],
  ])('saleErrorCode(%j) = %s', (fields, code) => {
    expect(saleErrorCode(fields)).toBe(code);
  });

  it('delivery addresses compare without spacing, punctuation, width or case', () => {
    expect(normalizeDeliveryAddress(' 明水街道 百脉泉路１号。 ')).toBe(
      normalizeDeliveryAddress('明水街道百脉泉路1号'),
    );
    expect(normalizeDeliveryAddress('Room 3-B, No.1')).toBe(normalizeDeliveryAddress('room3b no 1'));
    expect(normalizeDeliveryAddress('百脉泉路1号')).not.toBe(normalizeDeliveryAddress('百脉泉路2号'));
  });

  it('phones and tablets need an IMEI; a car body is told by its vehicle', () => {
    expect(['phone', 'tablet', 'smartwatch', 'refrigerator'].map(categoryNeedsImei)).toEqual([
      true,
      true,
      false,
      false,
    ]);
    expect([saleKindOf(CAR), saleKindOf(GOODS), saleKindOf(null), saleKindOf('x')]).toEqual([
      'car',
      'goods',
      'goods',
      'goods',
    ]);
  });
});

describe('checkSaleReturn (operations.md §6)', () => {
  const context = { today: '2026-05-20', saleDate: '2026-05-10' };
  it.each<[unknown, Record<string, string> | null]>([
    [{ returnedOn: '2026-05-12', reason: '七天无理由退货' }, null],
    [{ returnedOn: '2026-05-10', reason: 'x' }, null],
    [{ returnedOn: '2026-05-20', reason: 'x' }, null],
    [{ returnedOn: '2026-05-21', reason: 'x' }, { returnedOn: 'FUTURE_DATE' }],
    [{ returnedOn: '2026-05-09', reason: 'x' }, { returnedOn: 'BEFORE_SALE_DATE' }],
    [{ returnedOn: '2026-02-30', reason: 'x' }, { returnedOn: 'INVALID_DATE' }],
    [{ returnedOn: 20260512, reason: 'x' }, { returnedOn: 'INVALID_DATE' }],
    [{ returnedOn: '', reason: 'x' }, { returnedOn: 'REQUIRED' }],
    [{ reason: 'x' }, { returnedOn: 'REQUIRED' }],
    [{ returnedOn: '2026-05-12', reason: '  ' }, { reason: 'REQUIRED' }],
    [{ returnedOn: '2026-05-12', reason: 7 }, { reason: 'INVALID_TYPE' }],
    [{ returnedOn: '2026-05-12', reason: '退'.repeat(201) }, { reason: 'TOO_LONG' }],
    [{ returnedOn: '2026-05-12', reason: '退'.repeat(200) }, null],
    [null, { returnedOn: 'REQUIRED', reason: 'REQUIRED' }],
  ])('%j → %j', (input, fields) => {
    const result = checkSaleReturn(input, context);
    if (fields === null) expect(result.ok).toBe(true);
    else expect(result).toEqual({ ok: false, fields });
  });

  it('answers the reason trimmed', () => {
    expect(checkSaleReturn({ returnedOn: '2026-05-12', reason: '  屏幕划痕 ' }, context)).toEqual({
      ok: true,
      value: { returnedOn: '2026-05-12', reason: '屏幕划痕' },
    });
  });
});
