import { computeGtin13CheckDigit, SALES_IMPORT_COLUMNS, salesImportHeader } from '@huanxin/shared';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { PiiCipher } from '../src/common/crypto/pii-cipher';
import { buildZip, deflatedZeros, minimalXlsxEntries, sheetXmlOf } from './fixtures/import/zip-fixtures';
import { registerDealer, type DealerOrganization } from './utils/dealers';
import { checkMoneyInvariants } from './utils/money-invariants';
import { dataSourceOf } from './utils/identity';
import { PDF_BYTES, residentIdentity } from './utils/residents';
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

const RUN = Date.now() % 1_000_000;
let counter = 0;
const next = () => (counter += 1);
/** A digital invoice number (20 digits, year 26) of this suite: 2699 + run + counter. */
const invoiceNo = () => `2699${String(RUN).padStart(6, '0')}${String(next()).padStart(10, '0')}`;
/** Serial numbers are stored normalised (upper case, no dashes): these are already. */
const serialNo = () => `MI${RUN}X${next()}`;
/** Buyers' ID numbers: resident indexes 400–689 (690–699 are signed-in residents of export-injection). */
const buyerId = (i: number) => residentIdentity(400 + (i % 290)).idNumber;

/** One valid sale row by path (no voucher: subsidy 0, so price = paid + other discounts). */
function saleRow(
  productId: string,
  i: number,
  overrides: Record<string, string> = {},
): Record<string, string> {
  return {
    programCode: 'appliance-2026',
    productId,
    serialNo: serialNo(),
    priceFen: '399900',
    paidFen: '389900',
    otherDiscountFen: '10000',
    invoiceNo: invoiceNo(),
    invoiceDate: '2026-11-20',
    'buyer.name': '张三',
    'buyer.idNumber': buyerId(i),
    'delivery.mode': i % 2 ? '配送' : '自提',
    ...(i % 2 ? { 'delivery.address': `济南市章丘区明水街道测试路${i}号` } : {}),
    ...overrides,
  };
}

