import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { routes } from '@/app/router';
import { mockApi, signedInAs } from '@/test/api-mock';
import { carScrap2026, programDetailOf } from '@/test/fixtures';
import { jsonResponse, renderWithApp } from '@/test/render';
import { normaliseStats } from '../api/stats';

const program = programDetailOf(carScrap2026());
const approver = signedInAs({ role: 'approver', displayName: '复核员一' });

afterEach(() => vi.unstubAllGlobals());

describe('review figures on the console home', () => {
  it('per program: SLA states as a bar with the numbers in words, counts, and the export links', async () => {
    mockApi({
      'GET /api/auth/me': signedInAs({ role: 'reviewer', displayName: '审核员一' }),
      'GET /api/programs': jsonResponse([program]),
      'GET /api/review/stats': jsonResponse([
        {
          programCode: 'car-scrap-2026',
          budget: { totalFen: 100_000_000, reservedFen: 3_000_000, committedFen: 1_500_000, paidFen: 0 },
          byStatus: { in_review: 4, returned: 1, approved: 2 },
          byStage: { review: 3, second_approval: 1 },
          sla: { ok: 2, warning: 1, overdue: 1 },
        },
      ]),
    });
    renderWithApp(routes, { path: '/console' });
    const card = await screen.findByText('汽车报废更新（2026年）', { selector: 'h3' });
    const panel = card.closest('li') as HTMLElement;
    expect(panel.querySelector('[data-sla="overdue"]')?.textContent).toBe('已超时 1');
    expect(panel.querySelector('[data-sla="warning"]')?.textContent).toBe('即将超时 1');
    expect(panel.querySelector('[data-sla="ok"]')?.textContent).toBe('时限内 2');
    expect(panel.querySelectorAll('.hx-slabar__seg')).toHaveLength(3);
    expect(within(panel).getByRole('rowheader', { name: '待复核' }).nextElementSibling?.textContent).toBe(
      '1',
    );
    expect(within(panel).getByText(/已预留 ¥30,000.00/)).toBeTruthy();
    expect(within(panel).getByTestId('export').getAttribute('href')).toBe(
      '/api/review/export?program=car-scrap-2026',
    );
    expect(screen.getByTestId('export-all').getAttribute('href')).toBe('/api/review/export');
  });

  it.each([
    ['a bare list', [{ programCode: 'a', byStatus: { in_review: 1 }, byStage: {}, sla: { ok: 1 } }]],
    [
      'under programs',
      { programs: [{ programCode: 'a', byStatus: { in_review: 1 }, byStage: {}, sla: { ok: 1 } }] },
    ],
  ])('reads the stats body as %s', (_name, body) => {
    expect(normaliseStats(body)).toEqual([
      {
        programCode: 'a',
        budget: null,
        byStatus: { in_review: 1 },
        byStage: {},
        sla: { ok: 1, warning: 0, overdue: 0 },
      },
    ]);
  });
});

describe('sampling', () => {
  it('draws a seeded, risk-weighted sample, lists its claims and records outcomes (a clawback needs a note)', async () => {
    const SAMPLE = '5d0c7b6a-1111-4222-8333-444455556666';
    const A = '00000000-0000-4000-8000-00000000000a';
    const B = '00000000-0000-4000-8000-00000000000b';
    let recorded = false;
    const item = (applicationId: string, code: string, outcome: 'clawback' | null) => ({
      applicationId,
      code,
      status: 'approved',
      amountFen: 1_800_000,
      riskScore: 40,
      outcome,
      note: outcome ? '发票作废' : null,
      decidedAt: null,
      receivableId: null,
    });
    const calls = mockApi({
      'GET /api/auth/me': approver,
      'GET /api/programs': jsonResponse([program]),
      'GET /api/review/samples': jsonResponse([]),
      'POST /api/review/samples': jsonResponse(
        { id: SAMPLE, seed: 'audit-2026-11', items: [{ applicationId: A }, { applicationId: B }] },
        201,
      ),
      [`GET /api/review/samples/${SAMPLE}`]: () =>
        jsonResponse({
          id: SAMPLE,
          programCode: 'car-scrap-2026',
          seed: 'audit-2026-11',
          size: 2,
          riskWeighted: true,
          population: 12,
          createdAt: '2026-12-01T02:00:00.000Z',
          createdBy: { id: 'x', displayName: '复核员一' },
          items: [item(A, 'ZQ-2026-000010', recorded ? 'clawback' : null), item(B, 'ZQ-2026-000011', null)],
        }),
      [`POST /api/review/samples/${SAMPLE}/items/${A}`]: () => {
        recorded = true;
        return jsonResponse({ applicationId: A, outcome: 'clawback', receivableId: 'r1' });
      },
    });
    renderWithApp(routes, { path: '/console/sampling' });
    expect(await screen.findByRole('heading', { level: 1, name: '抽样复查' })).toBeTruthy();
    expect(await screen.findByText('尚未抽取样本。')).toBeTruthy();
    fireEvent.change(await screen.findByLabelText('随机种子（可选）'), {
      target: { value: 'audit-2026-11' },
    });
    fireEvent.click(screen.getByRole('button', { name: /抽\s?取/ }));
    const sample = await screen.findByTestId('sample');
    expect(calls.find((c) => c.path === '/api/review/samples' && c.method === 'POST')?.body).toEqual({
      programCode: 'car-scrap-2026',
      size: 10,
      riskWeighted: true,
      seed: 'audit-2026-11',
    });
    expect(sample.textContent).toContain('随机种子：audit-2026-11');
    expect(sample.textContent).toContain('从 12 件已批准申请中抽取');
    const first = sample.querySelector<HTMLElement>(`[data-application="${A}"]`) as HTMLElement;
    expect(first.textContent).toContain('ZQ-2026-000010');
    fireEvent.click(within(first).getByLabelText('追回补贴'));
    fireEvent.click(within(first).getByRole('button', { name: /记\s?录/ }));
    expect(within(first).getByRole('alert').textContent).toBe('追回补贴时请填写说明');
    expect(calls.some((c) => c.path.includes('/items/'))).toBe(false);
    fireEvent.change(within(first).getByLabelText('说明'), { target: { value: '发票作废' } });
    fireEvent.click(within(first).getByRole('button', { name: /记\s?录/ }));
    await waitFor(() =>
      expect(calls.find((c) => c.path.includes('/items/'))?.body).toEqual({
        outcome: 'clawback',
        note: '发票作废',
      }),
    );
    // The recorded outcome replaces the form (the sample is read again).
    await waitFor(() =>
      expect(sample.querySelector(`[data-application="${A}"] [data-outcome="clawback"]`)?.textContent).toBe(
        '追回补贴 · 发票作废',
      ),
    );
    expect(sample.querySelector(`[data-application="${B}"] input`)).not.toBeNull();
  });
});
