import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { PHONE, collectPageErrors, launchBrowser, screenshotPath } from './browser';

const baseUrl = inject('baseUrl');
/** A program no other browser test claims in: its pause notice shows nowhere else. */
const PROGRAM = 'elderly-household-retrofit';

const shanghaiToday = () =>
  new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date());

/** Signs the demo administrator in (a non-browser client: no Origin, as the CSRF rule allows). */
async function adminCookie(): Promise<string> {
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin1', password: process.env.DEMO_PASSWORD ?? 'demo-password-2026' }),
  });
  expect(res.status).toBe(200);
  return res.headers.getSetCookie()[0]!.split(';')[0]!;
}

async function post(cookie: string, path: string, body: unknown): Promise<Response> {
  return fetch(`${baseUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify(body),
  });
}

describe('public statistics in Chromium', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
    // A tranche in effect today and a pause announced four days ahead, so the page has both to show.
    const cookie = await adminCookie();
    const tranche = await post(cookie, `/api/admin/programs/${PROGRAM}/tranches`, {
      amountFen: 50_000_000,
      source: 'city',
      effectiveOn: shanghaiToday(),
      documentNo: `济财预〔2026〕${Date.now()}号`,
    });
    expect(tranche.status).toBe(201);
    const pause = await post(cookie, `/api/admin/programs/${PROGRAM}/pause`, {
      pausesAt: new Date(Date.now() + 4 * 86_400_000).toISOString(),
      notice: {
        zh: '本项目资金即将用完，届时暂停受理新申请。',
        en: 'The funds are nearly used up: new claims will stop.',
      },
      graceDays: 30,
    });
    expect(pause.status).toBe(200);
  });

  afterAll(async () => {
    await browser.close();
  });

  it('renders the dashboard with its charts on a phone, zh-CN first, with the tables and downloads', async () => {
    const context = await browser.newContext({
      viewport: PHONE,
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
      locale: 'zh-CN',
    });
    const page = await context.newPage();
    const errors = collectPageErrors(page);

    await page.goto(`${baseUrl}/stats`);
    await page.getByRole('heading', { level: 1, name: '补贴数据公开' }).waitFor();
    // Both charts drawn by ECharts' SVG renderer, each a labelled image.
    const charts = page.locator('.hx-echart[role="img"]');
    await charts.nth(1).locator('svg').waitFor();
    expect(await charts.count()).toBe(2);
    expect(await charts.first().getAttribute('aria-label')).toMatch(/^各项目补贴资金/);
    expect(await charts.first().locator('svg path').count()).toBeGreaterThan(10);
    // The chart fits the phone's width.
    const box = await charts.first().boundingBox();
    expect(box!.width).toBeLessThanOrEqual(PHONE.width);
    expect(box!.width).toBeGreaterThan(PHONE.width / 2);
    // As of, the pause notice, the tranche, small counts as "<5".
    expect(await page.locator('time').getAttribute('datetime')).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    await page
      .getByRole('region', { name: '暂停公告' })
      .getByText('本项目资金即将用完，届时暂停受理新申请。')
      .waitFor();
    const card = page.locator(`article[data-program="${PROGRAM}"]`);
    await card.getByText(/济财预〔2026〕\d+号/).waitFor();
    expect(await card.locator('[data-status="rejected"]').textContent()).toMatch(/^(<5|\d{2,})$/);
    await page.screenshot({ path: screenshotPath('stats-phone-zh'), fullPage: false });

    // The table alternative, shown on request.
    await page.getByRole('button', { name: '显示数据表' }).first().click();
    await page.getByRole('table', { name: '各项目资金使用情况' }).waitFor({ state: 'visible' });
    await page.screenshot({ path: screenshotPath('stats-phone-zh-full'), fullPage: true });
    await page.locator('[data-chart="weekly"]').screenshot({ path: screenshotPath('stats-phone-zh-weekly') });
    await card.screenshot({ path: screenshotPath('stats-phone-zh-program') });

    // The downloads answer with the files.
    const csv = await page.request.get(`${baseUrl}/api/stats/export?format=csv`);
    expect(csv.status()).toBe(200);
    expect(csv.headers()['content-type']).toBe('text/csv; charset=utf-8');
    expect(await page.getByRole('link', { name: /下载 Excel/ }).getAttribute('href')).toBe(
      '/api/stats/export?format=xlsx',
    );
    expect(errors).toEqual([]);
    await context.close();
  });
});
