import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { routes } from '@/app/router';
import { apiError, mockApi, type Call } from '@/test/api-mock';
import { jsonResponse, renderWithApp } from '@/test/render';
import { groupSecret } from './totp-enrolment';

const reviewer = { id: '3f0b3c0e-8f6b-4a0e-9d8e-2c1b0a9f8e7d', role: 'reviewer', displayName: '审核员一' };
const enrolment = {
  secret: 'JBSWY3DPEHPK3PXPJBSWY3DP',
  otpauthUrl: 'otpauth://totp/Huanxin:reviewer1?secret=JBSWY3DPEHPK3PXPJBSWY3DP&issuer=Huanxin',
  qrDataUrl: 'data:image/png;base64,iVBORw0KGgo=',
};

function field(name: string): HTMLElement {
  const box = document.querySelector<HTMLElement>(`[data-field="${name}"]`);
  if (!box) throw new Error(`no field ${name}`);
  return box;
}

async function enterPassword() {
  fireEvent.change(await screen.findByLabelText('用户名'), { target: { value: ' reviewer1 ' } });
  fireEvent.change(screen.getByLabelText('密码'), { target: { value: 'demo-password-2026' } });
  fireEvent.click(screen.getByRole('button', { name: /^登\s?录$/ }));
}

afterEach(() => vi.unstubAllGlobals());

describe('staff sign-in', () => {
  it('shows wrong credentials and a locked account as a form alert, not on one field', async () => {
    mockApi({ 'POST /api/auth/login': apiError(401, 'INVALID_CREDENTIALS') });
    renderWithApp(routes, { path: '/console/login' });
    await enterPassword();
    expect((await screen.findByRole('alert')).textContent).toContain('用户名或密码不正确。');
    expect(screen.getByLabelText('密码').getAttribute('aria-invalid')).toBe('false');

    vi.unstubAllGlobals();
    mockApi({ 'POST /api/auth/login': apiError(401, 'ACCOUNT_LOCKED') });
    fireEvent.click(screen.getByRole('button', { name: /^登\s?录$/ }));
    expect(await screen.findByText('账号已被临时锁定，请 30 分钟后再试。')).toBeTruthy();
  });

  it('asks for the TOTP code on MFA_REQUIRED, re-sends the password with it, and shows MFA_INVALID on the code', async () => {
    let attempt = 0;
    const calls = mockApi({
      'POST /api/auth/login': ({ body }: Call) => {
        const { totp } = body as { totp?: string };
        if (!totp) return apiError(401, 'MFA_REQUIRED');
        attempt += 1;
        return attempt === 1 ? apiError(401, 'MFA_INVALID') : jsonResponse({ user: reviewer });
      },
    });
    const { router } = renderWithApp(routes, { path: '/console/login?next=%2Fconsole%2Freview' });
    await enterPassword();

    const totp = await screen.findByLabelText('动态口令');
    expect(
      screen.getByText('账号 reviewer1 已开启两步验证，请输入身份验证器应用中的动态口令。'),
    ).toBeTruthy();
    expect(totp.getAttribute('inputmode')).toBe('numeric');
    expect(totp.getAttribute('autocomplete')).toBe('one-time-code');
    expect(screen.queryByLabelText('密码')).toBeNull();

    fireEvent.change(totp, { target: { value: '111111' } });
    fireEvent.click(screen.getByRole('button', { name: '验证并登录' }));
    expect((await within(field('totp')).findByRole('alert')).textContent).toBe('动态口令不正确。');

    fireEvent.change(screen.getByLabelText('动态口令'), { target: { value: '222222' } });
    fireEvent.click(screen.getByRole('button', { name: '验证并登录' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/console/review'));
    expect(calls.filter((c) => c.path === '/api/auth/login').map((c) => c.body)).toEqual([
      { username: 'reviewer1', password: 'demo-password-2026' },
      { username: 'reviewer1', password: 'demo-password-2026', totp: '111111' },
      { username: 'reviewer1', password: 'demo-password-2026', totp: '222222' },
    ]);
  });

  it('walks through TOTP enrolment on MFA_ENROLMENT_REQUIRED: QR code, secret for manual entry, confirm', async () => {
    const calls = mockApi({
      'POST /api/auth/login': apiError(403, 'MFA_ENROLMENT_REQUIRED', { enrolmentToken: 'tok-123' }),
      'POST /api/auth/mfa/totp/setup': jsonResponse(enrolment),
      'POST /api/auth/mfa/totp/confirm': jsonResponse({ user: reviewer }),
    });
    const { router } = renderWithApp(routes, { path: '/console/login' });
    await enterPassword();

    expect(await screen.findByRole('heading', { name: '绑定身份验证器' })).toBeTruthy();
    const qr = screen.getByRole('img', { name: '身份验证器绑定二维码' });
    expect(qr.getAttribute('src')).toBe(enrolment.qrDataUrl);
    expect(screen.getByTestId('totp-secret').textContent).toContain('JBSW Y3DP EHPK 3PXP JBSW Y3DP');
    expect(calls.find((c) => c.path === '/api/auth/mfa/totp/setup')?.body).toEqual({
      enrolmentToken: 'tok-123',
    });

    fireEvent.change(screen.getByLabelText('动态口令'), { target: { value: '123456' } });
    fireEvent.click(screen.getByRole('button', { name: '完成绑定并登录' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/console'));
    expect(calls.find((c) => c.path === '/api/auth/mfa/totp/confirm')?.body).toEqual({
      enrolmentToken: 'tok-123',
      totp: '123456',
    });
    expect(await screen.findByRole('heading', { name: '您好，审核员一' })).toBeTruthy();
  });

  it('goes back to the password step when the enrolment expired', async () => {
    mockApi({
      'POST /api/auth/login': apiError(403, 'MFA_ENROLMENT_REQUIRED', { enrolmentToken: 'tok-123' }),
      'POST /api/auth/mfa/totp/setup': jsonResponse(enrolment),
      'POST /api/auth/mfa/totp/confirm': apiError(401, 'MFA_ENROLMENT_EXPIRED'),
    });
    renderWithApp(routes, { path: '/console/login' });
    await enterPassword();
    fireEvent.change(await screen.findByLabelText('动态口令'), { target: { value: '123456' } });
    fireEvent.click(screen.getByRole('button', { name: '完成绑定并登录' }));
    expect(await screen.findByText('动态口令绑定已过期，请重新开始。')).toBeTruthy();
    expect(screen.getByLabelText('用户名')).toBeTruthy();
  });

  it('groups the secret in fours for typing', () => {
    expect(groupSecret('ABCDEFGHIJ')).toBe('ABCD EFGH IJ');
  });
});
