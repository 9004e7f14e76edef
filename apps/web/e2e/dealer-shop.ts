/**
 * Browser-test helpers for the dealer console: a fresh shop's credit code in this suite's series (MW), its
 * buyers' ID numbers (residents 8300–8600, as `residentIdentity` in apps/api/test/utils/residents.ts), and a
 * shop made ready over HTTP (registered, approved by approver1, one product filed) for tests that start
 * after the registration the dealer.e2e test walks through in the browser.
 */
import { randomInt } from 'node:crypto';
import { expect } from 'vitest';
import { request, type Page } from 'playwright-core';
import { computeUsccCheckChar, type ProductView } from '@huanxin/shared';
import { residentIdNumber } from '@huanxin/shared/testing';

export const LAPTOP = { width: 1366, height: 768 } as const;
export const SHOP_PASSWORD = 'violet-kettle-harbour-91';

/** A valid credit code of the MW series (this suite's; `series` for another suite's), random in its last seven digits. */
export function freshUscc(series = 'MW'): string {
  const first17 = `91370181${series}${String(randomInt(0, 10_000_000)).padStart(7, '0')}`;
  return first17 + computeUsccCheckChar(first17);
}

/** The ID number of test resident `index` (8300–8600 are the dealer browser tests'). */
export function buyerIdNumber(index: number): string {
  if (index < 8300 || index > 8600) throw new RangeError('dealer browser tests use residents 8300–8600');
  return residentIdNumber({
    birthDate: `1960-03-${String(1 + Math.floor(index / 1000)).padStart(2, '0')}`,
    sequence: index % 1000,
  });
}

export async function signIn(page: Page, baseUrl: string, username: string, password: string, path: string) {
  await page.goto(`${baseUrl}${path}`);
  await page.getByLabel('用户名', { exact: true }).fill(username);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByRole('button', { name: /^登\s?录$/ }).click();
  await page.waitForURL(`${baseUrl}${path}`);
}

export interface ReadyShop {
  username: string;
  uscc: string;
  product: ProductView;
}

/** A retailer in appliance-2026, registered and approved over HTTP, with one refrigerator filed at ¥3,999. */
export async function readyShop(baseUrl: string, name: string, series = 'MW'): Promise<ReadyShop> {
  const uscc = freshUscc(series);
  const username = `shop-${randomInt(0, 1_000_000)}`;
  const anonymous = await request.newContext({ baseURL: baseUrl });
  const registered = await anonymous.post('/api/dealer/registrations', {
    data: {
      organization: {
        name,
        uscc,
        kinds: ['retailer'],
        programs: ['appliance-2026'],
        street: 'mingshui',
        contactName: '赵经理',
        contactPhone: '13905326511',
        payoutBankName: '中国工商银行章丘支行',
        payoutAccountNo: '1602023809200777777',
      },
      username,
      password: SHOP_PASSWORD,
      consent: true,
    },
  });
  expect(registered.status()).toBe(201);
  const { organizationId } = (await registered.json()) as { organizationId: string };
  await anonymous.dispose();

  const office = await request.newContext({ baseURL: baseUrl });
  expect(
    (
      await office.post('/api/auth/login', {
        data: { username: 'approver1', password: 'demo-password-2026' },
      })
    ).status(),
  ).toBe(200);
  const approved = await office.post(`/api/admin/organizations/${organizationId}/status`, {
    data: { status: 'active', reason: '材料齐全，准予参与' },
  });
  expect(approved.status()).toBe(200);
  await office.dispose();

  const shop = await request.newContext({ baseURL: baseUrl });
  expect((await shop.post('/api/auth/login', { data: { username, password: SHOP_PASSWORD } })).status()).toBe(
    200,
  );
  const filed = await shop.post('/api/dealer/products', {
    data: {
      programCode: 'appliance-2026',
      category: 'refrigerator',
      barcode: '6901234567892',
      brand: '美的',
      model: 'BCD-520WKPZM',
      efficiencyGrade: 1,
      filedPriceFen: 399_900,
    },
  });
  expect(filed.status()).toBe(201);
  const product = (await filed.json()) as ProductView;
  await shop.dispose();
  return { username, uscc, product };
}
