/**
 * Money is an integer number of fen (分) everywhere. These helpers never use floating-point arithmetic on
 * amounts: every operation is on safe integers, and a non-integer or unsafe input throws a RangeError.
 */

export type Fen = number;
export type MoneyLocale = 'zh-CN' | 'en';

export function assertFen(value: unknown, name = 'amountFen'): asserts value is Fen {
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
    throw new RangeError(`${name} must be a safe integer number of fen, got ${String(value)}`);
  }
}

/** True for a safe integer (a valid fen amount, possibly negative). */
export function isFen(value: unknown): value is Fen {
  return typeof value === 'number' && Number.isSafeInteger(value);
}

/**
 * `amountFen × basisPoints / 10 000`, rounded DOWN to the whole fen (towards −∞). 15 % = 1 500 bp.
 * Exact: the amount is split into a multiple of 10 000 and a remainder so no intermediate leaves the safe range.
 */
export function percentOfFen(amountFen: Fen, basisPoints: number): Fen {
  assertFen(amountFen);
  assertFen(basisPoints, 'basisPoints');
  let rem = amountFen % 10_000;
  let whole = (amountFen - rem) / 10_000;
  if (rem < 0) {
    rem += 10_000;
    whole -= 1;
  }
  const a = whole * basisPoints;
  const r = rem * basisPoints;
  const rRem = r % 10_000;
  let rWhole = (r - rRem) / 10_000;
  if (rRem < 0) rWhole -= 1;
  const out = a + rWhole;
  if (!Number.isSafeInteger(a) || !Number.isSafeInteger(r) || !Number.isSafeInteger(out)) {
    throw new RangeError('percentOfFen result is outside the safe integer range');
  }
  return out;
}

/** The smaller of the amount and the cap. */
export function capFen(amountFen: Fen, cap: Fen): Fen {
  assertFen(amountFen);
  assertFen(cap, 'capFen');
  return amountFen < cap ? amountFen : cap;
}

/** Sum of fen amounts; throws when the total leaves the safe integer range. */
export function sumFen(...amounts: Fen[]): Fen {
  let total = 0;
  for (const a of amounts) {
    assertFen(a);
    total += a;
  }
  assertFen(total, 'total');
  return total;
}

const YUAN_RE = /^(-)?(\d+)(?:\.(\d{1,2}))?$/;

/** Exact conversion of a decimal yuan string (`"20000"`, `"199.9"`, `"0.05"`; commas allowed as thousands separators). */
export function yuanToFen(yuan: string): Fen {
  if (typeof yuan !== 'string') throw new RangeError('yuanToFen expects a decimal string');
  const s = yuan.trim().replace(/,(?=\d{3}(?:\D|$))/g, '');
  const m = YUAN_RE.exec(s);
  if (!m) throw new RangeError(`Not a yuan amount with at most 2 decimals: ${yuan}`);
  const whole = Number(m[2]);
  const frac = Number((m[3] ?? '').padEnd(2, '0'));
  const fen = whole * 100 + frac;
  if (!Number.isSafeInteger(whole) || !Number.isSafeInteger(fen))
    throw new RangeError(`Amount too large: ${yuan}`);
  return m[1] && fen !== 0 ? -fen : fen;
}

/** `"20000.00"`: fen as a plain decimal yuan string (no separators, no symbol). */
export function fenToYuanString(fen: Fen): string {
  assertFen(fen, 'fen');
  const neg = fen < 0;
  const abs = neg ? -fen : fen;
  const whole = (abs - (abs % 100)) / 100;
  return `${neg ? '-' : ''}${whole}.${String(abs % 100).padStart(2, '0')}`;
}

/** `¥20,000.00` in both zh-CN and en (the portal shows CNY only). Negative amounts as `-¥20.00`. */
export function formatFen(fen: Fen, locale: MoneyLocale = 'zh-CN'): string {
  if (locale !== 'zh-CN' && locale !== 'en') throw new RangeError(`Unsupported locale: ${String(locale)}`);
  const plain = fenToYuanString(fen);
  const neg = plain.startsWith('-');
  const [whole = '0', frac = '00'] = (neg ? plain.slice(1) : plain).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${neg ? '-' : ''}¥${grouped}.${frac}`;
}
