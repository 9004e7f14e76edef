/**
 * A new appliance shop registers on a phone (the shared validators flag a mistyped credit code as it is
 * typed), signs in and sees its registration pending; an approver activates it in the console; the shop
 * files its first product. Screenshots of each step.
 */
import { randomInt } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it, onTestFailed } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { computeUsccCheckChar } from '@huanxin/shared';
import { collectPageErrors, launchBrowser, PHONE, screenshotPath } from './browser';

const baseUrl = inject('baseUrl');
const LAPTOP = { width: 1366, height: 768 } as const;
const PASSWORD = 'violet-kettle-harbour-91';

function freshUscc(): string {
  const first17 = `91370181MJ${String(randomInt(0, 10_000_000)).padStart(7, '0')}`;
  return first17 + computeUsccCheckChar(first17);
}

async function signIn(page: Page, username: string, password: string, path: string) {
  await page.goto(`${baseUrl}${path}`);
  await page.getByLabel('用户名', { exact: true }).fill(username);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByRole('button', { name: /^登\s?录$/ }).click();
  await page.waitForURL(`${baseUrl}${path}`);
}

describe('dealer: registration → approval → first product', () => {
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
    await page.screenshot({ path: screenshotPath('dealer-console-pending'), fullPage: true });

    const office = await browser.newContext({ viewport: LAPTOP, locale: 'zh-CN' });
    const officePage = await office.newPage();
    const officeErrors = collectPageErrors(officePage);
    onTestFailed(async () => {
      await officePage.screenshot({ path: screenshotPath('failed-dealer-review'), fullPage: true });
    });
    await signIn(officePage, 'approver1', 'demo-password-2026', '/console/organizations');
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
    expect(errors).toEqual([]);
    await dealer.close();
  });
});
