/** Calendar-date helpers on `YYYY-MM-DD` strings (no time zones, no `Date` parsing). */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

export function isValidYmd(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    year >= 1 &&
    year <= 9999 &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

/** True for a real calendar date written `YYYY-MM-DD` (hot path of the rule engine: no regex, no allocation). */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string' || value.length !== 10) return false;
  if (value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) return false;
  let year = 0;
  for (let i = 0; i < 4; i++) {
    const d = value.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return false;
    year = year * 10 + d;
  }
  const m1 = value.charCodeAt(5) - 48;
  const m2 = value.charCodeAt(6) - 48;
  const d1 = value.charCodeAt(8) - 48;
  const d2 = value.charCodeAt(9) - 48;
  if (m1 < 0 || m1 > 9 || m2 < 0 || m2 > 9 || d1 < 0 || d1 > 9 || d2 < 0 || d2 > 9) return false;
  return isValidYmd(year, m1 * 10 + m2, d1 * 10 + d2);
}

export function parseIsoDate(value: string): { year: number; month: number; day: number } | null {
  if (!isIsoDate(value)) return null;
  return {
    year: Number(value.slice(0, 4)),
    month: Number(value.slice(5, 7)),
    day: Number(value.slice(8, 10)),
  };
}

export function formatYmd(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Today's date in Asia/Shanghai (UTC+8, no daylight saving). Only used as a default; pass dates explicitly. */
export function todayInShanghai(now: number = Date.now()): string {
  return new Date(now + 8 * 3600 * 1000).toISOString().slice(0, 10);
}

/** Whole years from `birthDate` to `onDate` (the birthday counts on the day itself; 29 Feb birthdays on 1 Mar). */
export function ageOn(birthDate: string, onDate: string): number | null {
  const b = parseIsoDate(birthDate);
  const d = parseIsoDate(onDate);
  if (!b || !d) return null;
  let age = d.year - b.year;
  if (d.month < b.month || (d.month === b.month && d.day < b.day)) age -= 1;
  return age;
}

/** Adds whole years; 29 Feb becomes 28 Feb in a common year. */
export function addYears(date: string, years: number): string | null {
  const p = parseIsoDate(date);
  if (!p || !Number.isInteger(years)) return null;
  const year = p.year + years;
  if (year < 1 || year > 9999) return null;
  return formatYmd(year, p.month, Math.min(p.day, daysInMonth(year, p.month)));
}

function toDayNumber(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / 86_400_000;
}

/** Adds whole days (may be negative). */
export function addDays(date: string, days: number): string | null {
  const p = parseIsoDate(date);
  if (!p || !Number.isInteger(days)) return null;
  const d = new Date((toDayNumber(p.year, p.month, p.day) + days) * 86_400_000);
  const year = d.getUTCFullYear();
  if (year < 1 || year > 9999) return null;
  return formatYmd(year, d.getUTCMonth() + 1, d.getUTCDate());
}

/** Days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: string, to: string): number | null {
  const a = parseIsoDate(from);
  const b = parseIsoDate(to);
  if (!a || !b) return null;
  return toDayNumber(b.year, b.month, b.day) - toDayNumber(a.year, a.month, a.day);
}
