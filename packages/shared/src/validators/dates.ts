/** Calendar-date helpers on `YYYY-MM-DD` strings (no time zones, no `Date` parsing). */
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

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

/** True for a real calendar date written `YYYY-MM-DD`. */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string' || value.length !== 10) return false;
  const m = DATE_RE.exec(value);
  if (!m) return false;
  return isValidYmd(Number(m[1]), Number(m[2]), Number(m[3]));
}

export function parseIsoDate(value: string): { year: number; month: number; day: number } | null {
  if (!isIsoDate(value)) return null;
  return { year: Number(value.slice(0, 4)), month: Number(value.slice(5, 7)), day: Number(value.slice(8, 10)) };
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
