/**
 * The auditor's console in Chromium (issue 15): auditor1 signs in, filters the log down to their own
 * sign-in, opens the entry, verifies the hash chain (ok) and checks the anchors, at 1366×768.
 * Runs on the portal that has its queue worker: the worker's sequencer chains new rows within a
 * second, so the chain verifies with nothing left stale (the other portals run no worker).
 */
import { afterAll, beforeAll, describe, expect, inject, it, onTestFailed } from 'vitest';
import type { Browser } from 'playwright-core';
import { collectPageErrors, launchBrowser, screenshotPath } from './browser';

const baseUrl = inject('reviewBaseUrl');
const LAPTOP = { width: 1366, height: 768 } as const;
const PASSWORD = process.env.DEMO_PASSWORD ?? 'demo-password-2026';

describe('audit console', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
  });

  it('an auditor filters the log, opens an entry and verifies the chain', async () => {
    const context = await browser.newContext({ viewport: LAPTOP, locale: 'zh-CN' });
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    onTestFailed(async () => {
      await page.screenshot({ path: screenshotPath('failed-audit-console'), fullPage: true });
    });

    await page.goto(`${baseUrl}/console/audit`);
    await page.getByLabel('用户名', { exact: true }).fill('auditor1');
    await page.getByLabel('密码', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: /^登\s?录$/ }).click();
    await page.getByRole('heading', { level: 1, name: '审计日志' }).waitFor();
    const me = (await (await page.request.get(`${baseUrl}/api/auth/me`)).json()) as { user: { id: string } };

    // Filter: the auditor's own password sign-ins (the row is about the user who signed in).
    await page.getByLabel('操作', { exact: true }).fill('auth.login');
    await page.getByLabel('对象类型').fill('user');
    await page.getByLabel('对象 ID').fill(me.user.id);
    const answered = page.waitForResponse(
      (res) => res.url().includes('/api/audit?') && res.url().includes(`objectId=${me.user.id}`),
    );
    await page.getByTestId('audit-apply').click();
    const rows = (await (await answered).json()) as { seq: number; action: string; objectId: string }[];
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((row) => row.action === 'auth.login' && row.objectId === me.user.id)).toBe(true);
    const newest = rows[0]!.seq;

    await page.getByRole('button', { name: `查看序号 ${newest} 的详情` }).click();
    const detail = page.getByTestId('audit-detail');
    await detail.waitFor();
    expect(await page.getByTestId('audit-detail-json').textContent()).toContain('"method": "password"');
    expect(await detail.textContent()).toContain('127.0.0.1');
    // The drawer slides in: photograph it once it rests against the right edge.
    await page.waitForFunction(() => {
      const panel = document.querySelector('.ant-drawer-content-wrapper');
      return panel ? Math.abs(panel.getBoundingClientRect().right - window.innerWidth) < 1 : false;
    });
    await page.screenshot({ path: screenshotPath('audit-entry-1366'), fullPage: false });
    await page.keyboard.press('Escape');
    await detail.waitFor({ state: 'detached' });

    // The worker chains every row within a second or so; then the whole chain verifies.
    await expect
      .poll(
        async () => {
          const res = await page.request.get(`${baseUrl}/api/audit?limit=1`);
          return ((await res.json()) as { chainSeq: number | null }[])[0]?.chainSeq ?? null;
        },
        { timeout: 15_000 },
      )
      .not.toBeNull();
    await page.getByTestId('audit-verify').click();
    const report = page.getByTestId('audit-verify-report');
    await report.waitFor();
    expect(await report.getAttribute('data-ok')).toBe('true');
    expect(await report.textContent()).toMatch(/通过：\s*哈希链完整，共校验 \d+ 条记录。/);

    // The anchors: the file the API reads and the database checked against it (a fresh portal may
    // have none yet: the worker anchors once a day).
    await page.getByTestId('audit-anchors').click();
    const anchors = page.getByTestId('audit-anchors-report');
    await anchors.waitFor();
    expect(await anchors.textContent()).toContain('anchors.jsonl');

    await page.getByRole('heading', { level: 1, name: '审计日志' }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath('audit-console-1366'), fullPage: false });
    await page.screenshot({ path: screenshotPath('audit-console-1366-full'), fullPage: true });
    expect(errors).toEqual([]);
    await context.close();
  });
});
