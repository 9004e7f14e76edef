import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { routes } from '@/app/router';
import { apiError, mockApi, signedInAs } from '@/test/api-mock';
import { jsonResponse, renderWithApp } from '@/test/render';

const program = {
  code: 'appliance-2026',
  title: { zh: '家电以旧换新（2026年）', en: 'Appliance trade-in (2026)' },
  kind: 'goods',
  status: 'open',
  opensOn: '2026-01-01',
  closesOn: '2026-12-31',
  budget: { totalFen: 1, remainingFen: 1, reservedFen: 0, committedFen: 0, paidFen: 0 },
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
const errorOf = (name: string) => field(name).querySelector('.hx-field__error')?.textContent ?? null;

async function fillValid() {
  await screen.findByRole('heading', { name: '经营单位注册' });
  type('name', '章丘明水示例家电城');
  type('uscc', '91310115MA1K3BTP2B');
  fireEvent.click(screen.getByLabelText('零售商（家电、数码、家居、电动自行车）'));
  fireEvent.click(await screen.findByLabelText('家电以旧换新（2026年）'));
  const street = within(field('street')).getByRole('combobox');
  fireEvent.change(street, { target: { value: 'mingshui' } });
  type('contactName', '李经理');
  type('contactPhone', '13905326501');
  type('payoutBankName', '中国工商银行章丘支行');
  type('payoutAccountNo', '1602 0238 0920 0123 456');
  type('username', 'mingshui-shop');
  type('password', 'violet-kettle-harbour-91');
  fireEvent.click(screen.getByLabelText('我已阅读并签署上述承诺书'));
}
const submit = () => fireEvent.click(screen.getByTestId('dealer-register-submit'));

afterEach(() => vi.unstubAllGlobals());

describe('dealer registration', () => {
  it('flags a wrong credit-code check character as it is typed, and sends nothing', async () => {
    const calls = mockApi({ 'GET /api/programs': jsonResponse([program]) });
    renderWithApp(routes, { path: '/dealer/register' });
    await fillValid();
    type('uscc', '91110000600037341N');
    await waitFor(() => expect(errorOf('uscc')).toBe('信用代码校验位不正确，请核对营业执照'));
    submit();
    await waitFor(() => expect(errorOf('uscc')).not.toBeNull());
    expect(calls.filter((c) => c.method === 'POST')).toEqual([]);
  });

  it('sends the normalised registration; the server’s USCC_IN_USE lands on the credit-code input', async () => {
    const calls = mockApi({
      'GET /api/programs': jsonResponse([program]),
      'POST /api/dealer/registrations': apiError(409, 'USCC_IN_USE', {
        fields: { 'organization.uscc': 'USCC_IN_USE' },
      }),
    });
    renderWithApp(routes, { path: '/dealer/register' });
    await fillValid();
    submit();
    await waitFor(() => expect(errorOf('uscc')).toBe('该统一社会信用代码已注册'));
    const post = calls.find((c) => c.method === 'POST');
    expect(post?.body).toEqual({
      organization: {
        name: '章丘明水示例家电城',
        uscc: '91310115MA1K3BTP2B',
        kinds: ['retailer'],
        programs: ['appliance-2026'],
        street: 'mingshui',
        contactName: '李经理',
        contactPhone: '13905326501',
        payoutBankName: '中国工商银行章丘支行',
        payoutAccountNo: '1602023809200123456',
      },
      username: 'mingshui-shop',
      password: 'violet-kettle-harbour-91',
      consent: true,
    });
  });

  it('a weak password refused by the server shows on the password input; success shows what happens next', async () => {
    let answer = apiError(422, 'VALIDATION_FAILED', { fields: { password: 'PASSWORD_TOO_COMMON' } });
    mockApi({
      'GET /api/programs': jsonResponse([program]),
      'POST /api/dealer/registrations': () => answer.clone(),
    });
    renderWithApp(routes, { path: '/dealer/register' });
    await fillValid();
    submit();
    await waitFor(() => expect(errorOf('password')).toBe('密码过于常见，请更换'));
    answer = jsonResponse({ organizationId: 'x', status: 'pending' }, 201);
    type('password', 'amber-lantern-orchard-57');
    submit();
    await screen.findByText('注册已提交');
  });
});

describe('dealer console and the organisations review', () => {
  const organization = {
    id: '0b7e5f5c-4a3b-4f0a-9a34-8f1d2c3b4a5e',
    name: '章丘明水示例家电城',
    uscc: '91310115MA1K3BTP2B',
    kinds: ['retailer'],
    programs: ['appliance-2026'],
    status: 'suspended',
    street: 'mingshui',
    statusReason: '价格异常',
    statusChangedAt: null,
    contactName: '李经理',
    contactPhoneMasked: '139****6501',
    payoutBankName: '中国工商银行章丘支行',
    payoutAccountName: '章丘明水示例家电城',
    payoutAccountMasked: '**** **** **** 3456',
    createdAt: '2026-12-01T02:00:00.000Z',
  };

  it('a suspended dealer sees why, the masked account, and no add-product form', async () => {
    mockApi({
      'GET /api/auth/me': signedInAs({ role: 'dealer', displayName: '李经理' }),
      'GET /api/programs': jsonResponse([program]),
      'GET /api/dealer/me': jsonResponse({
        organization,
        user: {
          id: 'u',
          username: 'mingshui-shop',
          displayName: '李经理',
          orgAdmin: true,
          disabled: false,
          createdAt: '',
        },
      }),
      'GET /api/dealer/products': jsonResponse([]),
    });
    renderWithApp(routes, { path: '/console/dealer' });
    const status = await screen.findByTestId('dealer-status');
    expect(within(status).getByText('已暂停')).toBeTruthy();
    expect(within(status).getByText('价格异常')).toBeTruthy();
    expect(status.textContent).toContain('**** **** **** 3456');
    expect(screen.queryByTestId('product-submit')).toBeNull();
  });

  it('an approver sees only the changes the lifecycle allows (suspended → active or disqualified)', async () => {
    const calls = mockApi({
      'GET /api/auth/me': signedInAs({ role: 'approver', displayName: '复核员一' }),
      'GET /api/admin/organizations': jsonResponse([organization]),
    });
    renderWithApp(routes, { path: '/console/organizations' });
    await screen.findByText('章丘明水示例家电城');
    expect(screen.getByTestId(`org-${organization.uscc}-active`)).toBeTruthy();
    expect(screen.getByTestId(`org-${organization.uscc}-disqualified`)).toBeTruthy();
    expect(screen.queryByTestId(`org-${organization.uscc}-suspended`)).toBeNull();
    expect(calls.find((c) => c.path === '/api/admin/organizations')).toBeTruthy();
  });
});
