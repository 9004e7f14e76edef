/**
 * The users console in Chromium at 1366×768 (issue 15, 三员): admin1 creates a reviewer account,
 * cannot activate it alone (two-person rule), admin2 activates it and the new reviewer signs in;
 * on the portal that requires TOTP, the security administrator resets another account's factor
 * and that account has to enrol again.
 */
import { afterAll, beforeAll, describe, expect, inject, it, onTestFailed } from 'vitest';
import type { APIRequestContext, Browser, Page } from 'playwright-core';
import { collectPageErrors, launchBrowser, screenshotPath } from './browser';
import { currentStep, totpAt } from './totp';

const LAPTOP = { width: 1366, height: 768 } as const;
const PASSWORD = process.env.DEMO_PASSWORD ?? 'demo-password-2026';
const STRONG = 'violet-kettle-harbour-91';

async function signIn(page: Page, baseUrl: string, username: string, password = PASSWORD): Promise<void> {
  await page.goto(`${baseUrl}/console/login`);
  await page.getByLabel('用户名', { exact: true }).fill(username);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByRole('button', { name: /^登\s?录$/ }).click();
}

/** The row of an account in the users console, found through the search box. */
async function findRow(page: Page, username: string) {
  await page.getByLabel('搜索', { exact: true }).fill(username);
  const row = page.getByTestId(`account-${username}`);
  await row.waitFor();
  return row;
}

