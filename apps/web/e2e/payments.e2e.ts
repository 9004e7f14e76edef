/**
 * Payments end to end on the portal that runs its queue worker: a resident's car claim is checked by the
 * worker and approved through the review API (reviewer, then the four-eyes approver); in the console
 * finance1 builds a payment batch, finance2 releases it and downloads the bank file, and imports the
 * bank's result file; the resident's claim then says when it was paid. Screenshots at 1366×768.
 */
import { readFileSync } from 'node:fs';
import { randomInt, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it, onTestFailed } from 'vitest';
import type { APIRequestContext, Browser, BrowserContext, Page } from 'playwright-core';
import { computeVinCheckDigit } from '@huanxin/shared';
import { eligibleClaim, residentProfile, withFactChanges } from '@huanxin/shared/testing';
import { collectPageErrors, launchBrowser, screenshotPath } from './browser';
import { onePagePdf } from './documents';
import { newCardNumber, newIdNumber, newPhone } from './resident';

const baseUrl = inject('reviewBaseUrl');
const LAPTOP = { width: 1366, height: 768 } as const;
const CAR_DOCUMENTS = [
  'id_card',
  'old_vehicle_registration',
  'scrap_certificate',
  'deregistration_certificate',
  'new_vehicle_invoice',
  'new_vehicle_registration',
  'bank_card',
];

/** `base` with serial `n` and its check digit. */
const vin = (base: string, n: number) => {
  const body = `${base.slice(0, 8)}0${base.slice(9, 11)}${String(n).padStart(6, '0')}`;
  return `${body.slice(0, 8)}${computeVinCheckDigit(body)}${body.slice(9)}`;
};

async function expectOk(answer: Awaited<ReturnType<APIRequestContext['get']>>, status = 200) {
  expect(answer.status(), await answer.text()).toBe(status);
  return answer.json() as Promise<Record<string, unknown>>;
}

/** A resident signed in through the API (SMS code from the dev outbox) with a real-name profile. */
async function residentContext(browser: Browser): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: LAPTOP, locale: 'zh-CN' });
  const api = context.request;
  const phone = newPhone();
  const challenge = await expectOk(await api.post(`${baseUrl}/api/auth/otp`, { data: { phone } }), 202);
  const [sms] = (await (await api.get(`${baseUrl}/api/dev/sms-outbox?phone=${phone}`)).json()) as {
    code: string;
  }[];
  await expectOk(
    await api.post(`${baseUrl}/api/auth/otp/verify`, {
      data: { challengeId: challenge.challengeId, code: sms!.code },
    }),
  );
  await expectOk(
    await api.put(`${baseUrl}/api/me/profile`, {
      data: residentProfile(0, { idNumber: newIdNumber(), bankAccount: newCardNumber() }),
    }),
  );
  return context;
}

async function statusOf(api: APIRequestContext, id: string): Promise<{ status: string; stage?: string }> {
  return (await (await api.get(`${baseUrl}/api/applications/${id}`)).json()) as { status: string };
}

