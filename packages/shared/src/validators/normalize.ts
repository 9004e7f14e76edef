const DASHES = /[\s\-\u2010-\u2015\u2212\u30FC]/g;

/** Full-width ASCII (U+FF01–U+FF5E) and the ideographic space to their half-width forms. */
export function toHalfWidth(input: string): string {
  let out = '';
  for (const ch of input) {
    const code = ch.codePointAt(0) ?? 0;
    if (code >= 0xff01 && code <= 0xff5e) out += String.fromCharCode(code - 0xfee0);
    else if (code === 0x3000) out += ' ';
    else out += ch;
  }
  return out;
}

/**
 * The normalisation every identifier goes through before it is checked (identifiers.md):
 * trim, full-width → half-width, upper-case, strip spaces and dashes.
 */
export function normalizeIdentifier(input: string): string {
  return toHalfWidth(String(input ?? ''))
    .trim()
    .toUpperCase()
    .replace(DASHES, '');
}
