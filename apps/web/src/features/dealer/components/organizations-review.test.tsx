import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { routes } from '@/app/router';
import { mockApi, signedInAs } from '@/test/api-mock';
import { jsonResponse, renderWithApp } from '@/test/render';

const organization = {
  id: '0b7e5f5c-4a3b-4f0a-9a34-8f1d2c3b4a5e',
  name: '章丘明水示例家电城',
  uscc: '91310115MA1K3BTP2B',
  kinds: ['retailer'],
  programs: ['appliance-2026'],
  status: 'pending',
  street: 'mingshui',
  statusChangedAt: null,
  contactName: '李经理',
  contactPhoneMasked: '139****6501',
  payoutBankName: '中国工商银行章丘支行',
  payoutAccountName: '章丘明水家电有限公司',
  payoutAccountMasked: '**** **** **** 3456',
  createdAt: '2026-12-01T02:00:00.000Z',
};
const program = {
  code: 'appliance-2026',
  title: { zh: '家电以旧换新（2026年）', en: 'Appliance trade-in (2026)' },
  kind: 'goods',
  status: 'open',
  opensOn: '2026-01-01',
  closesOn: '2026-12-31',
  budget: { totalFen: 1, remainingFen: 1, reservedFen: 0, committedFen: 0, paidFen: 0 },
};

function officeApi(orgs: unknown[]) {
  return mockApi({
    'GET /api/auth/me': signedInAs({ role: 'approver', displayName: '复核员一' }),
    'GET /api/programs': jsonResponse([program]),
    'GET /api/admin/organizations': jsonResponse(orgs),
    [`GET /api/admin/organizations/${organization.id}`]: jsonResponse({
      ...organization,
      history: [
        {
          fromStatus: null,
          toStatus: 'pending',
          reason: 'registered',
          actorId: null,
          at: '2026-12-01T02:00:00.000Z',
        },
      ],
    }),
    [`GET /api/admin/organizations/${organization.id}/documents`]: jsonResponse([
      {
        id: 'd0c5f5c4-4a3b-4f0a-9a34-8f1d2c3b4a5e',
        kind: 'business_licence',
        contentType: 'application/pdf',
        size: 204_800,
        sha256: 'ab',
        createdAt: '2026-12-01T03:00:00.000Z',
      },
    ]),
  });
}

afterEach(() => vi.unstubAllGlobals());

describe('the commerce office reviews a registration', () => {
  it('shows the shared USCC check on each row: right, and a wrong check character', async () => {
    const bad = {
      ...organization,
      id: 'a5e0b7e5-4a3b-4f0a-9a34-8f1d2c3b4a5e',
      uscc: '91110000600037341N',
      name: '错码商店',
    };
    officeApi([organization, bad]);
    renderWithApp(routes, { path: '/console/organizations' });
    const good = (await screen.findByText('章丘明水示例家电城')).closest('tr')!;
    expect(within(good).getByTestId('uscc-check').textContent).toBe('校验码正确');
    const wrong = screen.getByText('错码商店').closest('tr')!;
    expect(within(wrong).getByTestId('uscc-check').textContent).toBe('信用代码校验位不正确，请核对营业执照');
    expect(within(good).getByText('家电以旧换新（2026年）')).toBeTruthy();
  });

  it('opens the file: documents (with what is missing), a different account name, and the history', async () => {
    officeApi([organization]);
    renderWithApp(routes, { path: '/console/organizations' });
    const row = (await screen.findByText('章丘明水示例家电城')).closest('tr')!;
    fireEvent.click(within(row).getByRole('button', { name: /展开行/ }));
    const detail = await screen.findByTestId(`org-detail-${organization.uscc}`);
    await waitFor(() => expect(within(detail).getByRole('link', { name: '营业执照' })).toBeTruthy());
    expect(within(detail).getByRole('link', { name: '营业执照' }).getAttribute('href')).toBe(
      `/api/admin/organizations/${organization.id}/documents/d0c5f5c4-4a3b-4f0a-9a34-8f1d2c3b4a5e`,
    );
    expect(within(detail).getByTestId('documents-missing').textContent).toBe('尚缺：承诺书（签字盖章）');
    expect(within(detail).getByText('与单位名称不一致')).toBeTruthy();
    expect(within(detail).getByText('提交注册')).toBeTruthy();
    expect(within(detail).queryByText('registered')).toBeNull();
  });
});