async function until(api: APIRequestContext, id: string, status: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while ((await statusOf(api, id)).status !== status) {
    if (Date.now() > deadline) throw new Error(`claim ${id} never became ${status}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

/** A staff API session (password sign-in; the review portal runs without TOTP). */
async function staffApi(browser: Browser, username: string): Promise<APIRequestContext> {
  const context = await browser.newContext();
  await expectOk(
    await context.request.post(`${baseUrl}/api/auth/login`, {
      data: { username, password: 'demo-password-2026' },
    }),
  );
  return context.request;
}

async function decide(api: APIRequestContext, id: string): Promise<Record<string, unknown>> {
  await expectOk(await api.post(`${baseUrl}/api/review/applications/${id}/claim`));
  return expectOk(
    await api.post(`${baseUrl}/api/review/applications/${id}/decision`, {
      headers: { 'Idempotency-Key': randomUUID() },
      data: { decision: 'approve', override: true, note: '材料齐全，同意发放' },
    }),
  );
}

/** The finance console in a browser, signed in through its form. */
async function financePage(browser: Browser, username: string): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: LAPTOP, locale: 'zh-CN', acceptDownloads: true });
  const page = await context.newPage();
  const errors = collectPageErrors(page, [
    [409, '/api/payments/batches'],
    // The result file with a line nobody issued, refused on purpose.
    [422, /^\/api\/payments\/batches\/[^/]+\/reconcile$/],
  ]);
  onTestFailed(async () => {
    await page.screenshot({ path: screenshotPath(`failed-payments-${username}`), fullPage: true });
  });
  await page.goto(`${baseUrl}/console/payments`);
  await page.getByLabel('用户名', { exact: true }).fill(username);
  await page.getByLabel('密码', { exact: true }).fill('demo-password-2026');
  await page.getByRole('button', { name: /^登\s?录$/ }).click();
  await page.waitForURL(`${baseUrl}/console/payments`);
  await page.getByRole('heading', { level: 1, name: '资金拨付' }).waitFor();
  return { page, errors };
}

describe('payments in Chromium at 1366×768', () => {
  let browser: Browser;
  let resident: BrowserContext;
  let claim: { id: string; code: string };
  let batchId: string;

  beforeAll(async () => {
    browser = await launchBrowser();
    resident = await residentContext(browser);
    const n = randomInt(0, 900_000);
    const { facts } = eligibleClaim('carScrap');
    const created = await expectOk(
      await resident.request.post(`${baseUrl}/api/applications`, {
        data: {
          programCode: 'car-scrap-2026',
          facts: withFactChanges(facts, {
            'oldVehicle.vin': vin(String(facts.oldVehicle?.vin), n),
            'newVehicle.vin': vin(String(facts.newVehicle?.vin), n),
            'scrap.certificateNo': `BF2026-P${n}`,
            'newVehicle.invoiceNo': `2637000009${String(n).padStart(7, '0')}123`,
          }),
        },
      }),
      201,
    );
    claim = { id: String(created.id), code: String(created.code) };
    for (const kind of CAR_DOCUMENTS)
      await expectOk(
        await resident.request.post(`${baseUrl}/api/applications/${claim.id}/documents`, {
          multipart: {
            kind,
            file: { name: `${kind}.pdf`, mimeType: 'application/pdf', buffer: onePagePdf(kind) },
          },
        }),
        201,
      );
    await expectOk(
      await resident.request.post(`${baseUrl}/api/applications/${claim.id}/submit`, {
        headers: { 'Idempotency-Key': randomUUID() },
      }),
    );
    await until(resident.request, claim.id, 'in_review');
    const first = await decide(await staffApi(browser, 'reviewer1'), claim.id);
    if (first.status !== 'approved') await decide(await staffApi(browser, 'approver1'), claim.id);
    await until(resident.request, claim.id, 'approved');
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('finance1 builds a batch; the builder cannot release it', async () => {
    const { page, errors } = await financePage(browser, 'finance1');
    await page.getByLabel('补贴项目', { exact: true }).click();
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '汽车报废更新' })
      .first()
      .click();
    await page.getByRole('button', { name: '生成拨付批次' }).click();
    const detail = page.getByTestId('batch-detail');
    await detail.getByText(claim.code).waitFor();
    expect(await detail.getAttribute('data-status')).toBe('draft');
    expect(await detail.getByTestId('release').isDisabled()).toBe(true);
    await detail.getByText('本批次由您生成，须由另一名财务人员放行').waitFor();
    const batches = (await (await page.request.get(`${baseUrl}/api/payments/batches`)).json()) as {
      id: string;
    }[];
    batchId = batches[0]!.id;
    await page.screenshot({ path: screenshotPath('payments-batch-built-desktop-zh'), fullPage: true });
    expect(errors).toEqual([]);
  });

  it('finance2 releases it, downloads the bank file and imports the result file', async () => {
    const { page, errors } = await financePage(browser, 'finance2');
    await page.getByTestId('batch-list').getByRole('button').first().click();
    const detail = page.getByTestId('batch-detail');
    await detail.getByText(claim.code).waitFor();
    await detail.getByTestId('release').click();
    await page.locator('[data-testid="batch-detail"][data-status="released"]').waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      detail.getByTestId('file-csv').click(),
    ]);
    const csv = readFileSync((await download.path())!, 'utf8');
    const lines = (
      (await (await page.request.get(`${baseUrl}/api/payments/batches/${batchId}`)).json()) as {
        lines: { lineId: string; applicationCode: string }[];
      }
    ).lines;
    const mine = lines.find((l) => l.applicationCode === claim.code)!;
    expect(csv).toContain(`"${mine.lineId}","张三丰"`);
    expect(csv).toContain(`以旧换新补贴 ${claim.code}`);
    // A file naming a line the portal never issued is refused as a whole, the line reported.
    await detail.getByTestId('reconcile-file').setInputFiles({
      name: 'result.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(
        `lineId,result,reason,bankRef\n${mine.lineId},paid,,BK-E2E-1\nPL9999999999,paid,,BK-E2E-2\n`,
      ),
    });
    await detail.getByTestId('reconcile-submit').click();
    const report = detail.getByTestId('reconcile-errors');
    await report.waitFor();
    expect(await report.textContent()).toContain('PL9999999999');
    expect(await report.textContent()).toContain('明细编号不存在');
    await detail.getByTestId('reconcile-file').setInputFiles({
      name: 'result.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(`lineId,result,reason,bankRef\n${mine.lineId},paid,,BK-E2E-1\n`),
    });
    await detail.getByTestId('reconcile-submit').click();
    const summary = detail.getByTestId('reconcile-summary');
    await summary.waitFor();
    expect(await summary.textContent()).toContain('已发放 1 笔');
    await detail.locator(`[data-line-status="paid"]`).first().waitFor();
    await page.screenshot({ path: screenshotPath('payments-reconciled-desktop-zh'), fullPage: true });
    expect(errors).toEqual([]);
  });

  it("the resident's claim says when it was paid", async () => {
    const page = await resident.newPage();
    await page.goto(`${baseUrl}/applications/${claim.id}`);
    const paid = page.getByTestId('payment-paid');
    await paid.waitFor();
    expect(await paid.textContent()).toContain('¥18,000.00');
    await page.screenshot({ path: screenshotPath('resident-paid-zh'), fullPage: true });
  });
});
