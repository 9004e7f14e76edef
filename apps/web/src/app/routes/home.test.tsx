import { describe, expect, it, vi } from 'vitest';
import { fireEvent, screen } from '@testing-library/react';
import { jsonResponse, renderWithApp } from '@/test/render';
import { HomePage } from './home';

const healthy = { status: 'ok', checks: { database: 'up', redis: 'up', queue: 'up' } };

describe('home page', () => {
  it('shows the hero in Chinese and a loading state, then the system status', async () => {
    let resolve: (r: Response) => void = () => undefined;
    const fetchMock = vi.fn<typeof fetch>().mockImplementation(() => new Promise<Response>((r) => (resolve = r)));
    vi.stubGlobal('fetch', fetchMock);

    renderWithApp(<HomePage />);
    expect(screen.getByRole('heading', { level: 1, name: '以旧换新，补贴到家' })).toBeTruthy();
    expect(screen.getByText('补贴资金有限，先到先得，额满即止')).toBeTruthy();
    expect(screen.getByRole('link', { name: /查看补贴项目/ }).getAttribute('href')).toBe('/programs');
    expect(screen.getByRole('status').textContent).toContain('正在加载');
    expect(fetchMock).toHaveBeenCalledWith('/api/health', expect.objectContaining({ credentials: 'same-origin' }));

    resolve(jsonResponse(healthy));
    await screen.findByText('系统运行正常');
    expect(screen.getByTestId('system-status').getAttribute('data-status')).toBe('ok');
    expect(screen.getByText('数据库')).toBeTruthy();
    expect(screen.getAllByText('正常')).toHaveLength(3);
    vi.unstubAllGlobals();
  });

  it('shows a degraded status from a 503 that carries the health body', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn<typeof fetch>().mockResolvedValue(jsonResponse({ status: 'error', checks: { database: 'up', redis: 'down', queue: 'down' } }, 503)),
    );
    renderWithApp(<HomePage />);
    await screen.findByText('部分服务暂不可用，申请提交可能受影响');
    expect(screen.getAllByText('异常')).toHaveLength(2);
    vi.unstubAllGlobals();
  });

  it('shows a translated error with retry, and recovers when retry succeeds', async () => {
    const fetchMock = vi
      .fn<typeof fetch>()
      .mockResolvedValueOnce(jsonResponse({ error: { code: 'INTERNAL_ERROR', message: 'Internal server error' } }, 500))
      .mockResolvedValueOnce(jsonResponse(healthy));
    vi.stubGlobal('fetch', fetchMock);

    renderWithApp(<HomePage />);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('暂时无法连接服务器');
    expect(alert.textContent).toContain('服务器暂时出现问题，请稍后重试。');
    expect(alert.textContent).not.toContain('Internal server error');

    fireEvent.click(screen.getByRole('button', { name: /重试/ }));
    await screen.findByText('系统运行正常');
    expect(fetchMock).toHaveBeenCalledTimes(2);
    vi.unstubAllGlobals();
  });

  it('falls back to the generic message for an unknown error code, in English', async () => {
    vi.stubGlobal('fetch', vi.fn<typeof fetch>().mockResolvedValue(jsonResponse({ error: { code: 'SOMETHING_NEW', message: 'x' } }, 418)));
    renderWithApp(<HomePage />, { language: 'en' });
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Trade in the old, get a subsidy for the new');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Something went wrong. Please try again later.');
    vi.unstubAllGlobals();
  });
});
