import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { PRIVACY_CONSENT_VERSION, ZHANGQIU_STREETS } from '@huanxin/shared';
import { routes } from '@/app/router';
import { apiError, mockApi, signedInAs, type Call } from '@/test/api-mock';
import { jsonResponse, renderWithApp } from '@/test/render';

const resident = { role: 'resident', displayName: '138****8000', phoneMasked: '138****8000' };
const saved = {
  name: '张*',
  idNumberMasked: '1101**********002X',
  phoneMasked: '138****8000',
  street: 'mingshui',
  address: '明水街道汇泉****',
  bankName: '中国农业银行章丘支行',
  bankAccountMasked: '**** **** **** 4473',
  consentAt: '2026-03-01T02:00:00.000Z',
};

function field(name: string): HTMLElement {
  const box = document.querySelector<HTMLElement>(`[data-field="${name}"]`);
  if (!box) throw new Error(`no field ${name}`);
  return box;
}
function type(name: string, value: string) {
  const input = field(name).querySelector('input');
  if (!input) throw new Error(`no input for ${name}`);
  fireEvent.change(input, { target: { value } });
}
function chooseStreet(label: string) {
  const select = within(field('street')).getByRole('combobox');
  const option = within(select).getByRole('option', { name: label }) as HTMLOptionElement;
  fireEvent.change(select, { target: { value: option.value } });
}
async function fillValid() {
  await screen.findByRole('heading', { name: '填写实名信息' });
  type('name', ' 张三 ');
  type('idNumber', '11010519491231002x');
  chooseStreet('明水街道');
  type('address', '明水街道汇泉路 100 号');
  type('bankName', '中国农业银行章丘支行');
  type('bankAccount', '6230 5146 3000 0424 473');
}
const save = () => fireEvent.click(screen.getByRole('button', { name: /^保\s?存$/ }));
const puts = (calls: Call[]) => calls.filter((c) => c.method === 'PUT' && c.path === '/api/me/profile');

afterEach(() => vi.unstubAllGlobals());

