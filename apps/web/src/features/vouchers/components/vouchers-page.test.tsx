import { afterEach, describe, expect, it, vi } from 'vitest';
import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { VoucherOffer, VoucherView } from '@huanxin/shared';
import { routes } from '@/app/router';
import { apiError, mockApi, signedInAs } from '@/test/api-mock';
import { jsonResponse, renderWithApp } from '@/test/render';

configure({ asyncUtilTimeout: 5000 });

const resident = signedInAs({ role: 'resident', displayName: '138****8000', phoneMasked: '138****8000' });
const ID = '5a7c9e1b-3d5f-4a6b-8c9d-0e1f2a3b4c5d';
const CODE = 'HX7K3MQPD9';

const offer: VoucherOffer = {
  programCode: 'appliance-2026',
  title: { zh: '家电以旧换新（2026年）', en: 'Appliance trade-in 2026' },
  allocationMode: 'fcfs',
  maxSubsidyFen: 150_000,
  validityDays: 3,
  categories: [
    { value: 'refrigerator', label: { zh: '电冰箱', en: 'Refrigerator' }, quota: 1 },
    { value: 'air_conditioner', label: { zh: '空调', en: 'Air conditioner' }, quota: 3 },
  ],
};
const lotteryOffer: VoucherOffer = {
  ...offer,
  programCode: 'digital-2026',
  title: { zh: '数码产品购新', en: 'Digital products' },
  allocationMode: 'lottery',
};

function voucher(extra: Partial<VoucherView> = {}): VoucherView {
  return {
    id: ID,
    code: CODE,
    programCode: 'appliance-2026',
    category: 'air_conditioner',
    maxSubsidyFen: 150_000,
    expiresAt: new Date(Date.now() + 2 * 24 * 3600_000 + 3 * 3600_000 + 4 * 60_000 + 30_000).toISOString(),
    status: 'issued',
    qr: 'data:image/svg+xml;base64,PHN2Zy8+',
    createdAt: new Date().toISOString(),
    ...extra,
  };
}

const headersOf = (path: string) =>
  vi
    .mocked(fetch)
    .mock.calls.filter(([input]) => String(input) === path)
    .map(([, init]) => (init?.headers ?? {}) as Record<string, string>);

afterEach(() => {
  vi.unstubAllGlobals();
});

async function choose(label: RegExp, value: string) {
  fireEvent.change(await screen.findByLabelText(label), { target: { value } });
}

