"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.IMPORT_TEMPLATE_FORMATS = void 0;
exports.templateCsv = templateCsv;
exports.templateXlsx = templateXlsx;
const shared_1 = require("@huanxin/shared");
const exceljs_1 = __importDefault(require("exceljs"));
const spreadsheet_safe_1 = require("../../common/export/spreadsheet-safe");
exports.IMPORT_TEMPLATE_FORMATS = ['csv', 'xlsx'];
/**
 * The import template. Its header cells are `中文名/path` (the importer accepts either half alone
 * too). **No example or notes row under the header**: any row there is data, so an example left
 * in would be imported as a sale (or fail every import until deleted). The help is beside the data
 * instead: in the XLSX each header cell carries a note (meaning, required, example), a 说明 sheet
 * lists every column, and a 商品 sheet lists the organisation's own products with the ids the
 * `productId` column takes. Text columns (ID, invoice and serial numbers) are formatted as text so
 * Excel keeps their digits. The CSV is the header alone, UTF-8 with a byte-order mark and CRLF
 * line ends, so Excel opens the Chinese correctly.
 */
function templateCsv() {
    return (0, spreadsheet_safe_1.csvDocument)([shared_1.SALES_IMPORT_COLUMNS.map(shared_1.salesImportHeader)]);
}
async function templateXlsx(products) {
    const workbook = new exceljs_1.default.Workbook();
    const sheet = workbook.addWorksheet('销售记录', { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = shared_1.SALES_IMPORT_COLUMNS.map((column) => ({
        header: (0, shared_1.salesImportHeader)(column),
        key: column.path,
        width: Math.max(14, (0, shared_1.salesImportHeader)(column).length + 6),
        // Text cells: an 18-digit ID number or a long invoice number typed here keeps every digit.
        style: column.type === 'text' ? { numFmt: '@' } : column.type === 'date' ? { numFmt: 'yyyy-mm-dd' } : {},
    }));
    const header = sheet.getRow(1);
    header.font = { bold: true };
    shared_1.SALES_IMPORT_COLUMNS.forEach((column, index) => {
        header.getCell(index + 1).note = [
            column.required ? '必填 required' : '选填 optional',
            `${column.note.zh}`,
            `${column.note.en}`,
            column.example ? `例 e.g. ${column.example}` : '',
        ]
            .filter(Boolean)
            .join('\n');
    });
    const notes = workbook.addWorksheet('说明');
    notes.columns = [
        { header: '表头/header', key: 'header', width: 34 },
        { header: '必填/required', key: 'required', width: 12 },
        { header: '格式/format', key: 'type', width: 14 },
        { header: '说明', key: 'zh', width: 40 },
        { header: 'note', key: 'en', width: 44 },
        { header: '示例/example', key: 'example', width: 40 },
    ];
    notes.getRow(1).font = { bold: true };
    const TYPE = { text: '文本/text', fen: '整数（分）/fen', date: '日期/date' };
    for (const column of shared_1.SALES_IMPORT_COLUMNS)
        notes.addRow((0, spreadsheet_safe_1.safeRow)({
            header: (0, shared_1.salesImportHeader)(column),
            required: column.required ? '是/yes' : '否/no',
            type: TYPE[column.type],
            zh: column.note.zh,
            en: column.note.en,
            example: column.example,
        }));
    notes.addRow([]);
    notes.addRow((0, spreadsheet_safe_1.safeRow)([
        `每次最多 ${shared_1.SALES_IMPORT_MAX_ROWS} 行；全部正确才导入，任何一行有误则一行都不导入，并按行号列出错误。不要使用公式。`,
    ]));
    notes.addRow((0, spreadsheet_safe_1.safeRow)([
        `At most ${shared_1.SALES_IMPORT_MAX_ROWS} rows; all rows or none: any wrong row imports nothing and is listed by its line. No formulas.`,
    ]));
    const register = workbook.addWorksheet('商品');
    register.columns = [
        { header: '商品编号/productId', key: 'id', width: 40 },
        { header: '项目/programCode', key: 'programCode', width: 18 },
        { header: '品类/category', key: 'category', width: 16 },
        { header: '条码/barcode', key: 'barcode', width: 16, style: { numFmt: '@' } },
        { header: '品牌/brand', key: 'brand', width: 14 },
        { header: '型号/model', key: 'model', width: 22 },
        { header: '备案价（元）/filed price', key: 'filedPrice', width: 18 },
    ];
    register.getRow(1).font = { bold: true };
    for (const product of products)
        register.addRow((0, spreadsheet_safe_1.safeRow)({
            id: product.id,
            programCode: product.programCode,
            category: product.category,
            barcode: product.barcode,
            brand: product.brand,
            model: product.model,
            filedPrice: (0, shared_1.fenToYuanString)(product.filedPriceFen),
        }));
    return Buffer.from(await workbook.xlsx.writeBuffer());
}
//# sourceMappingURL=import-template.js.map