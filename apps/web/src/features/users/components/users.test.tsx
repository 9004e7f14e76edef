import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { routes } from '@/app/router';
import { apiError, mockApi, signedInAs } from '@/test/api-mock';
import { jsonResponse, renderWithApp } from '@/test/render';
import { actionsFor, filterAccounts } from '../lib/accounts';

const ME = '7d1c5f0e-2b8a-4c36-9f5e-1a2b3c4d5e6f';
const base = {
  organizationId: null,
  disabled: false,
  locked: false,
  mfaEnrolled: false,
  pendingActivation: false,
  lastLoginAt: null,
  createdAt: '2026-12-01T02:00:00.000Z',
};
const admin1 = { ...base, id: ME, username: 'admin1', displayName: '系统管理员一', role: 'admin' };
const reviewer = {
  ...base,
  id: '1b7e5f5c-4a3b-4f0a-9a34-8f1d2c3b4a51',
  username: 'reviewer7',
  displayName: '审核员七',
  role: 'reviewer',
  pendingActivation: true,
};
const finance = {
  ...base,
  id: '2b7e5f5c-4a3b-4f0a-9a34-8f1d2c3b4a52',
  username: 'finance9',
  displayName: '财务九',
  role: 'finance',
  locked: true,
  mfaEnrolled: true,
};
const dealer = {
  ...base,
  id: '3b7e5f5c-4a3b-4f0a-9a34-8f1d2c3b4a53',
  username: 'shop3',
  displayName: '家电经办人',
  role: 'dealer',
  organizationId: '0b7e5f5c-4a3b-4f0a-9a34-8f1d2c3b4a5e',
  disabled: true,
};
const ACCOUNTS = [admin1, reviewer, finance, dealer];
const organization = {
  id: '0b7e5f5c-4a3b-4f0a-9a34-8f1d2c3b4a5e',
  name: '章丘示例家电商城',
  uscc: '91370114MA3C5T8X1Q',
  kinds: ['retailer'],
  programs: ['appliance-2026'],
  status: 'active',
};

function adminApi(extra: Parameters<typeof mockApi>[0] = {}, role = 'admin') {
  return mockApi({
    'GET /api/auth/me': signedInAs({ id: ME, role, displayName: '管理员' }),
    'GET /api/admin/users': jsonResponse(ACCOUNTS),
    'GET /api/admin/organizations': jsonResponse([
      organization,
      { ...organization, id: 'x', status: 'pending' },
    ]),
    ...extra,
  });
}

const row = async (username: string) =>
  (await screen.findByTestId(`account-${username}`, {}, { timeout: 12_000 })) as HTMLElement;
/** A row's action button (its accessible name says what and whom: checked once below). */
const action = async (username: string, name: string) =>
  within(await row(username)).getByTestId(`action-${name}`);

afterEach(() => vi.unstubAllGlobals());
// The console's lazy chunk, loaded once up front: its first transform is slower than a find's wait.
beforeAll(async () => {
  await import('@/app/areas/console');
}, 60_000);

