/**
 * Bulk import at the back office (1366×768) and on a phone (390×844): the templates download in both
 * formats; a file with bad rows is refused whole and every problem is listed by line and column in words
 * (and saved as CSV, with a formula-looking cell neutralised); the corrected file imports, and its sales
 * are in the list.
 */
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, inject, it, onTestFailed } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { SALES_IMPORT_COLUMNS, salesImportHeader } from '@huanxin/shared';
import { collectPageErrors, launchBrowser, PHONE, screenshotPath } from './browser';
import { buyerIdNumber, LAPTOP, readyShop, SHOP_PASSWORD, signIn, type ReadyShop } from './dealer-shop';

const baseUrl = inject('baseUrl');

/** One CSV line per sale, in the template's column order (missing columns empty). */
function csv(rows: Array<Record<string, string | number>>): Buffer {
  const cell = (v: string | number | undefined) => {
    const text = v === undefined ? '' : String(v);
    return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const lines = [
    SALES_IMPORT_COLUMNS.map(salesImportHeader).join(','),
    ...rows.map((row) => SALES_IMPORT_COLUMNS.map((c) => cell(row[c.path])).join(',')),
  ];
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}

/** The same ID number with another check character: a typo the checksum catches. */
const wrongCheckCharacter = (id: string) => `${id.slice(0, 17)}${id.endsWith('1') ? '2' : '1'}`;

describe('dealer: import a file with bad rows, then a good one', () => {
  let browser: Browser;
  let shop: ReadyShop;
  const sale = (n: number, changes: Record<string, string | number> = {}) => ({
    programCode: 'appliance-2026',
    productId: shop.product.id,
    serialNo: `MW-IMPORT-${n}`,
    priceFen: 399_900,
    paidFen: 399_900,
    otherDiscountFen: 0,
    invoiceNo: `263700000000${String(10_000_000 + n).slice(-8)}`,
    invoiceDate: '2026-11-20',
    'buyer.name': `买家${n}`,
    'buyer.idNumber': buyerIdNumber(8400 + n),
    'delivery.mode': 'pickup',
    ...changes,
  });

  beforeAll(async () => {
    browser = await launchBrowser();
    shop = await readyShop(baseUrl, '章丘明水导入测试电器行');
  });
  afterAll(async () => {
    await browser.close();
  });

  async function openImport(page: Page) {
    await signIn(page, baseUrl, shop.username, SHOP_PASSWORD, '/console/dealer/import');
    await page.getByRole('heading', { name: '批量导入销售', level: 2 }).waitFor();
  }

  it('downloads both templates, lists every bad row, then imports the corrected file', async () => {
    const context = await browser.newContext({ viewport: LAPTOP, locale: 'zh-CN', acceptDownloads: true });
    const page = await context.newPage();
    const errors = collectPageErrors(page, [[422, '/api/dealer/sales/import']]);
    onTestFailed(async () => {
      await page.screenshot({ path: screenshotPath('failed-dealer-import'), fullPage: true });
    });
    await openImport(page);

    const [csvTemplate] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: /下载模板（CSV）/ }).click(),
    ]);
    expect(csvTemplate.suggestedFilename()).toBe('huanxin-sales-import.csv');
    const header = (await readFile((await csvTemplate.path())!, 'utf8'))
      .replace(/^\uFEFF/, '')
      .split(/\r?\n/)[0];
    expect(header).toBe(SALES_IMPORT_COLUMNS.map(salesImportHeader).join(','));
    const [xlsxTemplate] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: /下载模板（Excel）/ }).click(),
    ]);
    expect(xlsxTemplate.suggestedFilename()).toBe('huanxin-sales-import.xlsx');
    // An XLSX is a zip: it starts with "PK".
    expect((await readFile((await xlsxTemplate.path())!)).subarray(0, 2).toString()).toBe('PK');

    const bad = csv([
      sale(1),
      sale(2, { 'buyer.idNumber': wrongCheckCharacter(buyerIdNumber(8402)) }),
      sale(3),
      sale(4, { 'buyer.name': "=cmd|' /C calc'!A0" }),
    ]);
    await page.getByLabel('导入文件（CSV 或 XLSX）', { exact: true }).setInputFiles({
      name: 'sales-bad.csv',
      mimeType: 'text/csv',
      buffer: bad,
    });
    await page.getByTestId('import-submit').click();
    const report = page.getByTestId('import-report');
    await report.waitFor();
    await report.getByText(/整份文件未导入/).waitFor();
    const lines = await report
      .locator('tbody tr.ant-table-row')
      .evaluateAll((rows) =>
        rows.map((r) => Array.from(r.querySelectorAll('td')).map((td) => td.textContent ?? '')),
      );
    // Line 1 is the header: sale 2 is line 3. The formula-looking name on line 5 is only text in a CSV.
    expect(lines).toEqual([['3', '购买人身份证号', '身份证号校验位不正确']]);
    await page.screenshot({ path: screenshotPath('dealer-import-desktop-report'), fullPage: true });

    const [report1] = await Promise.all([
      page.waitForEvent('download'),
      report.getByRole('button', { name: /下载错误报告/ }).click(),
    ]);
    expect(report1.suggestedFilename()).toBe('sales-bad-错误报告.csv');
    const reportCsv = await readFile((await report1.path())!, 'utf8');
    expect(reportCsv.startsWith('\uFEFF行号,列,问题,错误代码')).toBe(true);
    expect(reportCsv).toContain('3,购买人身份证号,身份证号校验位不正确,INVALID_CHECKSUM');
    // No cell of the report starts a formula.
    expect(reportCsv.split(/\r\n/).some((line) => line.split(',').some((c) => /^[=+@]/.test(c)))).toBe(false);

    // Nothing was written: the list is still empty.
    const sales = await page.request.get(`${baseUrl}/api/dealer/sales`);
    expect(((await sales.json()) as { total: number }).total).toBe(0);

    await page.getByLabel('导入文件（CSV 或 XLSX）', { exact: true }).setInputFiles({
      name: 'sales-good.csv',
      mimeType: 'text/csv',
      buffer: csv([sale(1), sale(2), sale(3)]),
    });
    await page.getByTestId('import-submit').click();
    await page.getByTestId('import-done').getByText('已导入 3 笔销售').waitFor();
    await page.screenshot({ path: screenshotPath('dealer-import-desktop-done'), fullPage: true });
    await page.getByRole('link', { name: '销售记录', exact: true }).click();
    await page.getByTestId('sales-list').getByText('MWIMPORT3').waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('on a phone: the same report fits the screen', async () => {
    const context = await browser.newContext({ viewport: PHONE, locale: 'zh-CN', isMobile: true });
    const page = await context.newPage();
    const errors = collectPageErrors(page, [[422, '/api/dealer/sales/import']]);
    onTestFailed(async () => {
      await page.screenshot({ path: screenshotPath('failed-dealer-import-phone'), fullPage: true });
    });
    await openImport(page);
    await page.screenshot({ path: screenshotPath('dealer-import-phone'), fullPage: true });
    // Serial 1 is imported already: the same row again is a duplicate, refused with its line.
    await page.getByLabel('导入文件（CSV 或 XLSX）', { exact: true }).setInputFiles({
      name: 'again.csv',
      mimeType: 'text/csv',
      buffer: csv([sale(1), sale(5)]),
    });
    await page.getByTestId('import-submit').click();
    const report = page.getByTestId('import-report');
    await report.waitFor();
    const first = await report.locator('tbody tr.ant-table-row').first().locator('td').allTextContents();
    expect(first[0]).toBe('2');
    await page.screenshot({ path: screenshotPath('dealer-import-phone-report'), fullPage: true });
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(PHONE.width);
    expect(errors).toEqual([]);
    await context.close();
  });
});
