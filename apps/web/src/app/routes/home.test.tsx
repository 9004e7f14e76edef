import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, within } from '@testing-library/react';
import { jsonResponse, renderWithApp } from '@/test/render';
import { HomePage } from './home';

const healthy = { status: 'ok', checks: { database: 'up', redis: 'up', queue: 'up' } };
const programs = [
  {
    code: 'car-scrap-2026',
    title: { zh: '汽车报废更新（2026年）', en: 'Car scrapping and renewal (2026)' },
    kind: 'car_scrap',
    status: 'open',
    opensOn: '2026-01-01',
    closesOn: '2026-12-31',
    budget: { totalFen: 100_000_000, reservedFen: 0, committedFen: 0, paidFen: 0, remainingFen: 100_000_000 },
  },
  {
    code: 'car-scrap-2025',
    title: { zh: '汽车报废更新（2025年）', en: 'Car scrapping and renewal (2025)' },
    kind: 'car_scrap',
    status: 'closed',
    opensOn: '2025-01-01',
    closesOn: '2025-12-31',
    budget: { totalFen: 100_000_000, reservedFen: 0, committedFen: 0, paidFen: 0, remainingFen: 100_000_000 },
  },
];

/** fetch mock that answers /api/health with `health` (one answer per call, last one repeats) and /api/programs. */
function mockApi(...health: Array<Response | (() => Promise<Response>)>) {
  let call = 0;
  const fetchMock = vi.fn<typeof fetch>().mockImplementation((input) => {
    const url = String(input);
    if (url === '/api/programs') return Promise.resolve(jsonResponse(programs));
    const next = health[Math.min(call++, health.length - 1)];
    if (!next) throw new Error('no health answer');
    return typeof next === 'function' ? next() : Promise.resolve(next.clone());
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

afterEach(() => vi.unstubAllGlobals());

describe('home page', () => {
  it('shows the hero in Chinese and a loading state, then the system status and the open programs', async () => {
    let resolve: (r: Response) => void = () => undefined;
    const fetchMock = mockApi(() => new Promise<Response>((r) => (resolve = r)));

    renderWithApp(<HomePage />);
    expect(screen.getByRole('heading', { level: 1, name: '以旧换新，补贴到家' })).toBeTruthy();
    expect(screen.getByText('补贴资金有限，先到先得，额满即止')).toBeTruthy();
    expect(screen.getByRole('link', { name: /查看补贴项目/ }).getAttribute('href')).toBe('/programs');
    const statusCard = screen.getByTestId('status-card');
    expect(within(statusCard).getByRole('status').textContent).toContain('正在加载');
    expect(fetchMock).toHaveBeenCalledWith(
      '/api/health',
      expect.objectContaining({ credentials: 'same-origin' }),
    );

    resolve(jsonResponse(healthy));
    await screen.findByText('系统运行正常');
    expect(screen.getByTestId('system-status').getAttribute('data-status')).toBe('ok');
    expect(screen.getByText('数据库')).toBeTruthy();
    expect(within(statusCard).getAllByText('正常')).toHaveLength(3);

    // Only open programs on the home page.
    await screen.findByRole('link', { name: '汽车报废更新（2026年）' });
    expect(screen.queryByRole('link', { name: '汽车报废更新（2025年）' })).toBeNull();
  });

  it('shows a degraded status from a 503 that carries the health body', async () => {
    mockApi(jsonResponse({ status: 'error', checks: { database: 'up', redis: 'down', queue: 'down' } }, 503));
    renderWithApp(<HomePage />);
    await screen.findByText('部分服务暂不可用，申请提交可能受影响');
    expect(within(screen.getByTestId('status-card')).getAllByText('异常')).toHaveLength(2);
  });

  it('shows a translated error with retry, and recovers when retry succeeds', async () => {
    const fetchMock = mockApi(
      jsonResponse({ error: { code: 'INTERNAL_ERROR', message: 'Internal server error' } }, 500),
      jsonResponse(healthy),
    );

    renderWithApp(<HomePage />);
    const statusCard = screen.getByTestId('status-card');
    const alert = await within(statusCard).findByRole('alert');
    expect(alert.textContent).toContain('暂时无法连接服务器');
    expect(alert.textContent).toContain('服务器暂时出现问题，请稍后重试。');
    expect(alert.textContent).not.toContain('Internal server error');

    fireEvent.click(within(statusCard).getByRole('button', { name: /重试/ }));
    await screen.findByText('系统运行正常');
    expect(fetchMock.mock.calls.filter(([url]) => url === '/api/health')).toHaveLength(2);
  });

  // An unknown code is not trusted (api-client's isErrorBody): the status's generic code is shown instead.
  it('falls back to the status message for an unknown error code, in English', async () => {
    mockApi(jsonResponse({ error: { code: 'SOMETHING_NEW', message: 'x' } }, 418));
    renderWithApp(<HomePage />, { language: 'en' });
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(
      'Trade in the old, get a subsidy for the new',
    );
    const alert = await within(screen.getByTestId('status-card')).findByRole('alert');
    expect(alert.textContent).toContain('The request could not be completed. Please try again later.');
  });
});
