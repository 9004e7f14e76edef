import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { DESKTOP, PHONE, collectPageErrors, launchBrowser, screenshotPath } from './browser';

const baseUrl = inject('baseUrl');

/** VINs with correct check digits. */
const OLD_VIN = 'LFV2A21K0G3012345';
const NEW_VIN = 'LSGGF53W6GH123456';

const field = (page: Page, path: string) => page.locator(`[data-field="${path}"]`);

async function fillCarScrap2026(page: Page): Promise<void> {
  const type = (path: string, value: string) => field(page, path).locator('input').fill(value);
  const choose = (path: string, label: string) => field(page, path).getByText(label, { exact: true }).click();
  await type('oldVehicle.vin', OLD_VIN);
  await type('oldVehicle.plate', '鲁A12345');
  await choose('oldVehicle.vehicleType', '小型载客汽车');
  await choose('oldVehicle.fuelType', '汽油');
  await type('oldVehicle.firstRegisteredOn', '2012-05-01');
  await type('oldVehicle.ownerRegisteredOn', '2015-03-01');
  await type('scrap.certificateNo', 'BF2026000123');
  await type('scrap.scrappedOn', '2026-03-01');
  await type('scrap.deregisteredOn', '2026-03-05');
  await type('newVehicle.vin', NEW_VIN);
  await choose('newVehicle.powertrain', '燃油');
  await type('newVehicle.displacementL', '1.5');
  await type('newVehicle.priceFen', '120000');
  await type('newVehicle.invoiceNo', '25370000000012345678');
  await type('newVehicle.invoiceDate', '2026-03-10');
  await type('newVehicle.registeredOn', '2026-03-15');
  await field(page, 'newVehicle.ownerIsApplicant').getByRole('switch').click();
}

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

    await fillCarScrap2026(page);
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
