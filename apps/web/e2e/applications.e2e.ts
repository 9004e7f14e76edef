import { deflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, inject, it, onTestFailed } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { eligibleClaim, OLD_VEHICLE_VIN } from '@huanxin/shared/testing';
import { PHONE, collectPageErrors, launchBrowser, screenshotPath } from './browser';
import { fillFacts } from './facts';
import { newPhone, saveFirstProfile, signInBySms } from './resident';

const baseUrl = inject('baseUrl');

/** Small files the server accepts by their magic bytes. */
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
  'latin1',
);
const PNG = solidPng(48, 32, [0x1a, 0x4f, 0x8b]);

/** A valid PNG of one colour (so the thumbnail shows something real). */
function solidPng(width: number, height: number, [r, g, b]: [number, number, number]): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf: Buffer) => {
    let c = 0xffffffff;
    for (const byte of buf) c = (crcTable[(c ^ byte) & 0xff] as number) ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(body));
    return Buffer.concat([len, body, sum]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  const row = Buffer.concat([
    Buffer.from([0]),
    Buffer.from(Array.from({ length: width }, () => [r, g, b]).flat()),
  ]);
  const pixels = deflateSync(Buffer.concat(Array.from({ length: height }, () => row)));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', pixels),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const DOCUMENTS: Array<[kind: string, file: { name: string; mimeType: string; buffer: Buffer }]> = [
  ['id_card', { name: 'id-card.png', mimeType: 'image/png', buffer: PNG }],
  ['old_vehicle_registration', { name: 'old-registration.pdf', mimeType: 'application/pdf', buffer: PDF }],
  ['scrap_certificate', { name: 'scrap-certificate.pdf', mimeType: 'application/pdf', buffer: PDF }],
  ['deregistration_certificate', { name: 'deregistration.pdf', mimeType: 'application/pdf', buffer: PDF }],
  ['new_vehicle_invoice', { name: 'invoice.pdf', mimeType: 'application/pdf', buffer: PDF }],
  ['new_vehicle_registration', { name: 'new-registration.png', mimeType: 'image/png', buffer: PNG }],
  ['bank_card', { name: 'bank-card.png', mimeType: 'image/png', buffer: PNG }],
];

async function stepTitle(page: Page, title: string): Promise<void> {
  await page.getByTestId('step-title').filter({ hasText: title }).waitFor();
}

