/**
 * The counter end to end, on the portal that runs its queue worker: a resident takes a refrigerator
 * voucher; a shop's cashier, on a phone at 390×844, redeems it by typing the code (the camera's fallback),
 * picks the filed product, sees the resident's share live and gets the receipt; the claim the till
 * created is checked by the worker into review and shows in the reviewer's queue with the shop as payee.
 * Screenshots of step 2 on the phone and of the receipt.
 */
import { randomInt } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it, onTestFailed } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { formatVoucherCode, type VoucherView } from '@huanxin/shared';
import { RESIDENT_PROFILE_DEFAULTS, residentIdNumber } from '@huanxin/shared/testing';
import { collectPageErrors, launchBrowser, PHONE, screenshotPath } from './browser';
import { LAPTOP, readyShop, SHOP_PASSWORD, signIn } from './dealer-shop';
import { saveFirstProfile, signInBySms } from './resident';

const baseUrl = inject('reviewBaseUrl');
const DEMO_PASSWORD = process.env.DEMO_PASSWORD ?? 'demo-password-2026';

/** This suite's residents: fresh 139… phones (the SMS helper reads 139****), born 1955-07-2x (no other test's). */
const phone = () => `1397${String(randomInt(0, 10_000_000)).padStart(7, '0')}`;
const idNumber = () =>
  residentIdNumber({ birthDate: `1955-07-2${randomInt(0, 9)}`, sequence: randomInt(0, 1000) });

async function noSidewaysScroll(page: Page) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(PHONE.width);
}

