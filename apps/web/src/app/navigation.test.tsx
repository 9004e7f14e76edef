import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import { routes } from '@/app/router';
import { BUILT_SECTIONS, consoleSections } from '@/app/console-sections';
import { mockApi, signedInAs } from '@/test/api-mock';
import { jsonResponse, renderWithApp } from '@/test/render';

const ALL = [
  '工作台',
  '审核队列',
  '复核审批',
  '抽样复查',
  '资金拨付',
  '项目管理',
  '用户管理',
  '审计日志',
  '经营单位业务',
  '结算账本',
];

afterEach(() => vi.unstubAllGlobals());

describe('navigation by role', () => {
  it.each([
    { role: 'reviewer', visible: ['工作台', '审核队列'] },
    { role: 'approver', visible: ['工作台', '审核队列', '复核审批', '抽样复查', '经营单位审核'] },
    { role: 'finance', visible: ['工作台', '资金拨付', '资金与暂停'] },
    { role: 'admin', visible: ['工作台', '经营单位审核', '资金与暂停', '项目管理', '用户管理'] },
    // 三员: the security administrator sees the users console and nothing else.
    { role: 'security_admin', visible: ['工作台', '用户管理'] },
    { role: 'auditor', visible: ['工作台', '审计日志'] },
    { role: 'dealer', visible: ['工作台', '经营单位业务', '结算账本'] },
  ])('console menu for $role shows only its functions', async ({ role, visible }) => {
    mockApi({ 'GET /api/auth/me': signedInAs({ role, displayName: `${role}-name` }) });
    renderWithApp(routes, { path: '/console' });
    const menu = await screen.findByRole('navigation', { name: '工作台菜单' });
    const links = within(menu)
      .getAllByRole('link')
      .map((a) => a.textContent?.trim());
    expect(links).toEqual(visible);
    for (const hidden of ALL.filter((l) => !visible.includes(l))) expect(links).not.toContain(hidden);
    expect(screen.getByTestId('user-menu').textContent).toContain(`${role}-name`);
  });

  it('a page outside the role is refused even by URL, with an honest message', async () => {
    mockApi({ 'GET /api/auth/me': signedInAs({ role: 'reviewer', displayName: '审核员一' }) });
    renderWithApp(routes, { path: '/console/audit' });
    expect(await screen.findByRole('heading', { name: '无权访问' })).toBeTruthy();
  });

  it('every console section in the menu is built: none leads to a "not yet available" page', () => {
    const placeholders = consoleSections
      .filter((s) => s.section !== 'dashboard' && !BUILT_SECTIONS.has(s.section))
      .map((s) => s.path);
    expect(placeholders).toEqual([]);
  });

  it('a resident is not let into the console', async () => {
    mockApi({
      'GET /api/auth/me': signedInAs({
        role: 'resident',
        displayName: '138****8000',
        phoneMasked: '138****8000',
      }),
    });
    renderWithApp(routes, { path: '/console' });
    expect(await screen.findByRole('heading', { name: '无权访问' })).toBeTruthy();
    expect(screen.queryByRole('navigation', { name: '工作台菜单' })).toBeNull();
  });

  it('resident navigation: my applications (the old address redirects), profile and account menu once signed in', async () => {
    mockApi({
      'GET /api/auth/me': signedInAs({
        role: 'resident',
        displayName: '138****8000',
        phoneMasked: '138****8000',
      }),
      'GET /api/programs': jsonResponse([]),
      'GET /api/applications': jsonResponse([]),
    });
    renderWithApp(routes, { path: '/me/applications' });
    expect(await screen.findByRole('heading', { level: 1, name: '我的申请' })).toBeTruthy();
    expect(await screen.findByText('您还没有提交过申请')).toBeTruthy();
    const [top] = screen.getAllByRole('navigation', { name: '主导航' });
    if (!top) throw new Error('no main navigation');
    expect(within(top).getByRole('link', { name: '我的申请' }).getAttribute('href')).toBe('/applications');
    expect(within(top).getByRole('link', { name: '个人信息' }).getAttribute('href')).toBe('/me/profile');
    expect(screen.getByTestId('user-menu').textContent).toContain('138****8000');
    expect(screen.queryByRole('link', { name: /^登录$/ })).toBeNull();
  });

  it('a visitor sees a sign-in link that comes back to the page', async () => {
    mockApi({ 'GET /api/programs': jsonResponse([]) });
    renderWithApp(routes, { path: '/programs' });
    const link = await screen.findByRole('link', { name: '登录' });
    expect(link.getAttribute('href')).toBe('/login?next=%2Fprograms');
    expect(screen.queryByTestId('user-menu')).toBeNull();
  });
});