describe('a resident applies for car-scrap-2026 on a phone', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser.close();
  });

  it('signs in, fills each step, uploads the 7 required documents, submits and sees 已提交 in my applications', async () => {
    const context = await browser.newContext({
      viewport: PHONE,
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
      locale: 'zh-CN',
    });
    const page = await context.newPage();
    onTestFailed(async () => {
      await page.screenshot({ path: screenshotPath('failed-apply'), fullPage: true });
    });
    const errors = collectPageErrors(page, [[404, '/api/me/profile']]);

    await signInBySms(page, baseUrl, newPhone());
    await page.waitForURL(`${baseUrl}/me/profile`);
    await saveFirstProfile(page);

    await page.goto(`${baseUrl}/programs/car-scrap-2026`);
    await page.getByRole('link', { name: '在线申请' }).first().click();
    await page.waitForURL(`${baseUrl}/programs/car-scrap-2026/apply`);
    await stepTitle(page, '旧车信息');
    expect(await page.getByText('第 1 步，共 6 步').isVisible()).toBe(true);

    // Step 1: the old car (checked as you type).
    // The shared eligible car-scrap claim: a 2012 gasoline car scrapped, a new-energy car of 150,000 yuan.
    const claim = eligibleClaim('carScrap');
    const vin = page.getByLabel('旧车车辆识别代号（VIN）');
    await vin.fill('LSJA24U62JG269226'); // the claim's VIN with its last character changed
    expect(OLD_VEHICLE_VIN).toBe('LSJA24U62JG269225');
    await page.locator('[data-field="oldVehicle.vin"] .hx-field__warning').waitFor();
    await vin.fill(OLD_VEHICLE_VIN);
    await page.locator('[data-field="oldVehicle.vin"] .hx-field__warning').waitFor({ state: 'detached' });
    await fillFacts(page, claim.programCode, claim.facts, { group: 'oldVehicle' });
    await page.screenshot({ path: screenshotPath('apply-step1-phone-zh'), fullPage: true });
    await page.getByRole('button', { name: '保存并继续' }).click();

    // The draft exists now and has its own address.
    await page.waitForURL(/\/applications\/[0-9a-f-]{36}\/edit\?step=1$/);
    const applicationId = /\/applications\/([0-9a-f-]{36})\//.exec(page.url())?.[1] ?? '';
    await stepTitle(page, '报废信息');
    await fillFacts(page, claim.programCode, claim.facts, { group: 'scrap' });
    await page.getByRole('button', { name: '保存草稿' }).click();
    await page.getByTestId('draft-saved').waitFor();
    await page.getByRole('button', { name: '保存并继续' }).click();

    await stepTitle(page, '新车信息');
    await fillFacts(page, claim.programCode, claim.facts, { group: 'newVehicle' });
    await page.screenshot({ path: screenshotPath('apply-step3-phone-zh'), fullPage: true });
    await page.getByRole('button', { name: '保存并继续' }).click();

    // Instant preview with the shared engine.
    await stepTitle(page, '资格预览');
    await page.getByTestId('preview-result').waitFor();
    await page.screenshot({ path: screenshotPath('apply-preview-phone-zh'), fullPage: true });
    await page.getByRole('button', { name: '下一步' }).click();

    // Documents: the 7 required ones, each with its own progress and preview.
    await stepTitle(page, '上传材料');
    for (const [kind, file] of DOCUMENTS) {
      const item = page.locator(`[data-kind="${kind}"]`);
      await item.locator('input[type=file]').setInputFiles(file);
      await item.getByTestId('doc-uploaded').waitFor();
    }
    expect(await page.locator('.hx-doc__thumb').count()).toBe(3);
    await page.screenshot({ path: screenshotPath('apply-documents-phone-zh'), fullPage: true });
    await page.getByRole('button', { name: '下一步' }).click();

    // Check your answers, then submit.
    await stepTitle(page, '核对并提交');
    await page.getByText('必需材料已上传 7 / 7 项').waitFor();
    await page.getByText(OLD_VEHICLE_VIN).waitFor();
    await page.screenshot({ path: screenshotPath('apply-review-phone-zh'), fullPage: true });
    // A double tap submits once (one request, one Idempotency-Key).
    const submits: Array<string | undefined> = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && request.url().endsWith('/submit'))
        submits.push(request.headers()['idempotency-key']);
    });
    await page.getByTestId('submit-claim').dblclick();

    await page.waitForURL(`${baseUrl}/applications/${applicationId}?submitted=1`);
    await page.getByText('申请已提交', { exact: true }).waitFor();
    expect(submits).toHaveLength(1);
    expect(submits[0]).toMatch(/^[0-9a-f-]{36}$/);
    await page.getByTestId('application-detail').locator('[data-status="submitted"]').first().waitFor();
    await page.screenshot({ path: screenshotPath('application-submitted-phone-zh'), fullPage: true });

    // My applications, from the tab bar.
    await page.getByRole('navigation', { name: '主导航' }).last().getByRole('link', { name: '申请' }).click();
    await page.waitForURL(`${baseUrl}/applications`);
    const card = page.getByTestId('application-card').first();
    await card.waitFor();
    expect(await card.textContent()).toContain('已提交');
    expect(await card.textContent()).toMatch(/ZQ-2026-\d{6}/);
    await page.screenshot({ path: screenshotPath('my-applications-phone-zh'), fullPage: true });

    // The messages bell (no worker runs here, so the claim stays submitted and nothing is unread).
    await page.getByTestId('notification-bell').click();
    await page.waitForURL(`${baseUrl}/notifications`);
    await page.getByText('暂无消息').waitFor();

    // The same claim in English.
    await page.getByTestId('language-switch').click();
    await page.goto(`${baseUrl}/applications/${applicationId}`);
    await page.getByRole('heading', { level: 1, name: 'Application details' }).waitFor();
    await page.getByTestId('application-detail').getByText('Submitted', { exact: true }).first().waitFor();
    await page.screenshot({ path: screenshotPath('application-detail-phone-en'), fullPage: true });

    // Nothing personal in web storage: only the language choice (local) and no submit key left (session).
    const stored = await page.evaluate(() => ({
      local: Object.keys(localStorage),
      session: Object.keys(sessionStorage),
    }));
    expect(stored.local.filter((k) => k !== 'huanxin.language')).toEqual([]); // the language choice only
    expect(stored.session).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});