/** Rows as a CSV with the given header spelling (default Chinese). */
function salesCsv(rows: readonly Record<string, string>[], header: readonly string[] = ZH): Buffer {
  const quote = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return csvOf([header, ...rows.map((row) => EN.map((path) => quote(row[path] ?? '')))]);
}

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

  describe('recording: all rows or none', () => {
    let fridge: string;
    let other: DealerOrganization;
    let othersProduct: string;

    const product = async (dealer: DealerOrganization, model: string) => {
      const first12 = `6901234${String(next()).padStart(5, '0')}`;
      const res = await request(t.server)
        .post('/api/dealer/products')
        .set('cookie', dealer.cookie)
        .send({
          programCode: 'appliance-2026',
          category: 'refrigerator',
          barcode: first12 + computeGtin13CheckDigit(first12),
          brand: '海尔',
          model,
          efficiencyGrade: 1,
          filedPriceFen: 400_000,
        })
        .expect(201);
      return res.body.id as string;
    };
    const salesOf = async (organizationId: string) =>
      Number(
        (
          (await db.query(`SELECT count(*)::int AS n FROM dealer_sale WHERE organization_id = $1`, [
            organizationId,
          ])) as { n: number }[]
        )[0]!.n,
      );
    const serialRecorded = async (serial: string) =>
      Number(
        (
          (await db.query(`SELECT count(*)::int AS n FROM dealer_sale WHERE serial_no = $1`, [serial])) as {
            n: number;
          }[]
        )[0]!.n,
      );

    beforeAll(async () => {
      fridge = await product(shop, 'BCD-IMPORT-2');
      other = await registerDealer(t, { series: 'M1', serial: 2 });
      othersProduct = await product(other, 'BCD-OTHER-1');
    });

    afterAll(async () => {
      const invariants = await checkMoneyInvariants((sql, params) => db.query(sql, params), { ids: [] });
      for (const name of ['budget remaining ≥ 0', 'total = remaining + reserved + committed + paid'])
        expect(invariants.find((i) => i.name === name)).toEqual({ name, problems: [] });
    });

    it('a CSV with Chinese headers: 200 { created, errors: [] }, the rows stored, one import audit row', async () => {
      const before = await salesOf(shop.organizationId);
      const rows = [0, 1, 2].map((i) => saleRow(fridge, i));
      const res = await upload(salesCsv(rows)).expect(200);
      expect(res.body).toEqual({ created: 3, errors: [] });
      expect(await salesOf(shop.organizationId)).toBe(before + 3);
      const stored = (await db.query(
        `SELECT serial_no, delivery_mode, price_fen::int AS price FROM dealer_sale WHERE serial_no = ANY($1) ORDER BY serial_no`,
        [rows.map((r) => r.serialNo)],
      )) as { serial_no: string; delivery_mode: string; price: number }[];
      expect(stored.map((r) => [r.delivery_mode, r.price])).toEqual(
        expect.arrayContaining([
          ['pickup', 399_900],
          ['delivery', 399_900],
        ]),
      );
      const [audit] = (await db.query(
        `SELECT actor_id, detail FROM audit_log WHERE action = 'dealer_sale.imported' AND object_id = $1 ORDER BY seq DESC LIMIT 1`,
        [shop.organizationId],
      )) as { actor_id: string; detail: Record<string, unknown> }[];
      expect(audit).toEqual({
        actor_id: shop.userId,
        detail: {
          count: 3,
          format: 'csv',
          bytes: expect.any(Number),
          sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
        },
      });
    });

    it('an XLSX with English headers, amounts as number cells and a date cell: 200', async () => {
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet('sales');
      sheet.addRow(EN);
      const row = saleRow(fridge, 10);
      sheet.addRow(
        EN.map((path) => {
          if (path.endsWith('Fen')) return Number(row[path]);
          if (path === 'invoiceDate') return new Date(Date.UTC(2026, 10, 20));
          return row[path] ?? null;
        }),
      );
      const res = await upload(Buffer.from(await workbook.xlsx.writeBuffer()), 'sales.xlsx').expect(200);
      expect(res.body).toEqual({ created: 1, errors: [] });
      expect(await serialRecorded(row.serialNo!)).toBe(1);
    });

    it('a CSV saved by Chinese Excel (GB 18030, no BOM) reads its Chinese right', async () => {
      const row = saleRow(fridge, 60, { 'buyer.name': 'BUYER', 'delivery.mode': 'pickup' });
      delete row['delivery.address'];
      const ascii = salesCsv([row], EN).subarray(3).toString('latin1'); // no BOM: Excel's ANSI CSV
      // 张三 in GBK/GB 18030: D5 C5 C8 FD.
      const [before, after] = ascii.split('BUYER') as [string, string];
      const gbk = Buffer.concat([
        Buffer.from(before, 'latin1'),
        Buffer.from([0xd5, 0xc5, 0xc8, 0xfd]),
        Buffer.from(after, 'latin1'),
      ]);
      await upload(gbk).expect(200);
      const [stored] = (await db.query(`SELECT buyer_name_enc FROM dealer_sale WHERE serial_no = $1`, [
        row.serialNo,
      ])) as { buyer_name_enc: string }[];
      expect(t.app.get(PiiCipher).decrypt(stored!.buyer_name_enc, 'dealer_sale.buyer_name')).toBe('张三');
    });

    it('bad rows anywhere: 422 IMPORT_FAILED with every { line, field, code }, and not one row written', async () => {
      const before = await salesOf(shop.organizationId);
      const good = saleRow(fridge, 20);
      const rows = [
        good,
        saleRow(fridge, 21, { 'buyer.idNumber': '370181196003010011' }), // wrong check digit
        saleRow(fridge, 22, { paidFen: '1' }), // does not add up
        saleRow(fridge, 23, { 'buyer.idNumber': '91370181MA3C4D5E6F' }), // a company
        saleRow(fridge, 24, { serialNo: good.serialNo! }), // repeats line 2
        saleRow(othersProduct, 25), // another organisation's product
        saleRow(fridge, 26, { priceFen: '3999.00' }),
        saleRow(fridge, 27, { 'delivery.mode': '无人机' }),
      ];
      const res = await upload(salesCsv(rows)).expect(422);
      expect(res.body.error.code).toBe('IMPORT_FAILED');
      const found = (res.body.error.rows as { line: number; field: string; code: string }[]).map(
        (r) => `${r.line} ${r.field}`,
      );
      expect(found).toEqual(
        expect.arrayContaining([
          '3 buyer.idNumber',
          '4 priceFen',
          '5 buyer.idNumber',
          '6 serialNo',
          '8 priceFen',
          '9 delivery.mode',
        ]),
      );
      expect(res.body.error.rows).toContainEqual({ line: 6, field: 'serialNo', code: 'DUPLICATE_IN_FILE' });
      expect(res.body.error.rows).toContainEqual({
        line: 4,
        field: 'priceFen',
        code: 'AMOUNTS_DO_NOT_ADD_UP',
      });
      // What needs the database (whose product it is) is named once the file's own rules pass.
      const second = await upload(salesCsv([rows[0]!, rows[5]!])).expect(422);
      expect(second.body.error.rows).toEqual([{ line: 3, field: 'productId', code: 'PRODUCT_NOT_FOUND' }]);
      expect(await salesOf(shop.organizationId)).toBe(before);
      expect(await serialRecorded(good.serialNo!)).toBe(0);
    });

    it('a serial already recorded: the whole file refused, the line named', async () => {
      const first = saleRow(fridge, 30);
      await upload(salesCsv([first])).expect(200);
      const fresh = saleRow(fridge, 31);
      const res = await upload(
        salesCsv([fresh, { ...saleRow(fridge, 32), serialNo: first.serialNo! }]),
      ).expect(422);
      expect(res.body.error).toMatchObject({
        code: 'IMPORT_FAILED',
        rows: [{ line: 3, field: 'serialNo', code: 'DUPLICATE_SERIAL' }],
      });
      expect(await serialRecorded(fresh.serialNo!)).toBe(0);
    });

    it('a voucher that cannot be redeemed refuses the file at its line (redemption runs in the transaction)', async () => {
      const rows = [saleRow(fridge, 70), saleRow(fridge, 71, { voucherCode: 'NO-SUCH-VOUCHER' })];
      const res = await upload(salesCsv(rows)).expect(422);
      expect(res.body.error).toMatchObject({
        code: 'IMPORT_FAILED',
        rows: [{ line: 3, field: 'voucherCode', code: 'VOUCHER_NOT_FOUND' }],
      });
      expect(await serialRecorded(rows[0]!.serialNo!)).toBe(0);
    });

    it('a cell beginning with = is data: stored as exactly that text, never evaluated (exports escape it)', async () => {
      const attack = "=cmd|' /C calc'!A0";
      const row = saleRow(fridge, 40, { 'buyer.name': attack });
      await upload(salesCsv([row])).expect(200);
      const [stored] = (await db.query(`SELECT buyer_name_enc FROM dealer_sale WHERE serial_no = $1`, [
        row.serialNo,
      ])) as { buyer_name_enc: string }[];
      expect(t.app.get(PiiCipher).decrypt(stored!.buyer_name_enc, 'dealer_sale.buyer_name')).toBe(attack);
    });

    it('an organisation that is not active reads the template but cannot import (403)', async () => {
      const pending = await registerDealer(t, { series: 'M1', serial: 3, active: false });
      await request(t.server)
        .get(`${ROUTE}/template`)
        .query({ format: 'csv' })
        .set('cookie', pending.cookie)
        .expect(200);
      const res = await upload(salesCsv([saleRow(fridge, 50)]), 'sales.csv', pending.cookie).expect(403);
      expect(res.body.error.code).toBe('ORGANIZATION_NOT_ACTIVE');
    });

    it('5,000 valid rows import in seconds', async () => {
      const rows = Array.from({ length: 5000 }, (_, i) => saleRow(fridge, i));
      const before = await salesOf(shop.organizationId);
      const started = Date.now();
      const res = await upload(salesCsv(rows)).expect(200);
      const seconds = (Date.now() - started) / 1000;
      expect(res.body).toEqual({ created: 5000, errors: [] });
      expect(await salesOf(shop.organizationId)).toBe(before + 5000);
      expect(seconds).toBeLessThan(30);
    }, 60_000);

    it('an import racing a single POST /api/dealer/sales of the same serial: exactly one wins', async () => {
      const outcomes: string[] = [];
      for (let round = 0; round < 6; round += 1) {
        const rows = Array.from({ length: 40 }, (_, i) => saleRow(fridge, 100 + i));
        const contested = rows[25]!;
        const single = saleRow(fridge, 99);
        const body = {
          programCode: 'appliance-2026',
          productId: fridge,
          serialNo: contested.serialNo,
          priceFen: 399_900,
          paidFen: 389_900,
          otherDiscountFen: 10_000,
          invoiceNo: single.invoiceNo,
          invoiceDate: '2026-11-20',
          buyer: { name: '张三', idNumber: buyerId(99) },
          delivery: { mode: 'pickup' },
        };
        const [imported, posted] = await Promise.all([
          upload(salesCsv(rows)),
          // Alternate which request leaves first so both orders are exercised.
          new Promise((resolve) => setTimeout(resolve, round % 2 ? 0 : 15)).then(() =>
            request(t.server).post('/api/dealer/sales').set('cookie', shop.cookie).send(body),
          ),
        ]);
        expect(await serialRecorded(contested.serialNo!)).toBe(1);
        const importedRows = Number(
          (
            (await db.query(`SELECT count(*)::int AS n FROM dealer_sale WHERE serial_no = ANY($1)`, [
              rows.filter((_, i) => i !== 25).map((r) => r.serialNo),
            ])) as { n: number }[]
          )[0]!.n,
        );
        if (imported.status === 200) {
          expect([posted.status, posted.body.error?.code]).toEqual([409, 'DUPLICATE_SERIAL']);
          expect(importedRows).toBe(39);
          outcomes.push('import');
        } else {
          expect(posted.status).toBe(201);
          expect(imported.status).toBe(422);
          expect(imported.body.error).toMatchObject({
            code: 'IMPORT_FAILED',
            rows: [{ line: 27, field: 'serialNo', code: 'DUPLICATE_SERIAL' }],
          });
          expect(importedRows).toBe(0);
          outcomes.push('single');
        }
      }
      expect(outcomes).toHaveLength(6);
    }, 60_000);
  });

  it('the template’s CSV parses as the header the importer reads (round trip)', () => {
    const [header] = parse(csvOf([TEMPLATE]), { bom: true }) as string[][];
    expect(header).toEqual(TEMPLATE);
  });
});
