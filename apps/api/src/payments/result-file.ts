import {
  RECONCILE_COLUMNS,
  RECONCILE_OPTIONAL_COLUMNS,
  RECONCILE_RESULTS,
  type ReconcileLineError,
  type ReconcileResult,
  yuanToFen,
  ErrorCode,
  FieldErrorCode,
} from '@huanxin/shared';
import { parse } from 'csv-parse/sync';
import { DomainError } from '../common/errors/domain-error';

/** One row of the bank's result file, as read (checked against the batch by the reconciler). */
export interface ResultRow {
  /** Line number in the file (1 = the header). */
  line: number;
  lineId: string;
  result: ReconcileResult;
  reason: string | null;
  bankRef: string | null;
  amountFen: number | null;
}

const MAX_TEXT = 200;
const KNOWN = new Set<string>([...RECONCILE_COLUMNS, ...RECONCILE_OPTIONAL_COLUMNS]);

/**
 * Reads the bank's result file: CSV `lineId,result,reason,bankRef` (and optionally `amount` in
 * yuan), UTF-8 with or without a byte-order mark. Wrong columns are refused at once (422
 * RECONCILE_COLUMNS_INVALID naming them); every row is then checked and all problems are
 * reported together (422 RECONCILE_FILE_INVALID with `rows`). Nothing is applied by this.
 */
export function readResultFile(content: Buffer): ResultRow[] {
  let records: string[][];
  try {
    records = parse(content, {
      bom: true,
      skip_empty_lines: true,
      trim: true,
      relax_column_count: true,
    }) as string[][];
  } catch {
    throw new DomainError(ErrorCode.RECONCILE_FILE_INVALID, 'The result file is not readable CSV', {
      extra: { rows: [{ line: 0, field: 'file', code: FieldErrorCode.INVALID_FORMAT }] },
    });
  }
  const [header, ...body] = records;
  const columns = (header ?? []).map((name) => name.trim());
  const fields: Record<string, string> = {};
  for (const name of RECONCILE_COLUMNS) if (!columns.includes(name)) fields[name] = FieldErrorCode.REQUIRED;
  for (const name of columns) if (!KNOWN.has(name)) fields[name || '(empty)'] = FieldErrorCode.UNKNOWN_FIELD;
  if (new Set(columns).size !== columns.length) fields.header = 'DUPLICATE_COLUMN';
  if (Object.keys(fields).length > 0)
    throw new DomainError(
      ErrorCode.RECONCILE_COLUMNS_INVALID,
      `The result file's columns must be ${RECONCILE_COLUMNS.join(',')} (amount optional)`,
      { fields },
    );
  if (body.length === 0)
    throw invalid([{ line: 1, field: 'file', code: 'NO_ROWS' }], 'The result file has no rows');

  const index = (name: string) => columns.indexOf(name);
  const rows: ResultRow[] = [];
  const errors: ReconcileLineError[] = [];
  const seen = new Set<string>();
  body.forEach((record, i) => {
    const line = i + 2;
    const cell = (name: string) => (index(name) >= 0 ? (record[index(name)] ?? '').trim() : '');
    const lineId = cell('lineId');
    const result = cell('result');
    const reason = cell('reason');
    const bankRef = cell('bankRef');
    const amount = cell('amount');
    const problem = (field: string, code: string) =>
      errors.push({ line, ...(lineId ? { lineId } : {}), field, code });
    if (record.length !== columns.length) problem('file', 'WRONG_COLUMN_COUNT');
    if (!lineId) problem('lineId', FieldErrorCode.REQUIRED);
    else if (seen.has(lineId)) problem('lineId', 'DUPLICATE_LINE');
    seen.add(lineId);
    if (!(RECONCILE_RESULTS as readonly string[]).includes(result))
      problem('result', FieldErrorCode.NOT_IN_OPTIONS);
    if (result === 'failed' && !reason) problem('reason', FieldErrorCode.REQUIRED);
    if (result === 'paid' && !bankRef) problem('bankRef', FieldErrorCode.REQUIRED);
    if (reason.length > MAX_TEXT) problem('reason', FieldErrorCode.TOO_LONG);
    if (bankRef.length > MAX_TEXT) problem('bankRef', FieldErrorCode.TOO_LONG);
    let amountFen: number | null = null;
    if (amount) {
      try {
        amountFen = yuanToFen(amount);
      } catch {
        problem('amount', FieldErrorCode.INVALID_FORMAT);
      }
    }
    rows.push({
      line,
      lineId,
      result: result as ReconcileResult,
      reason: reason || null,
      bankRef: bankRef || null,
      amountFen,
    });
  });
  if (errors.length > 0) throw invalid(errors);
  return rows;
}

export function invalid(
  rows: ReconcileLineError[],
  message = 'Rows of the result file are wrong; nothing was changed',
): DomainError {
  return new DomainError(ErrorCode.RECONCILE_FILE_INVALID, message, { extra: { rows } });
}