describe('the counter: redeem a voucher by its typed code (phone, 390×844)', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
  });

  it('a resident’s voucher, redeemed at the till; the receipt; the claim in review with the shop as payee', async () => {
    // The resident: signs in, saves a real-name profile, takes a refrigerator voucher.
    const holderId = idNumber();
    const resident = await browser.newContext({ viewport: PHONE, locale: 'zh-CN' });
    const residentPage = await resident.newPage();
    await signInBySms(residentPage, baseUrl, phone());
    await residentPage.waitForURL(`${baseUrl}/me/profile`);
    await saveFirstProfile(residentPage, holderId);
    const taken = await residentPage.request.post(`${baseUrl}/api/vouchers`, {
      data: { programCode: 'appliance-2026', category: 'refrigerator' },
    });
    expect(taken.status(), await taken.text()).toBe(201);
    const voucher = (await taken.json()) as VoucherView;

    // The shop (MK series), approved, with a refrigerator filed at ¥3,999.
    const shopName = `章丘收银测试家电 ${randomInt(0, 100_000)}`;
    const shop = await readyShop(baseUrl, shopName, 'MK');

    const cashier = await browser.newContext({
      viewport: PHONE,
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
      locale: 'zh-CN',
    });
    const page = await cashier.newPage();
    // The second redemption of the same code is the till's 409 VOUCHER_USED, shown on the code.
    const errors = collectPageErrors(page, [[409, '/api/dealer/sales']]);
    onTestFailed(async () => {
      await page.screenshot({ path: screenshotPath('failed-counter-phone'), fullPage: true });
    });
    await signIn(page, baseUrl, shop.username, SHOP_PASSWORD, '/console/dealer/redeem');
    await page.getByRole('heading', { name: '第 1 步：读取补贴券' }).waitFor();
    // The camera is one button; the typed code is always there.
    await page.getByTestId('scan-start').waitFor();
    await noSidewaysScroll(page);

    // A typo first: caught as typed.
    const code = voucher.code;
    const wrongLast = code[9] === '2' ? '3' : '2';
    await page.getByLabel('补贴券码', { exact: true }).fill(`${code.slice(0, 9)}${wrongLast}`);
    await page.getByText('券码校验不通过，可能有字符输错或前后颠倒').waitFor();
    await page.getByLabel('补贴券码', { exact: true }).fill(formatVoucherCode(code).toLowerCase());
    await page.getByTestId('voucher-next').click();

    // Step 2: the product from the searchable picker, the item, the buyer; the share follows live.
    await page.getByRole('heading', { name: '第 2 步：商品与金额' }).waitFor();
    const picker = page.getByLabel('备案商品', { exact: true });
    await picker.click();
    await picker.fill('BCD-520');
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: 'BCD-520WKPZM' })
      .first()
      .click();
    await expect.poll(() => page.getByTestId('share-amount').textContent()).toBe('¥3,399.15');
    expect(await page.getByTestId('share-subsidy').textContent()).toBe('− ¥599.85');
    const n = String(randomInt(0, 100_000_000)).padStart(8, '0');
    await page.getByLabel('商品序列号（SN）', { exact: true }).fill(`CTR-${n}`);
    await page.getByLabel('其他优惠', { exact: true }).fill('99.15');
    await expect.poll(() => page.getByTestId('share-amount').textContent()).toBe('¥3,300.00');
    await page.getByLabel('发票号码', { exact: true }).fill(`25379900${n}1234`);
    await page.getByLabel('购买人姓名', { exact: true }).fill(RESIDENT_PROFILE_DEFAULTS.name);
    await page.getByLabel('购买人身份证号', { exact: true }).fill(holderId);
    await noSidewaysScroll(page);
    await page.screenshot({ path: screenshotPath('counter-redeem-step2-phone-zh'), fullPage: true });
    await page.getByTestId('redeem-submit').click();

    // Step 3: the receipt, with the till's subsidy and the claim's code.
    const receipt = page.getByTestId('receipt');
    await receipt.waitFor();
    await receipt.getByRole('heading', { name: shopName }).waitFor();
    expect(await receipt.getByTestId('receipt-price').textContent()).toContain('¥3,999.00');
    expect(await receipt.getByTestId('receipt-subsidy').textContent()).toContain('− ¥599.85');
    expect(await receipt.getByTestId('receipt-paid').textContent()).toContain('¥3,300.00');
    expect(await receipt.textContent()).toContain(`CTR-${n}`);
    await expect
      .poll(async () => (await receipt.getByTestId('receipt-claim').textContent()) ?? '', { timeout: 15_000 })
      .toMatch(/补贴申请编号[A-Z]{2,}-\d{4}-\d+/);
    const claimCode = ((await receipt.getByTestId('receipt-claim').locator('dd').textContent()) ?? '').trim();
    await noSidewaysScroll(page);
    await page.screenshot({ path: screenshotPath('counter-receipt-phone-zh'), fullPage: true });

    // The voucher is used: the resident's list says so.
    const listed = (await (
      await residentPage.request.get(`${baseUrl}/api/vouchers`)
    ).json()) as VoucherView[];
    expect(listed.find((v) => v.id === voucher.id)?.status).toBe('redeemed');

    // The same code again at the till: back to step 1, the reason on the code.
    await page.getByTestId('receipt-next').click();
    await page.getByLabel('补贴券码', { exact: true }).fill(code);
    await page.getByTestId('voucher-next').click();
    await page.getByLabel('备案商品', { exact: true }).click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').first().click();
    await page.getByLabel('商品序列号（SN）', { exact: true }).fill(`CTR-${n}-2`);
    await page.getByLabel('发票号码', { exact: true }).fill(`25379901${n}1234`);
    await page.getByLabel('购买人姓名', { exact: true }).fill(RESIDENT_PROFILE_DEFAULTS.name);
    await page.getByLabel('购买人身份证号', { exact: true }).fill(holderId);
    await page.getByTestId('redeem-submit').click();
    await page.getByRole('heading', { name: '第 1 步：读取补贴券' }).waitFor();
    await page.getByText('补贴券已核销过，不能重复使用').waitFor();

    // The reviewer finds the claim the till created in the queue, the shop as payee.
    const office = await browser.newContext({ viewport: LAPTOP, locale: 'zh-CN' });
    const reviewer = await office.newPage();
    await reviewer.goto(`${baseUrl}/console/login`);
    await reviewer.getByLabel('用户名', { exact: true }).fill('reviewer1');
    await reviewer.getByLabel('密码', { exact: true }).fill(DEMO_PASSWORD);
    await reviewer.getByRole('button', { name: /^登\s?录$/ }).click();
    await reviewer.waitForURL((url) => !url.pathname.endsWith('/login'));
    // The worker's checks move it into review (seconds): wait for it in the queue's answer (oldest first,
    // as the page lists it), then open the page of 20 it is on.
    let position = -1;
    await expect
      .poll(
        async () => {
          const answer = await reviewer.request.get(
            `${baseUrl}/api/review/queue?program=appliance-2026&sort=age&page=1&pageSize=100`,
          );
          const body = (await answer.json()) as { items: Array<{ code: string; payee: string }> };
          position = body.items.findIndex((i) => i.code === claimCode);
          return body.items[position]?.payee ?? 'absent';
        },
        { timeout: 60_000, interval: 1000 },
      )
      .toBe('dealer');
    await reviewer.goto(
      `${baseUrl}/console/review?program=appliance-2026&page=${Math.floor(position / 20) + 1}`,
    );
    const row = reviewer.getByRole('row').filter({ hasText: claimCode });
    await row.waitFor();
    expect(await row.textContent()).toContain('经营单位');

    expect(errors).toEqual([]);
    await office.close();
    await cashier.close();
    await resident.close();
  }, 240_000);

  it('the camera: Chromium’s fake camera opens, the QR reader loads from our own origin under the CSP', async () => {
    // A browser whose camera is Chromium's test pattern, permission granted: no QR code in view, so
    // the scanner keeps scanning; what this proves is the path a real phone takes up to the first frame.
    const camera = await launchBrowser([
      '--use-fake-device-for-media-stream',
      '--use-fake-ui-for-media-stream',
    ]);
    try {
      const shop = await readyShop(baseUrl, `章丘收银摄像头测试 ${randomInt(0, 100_000)}`, 'MK');
      const context = await camera.newContext({ viewport: PHONE, locale: 'zh-CN' });
      await context.grantPermissions(['camera'], { origin: baseUrl });
      const page = await context.newPage();
      const errors = collectPageErrors(page);
      const wasm: Array<{ url: string; status: number }> = [];
      page.on('response', (r) => {
        if (r.url().endsWith('.wasm')) wasm.push({ url: r.url(), status: r.status() });
      });
      await signIn(page, baseUrl, shop.username, SHOP_PASSWORD, '/console/dealer/redeem');
      await page.getByTestId('scan-start').click();
      await page.locator('[data-testid="voucher-scanner"][data-state="scanning"]').waitFor();
      await page.getByText('请将补贴券二维码放入取景框内').waitFor();
      // Headless Chromium on Linux has no native BarcodeDetector: the WebAssembly reader is fetched, from
      // the portal itself, and runs on the frames without an error.
      const native = await page.evaluate(() => 'BarcodeDetector' in globalThis);
      if (!native) {
        await expect.poll(() => wasm.length, { timeout: 20_000 }).toBeGreaterThan(0);
        expect(wasm.every((w) => w.url.startsWith(baseUrl) && w.status === 200)).toBe(true);
      }
      await page.waitForTimeout(1500);
      await noSidewaysScroll(page);
      await page.getByTestId('scan-stop').click();
      await page.locator('[data-testid="voucher-scanner"][data-state="idle"]').waitFor();
      expect(errors).toEqual([]);
      await context.close();
    } finally {
      await camera.close();
    }
  }, 120_000);
});
