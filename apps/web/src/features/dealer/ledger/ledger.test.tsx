import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import type { DealerLedger } from '@huanxin/shared';
import { routes } from '@/app/router';
import { apiError, mockApi, signedInAs } from '@/test/api-mock';
import { dealerMe } from '@/test/fixtures';
import { jsonResponse, renderWithApp } from '@/test/render';

// The chart itself is proved in components/ui/EChart.test; here, what the page gives it.
const charts: { option: unknown; label: string }[] = [];
vi.mock('@/components/ui/EChart', () => ({
  EChart: ({ option, label }: { option: unknown; label: string }) => {
    charts.push({ option, label });
    return <div role="img" aria-label={label} data-testid="ledger-chart" />;
  },
}));

const ledger: DealerLedger = {
  totals: {
    advancedFen: 30_000,
    inReviewFen: 60_000,
    approvedFen: 30_000,
    inBatchFen: 45_000,
    paidFen: 120_000,
    receivableFen: 30_000,
  },
  items: [
    {
      saleId: null,
      applicationCode: 'ZQ-2026-000101',
      state: 'advanced',
      amountFen: 30_000,
      expectedOn: '2026-05-16',
    },
    {
      saleId: null,
      applicationCode: 'ZQ-2026-000102',
      state: 'in_batch',
      amountFen: 45_000,
      expectedOn: '2026-06-10',
    },
    {
      saleId: null,
      applicationCode: 'ZQ-2026-000103',
      state: 'receivable',
      amountFen: 30_000,
      expectedOn: '2026-06-11',
    },
    { saleId: null, applicationCode: 'ZQ-2026-000104', state: 'paid', amountFen: 120_000 },
    { saleId: null, applicationCode: 'ZQ-2026-000105', state: 'released', amountFen: 30_000 },
  ],
};

const dealer = () => signedInAs({ role: 'dealer', displayName: '明水家电行' });

afterEach(() => {
  vi.unstubAllGlobals();
  charts.length = 0;
});

