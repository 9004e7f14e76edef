"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.readXlsx = readXlsx;
exports.valueRows = valueRows;
exports.cellOf = cellOf;
const shared_1 = require("@huanxin/shared");
const exceljs_1 = __importDefault(require("exceljs"));
const domain_error_1 = require("../../common/errors/domain-error");
const csv_reader_1 = require("./csv-reader");
const sheet_1 = require("./sheet");
const zip_guard_1 = require("./zip-guard");
const notAWorkbook = () => new domain_error_1.DomainError(shared_1.ErrorCode.UNSUPPORTED_MEDIA_TYPE, 'The file is a ZIP archive but not an Excel workbook: upload a CSV or an .xlsx workbook');
/**
 * Reads the first worksheet of an XLSX upload. In order, each step before anything costly:
 * 1. the archive guard (zip-guard.ts) refuses bombs from the central directory and while
 *    inflating, so nothing past the caps is ever inflated;
 * 2. a ZIP without a workbook part is 415;
 * 3. the first sheet's XML is scanned for rows holding a value: past the limit it is 422
 *    TOO_MANY_ROWS before exceljs builds a single row object;
 * 4. exceljs reads the stored (already inflated) copy.
 */
async function readXlsx(content, maxRows = shared_1.SALES_IMPORT_MAX_ROWS, limits = zip_guard_1.XLSX_LIMITS) {
    const entries = (0, zip_guard_1.inflateArchive)(content, limits);
    const byName = new Map(entries.map((entry) => [entry.name, entry]));
    if (!byName.has('[Content_Types].xml') || !byName.has('xl/workbook.xml'))
        throw notAWorkbook();
    const sheetXml = firstSheet(byName);
    if (sheetXml && valueRows(sheetXml.data.toString('utf8'), maxRows + 1) > maxRows + 1)
        throw (0, csv_reader_1.tooManyRows)(maxRows);
    const workbook = new exceljs_1.default.Workbook();
    try {
        await workbook.xlsx.load((0, zip_guard_1.repackStored)(entries));
    }
    catch {
        throw (0, zip_guard_1.archiveRejected)('corrupt', 'The workbook cannot be read: save it again as .xlsx');
    }
    const worksheet = workbook.worksheets[0];
    if (!worksheet)
        return { header: [], rows: [] };
    let header = null;
    const rows = [];
    worksheet.eachRow({ includeEmpty: false }, (row, line) => {
        const cells = [];
        const width = header ? header.length : row.cellCount;
        for (let column = 1; column <= Math.max(width, row.cellCount); column += 1)
            cells.push(cellOf(row.getCell(column)));
        if ((0, sheet_1.isBlankRow)(cells))
            return;
        if (!header)
            header = cells.map(headerText);
        else
            rows.push({ line, cells });
    });
    if (rows.length > maxRows)
        throw (0, csv_reader_1.tooManyRows)(maxRows);
    return { header: header ?? [], rows };
}
/** The first worksheet's part, by the workbook's sheet order and its relationships. */
function firstSheet(byName) {
    const workbook = byName.get('xl/workbook.xml').data.toString('utf8');
    const rels = byName.get('xl/_rels/workbook.xml.rels')?.data.toString('utf8') ?? '';
    const sheet = /<(?:\w+:)?sheet\b[^>]*\br:id="([^"]+)"/.exec(workbook);
    if (!sheet)
        return undefined;
    const relation = new RegExp(`<Relationship\\b[^>]*\\bId="${sheet[1].replace(/[^\w-]/g, '')}"[^>]*>`).exec(rels);
    const target = relation && /\bTarget="([^"]+)"/.exec(relation[0])?.[1];
    if (!target)
        return undefined;
    const path = target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`;
    return byName.get(path);
}
/**
 * How many `<row>` elements of the sheet XML hold a value (`<v>`, an inline string or a formula),
 * counted with string searches and no parsing, stopping once past `stopAfter`. Rows that are only
 * formatted (Excel writes those for styled empty ranges) do not count.
 */
function valueRows(xml, stopAfter) {
    let count = 0;
    let at = 0;
    for (;;) {
        const start = xml.indexOf('<row', at);
        if (start === -1)
            return count;
        const next = xml[start + 4];
        const tagEnd = xml.indexOf('>', start);
        if (tagEnd === -1)
            return count;
        if (next !== ' ' && next !== '>' && next !== '/') {
            at = start + 4; // <rowBreaks> and the like
            continue;
        }
        if (xml[tagEnd - 1] === '/') {
            at = tagEnd + 1; // <row r="7"/>: empty
            continue;
        }
        const close = xml.indexOf('</row>', tagEnd);
        const body = xml.slice(tagEnd + 1, close === -1 ? xml.length : close);
        if (/<(?:\w+:)?(?:v|is|f)[\s>]/.test(body)) {
            count += 1;
            if (count > stopAfter)
                return count;
        }
        if (close === -1)
            return count;
        at = close + 6;
    }
}
function headerText(cell) {
    if (cell.kind === 'text')
        return cell.text;
    if (cell.kind === 'number')
        return String(cell.value);
    return '';
}
/** One exceljs cell as the importer's cell: formulas and errors kept as such, rich text joined. */
function cellOf(cell) {
    const value = cell.value;
    if (value === null || value === undefined)
        return sheet_1.EMPTY;
    if (typeof value === 'number')
        return { kind: 'number', value };
    if (typeof value === 'string')
        return text(value);
    if (value instanceof Date)
        return { kind: 'date', value };
    if (typeof value === 'boolean')
        return { kind: 'other' };
    if ('formula' in value || 'sharedFormula' in value)
        return { kind: 'formula' };
    if ('richText' in value)
        return text(value.richText.map((run) => run.text).join(''));
    if ('hyperlink' in value) {
        const shown = value.text;
        if (typeof shown === 'string')
            return text(shown);
        if (shown && typeof shown === 'object' && 'richText' in shown)
            return text(shown.richText.map((run) => run.text).join(''));
        return sheet_1.EMPTY;
    }
    return { kind: 'other' };
}
function text(value) {
    const trimmed = value.trim();
    return trimmed === '' ? sheet_1.EMPTY : { kind: 'text', text: trimmed };
}
//# sourceMappingURL=xlsx-reader.js.map