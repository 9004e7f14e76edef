import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { eligibleClaim } from '@huanxin/shared/testing';
import { DESKTOP, PHONE, collectPageErrors, launchBrowser, screenshotPath } from './browser';
import { fillFacts } from './facts';

const baseUrl = inject('baseUrl');

const field = (page: Page, path: string) => page.locator(`[data-field="${path}"]`);

describe('programs and the eligibility pre-check in Chromium', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser.close();
  });

  it('lists the programs with status and budget, and shows a program with cited clauses (desktop)', async () => {
    const context = await browser.newContext({ viewport: DESKTOP, locale: 'zh-CN' });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/programs`);
    await page.getByRole('heading', { level: 1, name: '补贴项目' }).waitFor();
    const card = page.locator('article[data-program="car-scrap-2026"]');
    await card.waitFor();
    expect(await page.locator('article[data-program]').count()).toBeGreaterThanOrEqual(10);
    await card.locator('[data-status]').first().waitFor();
    await card.getByRole('progressbar').waitFor();
    await page.screenshot({ path: screenshotPath('programs-desktop-zh'), fullPage: true });

    await card.getByRole('heading').getByRole('link').click();
    await page.getByRole('heading', { level: 1 }).waitFor();
    const clause = page.locator('[data-clause="old-vehicle-age"]');
    await clause.waitFor();
    expect(await clause.locator('[data-provenance]').getAttribute('data-provenance')).toMatch(
      /^(sourced|unverified|sample)$/,
    );
    expect(await page.getByText('《报废机动车回收证明》').count()).toBeGreaterThan(0);
    await page.screenshot({ path: screenshotPath('program-detail-desktop-zh'), fullPage: true });
    await context.close();
  });

  it('runs the car-scrap-2026 pre-check on a phone: instant amount, and the server agrees', async () => {
    const context = await browser.newContext({
      viewport: PHONE,
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
      locale: 'zh-CN',
    });
    const page = await context.newPage();
    const errors = collectPageErrors(page);

    await page.goto(`${baseUrl}/programs/car-scrap-2026`);
    await page.getByRole('link', { name: /开始资格自查/ }).click();
    await page.getByRole('heading', { level: 1, name: /资格自查/ }).waitFor();
    await field(page, 'oldVehicle.vin').waitFor();

    // Validation as you type, on the right field.
    await field(page, 'newVehicle.vin').locator('input').fill('LSGGF53W7GH123456');
    await field(page, 'newVehicle.vin').getByRole('alert').waitFor();
    expect(await field(page, 'newVehicle.vin').getByRole('alert').textContent()).toBe('校验位不正确，请核对');

    // A gasoline car scrapped, a 1.5 L fuel car of 120,000 yuan bought: 10 %.
    const claim = eligibleClaim('carScrapFuel');
    await fillFacts(page, claim.programCode, claim.facts);
    const instant = page.getByTestId('instant-result');
    await instant.getByText('¥12,000.00').waitFor();
    expect(await instant.getAttribute('data-amount-fen')).toBe('1200000');
    expect(await page.locator('#result [data-clause="once-per-year"]').getAttribute('data-result')).toBe(
      'unknown',
    );
    await page.screenshot({ path: screenshotPath('check-phone-zh-filled'), fullPage: false });

    await page.getByRole('button', { name: /服务器核验/ }).click();
    await page.getByTestId('server-match').waitFor();
    expect(await page.getByTestId('server-summary').getAttribute('data-amount-fen')).toBe('1200000');
    await page.locator('#result').scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath('check-phone-zh-result'), fullPage: false });
    await page.screenshot({ path: screenshotPath('check-phone-zh-full'), fullPage: true });

    expect(errors).toEqual([]);
    await context.close();
  });
});
