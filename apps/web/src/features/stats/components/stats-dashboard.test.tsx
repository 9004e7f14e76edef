import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, within } from '@testing-library/react';
import type { PublicStats } from '@huanxin/shared';
import { routes } from '@/app/router';
import { apiError, mockApi } from '@/test/api-mock';
import { jsonResponse, renderWithApp } from '@/test/render';

// jsdom has no layout: the chart library is replaced, the component's own work (init, option, dispose) is kept.
const charts: { element: HTMLElement; options: unknown[] }[] = [];
vi.mock('echarts/core', () => ({
  use: () => undefined,
  init: (element: HTMLElement) => {
    const chart = { element, options: [] as unknown[] };
    charts.push(chart);
    return {
      setOption: (option: unknown) => chart.options.push(option),
      resize: () => undefined,
      dispose: () => undefined,
    };
  },
}));

const program = (code: string, over: Partial<PublicStats['programs'][number]> = {}) =>
  ({
    code,
    title: { zh: `项目${code}`, en: `Program ${code}` },
    kind: 'goods',
    budget: {
      totalFen: 100_000_000,
      reservedFen: 20_000_000,
      committedFen: 10_000_000,
      paidFen: 5_000_000,
      remainingFen: 65_000_000,
    },
    claims: {
      submitted: '<5',
      checking: '<5',
      in_review: 12,
      returned: '<5',
      approved: 30,
      paid: 7,
      rejected: '<5',
      withdrawn: '<5',
      expired: '<5',
    },
    paidFen: 5_000_000,
    grossSalesFen: 240_000_000,
    medianDays: { submitToDecision: 3.5, approvalToPayment: null },
    slaHitRate: 0.925,
    tranches: [
      {
        amountFen: 50_000_000,
        source: 'province',
        effectiveOn: '2026-07-01',
        documentNo: '鲁财预〔2026〕12号',
        inEffect: false,
      },
    ],
    units: {
      byCategory: [
        { category: 'refrigerator', units: 20 },
        { category: 'television', units: '<5' },
      ],
      byGrade: [{ grade: '1', units: 22 }],
      nevShare: null,
    },
    pause: null,
    ...over,
  }) as PublicStats['programs'][number];

const STATS: PublicStats = {
  asOf: '2026-06-20T02:30:00.000Z',
  programs: [
    program('appliance-2026'),
    program('car-scrap-2026', {
      kind: 'car_scrap',
      units: {
        byCategory: [
          { category: 'nev', units: 9 },
          { category: 'fuel', units: 6 },
        ],
        byGrade: [],
        nevShare: 0.6,
      },
      pause: {
        pausesAt: '2026-06-30T16:00:00.000Z',
        graceDays: 30,
        graceUntil: '2026-07-30T16:00:00.000Z',
        notice: { zh: '资金即将用完，7月1日起暂停受理。', en: 'Funds run out: no new claims from 1 July.' },
        announcedAt: '2026-06-20T01:00:00.000Z',
      },
    }),
  ],
  weekly: [
    { week: '2026-06-08', submitted: '<5', approved: '<5', paidFen: 0 },
    { week: '2026-06-15', submitted: 42, approved: 17, paidFen: 1_200_000 },
  ],
  topReturnReasons: [{ code: 'DOCUMENT_ILLEGIBLE', count: 8 }],
};

afterEach(() => {
  vi.unstubAllGlobals();
  charts.length = 0;
});

