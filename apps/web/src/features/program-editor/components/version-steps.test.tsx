import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { apiError, mockApi } from '@/test/api-mock';
import { jsonResponse, renderWithApp } from '@/test/render';
import type { VersionSummary, WhatIfResult } from '../api/versions';
import { PublishStep } from './publish-step';
import { WhatIfReport, byStatus } from './what-if-report';

afterEach(() => vi.unstubAllGlobals());

const BASE = '/api/admin/programs/car-replace-2026/versions/3';

const report: WhatIfResult = {
  evaluated: 40,
  changed: [
    {
      applicationCode: 'HX-2026-000101',
      status: 'in_review',
      before: { eligible: true, amountFen: 1_500_000 },
      after: { eligible: true, amountFen: 2_000_000 },
    },
    {
      applicationCode: 'HX-2026-000102',
      status: 'in_review',
      before: { eligible: true, amountFen: 1_200_000 },
      after: { eligible: true, amountFen: 1_600_000 },
    },
    {
      applicationCode: 'HX-2026-000103',
      status: 'paid',
      before: { eligible: true, amountFen: 1_500_000 },
      after: { eligible: false, amountFen: 0 },
    },
  ],
  deltaFen: 900_000,
};

describe('byStatus', () => {
  it('counts the changed claims and sums their difference per status', () => {
    expect(byStatus(report.changed)).toEqual([
      { status: 'in_review', count: 2, deltaFen: 900_000 },
      { status: 'paid', count: 1, deltaFen: -1_500_000 },
    ]);
  });
});

describe('the what-if report', () => {
  it('runs at once for a small program: totals, by status and a table of changed claims', async () => {
    const calls = mockApi({ [`POST ${BASE}/what-if`]: jsonResponse(report) });
    const onResult = vi.fn();
    renderWithApp(<WhatIfReport code="car-replace-2026" version={3} onResult={onResult} />);
    fireEvent.click(screen.getByTestId('what-if-run'));
    const shown = await screen.findByTestId('what-if-report');
    expect(within(shown).getByTestId('what-if-delta').textContent).toBe('¥9,000.00');
    expect(shown.textContent).toContain('评估申请数40有变化的申请3成本差额¥9,000.00');
    const byStatusList = within(shown).getByRole('list', { name: '按状态' });
    expect(byStatusList.textContent).toBe('审核中2 件，差额 ¥9,000.00已发放1 件，差额 -¥15,000.00');
    const rows = within(within(shown).getByTestId('what-if-table')).getAllByRole('row');
    expect(rows.slice(1).map((r) => [...r.querySelectorAll('td')].map((c) => c.textContent))).toEqual([
      ['HX-2026-000101', '审核中', '符合 · ¥15,000.00', '符合 · ¥20,000.00', '¥5,000.00'],
      ['HX-2026-000102', '审核中', '符合 · ¥12,000.00', '符合 · ¥16,000.00', '¥4,000.00'],
      ['HX-2026-000103', '已发放', '符合 · ¥15,000.00', '不符合 · ¥0.00', '-¥15,000.00'],
    ]);
    expect(onResult).toHaveBeenCalledWith(report);
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(1);
  });

  it('for a large program follows the job: progress, then the report', async () => {
    let polls = 0;
    mockApi({
      [`POST ${BASE}/what-if`]: jsonResponse({ jobId: 'job-9' }, 202),
      [`GET ${BASE}/what-if/job-9`]: () => {
        polls++;
        return polls === 1
          ? jsonResponse({ state: 'active', progress: { done: 1_200, total: 4_800 } })
          : jsonResponse({ state: 'completed', progress: { done: 4_800, total: 4_800 }, result: report });
      },
    });
    const onResult = vi.fn();
    renderWithApp(<WhatIfReport code="car-replace-2026" version={3} onResult={onResult} />);
    fireEvent.click(screen.getByTestId('what-if-run'));
    const progress = await screen.findByTestId('what-if-progress');
    await waitFor(() => expect(progress.textContent).toContain('已评估 1200 / 4800 件申请'));
    expect(within(progress).getByRole('progressbar').getAttribute('aria-valuenow')).toBe('25');
    expect((screen.getByTestId('what-if-run') as HTMLButtonElement).disabled).toBe(true);
    await screen.findByTestId('what-if-report', {}, { timeout: 5000 });
    expect(screen.queryByTestId('what-if-progress')).toBeNull();
    expect(onResult).toHaveBeenCalledWith(report);
    expect(polls).toBe(2);
  });

  it('says so when the job fails, and when the draft is published already', async () => {
    mockApi({ [`POST ${BASE}/what-if`]: apiError(409, 'VERSION_PUBLISHED') });
    renderWithApp(<WhatIfReport code="car-replace-2026" version={3} />);
    fireEvent.click(screen.getByTestId('what-if-run'));
    expect((await screen.findByRole('alert')).textContent).toContain('该版本已发布，影响测算仅适用于草稿。');
    expect(screen.queryByTestId('what-if-report')).toBeNull();
  });
});

