/** Masking for display and logs (identifiers.md). A full value is shown only through an audited "reveal". */

/** `3701**********1234`: first 4 and last 4 kept. */
export function maskIdNumber(id: string): string {
  const s = String(id ?? '');
  if (s.length <= 8) return '*'.repeat(s.length);
  return s.slice(0, 4) + '*'.repeat(s.length - 8) + s.slice(-4);
}

/** `**** **** **** 1234`. */
export function maskBankCard(card: string): string {
  const digits = String(card ?? '').replace(/\D/g, '');
  return `**** **** **** ${digits.slice(-4)}`;
}

/** `138****8000`: first 3 and last 4 kept. */
export function maskPhone(phone: string): string {
  const s = String(phone ?? '')
    .replace(/\D/g, '')
    .replace(/^(?:0086|86)(?=1\d{10}$)/, '');
  if (s.length <= 7) return '*'.repeat(s.length);
  return s.slice(0, 3) + '*'.repeat(s.length - 7) + s.slice(-4);
}

/** `张*`: the first character kept, the rest hidden. */
export function maskName(name: string): string {
  const chars = Array.from(String(name ?? '').trim());
  if (chars.length === 0) return '';
  return `${chars[0]}${'*'.repeat(Math.max(1, chars.length - 1))}`;
}
