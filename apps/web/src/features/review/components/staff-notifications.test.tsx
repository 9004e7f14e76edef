import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { StaffNotification } from '@huanxin/shared';
import { routes } from '@/app/router';
import { mockApi, signedInAs } from '@/test/api-mock';
import { jsonResponse, renderWithApp } from '@/test/render';

const approver = signedInAs({ role: 'approver', displayName: '复核员一' });

const digest = (id: string, read: boolean, date: string): StaffNotification => ({
  id,
  kind: 'review_sla_digest',
  params: {
    date,
    warning: 1,
    overdue: 2,
    cases: [
      {
        code: 'ZQ-2026-000101',
        programCode: 'car-scrap-2026',
        slaState: 'overdue',
        dueAt: '2026-11-30T02:00:00.000Z',
      },
      {
        code: 'ZQ-2026-000102',
        programCode: 'car-scrap-2026',
        slaState: 'warning',
        dueAt: '2026-12-02T02:00:00.000Z',
      },
    ],
  },
  text: `【章丘换新】审核时限提醒（${date}）：已超期 2 件，即将到期 1 件。请登录审核台处理。`,
  createdAt: `${date}T00:30:00.000Z`,
  read,
});

const notices = [
  digest('5b7c1d2e-3f40-4a5b-8c6d-7e8f9a0b1c21', false, '2026-12-01'),
  digest('5b7c1d2e-3f40-4a5b-8c6d-7e8f9a0b1c22', true, '2026-11-30'),
];

afterEach(() => vi.unstubAllGlobals());

describe('staff notifications in the console header', () => {
  it('shows the unread count, lists the digests, and opening one marks it read and goes to the queue', async () => {
    const calls = mockApi({
      'GET /api/auth/me': approver,
      'GET /api/review/notifications': jsonResponse(notices),
      [`POST /api/review/notifications/${notices[0]!.id}/read`]: new Response(null, { status: 204 }),
      'GET /api/review/queue': jsonResponse({ items: [], total: 0 }),
    });
    const app = renderWithApp(routes, { path: '/console/approvals' });
    const bell = await screen.findByRole('button', { name: '工作提醒，1 条未读' });
    fireEvent.click(bell);
    const list = await screen.findByTestId('staff-notification-list');
    const items = within(list).getAllByRole('listitem');
    expect(items).toHaveLength(2);
    expect(items[0]!.getAttribute('data-read')).toBe('false');
    expect(within(items[0]!).getByText(notices[0]!.text)).toBeTruthy();
    expect(within(items[0]!).getByText('ZQ-2026-000101')).toBeTruthy();
    expect(within(items[0]!).getByText('已超时')).toBeTruthy();
    expect(within(items[0]!).getByText('新')).toBeTruthy();
    expect(within(items[1]!).queryByText('新')).toBeNull();

    fireEvent.click(within(items[0]!).getByRole('link'));
    await waitFor(() => expect(app.router.state.location.pathname).toBe('/console/review'));
    expect(app.router.state.location.search).toBe('?sort=due');
    await waitFor(() =>
      expect(calls.filter((c) => c.method === 'POST' && c.path.endsWith('/read')).map((c) => c.path)).toEqual(
        [`/api/review/notifications/${notices[0]!.id}/read`],
      ),
    );
    await screen.findByRole('button', { name: '工作提醒' });
  });

  it('in English the digest is told from its figures', async () => {
    mockApi({ 'GET /api/auth/me': approver, 'GET /api/review/notifications': jsonResponse(notices) });
    renderWithApp(routes, { path: '/console', language: 'en' });
    fireEvent.click(await screen.findByRole('button', { name: 'Notices, 1 unread' }));
    const list = await screen.findByTestId('staff-notification-list');
    expect(within(list).getByText('Review deadlines (2026-12-01): 2 overdue, 1 due soon.')).toBeTruthy();
  });

  it('says when there is nothing', async () => {
    mockApi({
      'GET /api/auth/me': signedInAs({ role: 'reviewer', displayName: '审核员一' }),
      'GET /api/review/notifications': jsonResponse([]),
    });
    renderWithApp(routes, { path: '/console' });
    fireEvent.click(await screen.findByRole('button', { name: '工作提醒' }));
    expect(await screen.findByText('暂无提醒')).toBeTruthy();
  });

  it('is not there for roles without the review', async () => {
    const calls = mockApi({ 'GET /api/auth/me': signedInAs({ role: 'finance', displayName: '财务一' }) });
    renderWithApp(routes, { path: '/console' });
    await screen.findByRole('navigation', { name: '工作台菜单' });
    expect(screen.queryByTestId('staff-notification-bell')).toBeNull();
    expect(calls.some((c) => c.path === '/api/review/notifications')).toBe(false);
  });
});