describe('profile', () => {
  it('validates as you type with the shared validators (ID check digit, card length)', async () => {
    mockApi({
      'GET /api/auth/me': signedInAs(resident),
      'GET /api/me/profile': apiError(404, 'PROFILE_NOT_FOUND'),
    });
    renderWithApp(routes, { path: '/me/profile' });
    await screen.findByRole('heading', { name: '填写实名信息' });
    // Every street and town of Zhangqiu, after the (disabled) prompt.
    const streets = within(within(field('street')).getByRole('combobox')).getAllByRole('option');
    expect(streets).toHaveLength(ZHANGQIU_STREETS.length + 1);
    expect(streets.map((o) => o.textContent)).toContain('刁镇');
    type('idNumber', '110105194912310021');
    expect((await within(field('idNumber')).findByRole('alert')).textContent).toBe(
      '身份证号校验位不正确，请核对最后一位',
    );
    type('idNumber', '11010519491231002X');
    await waitFor(() => expect(within(field('idNumber')).queryByRole('alert')).toBeNull());
    type('bankAccount', '12345');
    expect((await within(field('bankAccount')).findByRole('alert')).textContent).toBe(
      '银行卡号应为 16–19 位数字',
    );
    // A Luhn failure is only a warning: real debit cards fail it.
    type('bankAccount', '6230514630000424470');
    await waitFor(() => expect(within(field('bankAccount')).queryByRole('alert')).toBeNull());
    expect(within(field('bankAccount')).getByText(/卡号未通过常规校验/)).toBeTruthy();
  });

  it('shows a separate, unticked consent with its version, and refuses to save until it is ticked', async () => {
    const calls = mockApi({
      'GET /api/auth/me': signedInAs(resident),
      'GET /api/me/profile': apiError(404, 'PROFILE_NOT_FOUND'),
      'PUT /api/me/profile': jsonResponse(saved),
    });
    renderWithApp(routes, { path: '/me/profile' });
    await fillValid();

    const consent = screen.getByTestId('consent-block');
    expect(within(consent).getByText(`授权文本版本：${PRIVACY_CONSENT_VERSION}`)).toBeTruthy();
    expect(within(consent).getByText(/身份证号用于核验申请人身份/)).toBeTruthy();
    const box = within(consent).getByRole('checkbox');
    expect((box as HTMLInputElement).checked).toBe(false);

    save();
    expect((await within(field('consent')).findByRole('alert')).textContent).toBe(
      '请阅读并同意个人信息处理规则',
    );
    expect(puts(calls)).toHaveLength(0);

    fireEvent.click(box);
    save();
    await screen.findByTestId('profile-view');
    expect(puts(calls).map((c) => c.body)).toEqual([
      {
        name: '张三',
        idNumber: '11010519491231002X',
        street: 'mingshui',
        address: '明水街道汇泉路 100 号',
        bankName: '中国农业银行章丘支行',
        bankAccount: '6230514630000424473',
        consent: true,
      },
    ]);
    // Only masked values on screen; nothing personal in web storage.
    expect(screen.getByText('1101**********002X')).toBeTruthy();
    expect(screen.getByText('**** **** **** 4473')).toBeTruthy();
    expect(screen.getByText('明水街道')).toBeTruthy();
    expect(document.body.textContent).not.toContain('11010519491231002X');
    expect(document.body.textContent).not.toContain('6230514630000424473');
    expect(Object.keys(window.localStorage).filter((k) => k !== 'huanxin.language')).toEqual([]);
    expect(Object.keys(window.sessionStorage)).toEqual([]);
  });

  it('sent from an application (PROFILE_REQUIRED): after saving, offers the way back', async () => {
    mockApi({
      'GET /api/auth/me': signedInAs(resident),
      'GET /api/me/profile': apiError(404, 'PROFILE_NOT_FOUND'),
      'PUT /api/me/profile': jsonResponse(saved),
    });
    const next = '/applications/3f2b8c1e-4d5a-4b6c-8d7e-9f0a1b2c3d4e/edit?step=review';
    renderWithApp(routes, { path: `/me/profile?next=${encodeURIComponent(next)}` });
    await fillValid();
    fireEvent.click(within(screen.getByTestId('consent-block')).getByRole('checkbox'));
    save();
    const link = await screen.findByRole('link', { name: '返回继续办理' });
    expect(link.getAttribute('href')).toBe(next);
  });

  it.each([
    {
      status: 409,
      code: 'ID_NUMBER_IN_USE',
      fields: { idNumber: 'ID_NUMBER_IN_USE' },
      name: 'idNumber',
      message: '该身份证号已被其他账号使用。',
    },
    {
      status: 422,
      code: 'VALIDATION_FAILED',
      fields: { idNumber: 'INVALID_CHECKSUM' },
      name: 'idNumber',
      message: '身份证号校验位不正确，请核对最后一位',
    },
    {
      status: 422,
      code: 'VALIDATION_FAILED',
      fields: { street: 'NOT_IN_OPTIONS' },
      name: 'street',
      message: '请从列表中选择章丘区的街道或镇',
    },
    {
      status: 422,
      code: 'VALIDATION_FAILED',
      fields: { consent: 'CONSENT_REQUIRED' },
      name: 'consent',
      message: '请阅读并同意个人信息处理规则',
    },
  ])('puts a server $status $code on the $name input', async ({ status, code, fields, name, message }) => {
    mockApi({
      'GET /api/auth/me': signedInAs(resident),
      'GET /api/me/profile': apiError(404, 'PROFILE_NOT_FOUND'),
      'PUT /api/me/profile': apiError(status, code, { fields }),
    });
    renderWithApp(routes, { path: '/me/profile' });
    await fillValid();
    fireEvent.click(within(screen.getByTestId('consent-block')).getByRole('checkbox'));
    save();
    expect((await within(field(name)).findByRole('alert')).textContent).toBe(message);
  });

  it('shows the saved profile masked, and an edit form that starts empty except street and bank', async () => {
    mockApi({ 'GET /api/auth/me': signedInAs(resident), 'GET /api/me/profile': jsonResponse(saved) });
    renderWithApp(routes, { path: '/me/profile' });
    expect(await screen.findByText('1101**********002X')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '修改信息' }));
    await screen.findByRole('heading', { name: '填写实名信息' });
    expect((field('idNumber').querySelector('input') as HTMLInputElement).value).toBe('');
    expect((field('bankName').querySelector('input') as HTMLInputElement).value).toBe('中国农业银行章丘支行');
    expect(
      (within(screen.getByTestId('consent-block')).getByRole('checkbox') as HTMLInputElement).checked,
    ).toBe(false);
  });

  it('editing: unchanged payout details need no code; a new bank card shows the SMS block and sends the code with the save', async () => {
    const calls = mockApi({
      'GET /api/auth/me': signedInAs(resident),
      'GET /api/me/profile': jsonResponse(saved),
      'POST /api/me/profile/otp': jsonResponse(
        { challengeId: 'c-1', expiresAt: '2026-03-01T02:05:00.000Z' },
        202,
      ),
      'PUT /api/me/profile': jsonResponse(saved),
    });
    renderWithApp(routes, { path: '/me/profile' });
    fireEvent.click(await screen.findByRole('button', { name: '修改信息' }));
    await fillValid();
    expect(screen.queryByTestId('send-payout-code')).toBeNull();
    type('bankAccount', '6217 0000 0000 0010 07');
    fireEvent.click(await screen.findByTestId('send-payout-code'));
    expect(await screen.findByText('验证码已发送，5 分钟内有效。')).toBeTruthy();
    expect(calls.some((c) => c.method === 'POST' && c.path === '/api/me/profile/otp')).toBe(true);
    type('otpCode', '123456');
    fireEvent.click(within(screen.getByTestId('consent-block')).getByRole('checkbox'));
    save();
    await waitFor(() => expect(puts(calls)).toHaveLength(1));
    expect(puts(calls)[0]!.body).toEqual(
      expect.objectContaining({
        bankAccount: '621700000000001007',
        otpChallengeId: 'c-1',
        otpCode: '123456',
      }),
    );
  });
});
