import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { routes } from '@/app/router';
import { apiError, mockApi, signedInAs } from '@/test/api-mock';
import { jsonResponse, renderWithApp } from '@/test/render';

const resident = { role: 'resident', displayName: '138****8000', phoneMasked: '138****8000' };
const challenge = {
  challengeId: '0b8f8a52-3c1e-4d7a-9a55-0f7f0c1e2d3b',
  expiresAt: '2026-03-01T10:05:00+08:00',
};
const profile = {
  name: '张*',
  idNumberMasked: '1101**********002X',
  phoneMasked: '138****8000',
  street: 'mingshui',
  address: '明水街道汇泉****',
  bankName: '中国农业银行章丘支行',
  bankAccountMasked: '**** **** **** 4473',
  consentAt: '2026-03-01T02:00:00.000Z',
};
const where = (router: { state: { location: { pathname: string; search: string } } }) =>
  `${router.state.location.pathname}${router.state.location.search}`;

afterEach(() => vi.unstubAllGlobals());

describe('session', () => {
  it('sends a visitor from a protected page to the right sign-in page with ?next=', async () => {
    mockApi({});
    const resident1 = renderWithApp(routes, { path: '/me/profile' });
    await waitFor(() => expect(where(resident1.router)).toBe('/login?next=%2Fme%2Fprofile'));
    expect(screen.queryByText('登录已失效')).toBeNull();
    resident1.unmount();

    const staff = renderWithApp(routes, { path: '/console/payments' });
    await waitFor(() => expect(where(staff.router)).toBe('/console/login?next=%2Fconsole%2Fpayments'));
  });

  it('on a 401 while signed in: forgets the user, says the session ended, and returns after sign-in', async () => {
    let profileCalls = 0;
    mockApi({
      'GET /api/auth/me': signedInAs(resident),
      'GET /api/me/profile': () => {
        profileCalls += 1;
        // The first answer comes after the server ended the session (idle timeout).
        return profileCalls === 1 ? apiError(401, 'UNAUTHENTICATED') : jsonResponse(profile);
      },
      'POST /api/auth/otp': jsonResponse(challenge, 202),
      'POST /api/auth/otp/verify': signedInAs(resident),
    });
    const { router, queryClient } = renderWithApp(routes, { path: '/me/profile' });

    await waitFor(() => expect(where(router)).toBe('/login?next=%2Fme%2Fprofile&reason=expired'));
    expect(await screen.findByText('登录已失效')).toBeTruthy();
    expect(queryClient.getQueryData(['auth', 'me'])).toBeNull();
    expect(queryClient.getQueryData(['me', 'profile'])).toBeUndefined();

    fireEvent.change(screen.getByLabelText('手机号'), { target: { value: '13800138000' } });
    fireEvent.click(screen.getByRole('button', { name: '获取验证码' }));
    fireEvent.change(await screen.findByLabelText('短信验证码'), { target: { value: '123456' } });
    fireEvent.click(screen.getByRole('button', { name: /^登\s?录$/ }));

    await waitFor(() => expect(where(router)).toBe('/me/profile'));
    expect(await screen.findByText('1101**********002X')).toBeTruthy();
  });

  it('does not treat a wrong code (401 OTP_INVALID) as an ended session', async () => {
    mockApi({
      'GET /api/auth/me': signedInAs({ role: 'reviewer', displayName: '审核员一' }),
      'POST /api/auth/otp': jsonResponse(challenge, 202),
      'POST /api/auth/otp/verify': apiError(401, 'OTP_INVALID'),
    });
    const { router } = renderWithApp(routes, { path: '/login' });
    fireEvent.change(await screen.findByLabelText('手机号'), { target: { value: '13800138000' } });
    fireEvent.click(screen.getByRole('button', { name: '获取验证码' }));
    fireEvent.change(await screen.findByLabelText('短信验证码'), { target: { value: '123456' } });
    fireEvent.click(screen.getByRole('button', { name: /^登\s?录$/ }));
    expect(await screen.findByText('验证码不正确。')).toBeTruthy();
    expect(where(router)).toBe('/login');
  });
});
