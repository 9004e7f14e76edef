"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.tooManyRows = void 0;
exports.decodeCsv = decodeCsv;
exports.readCsv = readCsv;
const shared_1 = require("@huanxin/shared");
const sync_1 = require("csv-parse/sync");
const domain_error_1 = require("../../common/errors/domain-error");
const sheet_1 = require("./sheet");
const UTF8 = new TextDecoder('utf-8', { fatal: true });
/** Chinese Excel saves "CSV (逗号分隔)" in the system code page, GBK: GB 18030 is its superset. */
const GB18030 = new TextDecoder('gb18030', { fatal: true });
/**
 * The CSV's text: UTF-8 (with or without a byte-order mark), else GB 18030, what Excel on a
 * Chinese Windows writes. Bytes that are neither are refused rather than read as mojibake.
 */
function decodeCsv(content) {
    try {
        return UTF8.decode(content);
    }
    catch {
        try {
            return GB18030.decode(content);
        }
        catch {
            throw new domain_error_1.DomainError(shared_1.ErrorCode.IMPORT_FAILED, 'The CSV is neither UTF-8 nor GB 18030 text', {
                extra: { rows: [{ line: 1, field: 'file', code: shared_1.FieldErrorCode.INVALID_CHARACTERS }] },
            });
        }
    }
}
/**
 * Reads a CSV into a sheet. A line is the line a text editor shows where the record starts (the
 * spreadsheet row, too, unless a quoted cell holds a line break); blank lines are skipped but
 * counted. The parser stops after one record more than the limit, so a 50,000-row file is refused
 * (422 TOO_MANY_ROWS) having parsed 5,002 records, not 50,000. A quote left open is 422
 * IMPORT_FAILED at its line.
 */
function readCsv(content, maxRows = shared_1.SALES_IMPORT_MAX_ROWS) {
    // One line break, LF: csv-parse counts a quoted CRLF as two lines, which would shift every line after it.
    const text = decodeCsv(content).replace(/\r\n?/g, '\n');
    let records;
    try {
        records = (0, sync_1.parse)(text, {
            bom: true,
            info: true,
            relax_column_count: true,
            skip_empty_lines: true,
            skip_records_with_empty_values: true,
            // The header, the allowed rows and one more to know the limit was passed.
            to: maxRows + 2,
        });
    }
    catch (error) {
        const line = error instanceof sync_1.CsvError ? failedRecordLine(text, error) : 1;
        throw new domain_error_1.DomainError(shared_1.ErrorCode.IMPORT_FAILED, 'The CSV cannot be read (an unclosed quote?)', {
            extra: { rows: [{ line, field: 'file', code: shared_1.FieldErrorCode.INVALID_FORMAT }] },
        });
    }
    if (records.length > maxRows + 1)
        throw (0, exports.tooManyRows)(maxRows);
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
function failedRecordLine(text, error) {
    const offset = Number(error.bytes_records) || 0;
    const before = Buffer.from(text, 'utf8').subarray(0, offset).toString('utf8');
    return 1 + countBreaks(before);
}
function countBreaks(cell) {
    let breaks = 0;
    for (let at = cell.indexOf('\n'); at !== -1; at = cell.indexOf('\n', at + 1))
        breaks += 1;
    return breaks;
}
function textCell(value) {
    const text = value.trim();
    return text === '' ? sheet_1.EMPTY : { kind: 'text', text };
}
const tooManyRows = (maxRows) => new domain_error_1.DomainError(shared_1.ErrorCode.TOO_MANY_ROWS, `An import holds at most ${maxRows} rows: split the file`, {
    extra: { maxRows },
});
exports.tooManyRows = tooManyRows;
//# sourceMappingURL=csv-reader.js.map