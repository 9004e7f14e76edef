import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { DESKTOP, PHONE, collectPageErrors, launchBrowser, screenshotPath } from './browser';

const baseUrl = inject('baseUrl');

describe('home page in Chromium', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser.close();
  });

  it('renders in Chinese on a phone, with the live system status', async () => {
    const context = await browser.newContext({
      viewport: PHONE,
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
      locale: 'zh-CN',
    });
    const page = await context.newPage();
    const errors = collectPageErrors(page);

    await page.goto(`${baseUrl}/`);
    await page.getByRole('heading', { level: 1, name: '以旧换新，补贴到家' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    expect(await page.title()).toBe('章丘区以旧换新补贴服务平台');
    await page.getByText('系统运行正常').waitFor();
    await page.screenshot({ path: screenshotPath('home-phone-zh'), fullPage: false });
    await page.screenshot({ path: screenshotPath('home-phone-zh-full'), fullPage: true });
    expect(errors).toEqual([]);
    await context.close();
  });

  it('switches to English on a desktop and keeps the choice after a reload', async () => {
    const context = await browser.newContext({ viewport: DESKTOP, locale: 'zh-CN' });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/`);
    await page.getByRole('heading', { level: 1, name: '以旧换新，补贴到家' }).waitFor();
    await page.getByText('系统运行正常').waitFor();
    await page.screenshot({ path: screenshotPath('home-desktop-zh'), fullPage: true });

    await page.getByRole('button', { name: '切换语言 / Switch language' }).click();
    await page
      .getByRole('heading', { level: 1, name: 'Trade in the old, get a subsidy for the new' })
      .waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');

    await page.reload();
    await page
      .getByRole('heading', { level: 1, name: 'Trade in the old, get a subsidy for the new' })
      .waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.getByText('All systems operational').waitFor();
    await page.screenshot({ path: screenshotPath('home-desktop-en'), fullPage: true });

    // The console asks for a staff sign-in first, and comes back to the page afterwards.
    await page.goto(`${baseUrl}/console/review`);
    await page.waitForURL(/\/console\/login\?next=%2Fconsole%2Freview$/);
    await page.getByRole('heading', { level: 1, name: 'Staff sign-in' }).waitFor();
    await page.screenshot({ path: screenshotPath('console-desktop-en'), fullPage: true });
    await context.close();
  });
});