describe('users console (三员)', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
  });

  it('admin1 creates a reviewer, admin2 activates it, the new reviewer signs in', async () => {
    const baseUrl = inject('baseUrl');
    const username = `rev${Date.now().toString(36)}`;
    const first = await browser.newContext({ viewport: LAPTOP, locale: 'zh-CN' });
    const page = await first.newPage();
    // The same admin's activation is refused (403 SECOND_ADMIN_REQUIRED): a step of this test.
    const errors = collectPageErrors(page, [[403, /^\/api\/admin\/users\//]]);
    onTestFailed(async () => {
      await page.screenshot({ path: screenshotPath('failed-users-create'), fullPage: true });
    });

    await signIn(page, baseUrl, 'admin1');
    await page
      .getByRole('navigation', { name: '工作台菜单' })
      .getByRole('link', { name: '用户管理' })
      .click();
    await page.getByRole('heading', { level: 1, name: '用户管理' }).waitFor();
    await page.getByTestId('create-account').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('用户名', { exact: true }).fill(username);
    await dialog.getByLabel('姓名', { exact: true }).fill('新审核员');
    await dialog.getByLabel('角色', { exact: true }).selectOption('reviewer');
    // The password policy's answer lands on the field.
    await dialog.getByLabel('初始密码', { exact: true }).fill('short');
    await dialog.getByText('密码至少 12 个字符').waitFor();
    await dialog.getByLabel('初始密码', { exact: true }).fill(STRONG);
    await page.screenshot({ path: screenshotPath('users-create-1366') });
    await dialog.getByTestId('create-account-submit').click();
    const outcome = page.getByTestId('users-outcome');
    await outcome.waitFor();
    expect(await outcome.textContent()).toContain('须由另一位管理员激活后才能登录');

    const row = await findRow(page, username);
    expect(await row.getByTestId('account-status').textContent()).toBe('待另一位管理员激活');
    await row.getByTestId('action-activate').click();
    await page.getByTestId('account-action-ok').click();
    const refused = page.getByTestId('account-action-error');
    await refused.waitFor();
    expect(await refused.textContent()).toContain('不能由您本人激活');
    await page.screenshot({ path: screenshotPath('users-second-admin-1366') });
    expect(errors).toEqual([]);

    // The new account cannot sign in yet.
    const early = await page.request.post(`${baseUrl}/api/auth/login`, {
      data: { username, password: STRONG },
    });
    expect(early.status()).toBe(401);

    const second = await browser.newContext({ viewport: LAPTOP, locale: 'zh-CN' });
    const page2 = await second.newPage();
    const errors2 = collectPageErrors(page2);
    onTestFailed(async () => {
      await page2.screenshot({ path: screenshotPath('failed-users-activate'), fullPage: true });
    });
    await signIn(page2, baseUrl, 'admin2');
    await page2.waitForURL(`${baseUrl}/console`);
    await page2.goto(`${baseUrl}/console/users`);
    const row2 = await findRow(page2, username);
    await row2.getByTestId('action-activate').click();
    await page2.getByTestId('account-action-ok').click();
    // The outcome or the dialog's error, whichever comes: a refusal fails with its own words.
    const done = page2.getByTestId('users-outcome').or(page2.getByTestId('account-action-error'));
    await done.waitFor();
    expect(await done.textContent()).toContain(`已激活 ${username}，现在可以登录。`);
    await expect.poll(async () => row2.getByTestId('account-status').textContent()).toBe('正常');
    await page2.screenshot({ path: screenshotPath('users-activated-1366') });
    expect(errors2).toEqual([]);

    const third = await browser.newContext({ viewport: LAPTOP, locale: 'zh-CN' });
    const page3 = await third.newPage();
    const errors3 = collectPageErrors(page3);
    await signIn(page3, baseUrl, username, STRONG);
    await page3.waitForURL(`${baseUrl}/console`);
    await page3.getByRole('heading', { name: '您好，新审核员' }).waitFor();
    await page3
      .getByRole('navigation', { name: '工作台菜单' })
      .getByRole('link', { name: '审核队列' })
      .waitFor();
    expect(errors3).toEqual([]);
    await Promise.all([first.close(), second.close(), third.close()]);
  });

  it('the security administrator resets another account’s TOTP (portal with STAFF_MFA=totp)', async () => {
    const mfaBaseUrl = inject('mfaBaseUrl');
    // finance2 enrols an authenticator through the API, as its own browser would.
    const other = await browser.newContext();
    const api: APIRequestContext = other.request;
    const login = (data: Record<string, string>) => api.post(`${mfaBaseUrl}/api/auth/login`, { data });
    const firstLogin = await login({ username: 'finance2', password: PASSWORD });
    expect(firstLogin.status()).toBe(403);
    const { enrolmentToken } = ((await firstLogin.json()) as { error: { enrolmentToken: string } }).error;
    const setup = await api.post(`${mfaBaseUrl}/api/auth/mfa/totp/setup`, { data: { enrolmentToken } });
    const { secret: financeSecret } = (await setup.json()) as { secret: string };
    const confirmed = await api.post(`${mfaBaseUrl}/api/auth/mfa/totp/confirm`, {
      data: { enrolmentToken, totp: totpAt(financeSecret, currentStep()) },
    });
    expect(confirmed.status()).toBe(200);

    const context = await browser.newContext({ viewport: LAPTOP, locale: 'zh-CN' });
    const page = await context.newPage();
    const errors = collectPageErrors(page, [
      [403, '/api/auth/login'],
      [401, '/api/auth/login'],
    ]);
    onTestFailed(async () => {
      await page.screenshot({ path: screenshotPath('failed-users-totp-reset'), fullPage: true });
    });
    // secadmin1 signs in: it too enrols its own authenticator first.
    await signIn(page, mfaBaseUrl, 'secadmin1');
    await page.getByRole('heading', { name: '绑定身份验证器' }).waitFor();
    const secret = ((await page.getByTestId('totp-secret').textContent()) ?? '').replace(/\s/g, '');
    await page.getByLabel('动态口令', { exact: true }).fill(totpAt(secret, currentStep()));
    await page.getByRole('button', { name: '完成绑定并登录' }).click();
    await page.waitForURL(`${mfaBaseUrl}/console`);
    const menu = page.getByRole('navigation', { name: '工作台菜单' });
    await menu.getByRole('link', { name: '用户管理' }).click();
    await page.getByRole('heading', { level: 1, name: '用户管理' }).waitFor();
    // The security administrator creates no accounts.
    expect(await page.getByTestId('create-account').count()).toBe(0);

    const row = await findRow(page, 'finance2');
    expect(await row.textContent()).toContain('已绑定');
    await row.getByTestId('action-resetMfa').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('该账号所有会话立即结束').waitFor();
    await page.screenshot({ path: screenshotPath('users-reset-totp-confirm-1366') });
    await page.getByTestId('account-action-ok').click();
    const outcome = page.getByTestId('users-outcome');
    await outcome.waitFor();
    expect(await outcome.textContent()).toContain('已重置 finance2 的动态口令，下次登录时须重新绑定。');
    await expect.poll(async () => row.textContent()).toContain('未绑定');
    await page.screenshot({ path: screenshotPath('users-reset-totp-1366') });

    // finance2's session ended, and its next sign-in enrols again.
    expect((await api.get(`${mfaBaseUrl}/api/auth/me`)).status()).toBe(401);
    const again = await login({ username: 'finance2', password: PASSWORD });
    expect(again.status()).toBe(403);
    expect(((await again.json()) as { error: { code: string } }).error.code).toBe('MFA_ENROLMENT_REQUIRED');
    expect(errors).toEqual([]);
    await Promise.all([context.close(), other.close()]);
  });
});
