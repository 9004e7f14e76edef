import { randomInt } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it, onTestFailed } from 'vitest';
import type { Browser } from 'playwright-core';
import { DESKTOP, PHONE, collectPageErrors, launchBrowser, screenshotPath } from './browser';
import { currentStep, totpAt } from './totp';

const baseUrl = inject('baseUrl');

describe('sign-in flows in Chromium', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser.close();
  });

  it('resident: phone → SMS code → profile form → masked details, on a phone', async () => {
    const context = await browser.newContext({
      viewport: PHONE,
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
      locale: 'zh-CN',
    });
    const page = await context.newPage();
    onTestFailed(async () => {
      await page.screenshot({ path: screenshotPath('failed-resident'), fullPage: true });
    });
    // A new resident has no profile yet: GET /api/me/profile answers 404 PROFILE_NOT_FOUND.
    const errors = collectPageErrors(page, [[404, '/api/me/profile']]);
    const phone = `139${String(randomInt(0, 100_000_000)).padStart(8, '0')}`;

    await page.goto(`${baseUrl}/login`);
    await page.getByRole('heading', { level: 1, name: '居民登录' }).waitFor();
    await page.getByLabel('手机号', { exact: true }).fill(phone);
    await page.screenshot({ path: screenshotPath('login-phone-zh') });
    await page.getByRole('button', { name: '获取验证码' }).click();
    await page.getByText(/验证码已发送至 139\*{4}\d{4}/).waitFor();

    // The dev outbox (not in production) holds what the SMS transport sent.
    const outbox = await page.request.get(`${baseUrl}/api/dev/sms-outbox?phone=${phone}`);
    expect(outbox.status()).toBe(200);
    const messages = (await outbox.json()) as Array<{ phone: string; code: string; text: string }>;
    const code = messages[0]?.code ?? '';
    expect(code).toMatch(/^\d{6}$/);

    const codeInput = page.getByLabel('短信验证码', { exact: true });
    expect(await codeInput.getAttribute('inputmode')).toBe('numeric');
    expect(await codeInput.getAttribute('autocomplete')).toBe('one-time-code');
    // The resend button counts down from 60 s.
    expect(await page.getByTestId('resend').isDisabled()).toBe(true);
    expect(await page.getByTestId('resend').textContent()).toMatch(/\d+ 秒后可重新获取/);
    await codeInput.fill(code);
    await page.screenshot({ path: screenshotPath('login-code-zh') });
    await page.getByRole('button', { name: /^登\s?录$/ }).click();

    // No profile yet: straight to the form.
    await page.waitForURL(`${baseUrl}/me/profile`);
    await page.getByRole('heading', { name: '填写实名信息' }).waitFor();
    await page.screenshot({ path: screenshotPath('profile-form-phone-zh'), fullPage: true });

    await page.getByLabel('姓名', { exact: true }).fill('张三');
    const id = page.getByLabel('居民身份证号', { exact: true });
    await id.fill('110105194912310021'); // wrong check digit: flagged as you type
    await page.getByText('身份证号校验位不正确，请核对最后一位').waitFor();
    await id.fill('11010519491231002X');
    // Let the layout settle (the message goes away) before opening the street list.
    await page.getByText('身份证号校验位不正确，请核对最后一位').waitFor({ state: 'detached' });
    await page.getByLabel('所在街道（镇）', { exact: true }).selectOption({ label: '明水街道' });
    await page
      .locator('[data-field="street"]')
      .screenshot({ path: screenshotPath('profile-street-phone-zh') });
    await page.getByLabel('详细地址', { exact: true }).fill('明水街道汇泉路 100 号');
    await page.getByLabel('开户银行', { exact: true }).fill('中国农业银行章丘支行');
    await page.getByLabel('银行卡号', { exact: true }).fill('6230514630000424473');

    // The separate consent is unticked, and saving without it is refused on the spot.
    const consent = page.getByRole('checkbox');
    expect(await consent.isChecked()).toBe(false);
    await page.getByRole('button', { name: /^保\s?存$/ }).click();
    await page.getByText('请阅读并同意个人信息处理规则').waitFor();
    await page.getByTestId('consent-block').screenshot({ path: screenshotPath('profile-consent-phone-zh') });
    await consent.check();
    await page.getByRole('button', { name: /^保\s?存$/ }).click();

    await page.getByTestId('profile-view').waitFor();
    await page.getByText('1101**********002X').waitFor();
    await page.getByText('**** **** **** 4473').waitFor();
    await page.getByText('张*').waitFor();
    await page.screenshot({ path: screenshotPath('profile-saved-phone-zh'), fullPage: true });

    // Nothing personal on the device: only the language choice may be in web storage.
    const stored = await page.evaluate(() => ({
      local: Object.keys(localStorage),
      session: Object.keys(sessionStorage),
    }));
    expect(stored.local.filter((k) => k !== 'huanxin.language')).toEqual([]);
    expect(stored.session).toEqual([]);
    const html = await page.content();
    expect(html).not.toContain('11010519491231002X');
    expect(html).not.toContain('6230514630000424473');

    // Sign out from the header menu.
    await page.getByTestId('user-menu').click();
    await page.getByRole('menuitem', { name: '退出登录' }).click();
    await page.waitForURL(`${baseUrl}/`);
    await page.goto(`${baseUrl}/me/profile`);
    await page.waitForURL(/\/login\?next=%2Fme%2Fprofile$/);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('staff: reviewer1 signs in, sees the review queue but not the audit log, and signs out', async () => {
    const context = await browser.newContext({ viewport: DESKTOP, locale: 'zh-CN' });
    const page = await context.newPage();
    onTestFailed(async () => {
      await page.screenshot({ path: screenshotPath('failed-staff'), fullPage: true });
    });
    const errors = collectPageErrors(page, [[401, '/api/auth/login']]); // the wrong password below

    await page.goto(`${baseUrl}/console/review`);
    await page.waitForURL(/\/console\/login\?next=%2Fconsole%2Freview$/);
    await page.getByRole('heading', { level: 1, name: '工作人员登录' }).waitFor();
    await page.getByLabel('用户名', { exact: true }).fill('reviewer1');
    await page.getByLabel('密码', { exact: true }).fill('wrong-password-0000');
    await page.getByRole('button', { name: /^登\s?录$/ }).click();
    await page.getByRole('alert').filter({ hasText: '用户名或密码不正确' }).waitFor();
    await page.screenshot({ path: screenshotPath('console-login-error-zh') });
    await page.getByLabel('密码', { exact: true }).fill('demo-password-2026');
    await page.getByRole('button', { name: /^登\s?录$/ }).click();

    // Back where the reviewer was going.
    await page.waitForURL(`${baseUrl}/console/review`);
    await page.getByRole('heading', { level: 1, name: '审核队列' }).waitFor();
    await page.getByTestId('take-next').waitFor(); // the queue (empty on this portal: no worker runs)
    const menu = page.getByRole('navigation', { name: '工作台菜单' });
    await menu.getByRole('link', { name: '审核队列' }).waitFor();
    expect(await menu.getByRole('link', { name: '审计日志' }).count()).toBe(0);
    expect(await menu.getByRole('link', { name: '资金拨付' }).count()).toBe(0);
    expect(await page.getByTestId('user-menu').textContent()).toContain('审核员一');
    await page.screenshot({ path: screenshotPath('console-reviewer-desktop-zh'), fullPage: true });

    // The audit page is not for a reviewer, even by URL.
    await page.goto(`${baseUrl}/console/audit`);
    await page.getByRole('heading', { name: '无权访问' }).waitFor();

    await page.getByTestId('user-menu').click();
    await page.getByRole('menuitem', { name: '退出登录' }).click();
    await page.waitForURL(`${baseUrl}/console/login`);
    await page.goto(`${baseUrl}/console`);
    await page.waitForURL(/\/console\/login\?next=%2Fconsole$/);
    await page.screenshot({ path: screenshotPath('console-login-desktop-zh') });
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('staff second factor in Chromium (portal with STAFF_MFA=totp)', () => {
  const mfaBaseUrl = inject('mfaBaseUrl');
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser.close();
  });

  it('auditor1 enrols an authenticator (QR code and key), then signs in again with a code', async () => {
    const context = await browser.newContext({ viewport: DESKTOP, locale: 'zh-CN' });
    const page = await context.newPage();
    onTestFailed(async () => {
      await page.screenshot({ path: screenshotPath('failed-totp'), fullPage: true });
    });
    // MFA_ENROLMENT_REQUIRED is a 403, MFA_REQUIRED a 401: both are steps of this flow, not failures.
    const errors = collectPageErrors(page, [
      [403, '/api/auth/login'],
      [401, '/api/auth/login'],
    ]);

    await page.goto(`${mfaBaseUrl}/console/login`);
    await page.getByLabel('用户名', { exact: true }).fill('auditor1');
    await page.getByLabel('密码', { exact: true }).fill('demo-password-2026');
    await page.getByRole('button', { name: /^登\s?录$/ }).click();

    await page.getByRole('heading', { name: '绑定身份验证器' }).waitFor();
    const qr = page.getByRole('img', { name: '身份验证器绑定二维码' });
    await qr.waitFor();
    expect(await qr.getAttribute('src')).toMatch(/^data:image\/png;base64,/);
    expect(await qr.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    const secret = ((await page.getByTestId('totp-secret').textContent()) ?? '').replace(/\s/g, '');
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
    await page.screenshot({ path: screenshotPath('console-totp-enrol-desktop-zh'), fullPage: true });

    const enrolStep = currentStep();
    await page.getByLabel('动态口令', { exact: true }).fill(totpAt(secret, enrolStep));
    await page.getByRole('button', { name: '完成绑定并登录' }).click();
    await page.waitForURL(`${mfaBaseUrl}/console`);
    await page
      .getByRole('navigation', { name: '工作台菜单' })
      .getByRole('link', { name: '审计日志' })
      .waitFor();

    await page.getByTestId('user-menu').click();
    await page.getByRole('menuitem', { name: '退出登录' }).click();
    await page.waitForURL(`${mfaBaseUrl}/console/login`);

    await page.getByLabel('用户名', { exact: true }).fill('auditor1');
    await page.getByLabel('密码', { exact: true }).fill('demo-password-2026');
    await page.getByRole('button', { name: /^登\s?录$/ }).click();
    const code = page.getByLabel('动态口令', { exact: true });
    await code.waitFor();
    expect(await code.getAttribute('autocomplete')).toBe('one-time-code');
    await page.screenshot({ path: screenshotPath('console-totp-step-desktop-zh') });

    // A code is good once: wait for the next 30 s step after the one used to enrol.
    while (currentStep() <= enrolStep) await page.waitForTimeout(500);
    await code.fill(totpAt(secret, currentStep()));
    await page.getByRole('button', { name: '验证并登录' }).click();
    await page.waitForURL(`${mfaBaseUrl}/console`);
    await page.getByRole('heading', { name: /您好/ }).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });
});
