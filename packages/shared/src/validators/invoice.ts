import { todayInShanghai } from './dates';
import { normalizeIdentifier } from './normalize';
import { result, ValidationCode, type ValidateOptions, type ValidationResult } from './types';

export interface InvoiceNoOptions extends ValidateOptions {
  /**
   * `digital` (全电发票, 20 digits, first two = year), `legacy` (VAT or vehicle sale invoice: 10/12-digit code +
   * 8-digit number). `auto` (default): written with a space or dash between code and number, or 18 digits → legacy;
   * otherwise 20 digits → digital.
   */
  kind?: 'auto' | 'digital' | 'legacy';
}

export interface InvoiceNoResult extends ValidationResult {
  kind?: 'digital' | 'legacy';
  /** The invoice code ('' for a digital invoice). (code, number) is unique across all claims. */
  code?: string;
  number?: string;
}

const LEGACY_SPLIT = /^\s*(\d{10}|\d{12})[\s\-—–－]+(\d{8})\s*$/;

/** Invoice number: fully digital e-invoice or legacy code + number. No public check digit. */
export function validateInvoiceNo(input: string, options: InvoiceNoOptions = {}): InvoiceNoResult {
  const kindOpt = options.kind ?? 'auto';
  const value = normalizeIdentifier(input);
  if (value === '') return result(value, [ValidationCode.REQUIRED]);
  if (!/^\d+$/.test(value)) return result(value, [ValidationCode.INVALID_FORMAT]);

  const looksSplit = LEGACY_SPLIT.test(String(input ?? '').normalize('NFKC'));
  const legacy = kindOpt === 'legacy' || (kindOpt === 'auto' && (looksSplit || value.length === 18));
  if (legacy) {
    if (value.length !== 18 && value.length !== 20) return result(value, [ValidationCode.INVALID_FORMAT]);
    return { ...result(value, []), kind: 'legacy', code: value.slice(0, -8), number: value.slice(-8) };
  }
  if (value.length !== 20) return result(value, [ValidationCode.INVALID_FORMAT]);
  const year = 2000 + Number(value.slice(0, 2));
  const currentYear = Number((options.today ?? todayInShanghai()).slice(0, 4));
  if (year > currentYear)
    return { ...result(value, [ValidationCode.FUTURE_DATE]), kind: 'digital', code: '', number: value };
  return { ...result(value, []), kind: 'digital', code: '', number: value };
}
