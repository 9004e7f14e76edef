import type { PublicStats } from '@huanxin/shared';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { bankFileCsv, bankFileXlsx } from '../../payments/bank-file';
import { statsCsv, statsXlsx } from '../../stats/stats.export';
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

describe('the public statistics export writes stored texts escaped', () => {
  const claims = {
    submitted: 5,
    checking: '<5',
    in_review: 7,
    returned: '<5',
    approved: 9,
    paid: 5,
    rejected: '<5',
    withdrawn: '<5',
    expired: '<5',
    cancelled: '<5',
  } as const;
  const stats: PublicStats = {
    asOf: '2026-12-01T00:00:00.000Z',
    weekly: [],
    topReturnReasons: [{ code: '@reason', count: 6 }],
    programs: [
      {
        code: 'appliance-2026',
        budget: { totalFen: 100, reservedFen: 0, committedFen: 0, paidFen: 0, remainingFen: 100 },
        claims,
        paidFen: 0,
        grossSalesFen: 0,
        medianDays: { submitToDecision: null, approvalToPayment: null },
        slaHitRate: null,
        // A title and a tranche's document number (文号) are typed by administrators.
        title: { zh: '=HYPERLINK("http://evil","家电")', en: '+cmd' },
        kind: 'appliance',
        tranches: [
          {
            amountFen: 100,
            source: 'district',
            effectiveOn: '2026-01-01',
            documentNo: "=cmd|' /C calc'!A0",
            inEffect: true,
          },
        ],
        units: { byCategory: [], byGrade: [], nevShare: null },
        pause: null,
      },
    ],
  };

  it('CSV (the programs table)', () => {
    const [, row] = parse(statsCsv(stats), { bom: true }) as string[][];
    expect(row!.slice(0, 3)).toEqual(['appliance-2026', '\'=HYPERLINK("http://evil","家电")', "'+cmd"]);
  });

  it('XLSX (every table)', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await statsXlsx(stats)) as unknown as ArrayBuffer);
    expect(workbook.getWorksheet('programs')!.getRow(2).getCell(2).value).toBe(
      '\'=HYPERLINK("http://evil","家电")',
    );
    expect(workbook.getWorksheet('tranches')!.getRow(2).getCell(5).value).toBe("'=cmd|' /C calc'!A0");
    expect(workbook.getWorksheet('return_reasons')!.getRow(2).getCell(1).value).toBe("'@reason");
  });
});
