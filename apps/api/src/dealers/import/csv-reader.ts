import { ErrorCode, FieldErrorCode, SALES_IMPORT_MAX_ROWS } from '@huanxin/shared';
import { CsvError, parse } from 'csv-parse/sync';
import { DomainError } from '../../common/errors/domain-error';
import { EMPTY, type Sheet, type SheetCell } from './sheet';

const UTF8 = new TextDecoder('utf-8', { fatal: true });
/** Chinese Excel saves "CSV (逗号分隔)" in the system code page, GBK: GB 18030 is its superset. */
const GB18030 = new TextDecoder('gb18030', { fatal: true });

/**
 * The CSV's text: UTF-8 (with or without a byte-order mark), else GB 18030, what Excel on a
 * Chinese Windows writes. Bytes that are neither are refused rather than read as mojibake.
 */
export function decodeCsv(content: Buffer): string {
  try {
    return UTF8.decode(content);
  } catch {
    try {
      return GB18030.decode(content);
    } catch {
      throw new DomainError(ErrorCode.IMPORT_FAILED, 'The CSV is neither UTF-8 nor GB 18030 text', {
        extra: { rows: [{ line: 1, field: 'file', code: FieldErrorCode.INVALID_CHARACTERS }] },
      });
    }
  }
}

interface Record_ {
  record: string[];
  info: { lines: number };
}

/**
 * Reads a CSV into a sheet. A line is the line a text editor shows where the record starts (the
 * spreadsheet row, too, unless a quoted cell holds a line break); blank lines are skipped but
 * counted. The parser stops after one record more than the limit, so a 50,000-row file is refused
 * (422 TOO_MANY_ROWS) having parsed 5,002 records, not 50,000. A quote left open is 422
 * IMPORT_FAILED at its line.
 */
export function readCsv(content: Buffer, maxRows = SALES_IMPORT_MAX_ROWS): Sheet {
  // One line break, LF: csv-parse counts a quoted CRLF as two lines, which would shift every line after it.
  const text = decodeCsv(content).replace(/\r\n?/g, '\n');
  let records: Record_[];
  try {
    records = parse(text, {
      bom: true,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      skip_records_with_empty_values: true,
      // The header, the allowed rows and one more to know the limit was passed.
      to: maxRows + 2,
    }) as unknown as Record_[];
  } catch (error) {
    const line = error instanceof CsvError ? failedRecordLine(text, error) : 1;
    throw new DomainError(ErrorCode.IMPORT_FAILED, 'The CSV cannot be read (an unclosed quote?)', {
      extra: { rows: [{ line, field: 'file', code: FieldErrorCode.INVALID_FORMAT }] },
    });
  }
  if (records.length > maxRows + 1) throw tooManyRows(maxRows);
  const [header, ...body] = records;
  return {
    header: (header?.record ?? []).map((name) => name.trim()),
    rows: body.map(({ record, info }) => ({
      // info.lines is the line the record ends on; a quoted line break inside moves its start up.
      line: info.lines - record.reduce((breaks, cell) => breaks + countBreaks(cell), 0),
      cells: record.map(textCell),
    })),
  };
}

/** The line where the record that failed starts: one after the breaks before its first byte. */
function failedRecordLine(text: string, error: CsvError): number {
  const offset = Number((error as CsvError & { bytes_records?: number }).bytes_records) || 0;
  const before = Buffer.from(text, 'utf8').subarray(0, offset).toString('utf8');
  return 1 + countBreaks(before);
}

function countBreaks(cell: string): number {
  let breaks = 0;
  for (let at = cell.indexOf('\n'); at !== -1; at = cell.indexOf('\n', at + 1)) breaks += 1;
  return breaks;
}

function textCell(value: string): SheetCell {
  const text = value.trim();
  return text === '' ? EMPTY : { kind: 'text', text };
}

export const tooManyRows = (maxRows: number): DomainError =>
  new DomainError(ErrorCode.TOO_MANY_ROWS, `An import holds at most ${maxRows} rows: split the file`, {
    extra: { maxRows },
  });