const draft: VersionSummary = {
  version: 3,
  status: 'draft',
  effectiveOn: '2026-08-01',
  documentNo: '济商务字〔2026〕15号',
  note: '新能源车补贴上限调整',
  createdBy: 'admin1',
  publishedBy: null,
};

function openPublish(answer: Response, whatIf: WhatIfResult | null = report) {
  const calls = mockApi({ [`POST ${BASE}/publish`]: answer });
  renderWithApp(<PublishStep code="car-replace-2026" draft={draft} whatIf={whatIf} />);
  return calls;
}

describe('the publish step', () => {
  it('shows what the draft carries, and the retroactive budget effect from the what-if', async () => {
    openPublish(jsonResponse({}));
    expect(screen.getByText('济商务字〔2026〕15号')).toBeTruthy();
    expect(screen.getByText('2026-08-01')).toBeTruthy();
    expect(screen.getByTestId('publish-effect').textContent).toBe(
      '不追溯：已提交的申请保持原金额，预算不变。',
    );
    fireEvent.click(screen.getByRole('checkbox', { name: /追溯适用/ }));
    expect(screen.getByTestId('publish-effect').textContent).toBe(
      '追溯将从预算中多预留 ¥9,000.00（3 件申请有变化，按最近一次试算）。',
    );
  });

  it('without a what-if, asks for one before a retroactive publish', () => {
    openPublish(jsonResponse({}), null);
    fireEvent.click(screen.getByRole('checkbox', { name: /追溯适用/ }));
    expect(screen.getByTestId('publish-effect').textContent).toContain('请先试算');
  });

  it('publishes with the retroactive choice', async () => {
    const calls = openPublish(jsonResponse({ version: 3, status: 'published' }));
    fireEvent.click(screen.getByRole('checkbox', { name: /追溯适用/ }));
    fireEvent.click(screen.getByTestId('publish-submit'));
    expect((await screen.findByTestId('publish-done')).textContent).toBe('第 3 版已发布。');
    expect(calls.find((c) => c.method === 'POST')).toEqual({
      method: 'POST',
      path: `${BASE}/publish`,
      body: { retroactive: true },
    });
  });

  it.each<[string, Response, string]>([
    [
      'SELF_PUBLISH',
      apiError(403, 'SELF_PUBLISH'),
      '须由另一位管理员发布您是本草稿的起草人。按双人复核要求，请另一位管理员登录后发布。',
    ],
    [
      'STALE_DRAFT',
      apiError(409, 'STALE_DRAFT', { latestVersion: 4, basedOnVersion: 2 }),
      '草稿已过期本草稿创建后已有其他版本发布。请基于当前版本重新起草。',
    ],
    ['ALREADY_PUBLISHED', apiError(409, 'ALREADY_PUBLISHED'), '该版本已发布。'],
    [
      'BUDGET_SHORTFALL with its amount',
      apiError(409, 'BUDGET_SHORTFALL', { shortfallFen: 12_345_600, details: { shortfallFen: 12_345_600 } }),
      '预算不足，未发布追溯调整还差 ¥123,456.00，没有做任何更改。请先追加资金批次或不追溯发布。',
    ],
    [
      'BUDGET_SHORTFALL without one',
      apiError(409, 'BUDGET_SHORTFALL'),
      '预算不足，未发布预算不足以支付追溯调整，没有做任何更改。',
    ],
    [
      'a retroactive version not in effect yet',
      apiError(422, 'VALIDATION_FAILED', { fields: { retroactive: 'OUT_OF_RANGE' } }),
      '生效日期尚未到，不能追溯适用。',
    ],
  ])('%s is said in words', async (_name, answer, text) => {
    openPublish(answer);
    fireEvent.click(screen.getByTestId('publish-submit'));
    expect((await screen.findByTestId('publish-error')).textContent).toBe(text);
    expect(screen.queryByTestId('publish-done')).toBeNull();
  });

  it('in English too', async () => {
    mockApi({ [`POST ${BASE}/publish`]: apiError(403, 'SELF_PUBLISH') });
    renderWithApp(<PublishStep code="car-replace-2026" draft={draft} whatIf={null} />, { language: 'en' });
    fireEvent.click(screen.getByTestId('publish-submit'));
    expect((await screen.findByTestId('publish-error')).textContent).toContain(
      'A second administrator must publish',
    );
  });
});
