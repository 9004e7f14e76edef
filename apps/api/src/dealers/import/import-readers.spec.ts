import { ErrorCode, FieldErrorCode, SALES_IMPORT_COLUMNS, salesImportHeader } from '@huanxin/shared';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Min, ValidateNested } from 'class-validator';
import ExcelJS from 'exceljs';
import {
  buildZip,
  deflatedZeros,
  minimalXlsxEntries,
  sheetXmlOf,
} from '../../../test/fixtures/import/zip-fixtures';
import { DomainError } from '../../common/errors/domain-error';
import { mapHeader, mapRow } from './columns';
import { readCsv } from './csv-reader';
import { sniffImportFile } from './file-kind';
import { validateSaleRows } from './sale-rows';
import type { SheetCell } from './sheet';
import { readXlsx, valueRows } from './xlsx-reader';
import { inflateArchive, repackStored, XLSX_LIMITS } from './zip-guard';

/** The error a call throws (synchronously or not), for its code and details. */
async function refusal(run: () => unknown): Promise<DomainError> {
  try {
    await run();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError');
}

const HEADER = SALES_IMPORT_COLUMNS.map(salesImportHeader);

async function workbookBytes(rows: unknown[][], edit?: (sheet: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('销售记录');
  for (const row of rows) sheet.addRow(row);
  edit?.(sheet);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe('sniffImportFile: the kind by magic bytes, never the name', () => {
  it.each([
    ['an XLSX (ZIP local header)', Buffer.from('PK\u0003\u0004rest'), 'xlsx'],
    ['UTF-8 CSV with BOM', Buffer.from('\uFEFF补贴项目代码,serialNo\r\n'), 'csv'],
    ['plain CSV', Buffer.from('programCode,serialNo\n'), 'csv'],
  ])('%s → %s', (_name, bytes, kind) => {
    expect(sniffImportFile(bytes)).toBe(kind);
  });

  it.each([
    ['PDF', Buffer.from('%PDF-1.4\n')],
    ['Excel 97–2003 .xls (OLE2)', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0])],
    ['PNG', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])],
    ['UTF-16 text (NUL bytes)', Buffer.from('\uFEFFa,b', 'utf16le')],
    ['an executable', Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03])],
  ])('%s → 415 UNSUPPORTED_MEDIA_TYPE', async (_name, bytes) => {
    expect((await refusal(() => sniffImportFile(bytes))).code).toBe(ErrorCode.UNSUPPORTED_MEDIA_TYPE);
  });
});

