/**
 * A new appliance shop registers on a phone (the shared validators flag a mistyped credit code as it is
 * typed), signs in and sees its registration pending with what is still missing; an approver checks it in
 * the console (credit code check, history) and activates it; the shop files its first product and records
 * its first sale at the counter on a phone (ID checksum as typed, amounts adding up live), then sees it in
 * its sales list. Screenshots of each step at 390×844 and 1366×768.
 */
import { randomInt } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it, onTestFailed } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { collectPageErrors, launchBrowser, PHONE, screenshotPath } from './browser';
import { onePagePdf } from './documents';
import {
  buyerIdNumber,
  freshUscc,
  LAPTOP,
  SHOP_PASSWORD as PASSWORD,
  signIn as signInAt,
} from './dealer-shop';

const baseUrl = inject('baseUrl');
const signIn = (page: Page, username: string, password: string, path: string) =>
  signInAt(page, baseUrl, username, password, path);

describe('dealer: registration → approval → first product → first sale', () => {
  let browser: Browser;
  const uscc = freshUscc();
  const username = `shop-${randomInt(0, 1_000_000)}`;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
  });

  it('registers on a phone with the checks as you type', async () => {
    const context = await browser.newContext({ viewport: PHONE, locale: 'zh-CN', isMobile: true });
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    onTestFailed(async () => {
      await page.screenshot({ path: screenshotPath('failed-dealer-register'), fullPage: true });
    });
    await page.goto(`${baseUrl}/dealer/register`);
    await page.getByLabel('单位名称', { exact: true }).fill('章丘明水示例家电城');
    const code = page.getByLabel('统一社会信用代码', { exact: true });
    await code.fill(`${uscc.slice(0, 17)}${uscc.endsWith('0') ? '1' : '0'}`);
    await expect.poll(() => page.getByText('信用代码校验位不正确，请核对营业执照').count()).toBe(1);
    await page.screenshot({ path: screenshotPath('dealer-register-phone-bad-uscc'), fullPage: true });
    await code.fill(uscc);
    await expect.poll(() => page.getByText('信用代码校验位不正确，请核对营业执照').count()).toBe(0);
    await page.getByLabel('零售商（家电、数码、家居、电动自行车）', { exact: true }).check();
    await page.getByLabel('家电以旧换新（2026年）', { exact: true }).check();
    await page.getByLabel('所在街道', { exact: true }).selectOption({ label: '明水街道' });
    await page.getByLabel('联系人姓名', { exact: true }).fill('李经理');
    await page.getByLabel('联系人手机号', { exact: true }).fill('13905326501');
    await page.getByLabel('开户银行', { exact: true }).fill('中国工商银行章丘支行');
    await page.getByLabel('对公账号', { exact: true }).fill('1602023809200123456');
    await page.getByLabel('用户名', { exact: true }).fill(username);
    await page.getByLabel('密码', { exact: true }).fill(PASSWORD);
    await page.getByLabel('我已阅读并签署上述承诺书', { exact: true }).check();
    await page.screenshot({ path: screenshotPath('dealer-register-phone-filled'), fullPage: true });
    await page.getByTestId('dealer-register-submit').click();
    await page.getByTestId('registration-done').waitFor();
    await page.screenshot({ path: screenshotPath('dealer-register-phone-done'), fullPage: true });
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the same credit code again: the server’s USCC_IN_USE shows on the credit-code input', async () => {
    const context = await browser.newContext({ viewport: PHONE, locale: 'zh-CN', isMobile: true });
    const page = await context.newPage();
    const errors = collectPageErrors(page, [[409, '/api/dealer/registrations']]);
    await page.goto(`${baseUrl}/dealer/register`);
    await page.getByLabel('单位名称', { exact: true }).fill('重复注册的家电城');
    await page.getByLabel('统一社会信用代码', { exact: true }).fill(uscc);
    await page.getByLabel('零售商（家电、数码、家居、电动自行车）', { exact: true }).check();
    await page.getByLabel('家电以旧换新（2026年）', { exact: true }).check();
    await page.getByLabel('所在街道', { exact: true }).selectOption({ label: '明水街道' });
    await page.getByLabel('联系人姓名', { exact: true }).fill('王经理');
    await page.getByLabel('联系人手机号', { exact: true }).fill('13905326502');
    await page.getByLabel('开户银行', { exact: true }).fill('中国工商银行章丘支行');
    await page.getByLabel('对公账号', { exact: true }).fill('1602023809200654321');
    await page.getByLabel('用户名', { exact: true }).fill(`${username}-b`);
    await page.getByLabel('密码', { exact: true }).fill(PASSWORD);
    await page.getByLabel('我已阅读并签署上述承诺书', { exact: true }).check();
    await page.getByTestId('dealer-register-submit').click();
    const field = page.locator('[data-field="uscc"] .hx-field__error');
    await field.waitFor();
    expect(await field.textContent()).toBe('该统一社会信用代码已注册');
    await page.screenshot({ path: screenshotPath('dealer-register-phone-uscc-in-use'), fullPage: true });
    expect(errors).toEqual([]);
    await context.close();
  });

  it('pending, then approved by an approver, then files its first product', async () => {
    const dealer = await browser.newContext({ viewport: LAPTOP, locale: 'zh-CN' });
    const page = await dealer.newPage();
    const errors = collectPageErrors(page);
    onTestFailed(async () => {
      await page.screenshot({ path: screenshotPath('failed-dealer-console'), fullPage: true });
    });
    await signIn(page, username, PASSWORD, '/console/dealer');
    await page.getByTestId('dealer-status').getByText('待审核').waitFor();
    // What the office still waits for: the business licence and the commitment are not uploaded yet.
    const documents = page.getByTestId('registration-documents');
    expect(await documents.getByText('未上传').count()).toBe(2);
    await page.screenshot({ path: screenshotPath('dealer-console-pending'), fullPage: true });
    await page.getByLabel('上传营业执照', { exact: true }).setInputFiles({
      name: 'licence.pdf',
      mimeType: 'application/pdf',
      buffer: onePagePdf('Business licence 91370181MW'),
    });
    await documents.getByText('已上传 1 份').waitFor();
    expect(await documents.getByText('未上传').count()).toBe(1);

    const office = await browser.newContext({ viewport: LAPTOP, locale: 'zh-CN' });
    const officePage = await office.newPage();
    const officeErrors = collectPageErrors(officePage);
    onTestFailed(async () => {
      await officePage.screenshot({ path: screenshotPath('failed-dealer-review'), fullPage: true });
    });
    await signIn(officePage, 'approver1', 'demo-password-2026', '/console/organizations');
    const row = officePage.getByRole('row', { name: new RegExp(uscc) });
    expect(await row.getByTestId('uscc-check').textContent()).toBe('校验码正确');
    await row.getByRole('button', { name: /展开行|Expand row/ }).click();
    const detail = officePage.getByTestId(`org-detail-${uscc}`);
    await detail.getByText('尚缺：承诺书（签字盖章）').waitFor();
    expect(await detail.getByRole('link', { name: '营业执照' }).count()).toBe(1);
    expect(await detail.getByText('提交注册').count()).toBe(1);
    await officePage.screenshot({ path: screenshotPath('dealer-review-detail'), fullPage: true });
    await officePage.getByTestId(`org-${uscc}-active`).click();
    await officePage
      .getByLabel('原因（必填，记入审计）', { exact: true })
      .fill('营业执照与对公账户核验无误，准予参与');
    await expect.poll(() => officePage.getByTestId('org-status-ok').isEnabled()).toBe(true);
    await officePage.screenshot({ path: screenshotPath('dealer-review-approve'), fullPage: true });
    await officePage.getByTestId('org-status-ok').click();
    await expect.poll(() => officePage.getByTestId(`org-${uscc}-active`).count()).toBe(0);
    expect(officeErrors).toEqual([]);
    await office.close();

    await page.reload();
    await page.getByTestId('dealer-status').getByText('已启用').waitFor();
    await page.getByLabel('商品品类', { exact: true }).selectOption({ label: '电冰箱' });
    await page.getByLabel('商品条码（13位）', { exact: true }).fill('6901234567891');
    await expect.poll(() => page.getByText('校验位不正确', { exact: false }).count()).toBeGreaterThan(0);
    await page.getByLabel('商品条码（13位）', { exact: true }).fill('6901234567892');
    await page.getByLabel('品牌', { exact: true }).fill('海尔');
    await page.getByLabel('型号', { exact: true }).fill('BCD-470WGHTD');
    await page.getByLabel('能效（水效）等级', { exact: true }).selectOption('1');
    await page.getByLabel('备案价', { exact: true }).fill('3999');
    await page.getByTestId('product-submit').click();
    await page.getByRole('cell', { name: '6901234567892' }).waitFor();
    expect(await page.getByText('¥3,999.00').count()).toBeGreaterThan(0);
    expect(await page.getByRole('cell', { name: /电冰箱/ }).count()).toBe(1);
    await page.screenshot({ path: screenshotPath('dealer-console-first-product'), fullPage: true });
    await page.goto(`${baseUrl}/console/dealer/sales/new`);
    await page.getByRole('heading', { name: '登记商品销售' }).waitFor();
    await page.screenshot({ path: screenshotPath('dealer-sale-desktop-empty'), fullPage: true });
    expect(errors).toEqual([]);
    await dealer.close();
  });

  it('records its first sale at the counter on a phone, and sees it in its sales list', async () => {
    const context = await browser.newContext({ viewport: PHONE, locale: 'zh-CN', isMobile: true });
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    onTestFailed(async () => {
      await page.screenshot({ path: screenshotPath('failed-dealer-sale'), fullPage: true });
    });
    await signIn(page, username, PASSWORD, '/console/dealer/sales/new');
    await page
      .getByLabel('备案商品', { exact: true })
      .selectOption({ label: '海尔 BCD-470WGHTD · 电冰箱 · ¥3,999.00' });
    await expect
      .poll(() => page.getByLabel('发票金额（售价）', { exact: true }).inputValue())
      .toBe('3999.00');
    await page.getByLabel('商品序列号（SN）', { exact: true }).fill('BE470WGHTD0001');
    await page.getByLabel('发票号码', { exact: true }).fill('26370000000087654321');
    await page.getByLabel('购买人姓名', { exact: true }).fill('孙八三');
    const id = buyerIdNumber(8301);
    const idInput = page.getByLabel('购买人身份证号', { exact: true });
    await idInput.fill(`${id.slice(0, 17)}${id.endsWith('1') ? '2' : '1'}`);
    await page
      .locator('[data-field="buyerIdNumber"] .hx-field__error')
      .getByText('身份证号校验位不正确')
      .waitFor();
    await idInput.fill(id);
    await expect.poll(() => page.locator('[data-field="buyerIdNumber"] .hx-field__error').count()).toBe(0);
    await page.getByLabel('顾客实付', { exact: true }).fill('3900');
    await page
      .getByTestId('amounts-check')
      .getByText(/金额不符.*相差 ¥99\.00/)
      .waitFor();
    await page.screenshot({ path: screenshotPath('dealer-sale-phone-mismatch'), fullPage: true });
    await page.getByLabel('其他优惠', { exact: true }).fill('99');
    await page
      .getByTestId('amounts-check')
      .getByText(/金额相符/)
      .waitFor();
    await page.getByLabel('交付方式', { exact: true }).selectOption('delivery');
    await page.getByLabel('送货地址', { exact: true }).fill('章丘区明水街道汇泉路 1 号');
    await page.screenshot({ path: screenshotPath('dealer-sale-phone-filled'), fullPage: true });
    await page.getByTestId('sale-submit').click();
    await page.getByTestId('sale-done').waitFor();
    await page.screenshot({ path: screenshotPath('dealer-sale-phone-done'), fullPage: true });

    await page.getByRole('link', { name: '销售记录', exact: true }).click();
    const list = page.getByTestId('sales-list');
    await list.getByText('26370000000087654321').waitFor();
    expect(await list.getByText('尚无居民申请').count()).toBe(1);
    await page.screenshot({ path: screenshotPath('dealer-sales-phone'), fullPage: true });
    expect(errors).toEqual([]);
    await context.close();

    const desktop = await browser.newContext({ viewport: LAPTOP, locale: 'zh-CN' });
    const deskPage = await desktop.newPage();
    const deskErrors = collectPageErrors(deskPage);
    await signIn(deskPage, username, PASSWORD, '/console/dealer/sales');
    await deskPage.getByTestId('sales-list').getByText('26370000000087654321').waitFor();
    await deskPage.screenshot({ path: screenshotPath('dealer-sales-desktop'), fullPage: true });
    expect(deskErrors).toEqual([]);
    await desktop.close();
  });
});
