import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen } from '@testing-library/react';
import { routes } from '@/app/router';
import { mockApi } from '@/test/api-mock';
import { jsonResponse, renderWithApp } from '@/test/render';
import { carScrap2026 } from '@/test/fixtures';

afterEach(() => vi.unstubAllGlobals());

const detail = (pause?: unknown) => {
  const def = carScrap2026();
  return {
    code: def.code,
    title: def.title,
    kind: def.kind,
    status: 'open',
    opensOn: def.opensOn,
    closesOn: def.closesOn,
    budget: { totalFen: 100, reservedFen: 0, committedFen: 0, paidFen: 0, remainingFen: 100 },
    ...(pause ? { pause } : {}),
    version: def.version,
    clauses: [],
    documents: def.documents,
    factFields: def.factFields,
    definition: def,
  };
};

describe('program page: the pause notice', () => {
  it('shows the announced pause with its notice and grace rule (zh-CN first)', async () => {
    mockApi({
      'GET /api/programs/car-scrap-2026': jsonResponse(
        detail({
          pausesAt: '2026-06-30T16:00:00.000Z',
          graceDays: 30,
          graceUntil: '2026-07-30T16:00:00.000Z',
          notice: { zh: '资金即将用完，7月1日起暂停受理。', en: 'No new claims from 1 July.' },
          announcedAt: '2026-06-20T01:00:00.000Z',
        }),
      ),
    });
    renderWithApp(routes, { path: '/programs/car-scrap-2026' });
    const notice = await screen.findByTestId('pause-notice');
    expect(notice.textContent).toContain('起暂停受理新申请');
    expect(notice.textContent).toContain('资金即将用完，7月1日起暂停受理。');
    expect(notice.textContent).toContain('30 天内');
  });

  it('shows none when no pause is announced', async () => {
    mockApi({ 'GET /api/programs/car-scrap-2026': jsonResponse(detail()) });
    renderWithApp(routes, { path: '/programs/car-scrap-2026' });
    await screen.findByRole('heading', { level: 1, name: carScrap2026().title.zh });
    expect(screen.queryByTestId('pause-notice')).toBeNull();
  });
});
