import { fenToYuanString } from '@huanxin/shared';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import { safeText } from '../common/export/spreadsheet-safe';

/** One transfer of the bank file, in clear (full account number: the file is for the bank only). */
export interface BankTransfer {
  lineId: string;
  payeeName: string;
  account: string;
  bankName: string;
  amountFen: number;
  applicationCode: string;
}

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

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
] as const;

/**
 * The rows, every text made formula-safe (spreadsheet-safe.ts): names and bank names are typed by
 * residents and dealers, and finance opens this file in a spreadsheet before the bank sees it.
 */
function rows(transfers: readonly BankTransfer[]) {
  return transfers.map((t) => ({
    lineId: safeText(t.lineId),
    payeeName: safeText(t.payeeName),
    account: safeText(t.account),
    bankName: safeText(t.bankName),
    amount: fenToYuanString(t.amountFen),
    remark: safeText(`以旧换新补贴 ${t.applicationCode}`),
  }));
}

/**
 * CSV, UTF-8 with a byte-order mark (so spreadsheet programs and bank clients read the Chinese
 * headers), CRLF line ends. Every value is quoted: an account number stays text, never a number.
 */
export function bankFileCsv(transfers: readonly BankTransfer[]): Buffer {
  const text = stringify(rows(transfers), {
    bom: true,
    header: true,
    quoted: true,
    record_delimiter: 'windows',
    columns: COLUMNS.map((c) => ({ key: c.key, header: c.header })),
  });
  return Buffer.from(text, 'utf8');
}

/** XLSX with the same columns; account numbers as text cells, amounts as numbers shown with two decimals. */
export async function bankFileXlsx(transfers: readonly BankTransfer[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('批量转账');
  sheet.columns = COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  for (const row of rows(transfers)) {
    const added = sheet.addRow({ ...row, amount: Number(row.amount) });
    added.getCell('account').numFmt = '@';
    added.getCell('amount').numFmt = '0.00';
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
