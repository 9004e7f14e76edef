/**
 * The review workbench end to end, on the portal that runs its queue worker (the automated checks move a
 * submitted claim into review): a reviewer takes the oldest case, looks at its documents and field matrix
 * and returns it naming a field; the resident sees the field marked, fixes it and resubmits; a second
 * claim, approved by the reviewer, goes to the four-eyes queue and an approver finishes it.
 */
import { randomInt, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it, onTestFailed } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import pg from 'pg';
import { computeVinCheckDigit } from '@huanxin/shared';
import { eligibleClaim, withFactChanges, type ClaimFacts } from '@huanxin/shared/testing';
import { collectPageErrors, launchBrowser, screenshotPath } from './browser';
import { onePagePdf, solidPng } from './documents';
import { newPhone, saveFirstProfile, signInBySms } from './resident';

const baseUrl = inject('reviewBaseUrl');
const databaseUrl = inject('reviewDatabaseUrl');
/** The smallest screen the console is built for. */
const LAPTOP = { width: 1366, height: 768 } as const;

const PNG = solidPng(600, 380, [0x1a, 0x4f, 0x8b]);
const DOCUMENTS: Array<[kind: string, name: string, mimeType: string, buffer: Buffer]> = [
  ['id_card', 'id-card.png', 'image/png', PNG],
  [
    'old_vehicle_registration',
    'old-registration.pdf',
    'application/pdf',
    onePagePdf('Old vehicle registration'),
  ],
  ['scrap_certificate', 'scrap-certificate.pdf', 'application/pdf', onePagePdf('Scrap certificate BF2026')],
  ['deregistration_certificate', 'deregistration.pdf', 'application/pdf', onePagePdf('Deregistration')],
  ['new_vehicle_invoice', 'invoice.pdf', 'application/pdf', onePagePdf('Vehicle sale invoice')],
  ['new_vehicle_registration', 'new-registration.png', 'image/png', PNG],
  ['bank_card', 'bank-card.png', 'image/png', PNG],
];

/** A VIN with a fresh serial and the right check digit (each claim's keys are unique per program). */
function freshVin(base: string): string {
  const serial = String(randomInt(0, 1_000_000)).padStart(6, '0');
  const vin = `${base.slice(0, 8)}0${base.slice(9, 11)}${serial}`;
  return `${vin.slice(0, 8)}${computeVinCheckDigit(vin)}${vin.slice(9)}`;
}

/** The shared eligible car-scrap claim with its unique keys (VINs, certificate, invoice) made fresh. */
function freshClaim(): ClaimFacts {
  const { facts } = eligibleClaim('carScrap');
  const n = String(randomInt(0, 10_000_000)).padStart(7, '0');
  return withFactChanges(facts, {
    'oldVehicle.vin': freshVin(String(facts.oldVehicle?.vin)),
    'newVehicle.vin': freshVin(String(facts.newVehicle?.vin)),
    'scrap.certificateNo': `BF2026-${n}`,
    'newVehicle.invoiceNo': `2637000000${n}123`,
  });
}

interface Resident {
  context: BrowserContext;
  page: Page;
  errors: string[];
  applicationId: string;
  code: string;
}

/**
 * A new resident signs in and saves a profile in the browser, then creates, documents and submits a claim
 * through the API with the same session (the apply wizard has its own browser test).
 */
async function residentWithClaim(browser: Browser, name: string): Promise<Resident> {
  const context = await browser.newContext({ viewport: LAPTOP, locale: 'zh-CN' });
  const page = await context.newPage();
  const errors = collectPageErrors(page, [[404, '/api/me/profile']]);
  onTestFailed(async () => {
    await page.screenshot({ path: screenshotPath(`failed-review-${name}`), fullPage: true });
  });
  await signInBySms(page, baseUrl, newPhone());
  await page.waitForURL(`${baseUrl}/me/profile`);
  await saveFirstProfile(page);

  const created = await page.request.post(`${baseUrl}/api/applications`, {
    data: { programCode: 'car-scrap-2026', facts: freshClaim() },
  });
  expect(created.status(), await created.text()).toBe(201);
  const { id, code } = (await created.json()) as { id: string; code: string };
  for (const [kind, fileName, mimeType, buffer] of DOCUMENTS) {
    const upload = await page.request.post(`${baseUrl}/api/applications/${id}/documents`, {
      multipart: { kind, file: { name: fileName, mimeType, buffer } },
    });
    expect(upload.status(), await upload.text()).toBe(201);
  }
  const submitted = await page.request.post(`${baseUrl}/api/applications/${id}/submit`, {
    headers: { 'Idempotency-Key': randomUUID() },
  });
  expect(submitted.status(), await submitted.text()).toBeLessThan(300);
  return { context, page, errors, applicationId: id, code };
}

