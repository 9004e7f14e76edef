/**
 * The dealer's ledger end to end, on the portal that runs its queue worker: a resident's phone claim is
 * submitted through the API and checked by the worker into review; it names the demo shop dealer1 as its
 * payee, written straight to the database as the vouchers issue's redemption will write it (a
 * point-of-sale claim); dealer1 then finds it on its ledger, in review with its review due date, on a
 * phone and on a desktop. Screenshots of both.
 */
import { randomInt, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it, onTestFailed } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import pg from 'pg';
import { eligibleClaim, withFactChanges } from '@huanxin/shared/testing';
import { collectPageErrors, launchBrowser, PHONE, screenshotPath } from './browser';
import { onePagePdf } from './documents';
import { newPhone, saveFirstProfile, signInBySms } from './resident';

const baseUrl = inject('reviewBaseUrl');
const databaseUrl = inject('reviewDatabaseUrl');
const LAPTOP = { width: 1366, height: 768 } as const;
const DEMO_PASSWORD = process.env.DEMO_PASSWORD ?? 'demo-password-2026';

async function sql<T>(text: string, params: unknown[]): Promise<T[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query(text, params)).rows as T[];
  } finally {
    await client.end();
  }
}

async function signInDealer(page: Page) {
  const path = '/console/dealer/ledger';
  await page.goto(`${baseUrl}/console/login?next=${encodeURIComponent(path)}`);
  await page.getByLabel('用户名', { exact: true }).fill('dealer1');
  await page.getByLabel('密码', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: /^登\s?录$/ }).click();
  await page.waitForURL(`${baseUrl}${path}`);
}

describe('dealer ledger: a point-of-sale claim in review on the shop’s ledger', () => {
  let browser: Browser;
  let code: string;

  beforeAll(async () => {
    browser = await launchBrowser();
    const context = await browser.newContext({ viewport: LAPTOP, locale: 'zh-CN' });
    const page = await context.newPage();
    await signInBySms(page, baseUrl, newPhone());
    await page.waitForURL(`${baseUrl}/me/profile`);
    await saveFirstProfile(page);
    const n = String(randomInt(0, 10_000_000)).padStart(7, '0');
    const { programCode, facts } = eligibleClaim('digital');
    const created = await page.request.post(`${baseUrl}/api/applications`, {
      data: {
        programCode,
        facts: withFactChanges(facts, {
          'item.invoiceNo': `2639000000${n}456`,
          'item.serialNo': `LEDGER-${n}`,
        }),
      },
    });
    expect(created.status(), await created.text()).toBe(201);
    const claim = (await created.json()) as { id: string; code: string };
    code = claim.code;
    for (const kind of ['invoice', 'serial_number_photo']) {
      const upload = await page.request.post(`${baseUrl}/api/applications/${claim.id}/documents`, {
        multipart: {
          kind,
          file: { name: `${kind}.pdf`, mimeType: 'application/pdf', buffer: onePagePdf(kind) },
        },
      });
      expect(upload.status(), await upload.text()).toBe(201);
    }
    const submitted = await page.request.post(`${baseUrl}/api/applications/${claim.id}/submit`, {
      headers: { 'Idempotency-Key': randomUUID() },
    });
    expect(submitted.status(), await submitted.text()).toBeLessThan(300);
    await sql(
      `UPDATE application SET payee_organization_id = (SELECT organization_id FROM user_account WHERE username = 'dealer1')
        WHERE id = $1`,
      [claim.id],
    );
    // The worker's checks move it into review.
    const deadline = Date.now() + 60_000;
    let status = '';
    while (Date.now() < deadline && status !== 'in_review') {
      [{ status = '' } = {}] = await sql<{ status: string }>('SELECT status FROM application WHERE id = $1', [
        claim.id,
      ]);
      if (status !== 'in_review') await new Promise((r) => setTimeout(r, 500));
    }
    expect(status).toBe('in_review');
    await context.close();
  });
  afterAll(async () => {
    await browser.close();
  });

  for (const [name, viewport, isMobile] of [
    ['phone', PHONE, true],
    ['desktop', LAPTOP, false],
  ] as const) {
    it(`shows the totals, the chart and the claim in review with its due date (${name})`, async () => {
      const context = await browser.newContext({ viewport, locale: 'zh-CN', isMobile });
      const page = await context.newPage();
      const errors = collectPageErrors(page);
      onTestFailed(async () => {
        await page.screenshot({ path: screenshotPath(`failed-dealer-ledger-${name}`), fullPage: true });
      });
      await signInDealer(page);
      const row = page.getByRole('row').filter({ hasText: code });
      await row.waitFor();
      await expect.poll(() => row.getByText('审核中').count()).toBe(1);
      await expect.poll(() => row.getByText(/^审核截止 \d{4}-\d{2}-\d{2}$/).count()).toBe(1);
      await expect.poll(() => row.getByText('¥300.00').count()).toBe(1);
      expect(await page.getByTestId('ledger-total-in_review').textContent()).toMatch(
        /^审核中¥[\d,]+\.\d{2}$/,
      );
      await page.getByRole('img', { name: /各状态金额条形图/ }).waitFor();
      await page.screenshot({ path: screenshotPath(`dealer-ledger-${name}`), fullPage: true });
      expect(errors).toEqual([]);
      await context.close();
    });
  }
});
