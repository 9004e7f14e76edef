import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { bankFileCsv, bankFileXlsx } from '../../payments/bank-file';
import { csvDocument, csvField, safeCell, safeRow, safeText } from './spreadsheet-safe';

const ATTACKS = [
  "=cmd|' /C calc'!A0",
  '+1+cmd|calc',
  '-2+3',
  '@SUM(1,2)',
  '\t=1+1',
  '\r=1+1',
  '\n=1+1',
  '＝1+1', // full-width equals: Excel with a Chinese IME turns it into a formula
];

describe('safeText: the one formula-injection guard of every export', () => {
  it.each(ATTACKS)('%j gets a leading apostrophe', (attack) => {
    expect(safeText(attack)).toBe(`'${attack}`);
  });

  it.each(['张三', 'ZQ-2026-000123', '以旧换新补贴 ZQ-2026-000001', 'a=b', '3+4', '', "'already"])(
    '%j is left as it is',
    (text) => {
      expect(safeText(text)).toBe(text);
    },
  );

  it('numbers, dates and empty cells stay what they are; rows of both shapes', () => {
    const date = new Date(0);
    expect([safeCell(-5), safeCell(null), safeCell(date)]).toEqual([-5, null, date]);
    expect(safeRow(['=1', 2, null])).toEqual(["'=1", 2, null]);
    expect(safeRow({ name: '@x', amount: -1 })).toEqual({ name: "'@x", amount: -1 });
  });

  it('csvField quotes after escaping; csvDocument is BOM + CRLF', () => {
    expect(csvField('=HYPERLINK("http://x","y")')).toBe('"\'=HYPERLINK(""http://x"",""y"")"');
    expect(csvField(-12)).toBe('-12');
    expect(csvDocument([['a', 1]]).toString('utf8')).toBe('\uFEFFa,1\r\n');
  });
});

describe('the payment bank file writes payee texts escaped', () => {
  const transfer = {
    lineId: 'L-1',
    payeeName: "=cmd|' /C calc'!A0",
    account: '6222020200112233445',
    bankName: '@SUM(A1:A9)',
    amountFen: 150_000,
    applicationCode: 'ZQ-2026-000001',
  };

  it('CSV', () => {
    const [header, row] = parse(bankFileCsv([transfer]), { bom: true }) as string[][];
    expect(header![1]).toBe('收款人户名');
    expect(row).toEqual([
      'L-1',
      "'=cmd|' /C calc'!A0",
      '6222020200112233445',
      "'@SUM(A1:A9)",
      '1500.00',
      '以旧换新补贴 ZQ-2026-000001',
    ]);
  });

  it('XLSX: text cells, never formulas', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await bankFileXlsx([transfer])) as unknown as ArrayBuffer);
    const row = workbook.worksheets[0]!.getRow(2);
    expect([row.getCell(2).value, row.getCell(4).value, row.getCell(5).value]).toEqual([
      "'=cmd|' /C calc'!A0",
      "'@SUM(A1:A9)",
      1500,
    ]);
    expect(row.getCell(2).type).toBe(ExcelJS.ValueType.String);
  });
});