describe('inflateArchive: the zip-bomb guard', () => {
  it('passes a real workbook and its stored repack reads back the same cells in exceljs', async () => {
    const bytes = await workbookBytes([HEADER, ['appliance-2026', null, 'p-1', 'SN-1']]);
    const entries = inflateArchive(bytes);
    expect(entries.map((e) => e.name)).toEqual(
      expect.arrayContaining(['xl/workbook.xml', '[Content_Types].xml']),
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(repackStored(entries) as unknown as ArrayBuffer);
    expect(workbook.worksheets[0]!.getRow(2).getCell(4).value).toBe('SN-1');
  });

  it('refuses an honest bomb from its central directory, before inflating (declared 1 GB)', async () => {
    const bomb = buildZip([
      ...minimalXlsxEntries(sheetXmlOf([['a']])),
      { name: 'xl/sharedStrings.xml', data: Buffer.from('x'), declaredSize: 1024 * 1024 * 1024 },
    ]);
    const error = await refusal(() => inflateArchive(bomb));
    expect([error.code, error.details.extra]).toEqual([
      ErrorCode.IMPORT_ARCHIVE_REJECTED,
      { reason: 'too_large' },
    ]);
  });

  it('refuses a lying bomb while inflating: 200 MB of zeros declared as 1 KB (~200 KB on disk)', async () => {
    const zeros = await deflatedZeros(200 * 1024 * 1024);
    const bomb = buildZip([
      ...minimalXlsxEntries(sheetXmlOf([['a']])),
      { name: 'xl/sharedStrings.xml', deflated: zeros, declaredSize: 1024 },
    ]);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const started = Date.now();
    const error = await refusal(() => inflateArchive(bomb));
    expect([error.code, error.details.extra]).toEqual([
      ErrorCode.IMPORT_ARCHIVE_REJECTED,
      { reason: 'too_large' },
    ]);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('refuses an entry larger than declared even under the caps (1 MB declared as 10 bytes)', async () => {
    const zeros = await deflatedZeros(1024 * 1024);
    const zip = buildZip([{ name: 'xl/media/part.xml', deflated: zeros, declaredSize: 10 }]);
    expect((await refusal(() => inflateArchive(zip))).details.extra).toEqual({ reason: 'size_mismatch' });
  });

  it('refuses an entry smaller than declared (the directory lies the other way)', async () => {
    const zip = buildZip([{ name: 'xl/workbook.xml', data: Buffer.from('<workbook/>'), declaredSize: 5000 }]);
    expect((await refusal(() => inflateArchive(zip))).details.extra).toEqual({ reason: 'size_mismatch' });
  });

  it.each([
    [
      'too many entries',
      () => buildZip(Array.from({ length: XLSX_LIMITS.maxEntries + 1 }, (_, i) => ({ name: `e${i}.xml` }))),
      'too_many_entries',
    ],
    [
      'an embedded workbook by name',
      () => buildZip([{ name: 'xl/embeddings/Microsoft_Excel_Worksheet.xlsx', data: Buffer.from('x') }]),
      'nested',
    ],
    [
      'a nested archive by content',
      () =>
        buildZip([
          { name: 'xl/media/image1.png', data: buildZip([{ name: 'inner.xml', data: Buffer.from('x') }]) },
        ]),
      'nested',
    ],
    [
      'the same entry twice',
      () => buildZip([{ name: 'xl/workbook.xml' }, { name: 'xl/workbook.xml' }]),
      'duplicate_entry',
    ],
    [
      'a truncated archive (no end record)',
      () => buildZip([{ name: 'a.xml', data: Buffer.from('x') }]).subarray(0, 40),
      'corrupt',
    ],
  ])('refuses %s', async (_name, make, reason) => {
    const error = await refusal(() => inflateArchive(make()));
    expect([error.code, error.details.extra]).toEqual([ErrorCode.IMPORT_ARCHIVE_REJECTED, { reason }]);
  });

  it('refuses an encrypted entry and a wrong checksum', async () => {
    const encrypted = buildZip([{ name: 'xl/workbook.xml', data: Buffer.from('<w/>') }]);
    // The central directory's general-purpose flags: bit 0 = encrypted.
    const central = encrypted.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    encrypted.writeUInt16LE(0x0801, central + 8);
    expect((await refusal(() => inflateArchive(encrypted))).details.extra).toEqual({ reason: 'encrypted' });

    const corrupt = buildZip([{ name: 'xl/workbook.xml', data: Buffer.from('<workbook/>'), store: true }]);
    const first = 30 + 'xl/workbook.xml'.length;
    corrupt.writeUInt8(corrupt.readUInt8(first) ^ 0xff, first);
    expect((await refusal(() => inflateArchive(corrupt))).details.extra).toEqual({ reason: 'corrupt' });
  });
});

describe('readXlsx', () => {
  it('reads the first sheet: numbers, dates, rich text, formulas kept as formulas, lines as Excel shows them', async () => {
    const bytes = await workbookBytes([HEADER], (sheet) => {
      sheet.getCell('A3').value = 'appliance-2026';
      sheet.getCell('F3').value = 399900;
      sheet.getCell('J3').value = new Date(Date.UTC(2026, 2, 1));
      sheet.getCell('K3').value = { richText: [{ text: '张' }, { text: '三' }] };
      sheet.getCell('G3').value = { formula: 'F3-60000', result: 339900 } as ExcelJS.CellFormulaValue;
    });
    const sheet = await readXlsx(bytes);
    expect(sheet.header).toEqual(HEADER);
    expect(sheet.rows).toHaveLength(1);
    const row = sheet.rows[0]!;
    expect(row.line).toBe(3); // row 2 is blank: skipped, but the line is still Excel's row number
    expect(row.cells[0]).toEqual({ kind: 'text', text: 'appliance-2026' });
    expect(row.cells[5]).toEqual({ kind: 'number', value: 399900 });
    expect(row.cells[6]).toEqual({ kind: 'formula' });
    expect(row.cells[9]).toEqual({ kind: 'date', value: new Date(Date.UTC(2026, 2, 1)) });
    expect(row.cells[10]).toEqual({ kind: 'text', text: '张三' });
  });

  it('refuses 50,000 rows (TOO_MANY_ROWS) from a scan of the sheet XML, in well under a second per MB', async () => {
    const rows = [['serialNo'], ...Array.from({ length: 50_000 }, (_, i) => [`SN${i}`])];
    const bytes = buildZip(minimalXlsxEntries(sheetXmlOf(rows)));
    const started = Date.now();
    const error = await refusal(() => readXlsx(bytes));
    expect(error.code).toBe(ErrorCode.TOO_MANY_ROWS);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('a ZIP that is not a workbook is 415', async () => {
    const zip = buildZip([{ name: 'readme.txt', data: Buffer.from('hello') }]);
    expect((await refusal(() => readXlsx(zip))).code).toBe(ErrorCode.UNSUPPORTED_MEDIA_TYPE);
  });
});

describe('valueRows: rows with a value, counted without parsing', () => {
  it.each([
    [
      '<sheetData><row r="1"><c><v>1</v></c></row><row r="2"><c t="inlineStr"><is><t>x</t></is></c></row></sheetData>',
      2,
    ],
    [
      '<sheetData><row r="1" ht="20"/><row r="2"><c s="3"/></row><row r="3"><c><f>A1</f></c></row></sheetData>',
      1,
    ],
    [
      '<sheetData><row r="1"><c><v>1</v></c></row></sheetData><rowBreaks count="1"><brk id="5"/></rowBreaks>',
      1,
    ],
  ])('%s → %d', (xml, count) => {
    expect(valueRows(xml, 10)).toBe(count);
  });
});

describe('readCsv', () => {
  it('reads UTF-8 with BOM; lines count blank lines and start where a quoted line break begins', () => {
    const csv = Buffer.from('\uFEFFa,b\r\n1,2\r\n\r\n,\r\n"x\r\ny",3\r\n4,5\r\n');
    const sheet = readCsv(csv);
    expect(sheet.header).toEqual(['a', 'b']);
    expect(sheet.rows.map((row) => row.line)).toEqual([2, 5, 7]);
    expect(sheet.rows[1]!.cells[0]).toEqual({ kind: 'text', text: 'x\ny' });
  });

  it('reads GB 18030, what Chinese Excel writes for “CSV (逗号分隔)”', () => {
    // 补贴 in GBK: B2 B9 CC F9.
    const gbk = Buffer.concat([Buffer.from([0xb2, 0xb9, 0xcc, 0xf9]), Buffer.from(',b\r\n1,2\r\n')]);
    expect(readCsv(gbk).header).toEqual(['补贴', 'b']);
  });

  it('an unclosed quote is IMPORT_FAILED at its line', async () => {
    const error = await refusal(() => readCsv(Buffer.from('a,b\n1,2\n3,"4\n5,6\n')));
    expect(error.code).toBe(ErrorCode.IMPORT_FAILED);
    expect(error.details.extra).toEqual({
      rows: [{ line: 3, field: 'file', code: FieldErrorCode.INVALID_FORMAT }],
    });
  });

  it('5,000 data rows pass; 5,001 are TOO_MANY_ROWS; 50,000 are refused quickly', async () => {
    const file = (rows: number) =>
      Buffer.from(['serialNo', ...Array.from({ length: rows }, (_, i) => `SN${i}`)].join('\n'));
    expect(readCsv(file(5000)).rows).toHaveLength(5000);
    expect((await refusal(() => readCsv(file(5001)))).code).toBe(ErrorCode.TOO_MANY_ROWS);
    const big = file(50_000);
    const started = Date.now();
    expect((await refusal(() => readCsv(big))).code).toBe(ErrorCode.TOO_MANY_ROWS);
    expect(Date.now() - started).toBeLessThan(1000);
  });
});

describe('mapHeader: the two header spellings, and wrong columns named', () => {
  const required = SALES_IMPORT_COLUMNS.filter((c) => c.required);

  it.each([
    ['Chinese', required.map((c) => c.zh)],
    ['English', required.map((c) => c.path)],
    ['the template’s 中文/path', required.map(salesImportHeader)],
    [
      'mixed, with spaces and another case',
      required.map((c, i) => (i % 2 ? ` ${c.zh} ` : c.path.toUpperCase())),
    ],
  ])('%s headers map to the columns', (_name, header) => {
    expect(mapHeader(header).map((c) => c?.path)).toEqual(required.map((c) => c.path));
  });

  it('names every missing, unknown and repeated column at once', async () => {
    const header = ['programCode', '补贴项目代码', 'productId', 'serialNo', 'colour', ''];
    const error = await refusal(() => mapHeader(header));
    expect(error.code).toBe(ErrorCode.IMPORT_COLUMNS);
    expect(error.details.fields).toEqual({
      programCode: 'DUPLICATE_COLUMN',
      colour: FieldErrorCode.UNKNOWN_FIELD,
      priceFen: FieldErrorCode.REQUIRED,
      paidFen: FieldErrorCode.REQUIRED,
      otherDiscountFen: FieldErrorCode.REQUIRED,
      invoiceNo: FieldErrorCode.REQUIRED,
      invoiceDate: FieldErrorCode.REQUIRED,
      'buyer.name': FieldErrorCode.REQUIRED,
      'buyer.idNumber': FieldErrorCode.REQUIRED,
      'delivery.mode': FieldErrorCode.REQUIRED,
    });
  });
});

describe('mapRow: cells to the nested sale body', () => {
  const columns = mapHeader(HEADER);
  const at = (path: string) => SALES_IMPORT_COLUMNS.findIndex((c) => c.path === path);
  const one = (path: string, cell: SheetCell) => {
    const cells: SheetCell[] = HEADER.map(() => ({ kind: 'empty' }));
    cells[at(path)] = cell;
    return mapRow({ line: 7, cells }, columns);
  };
  const text = (t: string): SheetCell => ({ kind: 'text', text: t });
  const num = (value: number): SheetCell => ({ kind: 'number', value });

  it.each<[string, SheetCell, unknown]>([
    ['priceFen', text('399900'), { priceFen: 399900 }],
    ['priceFen', num(399900), { priceFen: 399900 }],
    ['priceFen', text('3,999.00'), { priceFen: '3,999.00' }], // left for the DTO: INVALID_TYPE
    ['invoiceNo', num(12345678), { invoiceNo: '12345678' }],
    ['invoiceDate', text('2026/3/1'), { invoiceDate: '2026-03-01' }],
    ['invoiceDate', text('2026年3月1日'), { invoiceDate: '2026-03-01' }],
    ['invoiceDate', { kind: 'date', value: new Date(Date.UTC(2026, 2, 1)) }, { invoiceDate: '2026-03-01' }],
    ['buyer.name', text("=cmd|' /C calc'!A0"), { buyer: { name: "=cmd|' /C calc'!A0" } }],
    ['delivery.mode', text('自提'), { delivery: { mode: 'pickup' } }],
    ['delivery.mode', text('配送'), { delivery: { mode: 'delivery' } }],
    ['delivery.mode', text('Delivery'), { delivery: { mode: 'delivery' } }],
    ['oldItem.receiptNo', text('R-1'), { oldItem: { receiptNo: 'R-1' } }],
  ])('%s %j → %j', (path, cell, input) => {
    expect(one(path, cell)).toEqual({ line: 7, input, errors: [] });
  });

  it.each<[string, SheetCell, string]>([
    ['paidFen', { kind: 'formula' }, FieldErrorCode.FORMULA_NOT_ALLOWED],
    ['buyer.idNumber', num(370181196003011000), FieldErrorCode.TEXT_CELL_REQUIRED],
    ['serialNo', { kind: 'other' }, FieldErrorCode.INVALID_TYPE],
    ['invoiceDate', num(46082), FieldErrorCode.INVALID_DATE],
  ])('%s %j → %s', (path, cell, code) => {
    expect(one(path, cell)).toEqual({ line: 7, input: {}, errors: [{ line: 7, field: path, code }] });
  });

  it('a value under an empty header cell is refused, not dropped', () => {
    const row = mapRow({ line: 3, cells: [text('x'), text('stray')] }, [columns[0]!, null]);
    expect(row.errors).toEqual([{ line: 3, field: 'column 2', code: FieldErrorCode.UNKNOWN_FIELD }]);
  });
});

class BuyerDto {
  @IsString() name: string;
  @Matches(/^\d{17}[\dX]$/, { message: 'INVALID_CHECKSUM' }) idNumber: string;
}
class DeliveryDto {
  @IsIn(['pickup', 'delivery']) mode: string;
}
/** A stand-in with the sale body's shape for the row rules (the real DTO runs in the HTTP suite). */
class SaleDto {
  @IsString() programCode: string;
  @IsString() productId: string;
  @IsString() serialNo: string;
  @IsOptional() @IsString() imei?: string;
  @IsInt() priceFen: number;
  @IsInt() @Min(0) paidFen: number;
  @IsInt() @Min(0) otherDiscountFen: number;
  @IsString() invoiceNo: string;
  @IsString() invoiceDate: string;
  @ValidateNested() @Type(() => BuyerDto) buyer: BuyerDto;
  @ValidateNested() @Type(() => DeliveryDto) delivery: DeliveryDto;
}

describe('validateSaleRows: every row checked, every problem reported by line and field', () => {
  const row = (serial: string, overrides: Record<string, string> = {}) => {
    const values: Record<string, string> = {
      programCode: 'appliance-2026',
      productId: 'p-1',
      serialNo: serial,
      priceFen: '100000',
      paidFen: '85000',
      otherDiscountFen: '0',
      invoiceNo: `INV-${serial}`,
      invoiceDate: '2026-03-01',
      'buyer.name': '张三',
      'buyer.idNumber': '37018119600301001X',
      'delivery.mode': '自提',
      ...overrides,
    };
    return SALES_IMPORT_COLUMNS.map((c) => values[c.path] ?? '');
  };
  const csv = (rows: string[][]) =>
    readCsv(Buffer.from([HEADER, ...rows].map((r) => r.join(',')).join('\n')));

  it('valid rows become nested bodies with their lines', async () => {
    const result = await validateSaleRows(csv([row('SN1'), row('SN2')]), SaleDto);
    expect(result.lines).toEqual([2, 3]);
    expect(result.inputs[1]).toMatchObject({
      serialNo: 'SN2',
      buyer: { name: '张三' },
      delivery: { mode: 'pickup' },
    });
  });

  it('collects the problems of all rows: DTO rules, unknown characters, repeats inside the file', async () => {
    const error = await refusal(() =>
      validateSaleRows(
        csv([
          row('SN1'),
          row('SN2', { priceFen: '12.5', 'buyer.idNumber': '12345' }),
          row('SN1', { invoiceNo: 'INV-other' }),
          row('SN4', { 'delivery.mode': 'drone', 'buyer.name': '' }),
          row('SN5', { imei: 'a\u0000b' }),
        ]),
        SaleDto,
      ),
    );
    expect(error.code).toBe(ErrorCode.IMPORT_FAILED);
    expect(error.details.extra).toEqual({
      rows: [
        { line: 3, field: 'priceFen', code: FieldErrorCode.INVALID_TYPE },
        { line: 3, field: 'buyer.idNumber', code: FieldErrorCode.INVALID_CHECKSUM },
        { line: 4, field: 'serialNo', code: FieldErrorCode.DUPLICATE_IN_FILE },
        { line: 5, field: 'buyer.name', code: FieldErrorCode.INVALID_TYPE },
        { line: 5, field: 'delivery.mode', code: FieldErrorCode.NOT_IN_OPTIONS },
        { line: 6, field: 'imei', code: FieldErrorCode.INVALID_CHARACTERS },
      ],
    });
  });

  it('answers at most 1,000 problems, in line order, with the rest counted', async () => {
    const rows = Array.from({ length: 1200 }, (_, i) => row(`SN${i}`, { priceFen: 'x' }));
    const error = await refusal(() => validateSaleRows(csv(rows), SaleDto));
    const extra = error.details.extra as { rows: { line: number }[]; omitted: number };
    expect([extra.rows.length, extra.omitted, extra.rows[0]!.line, extra.rows[999]!.line]).toEqual([
      1000, 200, 2, 1001,
    ]);
  });

  it('a header with no rows is NO_ROWS', async () => {
    const error = await refusal(() => validateSaleRows(csv([]), SaleDto));
    expect(error.details.extra).toEqual({ rows: [{ line: 1, field: 'file', code: 'NO_ROWS' }] });
  });
});
