import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { PHONE, collectPageErrors, launchBrowser, screenshotPath } from './browser';
import { newPhone, saveFirstProfile, signInBySms } from './resident';

const baseUrl = inject('baseUrl');

describe('vouchers in Chromium (resident, 390×844)', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
  });

  it('a resident takes an appliance voucher from the tab bar and shows its QR code full screen, then cancels it', async () => {
    const context = await browser.newContext({
      viewport: PHONE,
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
      locale: 'zh-CN',
    });
    const page = await context.newPage();
    const errors = collectPageErrors(page, [[404, '/api/me/profile']]);

    await signInBySms(page, baseUrl, newPhone());
    await page.waitForURL(`${baseUrl}/me/profile`);
    await saveFirstProfile(page);

    await page.getByRole('navigation', { name: '主导航' }).last().getByRole('link', { name: '领券' }).click();
    await page.getByRole('heading', { level: 1, name: '补贴资格券' }).waitFor();
    await page.getByLabel('补贴项目', { exact: true }).selectOption('appliance-2026');
    await page.getByLabel('商品品类', { exact: true }).selectOption('air_conditioner');
    await page.getByTestId('voucher-terms').getByText('最高补贴 ¥1,500.00，有效期 3 天。').waitFor();
    await page.screenshot({ path: screenshotPath('vouchers-take-phone-zh'), fullPage: true });
    await page.getByRole('button', { name: '领取资格券' }).click();

    const qr = page.getByTestId('voucher-qr');
    await qr.waitFor();
    const code = (await qr.getByTestId('voucher-code').textContent()) ?? '';
    expect(code).toMatch(/^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{3}-[2-9A-HJKMNP-Z]{3}$/);
    await qr
      .getByRole('timer')
      .getByText(/^剩余 2天 23:5\d:\d\d$/)
      .waitFor();
    // The QR image is the server's SVG, drawn at a size a till's camera reads from arm's length.
    const image = qr.getByRole('img', { name: `券码 ${code}` });
    expect(await image.getAttribute('src')).toMatch(/^data:image\/svg\+xml;base64,/);
    const box = (await image.boundingBox())!;
    expect(box.width).toBeGreaterThanOrEqual(280);
    const codeBox = (await qr.getByTestId('voucher-code').boundingBox())!;
    expect(codeBox.height).toBeGreaterThanOrEqual(36);
    expect(codeBox.x + codeBox.width).toBeLessThanOrEqual(PHONE.width);
    await page.screenshot({ path: screenshotPath('vouchers-qr-phone-zh'), fullPage: false });

    await page
      .getByRole('button', { name: /^关\s?闭$/ })
      .last()
      .click();
    const card = page.getByTestId('voucher-card').first();
    await card.getByText('可使用').waitFor();
    const listed = (await (await page.request.get(`${baseUrl}/api/vouchers`)).json()) as Array<{
      code: string;
    }>;
    expect(listed.map((v) => v.code)).toEqual([code.replace(/-/g, '')]);

    await card.getByRole('button', { name: '取消此券' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '取消资格券' }).click();
    await page.getByText('资格券已取消，额度已释放。').waitFor();
    await page.getByTestId('voucher-card').first().getByText('已取消').waitFor();
    await page.getByRole('dialog').waitFor({ state: 'hidden' });
    await page.screenshot({ path: screenshotPath('vouchers-list-phone-zh'), fullPage: true });
    expect(errors).toEqual([]);
    await context.close();
  });
});
