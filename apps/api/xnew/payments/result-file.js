"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.readResultFile = readResultFile;
exports.invalid = invalid;
const shared_1 = require("@huanxin/shared");
const sync_1 = require("csv-parse/sync");
const domain_error_1 = require("../common/errors/domain-error");
const MAX_TEXT = 200;
const KNOWN = new Set([...shared_1.RECONCILE_COLUMNS, ...shared_1.RECONCILE_OPTIONAL_COLUMNS]);
/**
 * Reads the bank's result file: CSV `lineId,result,reason,bankRef` (and optionally `amount` in
 * yuan), UTF-8 with or without a byte-order mark. Wrong columns are refused at once (422
 * RECONCILE_COLUMNS_INVALID naming them); every row is then checked and all problems are
 * reported together (422 RECONCILE_FILE_INVALID with `rows`). Nothing is applied by this.
 */
function readResultFile(content) {
    let records;
    try {
        records = (0, sync_1.parse)(content, {
            bom: true,
            skip_empty_lines: true,
            trim: true,
            relax_column_count: true,
        });
    }
    catch {
        throw new domain_error_1.DomainError(shared_1.ErrorCode.RECONCILE_FILE_INVALID, 'The result file is not readable CSV', {
            extra: { rows: [{ line: 0, field: 'file', code: shared_1.FieldErrorCode.INVALID_FORMAT }] },
        });
    }
    const [header, ...body] = records;
    const columns = (header ?? []).map((name) => name.trim());
    const fields = {};
    for (const name of shared_1.RECONCILE_COLUMNS)
        if (!columns.includes(name))
            fields[name] = shared_1.FieldErrorCode.REQUIRED;
    for (const name of columns)
        if (!KNOWN.has(name))
            fields[name || '(empty)'] = shared_1.FieldErrorCode.UNKNOWN_FIELD;
    if (new Set(columns).size !== columns.length)
        fields.header = 'DUPLICATE_COLUMN';
    if (Object.keys(fields).length > 0)
        throw new domain_error_1.DomainError(shared_1.ErrorCode.RECONCILE_COLUMNS_INVALID, `The result file's columns must be ${shared_1.RECONCILE_COLUMNS.join(',')} (amount optional)`, { fields });
    if (body.length === 0)
        throw invalid([{ line: 1, field: 'file', code: 'NO_ROWS' }], 'The result file has no rows');
    const index = (name) => columns.indexOf(name);
    const rows = [];
    const errors = [];
    const seen = new Set();
    body.forEach((record, i) => {
        const line = i + 2;
        const cell = (name) => (index(name) >= 0 ? (record[index(name)] ?? '').trim() : '');
        const lineId = cell('lineId');
        const result = cell('result');
        const reason = cell('reason');
        const bankRef = cell('bankRef');
        const amount = cell('amount');
        const problem = (field, code) => errors.push({ line, ...(lineId ? { lineId } : {}), field, code });
        if (record.length !== columns.length)
            problem('file', 'WRONG_COLUMN_COUNT');
        if (!lineId)
            problem('lineId', shared_1.FieldErrorCode.REQUIRED);
        else if (seen.has(lineId))
            problem('lineId', 'DUPLICATE_LINE');
        seen.add(lineId);
        if (!shared_1.RECONCILE_RESULTS.includes(result))
            problem('result', shared_1.FieldErrorCode.NOT_IN_OPTIONS);
        if (result === 'failed' && !reason)
            problem('reason', shared_1.FieldErrorCode.REQUIRED);
        if (result === 'paid' && !bankRef)
            problem('bankRef', shared_1.FieldErrorCode.REQUIRED);
        if (reason.length > MAX_TEXT)
            problem('reason', shared_1.FieldErrorCode.TOO_LONG);
        if (bankRef.length > MAX_TEXT)
            problem('bankRef', shared_1.FieldErrorCode.TOO_LONG);
        let amountFen = null;
        if (amount) {
            try {
                amountFen = (0, shared_1.yuanToFen)(amount);
            }
            catch {
                problem('amount', shared_1.FieldErrorCode.INVALID_FORMAT);
            }
        }
        rows.push({
            line,
            lineId,
            result: result,
            reason: reason || null,
            bankRef: bankRef || null,
            amountFen,
        });
    });
    if (errors.length > 0)
        throw invalid(errors);
    return rows;
}
function invalid(rows, message = 'Rows of the result file are wrong; nothing was changed') {
    return new domain_error_1.DomainError(shared_1.ErrorCode.RECONCILE_FILE_INVALID, message, { extra: { rows } });
}
//# sourceMappingURL=result-file.js.map