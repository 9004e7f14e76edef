"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.safeText = safeText;
exports.safeCell = safeCell;
exports.safeRow = safeRow;
exports.csvField = csvField;
exports.csvDocument = csvDocument;
/**
 * The one guard of every CSV and XLSX the API writes (review export, payment bank file, statistics,
 * the import template) against formula injection (CSV injection, OWASP): a text cell a spreadsheet
 * would run as a formula gets a leading apostrophe, so `=cmd|' /C calc'!A0` is shown as text and
 * never evaluated. Values come from residents, dealers and imports, so no export may skip this.
 *
 * Triggers: `=`, `+`, `-`, `@` (formula starts in Excel, LibreOffice and Sheets), and tab, CR and LF
 * (some programs trim them and then read the formula behind). Full-width `＝＋－＠` are included:
 * Excel with a Chinese input method converts them on entry. Numbers stay numbers (a negative amount
 * is a number cell, not text), so only text is ever changed.
 */
const FORMULA_START = /^[=+\-@\t\r\n\uFF1D\uFF0B\uFF0D\uFF20]/;
/** The text, with a leading apostrophe when a spreadsheet would read it as a formula. */
function safeText(value) {
    return FORMULA_START.test(value) ? `'${value}` : value;
}
/** One cell of an export: text is made safe; numbers, booleans, dates and empty cells pass. */
function safeCell(value) {
    return typeof value === 'string' ? safeText(value) : value;
}
function safeRow(row) {
    if (Array.isArray(row))
        return row.map(safeCell);
    return Object.fromEntries(Object.entries(row).map(([key, value]) => [key, safeCell(value)]));
}
/**
 * One CSV field: made safe, then quoted when it holds a comma, quote or line break. Numbers are
 * written as they are.
 */
function csvField(value) {
    if (value === null || value === undefined)
        return '';
    if (typeof value === 'number')
        return String(value);
    const text = safeText(value);
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
/** Lines of CSV as Excel opens them: UTF-8 with a byte-order mark, CRLF line ends. */
function csvDocument(rows) {
    const lines = rows.map((row) => row.map(csvField).join(','));
    return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}
//# sourceMappingURL=spreadsheet-safe.js.map