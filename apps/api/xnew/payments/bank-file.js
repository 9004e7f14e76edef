"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.XLSX_CONTENT_TYPE = void 0;
exports.bankFileCsv = bankFileCsv;
exports.bankFileXlsx = bankFileXlsx;
const shared_1 = require("@huanxin/shared");
const sync_1 = require("csv-stringify/sync");
const exceljs_1 = __importDefault(require("exceljs"));
const spreadsheet_safe_1 = require("../common/export/spreadsheet-safe");
exports.XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/**
 * The columns of a Chinese bank's batch-transfer (批量代发/批量转账) import: the line id as the
 * customer reference (the result file returns it), the payee's account name and number, the bank,
 * the amount in yuan with two decimals, and the 附言 (purpose/remark) with the claim code.
 */
const COLUMNS = [
    { header: '明细编号', key: 'lineId', width: 16 },
    { header: '收款人户名', key: 'payeeName', width: 16 },
    { header: '收款账号', key: 'account', width: 24 },
    { header: '收款银行', key: 'bankName', width: 26 },
    { header: '金额（元）', key: 'amount', width: 14 },
    { header: '附言', key: 'remark', width: 30 },
];
/**
 * The rows, every text made formula-safe (spreadsheet-safe.ts): names and bank names are typed by
 * residents and dealers, and finance opens this file in a spreadsheet before the bank sees it.
 */
function rows(transfers) {
    return transfers.map((t) => ({
        lineId: (0, spreadsheet_safe_1.safeText)(t.lineId),
        payeeName: (0, spreadsheet_safe_1.safeText)(t.payeeName),
        account: (0, spreadsheet_safe_1.safeText)(t.account),
        bankName: (0, spreadsheet_safe_1.safeText)(t.bankName),
        amount: (0, shared_1.fenToYuanString)(t.amountFen),
        remark: (0, spreadsheet_safe_1.safeText)(`以旧换新补贴 ${t.applicationCode}`),
    }));
}
/**
 * CSV, UTF-8 with a byte-order mark (so spreadsheet programs and bank clients read the Chinese
 * headers), CRLF line ends. Every value is quoted: an account number stays text, never a number.
 */
function bankFileCsv(transfers) {
    const text = (0, sync_1.stringify)(rows(transfers), {
        bom: true,
        header: true,
        quoted: true,
        record_delimiter: 'windows',
        columns: COLUMNS.map((c) => ({ key: c.key, header: c.header })),
    });
    return Buffer.from(text, 'utf8');
}
/** XLSX with the same columns; account numbers as text cells, amounts as numbers shown with two decimals. */
async function bankFileXlsx(transfers) {
    const workbook = new exceljs_1.default.Workbook();
    const sheet = workbook.addWorksheet('批量转账');
    sheet.columns = COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.width }));
    for (const row of rows(transfers)) {
        const added = sheet.addRow({ ...row, amount: Number(row.amount) });
        added.getCell('account').numFmt = '@';
        added.getCell('amount').numFmt = '0.00';
    }
    return Buffer.from(await workbook.xlsx.writeBuffer());
}
//# sourceMappingURL=bank-file.js.map