/**
 * The daily SLA digest's notice for an approver, written as the job writes it (sla-digest.service): the
 * job runs at 08:00 over claims days in review, which a browser test cannot wait for.
 */
async function writeSlaDigest(username: string, code: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const date = new Date().toISOString().slice(0, 10);
    const params = {
      date,
      warning: 1,
      overdue: 0,
      cases: [{ code, programCode: 'car-scrap-2026', slaState: 'warning', dueAt: new Date().toISOString() }],
    };
    await client.query(
      `INSERT INTO notification (user_id, event_key, kind, params, text_zh, sms_sent_at)
       SELECT id, 'review-sla:' || $2 || ':' || id, 'review_sla_digest', $3::jsonb, $4, now()
         FROM user_account WHERE username = $1`,
      [
        username,
        date,
        JSON.stringify(params),
        `【章丘换新】审核时限提醒（${date}）：已超期 0 件，即将到期 1 件：${code}（即将到期）。请登录审核台处理。`,
      ],
    );
  } finally {
    await client.end();
  }
}

/** Waits until the worker's checks have put the claim in review (or `status`). */
async function waitForStatus(resident: Resident, status: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  let last = '';
  while (Date.now() < deadline) {
    const answer = await resident.page.request.get(`${baseUrl}/api/applications/${resident.applicationId}`);
    last = ((await answer.json()) as { status: string }).status;
    if (last === status) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`claim ${resident.code} is ${last}, not ${status}, after 60 s`);
}

async function staffSignIn(browser: Browser, username: string, path: string) {
  const context = await browser.newContext({ viewport: LAPTOP, locale: 'zh-CN' });
  const page = await context.newPage();
  const errors = collectPageErrors(page);
  onTestFailed(async () => {
    await page.screenshot({ path: screenshotPath(`failed-review-${username}`), fullPage: true });
  });
  await page.goto(`${baseUrl}${path}`);
  await page.getByLabel('用户名', { exact: true }).fill(username);
  await page.getByLabel('密码', { exact: true }).fill('demo-password-2026');
  await page.getByRole('button', { name: /^登\s?录$/ }).click();
  await page.waitForURL(`${baseUrl}${path}`);
  return { context, page, errors };
}

/**
 * Picks an option of the antd Select labelled `label` and chooses it; `search` types it first (a long list
 * is virtual: only the options in view are in the page).
 */
async function choose(page: Page, label: string, option: string, { search = false } = {}): Promise<void> {
  const input = page.getByLabel(label, { exact: true });
  await input.click();
  if (search) await input.fill(option);
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option })
    .first()
    .click();
  await page.keyboard.press('Escape');
}

