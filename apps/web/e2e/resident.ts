/** Browser-test steps shared by resident tests: SMS sign-in through the dev outbox, and a first profile. */
import { randomInt } from 'node:crypto';
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { bankCardNumber, RESIDENT_PROFILE_DEFAULTS, residentIdNumber } from '@huanxin/shared/testing';

/** A fresh resident phone number (a new account each run). */
export function newPhone(): string {
  return `139${String(randomInt(0, 100_000_000)).padStart(8, '0')}`;
}

/** Signs in with an SMS code read from the dev outbox (not in production). Ends on whatever page follows. */
export async function signInBySms(
  page: Page,
  baseUrl: string,
  phone: string,
  path = '/login',
): Promise<void> {
  await page.goto(`${baseUrl}${path}`);
  await page.getByLabel('手机号', { exact: true }).fill(phone);
  await page.getByRole('button', { name: '获取验证码' }).click();
  await page.getByText(/验证码已发送至 139\*{4}\d{4}/).waitFor();
  const outbox = await page.request.get(`${baseUrl}/api/dev/sms-outbox?phone=${phone}`);
  expect(outbox.status()).toBe(200);
  const messages = (await outbox.json()) as Array<{ code: string }>;
  const code = messages[0]?.code ?? '';
  expect(code).toMatch(/^\d{6}$/);
  await page.getByLabel('短信验证码', { exact: true }).fill(code);
  await page.getByRole('button', { name: /^登\s?录$/ }).click();
}

/** A valid resident ID number (Zhangqiu region code, random birth date 1960–1999) not used by other tests. */
export function newIdNumber(): string {
  const birthDate = `${1960 + randomInt(0, 40)}-0${randomInt(1, 10)}-1${randomInt(0, 10)}`;
  return residentIdNumber({ birthDate, sequence: randomInt(0, 1000) });
}

/** A Luhn-valid debit card number not used by other tests. */
export function newCardNumber(): string {
  return bankCardNumber(randomInt(0, 1_000_000_000_000), { prefix: '623051' });
}

/** Fills and saves the real-name profile form (the page must show it) with a fresh ID and card number. */
export async function saveFirstProfile(
  page: Page,
  idNumber = newIdNumber(),
  cardNumber = newCardNumber(),
): Promise<void> {
  await page.getByRole('heading', { name: '填写实名信息' }).waitFor();
  const profile = RESIDENT_PROFILE_DEFAULTS;
  await page.getByLabel('姓名', { exact: true }).fill(profile.name);
  await page.getByLabel('居民身份证号', { exact: true }).fill(idNumber);
  await page.getByLabel('所在街道（镇）', { exact: true }).selectOption({ label: profile.streetZh });
  await page.getByLabel('详细地址', { exact: true }).fill(profile.address);
  await page.getByLabel('开户银行', { exact: true }).fill(profile.bankName);
  await page.getByLabel('银行卡号', { exact: true }).fill(cardNumber);
  await page.getByRole('checkbox').check();
  await page.getByRole('button', { name: /^保\s?存$/ }).click();
  await page.getByTestId('profile-view').waitFor();
}
