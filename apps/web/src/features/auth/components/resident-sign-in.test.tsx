import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, fireEvent, renderHook, screen, waitFor, within } from '@testing-library/react';
import { routes } from '@/app/router';
import { apiError, mockApi } from '@/test/api-mock';
import { jsonResponse, renderWithApp } from '@/test/render';
import { useCountdown } from '../hooks/use-countdown';

const challenge = {
  challengeId: '0b8f8a52-3c1e-4d7a-9a55-0f7f0c1e2d3b',
  expiresAt: '2026-03-01T10:05:00+08:00',
};
const resident = {
  id: 'a8a4c1f2-1c9e-4a57-8d43-5b0e7d3c2f10',
  role: 'resident',
  displayName: '138****8000',
  phoneMasked: '138****8000',
};

function field(name: string): HTMLElement {
  const box = document.querySelector<HTMLElement>(`[data-field="${name}"]`);
  if (!box) throw new Error(`no field ${name}`);
  return box;
}

async function enterPhoneAndSend(phone = '13800138000') {
  const phoneInput = await screen.findByLabelText('手机号');
  fireEvent.change(phoneInput, { target: { value: phone } });
  fireEvent.click(screen.getByRole('button', { name: '获取验证码' }));
}

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('resident sign-in', () => {
  it('checks the phone with the shared validator and puts the error on the phone field', async () => {
    const calls = mockApi({});
    renderWithApp(routes, { path: '/login' });
    const phoneInput = await screen.findByLabelText('手机号');
    fireEvent.change(phoneInput, { target: { value: '1234567890' } });
    fireEvent.blur(phoneInput);
    expect(await within(field('phone')).findByRole('alert')).toHaveProperty('textContent', '格式不正确');
    expect(phoneInput.getAttribute('aria-invalid')).toBe('true');
    fireEvent.click(screen.getByRole('button', { name: '获取验证码' }));
    await waitFor(() => expect(calls.filter((c) => c.path === '/api/auth/otp')).toHaveLength(0));
  });

  it('sends the code, then shows the code step: masked phone, one-time-code input and a 60 s resend countdown', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const calls = mockApi({ 'POST /api/auth/otp': jsonResponse(challenge, 202) });
    renderWithApp(routes, { path: '/login' });
    await enterPhoneAndSend('+86 138 0013 8000');

    expect(await screen.findByText('验证码已发送至 138****8000，5 分钟内有效。')).toBeTruthy();
    expect(calls.find((c) => c.path === '/api/auth/otp')?.body).toEqual({ phone: '13800138000' });
    const code = screen.getByLabelText('短信验证码');
    expect(code.getAttribute('inputmode')).toBe('numeric');
    expect(code.getAttribute('autocomplete')).toBe('one-time-code');

    const resend = screen.getByTestId('resend');
    expect(resend.textContent).toBe('60 秒后可重新获取');
    expect(resend.hasAttribute('disabled')).toBe(true);
    act(() => void vi.advanceTimersByTime(30_000));
    expect(screen.getByTestId('resend').textContent).toBe('30 秒后可重新获取');
    act(() => void vi.advanceTimersByTime(30_000));
    expect(screen.getByTestId('resend').textContent).toBe('重新发送验证码');
    expect(screen.getByTestId('resend').hasAttribute('disabled')).toBe(false);
  });

  it('honours Retry-After of a 429: the message on the phone field counts down and the button waits', async () => {
    mockApi({ 'POST /api/auth/otp': apiError(429, 'RATE_LIMITED', {}, { 'Retry-After': '42' }) });
    renderWithApp(routes, { path: '/login' });
    await enterPhoneAndSend();
    const alert = await within(field('phone')).findByRole('alert');
    expect(alert.textContent).toMatch(/^获取过于频繁，请 4[12] 秒后再试。$/);
    const button = screen.getByRole('button', { name: /秒后可重新获取/ });
    expect(button.hasAttribute('disabled')).toBe(true);
  });

  it('puts a 422 fields.phone on the phone field and a 503 in the form alert', async () => {
    mockApi({
      'POST /api/auth/otp': apiError(422, 'VALIDATION_FAILED', { fields: { phone: 'INVALID_FORMAT' } }),
    });
    renderWithApp(routes, { path: '/login' });
    await enterPhoneAndSend();
    expect((await within(field('phone')).findByRole('alert')).textContent).toBe('格式不正确');

    vi.unstubAllGlobals();
    mockApi({ 'POST /api/auth/otp': apiError(503, 'SMS_UNAVAILABLE') });
    fireEvent.change(screen.getByLabelText('手机号'), { target: { value: '13900139000' } });
    fireEvent.click(screen.getByRole('button', { name: '获取验证码' }));
    expect(await screen.findByText('短信服务暂时不可用，请稍后重试。')).toBeTruthy();
  });

  it.each([
    ['OTP_INVALID', '验证码不正确。'],
    ['OTP_EXPIRED', '验证码已过期，请重新获取。'],
    ['OTP_TOO_MANY_ATTEMPTS', '验证码错误次数过多，请重新获取。'],
  ])('shows %s on the code field', async (code, message) => {
    mockApi({
      'POST /api/auth/otp': jsonResponse(challenge, 202),
      'POST /api/auth/otp/verify': apiError(401, code),
    });
    renderWithApp(routes, { path: '/login' });
    await enterPhoneAndSend();
    fireEvent.change(await screen.findByLabelText('短信验证码'), { target: { value: '123456' } });
    fireEvent.click(screen.getByRole('button', { name: /^登\s?录$/ }));
    expect((await within(field('code')).findByRole('alert')).textContent).toBe(message);
    expect(screen.getByLabelText('短信验证码').getAttribute('aria-invalid')).toBe('true');
  });

  it('accepts only six digits in the code field', async () => {
    const calls = mockApi({ 'POST /api/auth/otp': jsonResponse(challenge, 202) });
    renderWithApp(routes, { path: '/login' });
    await enterPhoneAndSend();
    const code = await screen.findByLabelText('短信验证码');
    fireEvent.change(code, { target: { value: '12a3' } });
    expect((code as HTMLInputElement).value).toBe('123');
    fireEvent.click(screen.getByRole('button', { name: /^登\s?录$/ }));
    expect((await within(field('code')).findByRole('alert')).textContent).toBe('请输入 6 位数字');
    expect(calls.some((c) => c.path === '/api/auth/otp/verify')).toBe(false);
  });

  it('after sign-in goes to the profile form when the resident has no profile yet', async () => {
    const calls = mockApi({
      'POST /api/auth/otp': jsonResponse(challenge, 202),
      'POST /api/auth/otp/verify': jsonResponse({ user: resident }),
      'GET /api/me/profile': apiError(404, 'PROFILE_NOT_FOUND'),
    });
    const { router } = renderWithApp(routes, { path: '/login' });
    await enterPhoneAndSend();
    fireEvent.change(await screen.findByLabelText('短信验证码'), { target: { value: '654321' } });
    fireEvent.click(screen.getByRole('button', { name: /^登\s?录$/ }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/me/profile'));
    expect(calls.find((c) => c.path === '/api/auth/otp/verify')?.body).toEqual({
      challengeId: challenge.challengeId,
      code: '654321',
    });
    expect(await screen.findByRole('heading', { name: '填写实名信息' })).toBeTruthy();
  });

  it('after sign-in goes back to ?next=, and never to another site', async () => {
    mockApi({
      'POST /api/auth/otp': jsonResponse(challenge, 202),
      'POST /api/auth/otp/verify': jsonResponse({ user: resident }),
      'GET /api/programs': jsonResponse([]),
    });
    const { router } = renderWithApp(routes, { path: '/login?next=%2Fprograms%3Fkind%3Dcar' });
    await enterPhoneAndSend();
    fireEvent.change(await screen.findByLabelText('短信验证码'), { target: { value: '654321' } });
    fireEvent.click(screen.getByRole('button', { name: /^登\s?录$/ }));
    await waitFor(() =>
      expect(`${router.state.location.pathname}${router.state.location.search}`).toBe('/programs?kind=car'),
    );
  });
});

describe('useCountdown', () => {
  it('counts whole seconds down to zero from a wall-clock deadline', () => {
    vi.useFakeTimers();
    const { result } = renderHook(() => useCountdown());
    expect(result.current.remaining).toBe(0);
    act(() => result.current.start(3));
    expect(result.current.remaining).toBe(3);
    act(() => void vi.advanceTimersByTime(1000));
    expect(result.current.remaining).toBe(2);
    act(() => void vi.advanceTimersByTime(5000));
    expect(result.current.remaining).toBe(0);
    act(() => result.current.start(10));
    act(() => result.current.reset());
    expect(result.current.remaining).toBe(0);
  });
});