describe('users console: the list', () => {
  it('lists accounts with role, organisation, status and the organisations summary', async () => {
    adminApi();
    renderWithApp(routes, { path: '/console/users' });
    const r = await row('reviewer7');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('用户管理');
    expect(within(r).getByTestId('account-status').textContent).toBe('待另一位管理员激活');
    expect(within(await row('shop3')).getByText('章丘示例家电商城')).toBeTruthy();
    expect(within(await row('shop3')).getByTestId('account-status').textContent).toBe('已停用');
    expect(within(await row('finance9')).getByTestId('account-status').textContent).toBe('已锁定');
    expect(within(await row('admin1')).getByText('本人')).toBeTruthy();
    expect(screen.getByText('经营单位：1 个注册待审核')).toBeTruthy();
    expect(screen.getByRole('link', { name: '前往经营单位审核' }).getAttribute('href')).toBe(
      '/console/organizations',
    );
  }, 30_000); // the suite's first render (antd styles, the lazy page) is slow on a shared machine

  it('filters by role, by status and by name or username', async () => {
    adminApi();
    renderWithApp(routes, { path: '/console/users' });
    await row('reviewer7');
    fireEvent.change(screen.getByLabelText('角色'), { target: { value: 'finance' } });
    await waitFor(() => expect(screen.queryByTestId('account-reviewer7')).toBeNull());
    expect(screen.getByTestId('account-finance9')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('角色'), { target: { value: 'all' } });
    fireEvent.change(screen.getByLabelText('状态'), { target: { value: 'disabled' } });
    await waitFor(() => expect(screen.queryByTestId('account-finance9')).toBeNull());
    expect(screen.getByTestId('account-shop3')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('状态'), { target: { value: 'all' } });
    fireEvent.change(screen.getByLabelText('搜索'), { target: { value: '审核员' } });
    await waitFor(() => expect(screen.queryByTestId('account-shop3')).toBeNull());
    expect(screen.getByTestId('account-reviewer7')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('搜索'), { target: { value: 'nobody' } });
    expect(await screen.findByText('没有符合条件的账号')).toBeTruthy();
  });

  it('filterAccounts: exact matches of each filter', () => {
    const all = { role: 'all', status: 'all', search: '' } as const;
    const names = (f: Parameters<typeof filterAccounts>[1]) =>
      filterAccounts(ACCOUNTS as never, f).map((a) => a.username);
    expect(names(all)).toEqual(['admin1', 'reviewer7', 'finance9', 'shop3']);
    expect(names({ ...all, status: 'pending' })).toEqual(['reviewer7']);
    expect(names({ ...all, status: 'active' })).toEqual(['admin1']);
    expect(names({ ...all, search: 'SHOP' })).toEqual(['shop3']);
    expect(names({ ...all, role: 'dealer', status: 'active' })).toEqual([]);
  });
});

describe('users console: 三员 actions follow the role', () => {
  it.each([
    ['admin', 'reviewer7', ['disable', 'password', 'activate']],
    ['admin', 'finance9', ['disable', 'password']],
    ['admin', 'shop3', ['enable', 'password']],
    ['admin', 'admin1', []],
    ['security_admin', 'finance9', ['unlock', 'resetMfa', 'role']],
    ['security_admin', 'reviewer7', ['role']],
    ['security_admin', 'shop3', []],
    ['auditor', 'finance9', []],
  ] as const)('%s on %s → %j', (role, username, expected) => {
    const account = ACCOUNTS.find((a) => a.username === username)!;
    expect(actionsFor(role, ME, account as never)).toEqual(expected);
  });

  it('the security administrator sees no create button and no organisations (it may not read them)', async () => {
    const calls = adminApi({}, 'security_admin');
    renderWithApp(routes, { path: '/console/users' });
    expect((await action('finance9', 'resetMfa')).getAttribute('aria-label')).toBe(
      '重置 finance9 的动态口令',
    );
    expect(screen.queryByTestId('create-account')).toBeNull();
    expect(calls.some((c) => c.path === '/api/admin/organizations')).toBe(false);
  });
});