describe('vouchers page', () => {
  it('takes a voucher with an Idempotency-Key and shows it full screen: QR, the code in 4-3-3 groups, the time left', async () => {
    let list: VoucherView[] = [];
    const calls = mockApi({
      'GET /api/auth/me': resident,
      'GET /api/vouchers/offers': jsonResponse([offer]),
      'GET /api/vouchers': () => jsonResponse(list),
      'POST /api/vouchers': () => {
        list = [voucher()];
        return jsonResponse(list[0], 201);
      },
    });
    renderWithApp(routes, { path: '/vouchers' });
    // The first test loads the resident area's chunk: allow for a cold start.
    expect(
      await screen.findByRole('heading', { level: 1, name: '补贴资格券' }, { timeout: 15_000 }),
    ).toBeTruthy();
    // One offer: the program is chosen already; the terms say what a voucher holds.
    await waitFor(() =>
      expect(screen.getByTestId('voucher-terms').textContent).toBe('最高补贴 ¥1,500.00，有效期 3 天。'),
    );
    await choose(/商品品类/, 'air_conditioner');
    fireEvent.click(screen.getByRole('button', { name: '领取资格券' }));

    const qr = await screen.findByTestId('voucher-qr');
    expect(within(qr).getByTestId('voucher-code').textContent).toBe('HX7K-3MQ-PD9');
    expect(within(qr).getByRole('img').getAttribute('src')).toBe(voucher().qr);
    expect(within(qr).getByRole('timer').textContent).toMatch(/^剩余 2天 03:04:\d\d$/);
    expect(within(qr).getByText('空调')).toBeTruthy();

    const posts = calls.filter((c) => c.method === 'POST' && c.path === '/api/vouchers');
    expect(posts.map((c) => c.body)).toEqual([
      { programCode: 'appliance-2026', category: 'air_conditioner' },
    ]);
    expect(headersOf('/api/vouchers').find((h) => h['Idempotency-Key'])?.['Idempotency-Key']).toMatch(
      /^[0-9a-f-]{36}$/,
    );
    fireEvent.click(
      within(document.body)
        .getAllByRole('button', { name: /关\s?闭/ })
        .at(-1)!,
    );
    const card = await screen.findByTestId('voucher-card');
    expect(card.textContent).toContain('可使用');
    expect(card.textContent).toContain('最高补贴 ¥1,500.00');
  });

  it('a retry after a lost answer sends the same key; a refusal starts a new one', async () => {
    let attempt = 0;
    mockApi({
      'GET /api/auth/me': resident,
      'GET /api/vouchers/offers': jsonResponse([offer]),
      'GET /api/vouchers': jsonResponse([]),
      'POST /api/vouchers': () => {
        attempt += 1;
        if (attempt === 1) throw new TypeError('network down');
        return apiError(409, 'BUDGET_EXHAUSTED');
      },
    });
    renderWithApp(routes, { path: '/vouchers' });
    await choose(/商品品类/, 'refrigerator');
    fireEvent.click(await screen.findByRole('button', { name: '领取资格券' }));
    await waitFor(() => expect(attempt).toBe(1));
    await waitFor(() =>
      expect(screen.getByRole('button', { name: '领取资格券' }).hasAttribute('disabled')).toBe(false),
    );
    fireEvent.click(screen.getByRole('button', { name: '领取资格券' }));
    await screen.findByText(/预算|额满|用完/);
    await waitFor(() =>
      expect(screen.getByRole('button', { name: '领取资格券' }).hasAttribute('disabled')).toBe(false),
    );
    fireEvent.click(screen.getByRole('button', { name: '领取资格券' }));
    await waitFor(() => expect(attempt).toBe(3));
    const keys = headersOf('/api/vouchers')
      .map((h) => h['Idempotency-Key'])
      .filter(Boolean);
    expect(keys).toHaveLength(3);
    expect(keys[1]).toBe(keys[0]);
    expect(keys[2]).not.toBe(keys[1]);
  });

  it('QUOTA_EXCEEDED is shown under the category; nothing chosen is REQUIRED under each field', async () => {
    mockApi({
      'GET /api/auth/me': resident,
      'GET /api/vouchers/offers': jsonResponse([offer, lotteryOffer]),
      'GET /api/vouchers': jsonResponse([]),
      // The lottery offer's panel (features/lottery): no round open yet, no entries.
      'GET /api/programs/digital-2026/lottery': apiError(404, 'NOT_FOUND'),
      'GET /api/me/lottery-entries': jsonResponse([]),
      'POST /api/vouchers': apiError(409, 'QUOTA_EXCEEDED', { quota: 1, used: 1 }),
    });
    renderWithApp(routes, { path: '/vouchers' });
    fireEvent.click(await screen.findByRole('button', { name: '领取资格券' }));
    await waitFor(() => expect(screen.getAllByRole('alert')).toHaveLength(2));
    await choose(/补贴项目/, 'appliance-2026');
    await choose(/商品品类/, 'refrigerator');
    fireEvent.click(screen.getByRole('button', { name: '领取资格券' }));
    const category = (await screen.findByLabelText(/商品品类/)).closest('[data-field]')!;
    await waitFor(() => expect(category.textContent).toContain('补贴资格已达上限'));
    expect(category.getAttribute('data-field')).toBe('category');
  });

  it('a lottery program cannot be taken here: the form says to register and the button is off', async () => {
    mockApi({
      'GET /api/auth/me': resident,
      'GET /api/vouchers/offers': jsonResponse([offer, lotteryOffer]),
      'GET /api/vouchers': jsonResponse([]),
    });
    renderWithApp(routes, { path: '/vouchers' });
    await choose(/补贴项目/, 'digital-2026');
    expect(await screen.findByText('该项目以摇号方式分配资格，请在本轮报名。')).toBeTruthy();
    expect(screen.getByRole('button', { name: '领取资格券' }).hasAttribute('disabled')).toBe(true);
  });

  it('cancels after a confirmation and shows the voucher cancelled; ended vouchers offer no QR', async () => {
    let cancelled = false;
    const calls = mockApi({
      'GET /api/auth/me': resident,
      'GET /api/vouchers/offers': jsonResponse([offer]),
      'GET /api/vouchers': () =>
        jsonResponse([
          voucher(cancelled ? { status: 'cancelled', qr: null } : {}),
          voucher({
            id: 'b2c3d4e5-f6a7-4b8c-9d0e-1f2a3b4c5d6e',
            status: 'expired',
            qr: null,
            category: 'refrigerator',
          }),
        ]),
      [`POST /api/vouchers/${ID}/cancel`]: () => {
        cancelled = true;
        return jsonResponse(voucher({ status: 'cancelled', qr: null }));
      },
    });
    renderWithApp(routes, { path: '/vouchers' });
    const cards = await screen.findAllByTestId('voucher-card');
    expect(cards).toHaveLength(2);
    expect(within(cards[1]!).queryByRole('button')).toBeNull();
    expect(cards[1]!.textContent).toContain('已过期');
    fireEvent.click(within(cards[0]!).getByRole('button', { name: '取消此券' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: '取消资格券' }));
    expect(await screen.findByText('资格券已取消，额度已释放。')).toBeTruthy();
    await waitFor(() =>
      expect(screen.getAllByTestId('voucher-card')[0]!.getAttribute('data-status')).toBe('cancelled'),
    );
    expect(calls.filter((c) => c.path === `/api/vouchers/${ID}/cancel`)).toHaveLength(1);
  });

  it('the day before expiry the card says so in words, not only in colour; two days before it does not', async () => {
    mockApi({
      'GET /api/auth/me': resident,
      'GET /api/vouchers/offers': jsonResponse([offer]),
      'GET /api/vouchers': jsonResponse([
        voucher({ expiresAt: new Date(Date.now() + 5 * 3600_000).toISOString() }),
        voucher({ id: 'b2c3d4e5-f6a7-4b8c-9d0e-1f2a3b4c5d6e', category: 'refrigerator' }),
      ]),
    });
    renderWithApp(routes, { path: '/vouchers' });
    const cards = await screen.findAllByTestId('voucher-card');
    expect(within(cards[0]!).getByTestId('voucher-soon').textContent).toBe(
      '即将到期：不足一天，请尽快到参与门店使用；过期后额度将自动释放。',
    );
    expect(within(cards[0]!).getByRole('timer').textContent).toMatch(/^剩余 0[45]:\d\d:\d\d$/);
    expect(within(cards[1]!).queryByTestId('voucher-soon')).toBeNull();
  });

  it('in English too', async () => {
    mockApi({
      'GET /api/auth/me': resident,
      'GET /api/vouchers/offers': jsonResponse([offer]),
      'GET /api/vouchers': jsonResponse([voucher()]),
    });
    renderWithApp(routes, { path: '/vouchers', language: 'en' });
    const card = await screen.findByTestId('voucher-card');
    await waitFor(() => expect(card.textContent).toContain('Air conditioner'));
    expect(card.textContent).toContain('Valid');
    expect(within(card).getByRole('timer').textContent).toMatch(/^2d 03:0\d:\d\d left$/);
  });
});
