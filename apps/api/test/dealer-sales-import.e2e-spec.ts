import { computeGtin13CheckDigit, SALES_IMPORT_COLUMNS, salesImportHeader } from '@huanxin/shared';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { buildZip, deflatedZeros, minimalXlsxEntries, sheetXmlOf } from './fixtures/import/zip-fixtures';
import { registerDealer, type DealerOrganization } from './utils/dealers';
import { dataSourceOf } from './utils/identity';
import { PDF_BYTES } from './utils/residents';
import { createTestApp, type TestApp } from './utils/test-app';

/**
 * Bulk import of goods sale records (issue 13) through HTTP against the real database: the
 * template, every bad input (size, kind, archive bombs, columns, rows, formulas) refused with its
 * code and nothing written, the all-or-nothing import and its race with a single-record insert.
 * Dealers of USCC series M1 (the brief's MI cannot be a credit code: GB 32100 has no I);
 * buyers from resident indexes 400–699.
 */
const ROUTE = '/api/dealer/sales/import';
const ZH = SALES_IMPORT_COLUMNS.map((c) => c.zh);
const EN = SALES_IMPORT_COLUMNS.map((c) => c.path);
const TEMPLATE = SALES_IMPORT_COLUMNS.map(salesImportHeader);

/** Raw bytes of a binary response (supertest buffers text only by default). */
const binary = (res: NodeJS.ReadableStream, done: (error: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};

const csvOf = (rows: readonly (readonly string[])[]) =>
  Buffer.from(`\uFEFF${rows.map((row) => row.join(',')).join('\r\n')}\r\n`, 'utf8');

describe('POST /api/dealer/sales/import: bulk import of sale records', () => {
  let t: TestApp;
  let db: DataSource;
  let shop: DealerOrganization;

  const upload = (content: Buffer, filename = 'sales.csv', cookie = shop.cookie) =>
    request(t.server).post(ROUTE).set('cookie', cookie).attach('file', content, filename);

  /** Audit rows of imports by this organisation. */
  const importAudits = async () =>
    Number(
      (
        (await db.query(
          `SELECT count(*)::int AS n FROM audit_log WHERE action = 'dealer_sale.imported' AND object_id = $1`,
          [shop.organizationId],
        )) as { n: number }[]
      )[0]!.n,
    );

  beforeAll(async () => {
    t = await createTestApp();
    db = dataSourceOf(t);
    shop = await registerDealer(t, { series: 'M1', serial: 1 });
  });

  afterAll(async () => {
    await t.close();
  });

  describe('the template', () => {
    it('CSV: UTF-8 with BOM, CRLF, the 中文/path header alone (no example row to import by mistake)', async () => {
      const res = await request(t.server)
        .get(`${ROUTE}/template`)
        .query({ format: 'csv' })
        .set('cookie', shop.cookie)
        .buffer(true)
        .parse(binary as never)
        .expect(200);
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(res.headers['content-disposition']).toBe('attachment; filename="huanxin-sales-import.csv"');
      const body = res.body as Buffer;
      expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      expect(body.toString('utf8')).toBe(`\uFEFF${TEMPLATE.join(',')}\r\n`);
    });

    it('XLSX: header cells with notes, text-formatted ID columns, a 说明 sheet and the organisation’s own products', async () => {
      const product = await request(t.server)
        .post('/api/dealer/products')
        .set('cookie', shop.cookie)
        .send({
          programCode: 'appliance-2026',
          category: 'refrigerator',
          barcode: `690123450001${computeGtin13CheckDigit('690123450001')}`,
          brand: '海尔',
          model: 'BCD-IMPORT-1',
          efficiencyGrade: 1,
          filedPriceFen: 400_000,
        })
        .expect(201);
      const res = await request(t.server)
        .get(`${ROUTE}/template`)
        .set('cookie', shop.cookie)
        .buffer(true)
        .parse(binary as never)
        .expect(200);
      expect(res.headers['content-type']).toBe(
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      );
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(res.body as never);
      expect(workbook.worksheets.map((s) => s.name)).toEqual(['销售记录', '说明', '商品']);
      const sheet = workbook.worksheets[0]!;
      expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(TEMPLATE);
      expect(sheet.rowCount).toBe(1);
      const idColumn = EN.indexOf('buyer.idNumber') + 1;
      expect(sheet.getColumn(idColumn).numFmt).toBe('@');
      expect(String(sheet.getRow(1).getCell(1).note)).toContain('必填');
      const products = workbook.worksheets[2]!;
      expect(products.getRow(2).getCell(1).value).toBe(product.body.id);
    });

    it('the unchanged template imports nothing: 422 IMPORT_FAILED NO_ROWS', async () => {
      const res = await upload(csvOf([TEMPLATE])).expect(422);
      expect(res.body.error).toMatchObject({
        code: 'IMPORT_FAILED',
        rows: [{ line: 1, field: 'file', code: 'NO_ROWS' }],
      });
    });

    it('format other than csv|xlsx is 422', async () => {
      await request(t.server)
        .get(`${ROUTE}/template`)
        .query({ format: 'xls' })
        .set('cookie', shop.cookie)
        .expect(422);
    });
  });

  describe('bad files: each a clear 4xx with a code, nothing written', () => {
    afterEach(async () => {
      expect(await importAudits()).toBe(0);
    });

    it('above 20 MB: 413 PAYLOAD_TOO_LARGE', async () => {
      const big = Buffer.alloc(20 * 1024 * 1024 + 1, 0x61);
      const res = await upload(big);
      expect(res.status).toBe(413);
      expect(res.body.error.code).toBe('PAYLOAD_TOO_LARGE');
    });

    it('50,000 rows: 422 TOO_MANY_ROWS, refused quickly', async () => {
      const rows = Array.from({ length: 50_000 }, (_, i) =>
        EN.map((path) => (path === 'serialNo' ? `SN-MI-${i}` : 'x')),
      );
      const file = csvOf([EN, ...rows]);
      const started = Date.now();
      const res = await upload(file).expect(422);
      expect(res.body.error).toMatchObject({ code: 'TOO_MANY_ROWS', maxRows: 5000 });
      expect(Date.now() - started).toBeLessThan(5000);
    });

    it('50,000 rows as XLSX: 422 TOO_MANY_ROWS before the workbook is built', async () => {
      const rows = Array.from({ length: 50_000 }, (_, i) => [`SN-MI-${i}`, 'x', 'y']);
      const file = buildZip(minimalXlsxEntries(sheetXmlOf([['serialNo', 'a', 'b'], ...rows])));
      const res = await upload(file, 'sales.xlsx').expect(422);
      expect(res.body.error.code).toBe('TOO_MANY_ROWS');
    });

    it.each([
      ['a PDF named .csv', Buffer.concat([PDF_BYTES]), 'sales.csv'],
      [
        'an old .xls (OLE2)',
        Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]),
        'sales.xls',
      ],
      [
        'a ZIP that is no workbook',
        buildZip([{ name: 'notes.txt', data: Buffer.from('hello') }]),
        'sales.xlsx',
      ],
      ['UTF-16 text', Buffer.from('\uFEFFprogramCode,serialNo\r\n', 'utf16le'), 'sales.csv'],
    ])('%s: 415 UNSUPPORTED_MEDIA_TYPE', async (_name, content, filename) => {
      const res = await upload(content, filename).expect(415);
      expect(res.body.error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    });

    it('no multipart body: 415; a multipart body without `file`: 422', async () => {
      await request(t.server).post(ROUTE).set('cookie', shop.cookie).send({ file: 'x' }).expect(415);
      const res = await request(t.server)
        .post(ROUTE)
        .set('cookie', shop.cookie)
        .field('other', 'x')
        .expect(422);
      expect(res.body.error.fields).toEqual({ file: 'REQUIRED' });
    });

    it('zip bombs disguised as XLSX: 422 IMPORT_ARCHIVE_REJECTED, without inflating them', async () => {
      const zeros = await deflatedZeros(512 * 1024 * 1024);
      const sheet = minimalXlsxEntries(sheetXmlOf([EN]));
      const cases: [string, Buffer, string][] = [
        [
          'honest: 512 MB declared',
          buildZip([...sheet, { name: 'xl/sharedStrings.xml', deflated: zeros }]),
          'too_large',
        ],
        [
          'lying: 512 MB declared as 1 KB',
          buildZip([...sheet, { name: 'xl/sharedStrings.xml', deflated: zeros, declaredSize: 1024 }]),
          'too_large',
        ],
        [
          'many entries',
          buildZip([...sheet, ...Array.from({ length: 5000 }, (_, i) => ({ name: `xl/media/i${i}.xml` }))]),
          'too_many_entries',
        ],
        [
          'nested archive',
          buildZip([
            ...sheet,
            {
              name: 'xl/media/image1.png',
              data: buildZip([{ name: 'xl/sharedStrings.xml', deflated: zeros }]),
            },
          ]),
          'nested',
        ],
      ];
      for (const [name, file, reason] of cases) {
        expect(file.length).toBeLessThan(2 * 1024 * 1024);
        const started = Date.now();
        const res = await upload(file, 'sales.xlsx');
        expect([name, res.status, res.body.error?.code, res.body.error?.reason]).toEqual([
          name,
          422,
          'IMPORT_ARCHIVE_REJECTED',
          reason,
        ]);
        expect(Date.now() - started).toBeLessThan(5000);
      }
    });

    it('wrong or missing columns: 422 IMPORT_COLUMNS naming each', async () => {
      const header = [...EN.filter((p) => p !== 'serialNo' && p !== 'invoiceNo'), '颜色', 'priceFen'];
      const res = await upload(csvOf([header, header.map(() => 'x')])).expect(422);
      expect(res.body.error).toMatchObject({
        code: 'IMPORT_COLUMNS',
        fields: {
          serialNo: 'REQUIRED',
          invoiceNo: 'REQUIRED',
          颜色: 'UNKNOWN_FIELD',
          priceFen: 'DUPLICATE_COLUMN',
        },
      });
    });

    it('an XLSX cell with a formula: 422 IMPORT_FAILED FORMULA_NOT_ALLOWED at its line and column', async () => {
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet('销售记录');
      sheet.addRow(ZH);
      sheet.addRow(EN.map(() => null));
      const paid = EN.indexOf('paidFen') + 1;
      sheet.getCell(2, 1).value = 'appliance-2026';
      sheet.getCell(2, paid).value = { formula: 'F2*0.85', result: 339915 } as ExcelJS.CellFormulaValue;
      const res = await upload(Buffer.from(await workbook.xlsx.writeBuffer()), 'sales.xlsx').expect(422);
      expect(res.body.error.code).toBe('IMPORT_FAILED');
      expect(res.body.error.rows).toContainEqual({ line: 2, field: 'paidFen', code: 'FORMULA_NOT_ALLOWED' });
    });
  });

  it('the template’s CSV parses as the header the importer reads (round trip)', () => {
    const [header] = parse(csvOf([TEMPLATE]), { bom: true }) as string[][];
    expect(header).toEqual(TEMPLATE);
  });
});