describe('the review workbench in Chromium at 1366×768', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser.close();
  });

  it('return for correction, resubmit, approve with four eyes', async () => {
    // Two residents' claims: the first is the oldest in the queue.
    const first = await residentWithClaim(browser, 'resident-a');
    await waitForStatus(first, 'in_review');
    const second = await residentWithClaim(browser, 'resident-b');
    await waitForStatus(second, 'in_review');

    // The reviewer takes the oldest case.
    const reviewer = await staffSignIn(browser, 'reviewer1', '/console/review');
    const page = reviewer.page;
    await page.getByRole('heading', { level: 1, name: '审核队列' }).waitFor();
    await page.getByText(first.code).waitFor();
    await page.getByText(second.code).waitFor();
    await page.screenshot({ path: screenshotPath('review-queue-desktop-zh'), fullPage: true });
    // Every column in view at 1366 px, the last (payee) included: the table does not scroll sideways.
    const queueTable = page.locator('.hx-queue .ant-table-content, .hx-queue .ant-table-body').first();
    expect(await queueTable.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    const lastHeader = await page.getByRole('columnheader', { name: '收款方' }).boundingBox();
    expect((lastHeader?.x ?? Infinity) + (lastHeader?.width ?? 0)).toBeLessThanOrEqual(LAPTOP.width);
    await page.getByTestId('take-next').click();
    await page.waitForURL(`${baseUrl}/console/review/${first.applicationId}`);
    await page.getByTestId('lease-held').waitFor();
    await page.getByRole('heading', { level: 1, name: new RegExp(first.code) }).waitFor();

    // Documents beside the facts, by kind: an image first, then (J) a PDF drawn by pdf.js.
    const viewer = page.getByTestId('document-viewer');
    await viewer.getByText('申请人身份证').waitFor();
    await viewer.getByTestId('image-view').waitFor();
    expect(await viewer.locator('.hx-viewer__doc').count()).toBe(DOCUMENTS.length);
    await page.keyboard.press('j');
    await viewer.getByTestId('pdf-canvas').waitFor();
    await viewer.getByText('第 1 / 1 页').waitFor();
    const canvas = await viewer.getByTestId('pdf-canvas').boundingBox();
    expect(canvas?.width ?? 0).toBeGreaterThan(100);
    await viewer.getByRole('button', { name: '放大' }).click();
    await viewer.getByTestId('zoom').filter({ hasText: '125%' }).waitFor();
    // The field matrix, each row with its result in words.
    const matrix = page.getByTestId('field-matrix');
    await matrix.waitFor();
    expect(await matrix.locator('tbody [data-result]').count()).toBeGreaterThan(0);
    // Money in yuan like the rest of the console (the new car's price), and the matrix fits its pane.
    await matrix
      .getByText(/^¥\d{1,3}(,\d{3})*\.\d{2}$/)
      .first()
      .waitFor();
    expect(
      await matrix.evaluate((el) => {
        const pane = el.closest('.hx-case__left');
        return pane !== null && pane.scrollWidth <= pane.clientWidth;
      }),
    ).toBe(true);
    await matrix.getByRole('columnheader', { name: '实名信息' }).waitFor();
    await page.screenshot({ path: screenshotPath('review-case-desktop-zh') });

    // Return it, naming the invoice number.
    await page.locator('body').press('r');
    await choose(page, '原因', '填写的信息与材料不一致');
    const fields = page.getByLabel('需补正的字段', { exact: true });
    await fields.click();
    await fields.fill('发票号码');
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '机动车销售统一发票号码' })
      .first()
      .click();
    await page.keyboard.press('Escape');
    await page.getByLabel('备注', { exact: true }).fill('发票号码与发票照片不一致');
    await page.screenshot({ path: screenshotPath('review-return-desktop-zh') });
    await page.getByTestId('decide-submit').click();
    await page.waitForURL(`${baseUrl}/console/review`);
    await page
      .getByTestId('decided')
      .filter({ hasText: `申请 ${first.code} 已退回申请人补正。` })
      .waitFor();
    await waitForStatus(first, 'returned');

    // The resident sees what to fix, the field marked in the form, fixes it and resubmits.
    const resident = first.page;
    await resident.goto(`${baseUrl}/applications/${first.applicationId}`);
    const notice = resident.getByTestId('correction');
    await notice.getByText('审核意见：填写的信息与材料不一致').waitFor();
    await notice.getByText('机动车销售统一发票号码').waitFor();
    await resident.screenshot({ path: screenshotPath('resident-returned-zh'), fullPage: true });
    await resident.getByRole('link', { name: /修改并重新提交/ }).click();
    await resident
      .getByTestId('correction')
      .getByRole('button', { name: /去修改：机动车销售统一发票号码/ })
      .click();
    const invoice = resident.locator('[data-field="newVehicle.invoiceNo"]');
    await invoice.and(resident.locator('[data-highlighted]')).waitFor();
    await invoice.getByText('审核要求修改此项').waitFor();
    await resident.screenshot({ path: screenshotPath('resident-correction-highlight-zh'), fullPage: true });
    await invoice.locator('input').fill(`2637000000${String(randomInt(0, 10_000_000)).padStart(7, '0')}456`);
    await resident.getByRole('button', { name: '保存并继续' }).click();
    await resident.getByTestId('step-title').filter({ hasText: '资格预览' }).waitFor();
    await resident.getByRole('button', { name: '下一步' }).click();
    await resident.getByTestId('step-title').filter({ hasText: '上传材料' }).waitFor();
    await resident.getByRole('button', { name: '下一步' }).click();
    await resident.getByTestId('step-title').filter({ hasText: '核对并提交' }).waitFor();
    await resident.getByTestId('submit-claim').click();
    await resident.waitForURL(new RegExp(`/applications/${first.applicationId}\\?submitted=1$`));
    await waitForStatus(first, 'in_review');

    // The reviewer approves the second claim: its amount needs four eyes.
    await page.goto(`${baseUrl}/console/review`);
    await page.getByRole('link', { name: second.code }).click();
    await page.waitForURL(`${baseUrl}/console/review/${second.applicationId}`);
    await page.getByTestId('lease-held').waitFor();
    await page.locator('body').press('a');
    if (await page.getByText('覆盖比对冲突').isVisible()) {
      await page.getByRole('checkbox').check();
      await page.getByLabel('备注', { exact: true }).fill('已与经营单位核对，以发票原件为准');
    }
    await page.getByTestId('decide-submit').click();
    await page.waitForURL(`${baseUrl}/console/review`);
    await page
      .getByTestId('decided')
      .filter({ hasText: `申请 ${second.code} 已提交复核审批。` })
      .waitFor();

    // An approver finishes the second approval from the four-eyes queue.
    const approver = await staffSignIn(browser, 'approver1', '/console/approvals');
    const approverPage = approver.page;
    await approverPage.getByRole('heading', { level: 1, name: '复核审批' }).waitFor();
    await approverPage.getByRole('link', { name: second.code }).click();
    await approverPage.waitForURL(`${baseUrl}/console/review/${second.applicationId}`);
    await approverPage.getByTestId('lease-held').waitFor();
    await approverPage.getByTestId('case-decisions').getByText(/批准/).waitFor();
    await approverPage.getByTestId('document-viewer').getByText('申请人身份证').waitFor();
    await approverPage.screenshot({ path: screenshotPath('review-second-approval-desktop-zh') });
    await approverPage.locator('body').press('a');
    if (await approverPage.getByText('覆盖比对冲突').isVisible()) {
      await approverPage.getByRole('checkbox').check();
      await approverPage.getByLabel('备注', { exact: true }).fill('复核同意');
    }
    await approverPage.getByTestId('decide-submit').click();
    await approverPage.waitForURL(`${baseUrl}/console/approvals`);
    await approverPage
      .getByTestId('decided')
      .filter({ hasText: `申请 ${second.code} 已批准。` })
      .waitFor();
    await waitForStatus(second, 'approved');

    // A post-approval sample of the program's approved claims: the one just approved, confirmed.
    await approverPage
      .getByRole('navigation', { name: '工作台菜单' })
      .getByRole('link', { name: '抽样复查' })
      .click();
    await approverPage.waitForURL(`${baseUrl}/console/sampling`);
    await choose(approverPage, '补贴项目', '汽车报废更新（2026年）', { search: true });
    await approverPage.getByLabel('样本数量', { exact: true }).fill('1');
    await approverPage.getByRole('button', { name: /抽\s?取/ }).click();
    const sampled = approverPage.locator(`[data-application="${second.applicationId}"]`);
    await sampled.getByText(second.code).waitFor();
    await sampled.getByLabel('核实无误').check();
    await sampled.getByRole('button', { name: /记\s?录/ }).click();
    await sampled.locator('[data-outcome="confirmed"]').waitFor();
    await approverPage.screenshot({ path: screenshotPath('review-sampling-desktop-zh'), fullPage: true });

    // The daily SLA digest in the header: the bell counts it, the list names the case, opening it marks it
    // read and goes to the queue by due date.
    await writeSlaDigest('approver1', second.code);
    await approverPage.goto(`${baseUrl}/console`);
    await approverPage.getByRole('button', { name: '工作提醒，1 条未读' }).click();
    const notices = approverPage.getByTestId('staff-notification-list');
    await notices.getByText(/审核时限提醒/).waitFor();
    await notices.locator('.hx-staff-note__case', { hasText: second.code }).waitFor();
    // Once the panel's opening animation is over.
    await approverPage.waitForFunction(
      () => !document.querySelector('.ant-popover[class*="-appear"], .ant-popover[class*="-enter"]'),
    );
    await approverPage.screenshot({ path: screenshotPath('review-notifications-desktop-zh') });
    await notices.getByRole('link').first().click();
    await approverPage.waitForURL(`${baseUrl}/console/review?sort=due`);
    await approverPage.getByRole('button', { name: '工作提醒', exact: true }).waitFor();

    // The console home: the review figures per program.
    await approverPage.goto(`${baseUrl}/console`);
    await approverPage.getByRole('heading', { name: '审核概况' }).waitFor();
    await approverPage.screenshot({ path: screenshotPath('review-stats-desktop-zh'), fullPage: true });

    expect([...first.errors, ...second.errors, ...reviewer.errors, ...approver.errors]).toEqual([]);
    await Promise.all(
      [first.context, second.context, reviewer.context, approver.context].map((c) => c.close()),
    );
  });
});
