"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.mapHeader = mapHeader;
exports.mapRow = mapRow;
const shared_1 = require("@huanxin/shared");
const domain_error_1 = require("../../common/errors/domain-error");
/** Header text compared without case, width (full-width parentheses) or surrounding space. */
const normal = (text) => text.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
const SPELLINGS = new Map(shared_1.SALES_IMPORT_COLUMNS.flatMap((column) => [column.zh, column.path, (0, shared_1.salesImportHeader)(column)].map((spelling) => [normal(spelling), column])));
/**
 * The column of each header cell (null for an empty one). Every required column must be there,
 * none may be unknown or repeated: otherwise 422 IMPORT_COLUMNS with `fields` naming each problem
 * (the missing column's path → REQUIRED, an unknown header's text → UNKNOWN_FIELD, a repeated
 * column → DUPLICATE_COLUMN), before any row is looked at.
 */
function mapHeader(header) {
    const fields = {};
    const seen = new Set();
    const columns = header.map((text, index) => {
        if (text.trim() === '')
            return null;
        const column = SPELLINGS.get(normal(text));
        if (!column) {
            fields[text.trim().slice(0, 60) || `column ${index + 1}`] = shared_1.FieldErrorCode.UNKNOWN_FIELD;
            return null;
        }
        if (seen.has(column.path))
            fields[column.path] = 'DUPLICATE_COLUMN';
        seen.add(column.path);
        return column;
    });
    for (const column of shared_1.SALES_IMPORT_COLUMNS)
        if (column.required && !seen.has(column.path))
            fields[column.path] = shared_1.FieldErrorCode.REQUIRED;
    if (Object.keys(fields).length > 0)
        throw new domain_error_1.DomainError(shared_1.ErrorCode.IMPORT_COLUMNS, 'The header’s columns are wrong: use the template’s headers (Chinese or English)', { fields });
    return columns;
}
const ISO_DATE = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/;
const INTEGER = /^-?\d+$/;
/**
 * One row as the nested sale body. Empty cells leave their field out (the DTO decides whether it
 * was required); a group (`delivery`, `oldItem`) with no filled cell is left out as a whole. Text
 * columns take text (an integer Excel stored as a number becomes its digits; a longer number has
 * lost digits already and is TEXT_CELL_REQUIRED); fen columns take integers (text digits are
 * read as a number, anything else is left for the DTO to refuse); date columns take a date cell or
 * `2026-03-01`, `2026/3/1` or `2026年3月1日`. A formula is FORMULA_NOT_ALLOWED.
 */
function mapRow(row, columns) {
    const input = {};
    const errors = [];
    row.cells.forEach((cell, index) => {
        if (cell.kind === 'empty')
            return;
        const column = columns[index];
        if (!column) {
            errors.push({ line: row.line, field: `column ${index + 1}`, code: shared_1.FieldErrorCode.UNKNOWN_FIELD });
            return;
        }
        const read = readCell(cell, column);
        if ('code' in read)
            errors.push({ line: row.line, field: column.path, code: read.code });
        else
            setPath(input, column.path, read.value);
    });
    return { line: row.line, input, errors };
}
function readCell(cell, column) {
    if (cell.kind === 'formula')
        return { code: shared_1.FieldErrorCode.FORMULA_NOT_ALLOWED };
    if (cell.kind === 'other')
        return { code: shared_1.FieldErrorCode.INVALID_TYPE };
    switch (column.type) {
        case 'text':
            if (cell.kind === 'text')
                return { value: column.path === 'delivery.mode' ? deliveryMode(cell.text) : cell.text };
            if (cell.kind === 'number')
                return Number.isSafeInteger(cell.value) && cell.value >= 0
                    ? { value: String(cell.value) }
                    : { code: shared_1.FieldErrorCode.TEXT_CELL_REQUIRED };
            return { code: shared_1.FieldErrorCode.INVALID_TYPE };
        case 'fen':
            if (cell.kind === 'number')
                return { value: cell.value };
            if (cell.kind === 'text') {
                const text = cell.text;
                return { value: INTEGER.test(text) && Number.isSafeInteger(Number(text)) ? Number(text) : text };
            }
            return { code: shared_1.FieldErrorCode.INVALID_TYPE };
        case 'date':
            if (cell.kind === 'date')
                return { value: cell.value.toISOString().slice(0, 10) };
            if (cell.kind === 'text')
                return { value: isoDate(cell.text) };
            return { code: shared_1.FieldErrorCode.INVALID_DATE };
    }
}
function deliveryMode(text) {
    return shared_1.DELIVERY_MODE_WORDS[text.toLowerCase()] ?? text;
}
/** `2026/3/1` → `2026-03-01`; other text is passed on as it is (the DTO says INVALID_DATE). */
function isoDate(text) {
    const match = ISO_DATE.exec(text);
    if (!match)
        return text;
    return `${match[1]}-${match[2].padStart(2, '0')}-${match[3].padStart(2, '0')}`;
}
function setPath(target, path, value) {
    const keys = path.split('.');
    let node = target;
    for (const key of keys.slice(0, -1)) {
        node[key] ??= {};
        node = node[key];
    }
    node[keys[keys.length - 1]] = value;
}
//# sourceMappingURL=columns.js.map