import { afterEach, describe, expect, it, vi } from 'vitest';
import { configure, screen, within } from '@testing-library/react';
import { eligibleClaim } from '@huanxin/shared/testing';
import { routes } from '@/app/router';
import { mockApi, signedInAs } from '@/test/api-mock';
import { carScrap2026, programDetailOf } from '@/test/fixtures';
import { jsonResponse, renderWithApp } from '@/test/render';

const ID = '3f2b8c1e-4d5a-4b6c-8d7e-9f0a1b2c3d4e';
const resident = signedInAs({ role: 'resident', displayName: '138****8000', phoneMasked: '138****8000' });

configure({ asyncUtilTimeout: 5000 });
afterEach(() => vi.unstubAllGlobals());

function showClaim(payment: Record<string, unknown> | null, extra: Record<string, unknown> = {}) {
  mockApi({
    'GET /api/auth/me': resident,
    'GET /api/programs/car-scrap-2026': jsonResponse(programDetailOf(carScrap2026())),
    [`GET /api/applications/${ID}`]: jsonResponse({
      id: ID,
      code: 'ZQ-2026-000123',
      status: payment?.status === 'paid' ? 'paid' : 'approved',
      programCode: 'car-scrap-2026',
      programVersion: 1,
      facts: eligibleClaim('carScrap').facts,
      evaluation: { eligible: true, amountFen: 1_800_000, clauses: [] },
      reservedFen: 1_800_000,
      submittedAt: '2026-03-20T02:00:00.000Z',
      createdAt: '2026-03-20T01:00:00.000Z',
      updatedAt: '2026-05-01T02:00:00.000Z',
      timeline: [],
      correction: null,
      payment,
      payClock: null,
      ...extra,
    }),
    [`GET /api/applications/${ID}/documents`]: jsonResponse([]),
  });
  renderWithApp(routes, { path: `/applications/${ID}` });
}

describe("the resident's claim page after a payment batch", () => {
  it('says when the subsidy was paid', async () => {
    showClaim({ status: 'paid', amountFen: 1_800_000, paidOn: '2026-05-01', reason: null });
    const paid = await screen.findByTestId('payment-paid');
    expect(paid.textContent).toContain('补贴 ¥18,000.00 已于 2026-05-01 发放到您的银行账户。');
  });

  it('says why a payment failed and links to the profile to update the bank account', async () => {
    showClaim({ status: 'failed', amountFen: 1_800_000, paidOn: null, reason: '户名与账号不符' });
    const failed = await screen.findByTestId('payment-failed');
    expect(failed.textContent).toContain('补贴发放失败：户名与账号不符');
    expect(failed.textContent).toContain('无需重新审核');
    expect(within(failed).getByRole('link', { name: '更新银行账户' }).getAttribute('href')).toBe(
      '/me/profile',
    );
  });

  it.each([
    ['ok', 'info', '审核已通过，补贴将在 30 天内、2026/05/31 10:00 前发放。'],
    ['overdue', 'warning', '补贴应于 2026/05/31 10:00 前发放，已超过 30 天时限。'],
  ])('an approved claim not yet paid shows its pay clock (%s)', async (state, type, text) => {
    showClaim(null, { payClock: { dueAt: '2026-05-31T02:00:00.000Z', payDays: 30, state } });
    const clock = await screen.findByTestId('pay-clock');
    expect(clock.textContent).toContain(text);
    expect(clock.getAttribute('data-sla')).toBe(state);
    expect(clock.className).toContain(`ant-alert-${type}`);
  });
});