describe('users console: create an account', () => {
  it('checks the form as you type, then puts the server password-policy error on the field', async () => {
    const calls = adminApi({
      'POST /api/admin/users': apiError(422, 'VALIDATION_FAILED', {
        fields: { password: 'PASSWORD_TOO_COMMON' },
      }),
    });
    renderWithApp(routes, { path: '/console/users' });
    fireEvent.click(await screen.findByTestId('create-account', {}, { timeout: 5000 }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByTestId('create-account-submit'));
    expect(await within(dialog).findAllByText('必填')).not.toHaveLength(0);
    fireEvent.change(within(dialog).getByLabelText('用户名'), { target: { value: 'Bad Name' } });
    expect(await within(dialog).findByText('3–32 位小写字母、数字或 . _ -，以字母开头')).toBeTruthy();
    fireEvent.change(within(dialog).getByLabelText('用户名'), { target: { value: 'reviewer8' } });
    fireEvent.change(within(dialog).getByLabelText('姓名'), { target: { value: '审核员八' } });
    fireEvent.change(within(dialog).getByLabelText('角色'), { target: { value: 'dealer' } });
    fireEvent.change(within(dialog).getByLabelText('初始密码'), { target: { value: 'short' } });
    expect(await within(dialog).findByText('密码至少 12 个字符')).toBeTruthy();
    // A dealer account needs its organisation.
    fireEvent.click(within(dialog).getByTestId('create-account-submit'));
    expect(await within(dialog).findByText('经营单位账号须选择所属经营单位')).toBeTruthy();
    fireEvent.change(within(dialog).getByLabelText('角色'), { target: { value: 'reviewer' } });
    fireEvent.change(within(dialog).getByLabelText('初始密码'), { target: { value: 'password1234' } });
    fireEvent.click(within(dialog).getByTestId('create-account-submit'));
    const field = await within(dialog).findByText('该密码过于常见或已泄露，请更换');
    expect(within(dialog).getByLabelText('初始密码').getAttribute('aria-invalid')).toBe('true');
    expect(field.getAttribute('role')).toBe('alert');
    expect(calls.filter((c) => c.method === 'POST').map((c) => c.body)).toEqual([
      { username: 'reviewer8', displayName: '审核员八', role: 'reviewer', password: 'password1234' },
    ]);
  });

  it('a created reviewer is announced as waiting for a second administrator', async () => {
    adminApi({
      'POST /api/admin/users': jsonResponse({ ...reviewer, username: 'reviewer8' }, 201),
    });
    renderWithApp(routes, { path: '/console/users' });
    fireEvent.click(await screen.findByTestId('create-account', {}, { timeout: 5000 }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByLabelText('用户名'), { target: { value: 'reviewer8' } });
    fireEvent.change(within(dialog).getByLabelText('姓名'), { target: { value: '审核员八' } });
    fireEvent.change(within(dialog).getByLabelText('角色'), { target: { value: 'reviewer' } });
    fireEvent.change(within(dialog).getByLabelText('初始密码'), {
      target: { value: 'violet-kettle-harbour-91' },
    });
    fireEvent.click(within(dialog).getByTestId('create-account-submit'));
    expect((await screen.findByTestId('users-outcome')).textContent).toContain(
      '已创建账号 reviewer8（审核员）。须由另一位管理员激活后才能登录。',
    );
  });
});

describe('users console: row actions', () => {
  it('disabling asks first, says the sessions end, and only then calls the API', async () => {
    const calls = adminApi({
      [`PATCH /api/admin/users/${finance.id}`]: jsonResponse({ ...finance, disabled: true }),
    });
    renderWithApp(routes, { path: '/console/users' });
    fireEvent.click(await action('finance9', 'disable'));
    const dialog = await screen.findByRole('dialog');
    expect(
      within(dialog).getByText('停用后该账号立即退出所有已登录的会话，且无法再登录，直到重新启用。'),
    ).toBeTruthy();
    expect(calls.some((c) => c.method === 'PATCH')).toBe(false);
    fireEvent.click(within(dialog).getByTestId('account-action-ok'));
    expect((await screen.findByTestId('users-outcome')).textContent).toContain(
      '已停用 finance9，其所有会话已结束。',
    );
    expect(calls.filter((c) => c.method === 'PATCH').map((c) => c.body)).toEqual([{ disabled: true }]);
  });

  it('cancelling the confirm changes nothing', async () => {
    const calls = adminApi();
    renderWithApp(routes, { path: '/console/users' });
    fireEvent.click(await action('finance9', 'disable'));
    fireEvent.click(within(await screen.findByRole('dialog')).getByText(/取\s?消/));
    expect(calls.some((c) => c.method === 'PATCH')).toBe(false);
    expect(screen.queryByTestId('users-outcome')).toBeNull();
    expect(within(await row('finance9')).getByTestId('account-status').textContent).toBe('已锁定');
  });

  it('activating an account one created yourself shows the two-person message, the row stays pending', async () => {
    adminApi({
      [`PATCH /api/admin/users/${reviewer.id}`]: apiError(403, 'SECOND_ADMIN_REQUIRED'),
    });
    renderWithApp(routes, { path: '/console/users' });
    fireEvent.click(await action('reviewer7', 'activate'));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByTestId('account-action-ok'));
    expect((await within(dialog).findByTestId('account-action-error')).textContent).toContain(
      '您创建或重设了该账号的凭据，不能由您本人激活。请另一位系统管理员激活。',
    );
    expect(screen.queryByTestId('users-outcome')).toBeNull();
    expect(within(await row('reviewer7')).getByTestId('account-status').textContent).toBe(
      '待另一位管理员激活',
    );
  });

  it('a new password is checked in the dialog and the server’s policy error lands on it', async () => {
    const calls = adminApi({
      [`PATCH /api/admin/users/${finance.id}`]: apiError(422, 'VALIDATION_FAILED', {
        fields: { password: 'PASSWORD_CONTAINS_USERNAME' },
      }),
    });
    renderWithApp(routes, { path: '/console/users' });
    fireEvent.click(await action('finance9', 'password'));
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByLabelText('新密码'), { target: { value: 'short' } });
    fireEvent.click(within(dialog).getByTestId('account-action-ok'));
    expect(await within(dialog).findByText('密码至少 12 个字符')).toBeTruthy();
    expect(calls.some((c) => c.method === 'PATCH')).toBe(false);
    fireEvent.change(within(dialog).getByLabelText('新密码'), { target: { value: 'finance9-is-my-name' } });
    fireEvent.click(within(dialog).getByTestId('account-action-ok'));
    expect(await within(dialog).findByText('密码不能包含用户名或姓名')).toBeTruthy();
    expect(within(dialog).getByLabelText('新密码').getAttribute('aria-invalid')).toBe('true');
  });

  it('the security administrator resets a TOTP factor and changes a role, each announced', async () => {
    const calls = adminApi(
      {
        [`PATCH /api/admin/users/${finance.id}`]: (call) =>
          jsonResponse(
            (call.body as Record<string, unknown>).role
              ? { ...finance, role: 'auditor' }
              : { ...finance, mfaEnrolled: false },
          ),
      },
      'security_admin',
    );
    renderWithApp(routes, { path: '/console/users' });
    fireEvent.click(await action('finance9', 'resetMfa'));
    fireEvent.click(within(await screen.findByRole('dialog')).getByTestId('account-action-ok'));
    expect((await screen.findByTestId('users-outcome')).textContent).toContain(
      '已重置 finance9 的动态口令，下次登录时须重新绑定。',
    );
    fireEvent.click(await action('finance9', 'role'));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText('变更 finance9 的角色')).toBeTruthy();
    fireEvent.change(within(dialog).getByLabelText('新角色'), { target: { value: 'auditor' } });
    fireEvent.click(within(dialog).getByTestId('account-action-ok'));
    await waitFor(() =>
      expect(screen.getByTestId('users-outcome').textContent).toContain(
        '已将 finance9 的角色改为审计员，其所有会话已结束。',
      ),
    );
    expect(calls.filter((c) => c.method === 'PATCH').map((c) => c.body)).toEqual([
      { resetMfa: true },
      { role: 'auditor' },
    ]);
  });

  it('a refusal by the server (not the security administrator) is said plainly', async () => {
    adminApi(
      { [`PATCH /api/admin/users/${finance.id}`]: apiError(403, 'SECURITY_ADMIN_REQUIRED') },
      'security_admin',
    );
    renderWithApp(routes, { path: '/console/users' });
    fireEvent.click(await action('finance9', 'unlock'));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByTestId('account-action-ok'));
    expect((await within(dialog).findByTestId('account-action-error')).textContent).toContain(
      '角色变更、动态口令重置和解锁须由安全管理员办理。',
    );
  });
});