describe('dealer ledger page', () => {
  it('shows the totals as cards, the chart of money by state and each claim with its state and due date', async () => {
    mockApi({
      'GET /api/auth/me': dealer(),
      'GET /api/dealer/me': jsonResponse(dealerMe),
      'GET /api/dealer/ledger': jsonResponse(ledger),
    });
    renderWithApp(routes, { path: '/console/dealer/ledger' });
    expect(await screen.findByTestId('ledger-total-advanced')).toBeTruthy();
    expect(document.title).toMatch(/^结算账本 - /);
    const card = (state: string) => screen.getByTestId(`ledger-total-${state}`).textContent;
    await waitFor(() => expect(card('advanced')).toBe('已垫付¥300.00'));
    expect(card('in_review')).toBe('审核中¥600.00');
    expect(card('in_batch')).toBe('拨付中¥450.00');
    expect(card('paid')).toBe('已到账¥1,200.00');
    expect(card('receivable')).toBe('待退回¥300.00');
    // Waiting to be paid: advanced + in review + approved + in batch.
    expect(screen.getByText(/您垫付的补贴共有 ¥1,650.00 等待拨付/)).toBeTruthy();

    const chart = charts.at(-1)!;
    expect(chart.label).toBe('各状态金额条形图，未结清合计 ¥3,150.00；数字与上方卡片相同');
    const option = chart.option as { yAxis: { data: string[] }; series: { data: { value: number }[] }[] };
    expect(option.yAxis.data).toEqual(['已垫付', '审核中', '已批准', '拨付中', '已到账', '待退回']);
    expect(option.series[0]!.data.map((d) => d.value)).toEqual([300, 600, 300, 450, 1200, 300]);

    // The table's row (a receivable also has its card in "owed back", below).
    const row = (code: string) =>
      screen
        .getAllByText(code)
        .find((cell) => cell.closest('tr'))!
        .closest('tr')!;
    expect(within(row('ZQ-2026-000101')).getByText('已垫付')).toBeTruthy();
    expect(within(row('ZQ-2026-000101')).getByText('审核截止 2026-05-16')).toBeTruthy();
    expect(within(row('ZQ-2026-000102')).getByText('拨付截止 2026-06-10')).toBeTruthy();
    expect(within(row('ZQ-2026-000103')).getByText('退回截止 2026-06-11')).toBeTruthy();
    expect(within(row('ZQ-2026-000104')).getByText('—')).toBeTruthy();
    expect(within(row('ZQ-2026-000105')).getByText('已释放')).toBeTruthy();
    expect(within(row('ZQ-2026-000105')).getByText('¥300.00')).toBeTruthy();
    // What is owed back, on its own: the receivable with its due date.
    const owed = within(screen.getByTestId('ledger-receivables')).getAllByTestId('receivable');
    expect(owed.map((card) => card.textContent)).toEqual([expect.stringContaining('ZQ-2026-000103')]);
    expect(owed[0]!.textContent).toContain('退回截止 2026-06-11');
    // The menu entry is the selected one.
    const menu = screen.getByRole('navigation', { name: '工作台菜单' });
    expect(within(menu).getByRole('link', { name: '结算账本' }).getAttribute('href')).toBe(
      '/console/dealer/ledger',
    );
  });

  it('speaks English too: cards, states, due dates and the chart’s labels', async () => {
    mockApi({
      'GET /api/auth/me': dealer(),
      'GET /api/dealer/me': jsonResponse(dealerMe),
      'GET /api/dealer/ledger': jsonResponse(ledger),
    });
    renderWithApp(routes, { path: '/console/dealer/ledger', language: 'en' });
    await waitFor(() =>
      expect(screen.getByTestId('ledger-total-in_batch').textContent).toBe('In payment batch¥450.00'),
    );
    expect(screen.getByTestId('ledger-total-receivable').textContent).toBe('To pay back¥300.00');
    const row = screen.getByText('ZQ-2026-000102').closest('tr')!;
    expect(within(row).getByText('Payment due 2026-06-10')).toBeTruthy();
    const option = charts.at(-1)!.option as { yAxis: { data: string[] } };
    expect(option.yAxis.data).toEqual([
      'Advanced',
      'In review',
      'Approved',
      'In payment batch',
      'Paid',
      'To pay back',
    ]);
    const menu = screen.getByRole('navigation', { name: 'Console menu' });
    expect(within(menu).getByRole('link', { name: 'Ledger' })).toBeTruthy();
    // …and the dealer pages' own tab row names it too.
    const tabs = screen.getByRole('navigation', { name: 'Dealer console' });
    expect(within(tabs).getByRole('link', { name: 'Ledger' }).getAttribute('href')).toBe(
      '/console/dealer/ledger',
    );
  });

  it('says when there is nothing yet, and shows a failed read with a retry', async () => {
    mockApi({
      'GET /api/auth/me': dealer(),
      'GET /api/dealer/me': jsonResponse(dealerMe),
      'GET /api/dealer/ledger': jsonResponse({
        totals: {
          advancedFen: 0,
          inReviewFen: 0,
          approvedFen: 0,
          inBatchFen: 0,
          paidFen: 0,
          receivableFen: 0,
        },
        items: [],
      }),
    });
    const first = renderWithApp(routes, { path: '/console/dealer/ledger' });
    expect(await screen.findByText('暂无补贴记录')).toBeTruthy();
    first.unmount();
    vi.unstubAllGlobals();
    mockApi({
      'GET /api/auth/me': dealer(),
      'GET /api/dealer/me': jsonResponse(dealerMe),
      'GET /api/dealer/ledger': apiError(503, 'SERVICE_UNAVAILABLE'),
    });
    renderWithApp(routes, { path: '/console/dealer/ledger' });
    expect(await screen.findByRole('alert')).toBeTruthy();
    expect(screen.getByRole('button', { name: /重试/ })).toBeTruthy();
  });
});