describe('/stats (public dashboard)', () => {
  it('shows the as-of time, downloads, charts with table alternatives, small counts as "<5" and the pause notice (zh-CN)', async () => {
    const calls = mockApi({ 'GET /api/stats': jsonResponse(STATS) });
    renderWithApp(routes, { path: '/stats' });
    expect(await screen.findByRole('heading', { level: 1, name: '补贴数据公开' })).toBeTruthy();
    await screen.findByRole('heading', { level: 2, name: '各项目资金使用情况' });
    expect(calls.some((c) => c.path === '/api/stats')).toBe(true);
    // As of, in Beijing time.
    const time = document.querySelector('time')!;
    expect(time.getAttribute('datetime')).toBe(STATS.asOf);
    expect(time.textContent).toBe('2026/06/20 10:30');
    // Downloads.
    expect(screen.getByRole('link', { name: /下载 CSV/ }).getAttribute('href')).toBe(
      '/api/stats/export?format=csv',
    );
    expect(screen.getByRole('link', { name: /下载 Excel/ }).getAttribute('href')).toBe(
      '/api/stats/export?format=xlsx',
    );
    // Two charts, each a labelled image, each fed its figures.
    const images = screen.getAllByRole('img').filter((i) => i.classList.contains('hx-echart'));
    expect(images.map((i) => i.getAttribute('aria-label'))).toEqual([
      '各项目补贴资金：已发放、已审定、已预留和剩余额度（万元），合计剩余 ¥1,300,000.00',
      '最近 2 周每周新提交、审核通过的申请数和发放金额',
    ]);
    expect(charts).toHaveLength(2);
    const budgetOption = charts[0]!.options.at(-1) as {
      series: { name: string; data: number[] }[];
      aria: unknown;
    };
    expect(budgetOption.series.map((s) => s.name)).toEqual(['已发放', '已审定待发放', '已预留', '剩余额度']);
    expect(budgetOption.series[3]!.data).toEqual([65, 65]); // 万元
    expect(budgetOption.aria).toMatchObject({ enabled: true });
    const weeklyOption = charts[1]!.options.at(-1) as { series: { data: (number | null)[] }[] };
    expect(weeklyOption.series[0]!.data).toEqual([null, 42]); // "<5" is a gap, not a number
    // The table alternative: there for screen readers, shown on request.
    const budgetTable = screen.getByTestId('budget-table');
    expect(budgetTable.className).toBe('hx-visually-hidden');
    expect(within(budgetTable).getByRole('table', { name: '各项目资金使用情况' })).toBeTruthy();
    expect(within(budgetTable).getAllByText('¥650,000.00')).toHaveLength(2);
    const toggle = screen.getAllByRole('button', { name: '显示数据表' })[0]!;
    fireEvent.click(toggle);
    expect(budgetTable.className).toBe('hx-stats__table');
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const weeklyTable = within(screen.getByTestId('weekly-table')).getByRole('table');
    expect(within(weeklyTable).getAllByText('<5')).toHaveLength(2);
    // Per program: counts below 5 as "<5", medians, the labelled gross sales, tranches, NEV share.
    const appliance = document.querySelector('[data-program="appliance-2026"]') as HTMLElement;
    expect(within(appliance).getByText('<5', { selector: '[data-status="submitted"]' })).toBeTruthy();
    expect(appliance.querySelector('[data-status="approved"]')!.textContent).toBe('30');
    expect(within(appliance).getByText('3.5 天')).toBeTruthy();
    expect(within(appliance).getByText('样本不足 5 件')).toBeTruthy();
    expect(within(appliance).getByText('92.5%')).toBeTruthy();
    expect(within(appliance).getByText(/受补贴商品销售额.*不等于新增消费/)).toBeTruthy();
    expect(within(appliance).getByText('¥2,400,000.00')).toBeTruthy();
    expect(within(appliance).getByText(/鲁财预〔2026〕12号/)).toBeTruthy();
    expect(within(appliance).getByText(/2026-07-01 起生效.*尚未生效/)).toBeTruthy();
    expect(within(appliance).getByText('冰箱')).toBeTruthy();
    const car = document.querySelector('[data-program="car-scrap-2026"]') as HTMLElement;
    expect(within(car).getByText('60%')).toBeTruthy();
    expect(within(car).getByTestId('program-pause').textContent).toBe('自 2026/07/01 00:00 起暂停受理新申请');
    // The pause notice with its grace rule, and the reasons by their published titles.
    const pauses = screen.getByRole('region', { name: '暂停公告' });
    expect(within(pauses).getByText('资金即将用完，7月1日起暂停受理。')).toBeTruthy();
    expect(within(pauses).getByText(/30 天内（2026\/07\/31 00:00 前）/)).toBeTruthy();
    expect(screen.getByText('材料不清晰，请重新上传')).toBeTruthy();
  });

  it('in English', async () => {
    mockApi({ 'GET /api/stats': jsonResponse(STATS) });
    renderWithApp(routes, { path: '/stats', language: 'en' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Public statistics' })).toBeTruthy();
    await screen.findByRole('heading', { level: 2, name: 'Budget by program' });
    expect(screen.getByText('Funds run out: no new claims from 1 July.')).toBeTruthy();
    expect(screen.getAllByText('Program car-scrap-2026').length).toBeGreaterThan(0);
    expect(screen.getByRole('link', { name: /Download CSV/ })).toBeTruthy();
  });

  it('shows the translated error with a retry', async () => {
    mockApi({ 'GET /api/stats': apiError(503, 'SERVICE_UNAVAILABLE') });
    renderWithApp(routes, { path: '/stats' });
    expect(await screen.findByRole('button', { name: '重试' })).toBeTruthy();
  });
});
