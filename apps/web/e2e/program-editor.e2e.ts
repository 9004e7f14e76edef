/**
 * The program editor in Chromium at 1366×768 (issue 15): admin1 raises the car-replace-2026 NEV cap
 * (¥15,000 → ¥18,000) in a new draft, sees it in the diff and runs the what-if, and cannot publish their
 * own draft (SELF_PUBLISH in words); admin2 publishes it, and the public program page shows the new
 * maximum and version. car-replace-2026 is used by no other browser test (the others use car-scrap-2026).
 */
import { afterAll, beforeAll, describe, expect, inject, it, onTestFailed } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { collectPageErrors, launchBrowser, screenshotPath } from './browser';

const baseUrl = inject('baseUrl');
const LAPTOP = { width: 1366, height: 768 } as const;
const PASSWORD = process.env.DEMO_PASSWORD ?? 'demo-password-2026';
const CODE = 'car-replace-2026';
const CAP = '#hx-amount_amount_cases_0_formula_capFen';

/** Today in Shanghai, kept inside the program's 2026 window (a version must take effect within it). */
function effectiveOn(): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
  return today > '2026-12-31' ? '2026-12-31' : today < '2026-01-01' ? '2026-01-01' : today;
}

async function signIn(page: Page, username: string, path: string) {
  await page.goto(`${baseUrl}${path}`);
  await page.getByLabel('用户名', { exact: true }).fill(username);
  await page.getByLabel('密码', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: /^登\s?录$/ }).click();
  await page.waitForURL(`${baseUrl}${path}`);
}

describe('the program editor', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
  });

  it('admin1 drafts a higher NEV cap and cannot publish it; admin2 does; the public page shows it', async () => {
    const context = await browser.newContext({ viewport: LAPTOP, locale: 'zh-CN' });
    const page = await context.newPage();
    // The author's publish attempt is refused (403 SELF_PUBLISH): Chromium logs the answer.
    const errors = collectPageErrors(page, [
      [403, new RegExp(`/api/admin/programs/${CODE}/versions/\\d+/publish$`)],
    ]);
    onTestFailed(async () => {
      await page.screenshot({ path: screenshotPath('failed-program-editor'), fullPage: true });
    });

    // admin1: the programs section, the program's versions, a new draft from the current version.
    await signIn(page, 'admin1', '/console/programs');
    await page.getByRole('heading', { level: 1, name: '补贴项目与版本' }).waitFor();
    await page.getByTestId('program-list').waitFor();
    await page.screenshot({ path: screenshotPath('console-programs-laptop-zh'), fullPage: true });
    await page.goto(`${baseUrl}/console/programs/${CODE}`);
    const versions = page.getByTestId('versions-table');
    await versions.waitFor();
    const before = (await (
      await page.request.get(`${baseUrl}/api/admin/programs/${CODE}/versions`)
    ).json()) as {
      version: number;
      status: string;
    }[];
    const current = Math.max(...before.filter((v) => v.status === 'published').map((v) => v.version));
    await page.getByRole('link', { name: '以现行版本新建草稿' }).click();
    await page.waitForURL(`${baseUrl}/console/programs/${CODE}/new`);

    // The amount formula: the NEV case's cap, ¥15,000 in fen → ¥18,000. A clause shows its rule in words.
    await page.getByRole('tab', { name: /条件条款/ }).click();
    const words = page.locator('#hx-clauses_clauses_0_test-words');
    await words.waitFor();
    expect(await words.textContent()).toContain('属于');
    await page.getByRole('tab', { name: /补贴金额公式/ }).click();
    const cap = page.locator(CAP);
    await cap.waitFor();
    expect(await cap.inputValue()).toBe('1500000');
    await cap.fill('1800000');
    await page.screenshot({ path: screenshotPath('program-editor-amount-laptop-zh'), fullPage: true });

    // The check passes; save with the effective date, document number and note.
    await page.getByTestId('draft-check').click();
    await page.getByTestId('check-ok').waitFor();
    await page.getByLabel('生效日期', { exact: true }).fill(effectiveOn());
    await page.getByLabel('文号', { exact: true }).fill('济商务字〔2026〕15号');
    await page.getByLabel('修改说明', { exact: true }).fill('新能源车补贴上限提高至 1.8 万元');
    await page.getByTestId('draft-save-submit').click();
    await page.waitForURL(new RegExp(`/console/programs/${CODE}/versions/\\d+$`));
    const draftVersion = Number(page.url().split('/').pop());
    expect(draftVersion).toBeGreaterThan(current);

    // The diff: exactly the cap, old beside new.
    const diff = page.getByTestId('definition-diff');
    await diff.waitFor();
    expect(await diff.locator('tbody tr').count()).toBe(1);
    const row = await diff.locator('tbody tr').first().textContent();
    expect(row).toContain('/amount/cases/0/formula/capFen');
    expect(row).toContain('1500000');
    expect(row).toContain('1800000');

    // The what-if on the program's claims.
    await page.getByTestId('what-if-run').click();
    const report = page.getByTestId('what-if-report');
    await report.waitFor();
    expect(await report.textContent()).toContain('评估申请数');
    await page.screenshot({ path: screenshotPath('program-version-diff-whatif-laptop-zh'), fullPage: true });

    // The author cannot publish: a second administrator must.
    await page.getByTestId('publish-submit').click();
    const refusal = page.getByTestId('publish-error');
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain('须由另一位管理员发布');
    await page.screenshot({ path: screenshotPath('program-publish-self-laptop-zh'), fullPage: true });
    expect(errors).toEqual([]);
    await context.close();

    // admin2 publishes it.
    const second = await browser.newContext({ viewport: LAPTOP, locale: 'zh-CN' });
    const page2 = await second.newPage();
    const errors2 = collectPageErrors(page2);
    onTestFailed(async () => {
      await page2.screenshot({ path: screenshotPath('failed-program-editor-publish'), fullPage: true });
    });
    await signIn(page2, 'admin2', `/console/programs/${CODE}/versions/${draftVersion}`);
    await page2.getByTestId('publish-submit').click();
    await page2.getByTestId('publish-done').waitFor();
    expect(await page2.getByTestId('publish-done').textContent()).toBe(`第 ${draftVersion} 版已发布。`);
    await page2.screenshot({ path: screenshotPath('program-published-laptop-zh'), fullPage: true });

    // The public program page: the new maximum and the version.
    await page2.goto(`${baseUrl}/programs/${CODE}`);
    await page2.getByRole('heading', { level: 1 }).waitFor();
    const amount = page2.locator('.hx-detail-head__amount');
    await amount.waitFor();
    expect(await amount.textContent()).toContain('最高补贴 ¥18,000.00');
    expect(await page2.locator('.hx-detail-head__meta').textContent()).toContain(`规则版本 ${draftVersion}`);
    await page2.screenshot({ path: screenshotPath('program-public-new-cap-laptop-zh'), fullPage: true });
    expect(errors2).toEqual([]);
    await second.close();
  });
});
