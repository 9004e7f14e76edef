import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { OLD_VEHICLE_VIN, residentIdNumber } from '@huanxin/shared/testing';
import { routes } from '@/app/router';
import { mockApi, signedInAs } from '@/test/api-mock';
import { jsonResponse, renderWithApp } from '@/test/render';

const OWNER_ID = residentIdNumber({ sequence: 350, birthDate: '1960-03-09' });

const organization = (kinds: string[], status = 'active') => ({
  id: '0b7e5f5c-4a3b-4f0a-9a34-8f1d2c3b4a5e',
  name: '章丘示例拆解有限公司',
  uscc: '91310115MA1K3BTP2B',
  kinds,
  programs: ['car-scrap-2026'],
  status,
  street: 'mingshui',
  statusChangedAt: null,
  contactName: '周经理',
  contactPhoneMasked: '139****6501',
  payoutBankName: '中国工商银行章丘支行',
  payoutAccountName: '章丘示例拆解有限公司',
  payoutAccountMasked: '**** **** **** 3456',
  createdAt: '2026-12-01T02:00:00.000Z',
});
const user = {
  id: 'u',
  username: 'chaijie',
  displayName: '周经理',
  orgAdmin: true,
  disabled: false,
  createdAt: '',
};

function dealerApi(kinds: string[], status = 'active', extra: Record<string, Response> = {}) {
  return mockApi({
    'GET /api/auth/me': signedInAs({ role: 'dealer', displayName: '周经理' }),
    'GET /api/programs': jsonResponse([]),
    'GET /api/dealer/me': jsonResponse({ organization: organization(kinds, status), user }),
    'GET /api/dealer/products': jsonResponse([]),
    'GET /api/dealer/certificates': jsonResponse([]),
    'GET /api/dealer/recycling-receipts': jsonResponse([]),
    'GET /api/dealer/documents': jsonResponse([]),
    ...extra,
  });
}

/** A scripted XMLHttpRequest: the test answers the multipart upload. */
class ScriptedUpload {
  static last: ScriptedUpload | undefined;
  status = 0;
  responseText = '';
  withCredentials = false;
  url = '';
  body: FormData | undefined;
  upload: { onprogress: (() => void) | null; onload: (() => void) | null } = {
    onprogress: null,
    onload: null,
  };
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  onabort: (() => void) | null = null;
  constructor() {
    ScriptedUpload.last = this;
  }
  open(_method: string, url: string) {
    this.url = url;
  }
  setRequestHeader() {}
  getResponseHeader() {
    return null;
  }
  abort() {}
  send(body: FormData) {
    this.body = body;
  }
  respond(status: number, body: unknown) {
    this.status = status;
    this.responseText = JSON.stringify(body);
    this.onload?.();
  }
}

function field(name: string): HTMLElement {
  const box = document.querySelector<HTMLElement>(`[data-field="${name}"]`);
  if (!box) throw new Error(`no field ${name}`);
  return box;
}
function type(name: string, value: string) {
  fireEvent.change(field(name).querySelector('input')!, { target: { value } });
}
const errorOf = (name: string) => field(name).querySelector('.hx-field__error')?.textContent ?? null;

beforeEach(() => {
  ScriptedUpload.last = undefined;
  vi.stubGlobal('XMLHttpRequest', ScriptedUpload);
});
afterEach(() => vi.unstubAllGlobals());

describe('dismantlers’ certificates', () => {
  it('checks the fields as typed, needs the scan, sends fields before the file; a duplicate lands on the number', async () => {
    dealerApi(['dismantler']);
    renderWithApp(routes, { path: '/console/dealer/certificates' });
    await screen.findByRole('heading', { name: '登记回收证明' });
    type('certificateNo', 'a');
    await waitFor(() => expect(errorOf('certificateNo')).not.toBeNull());
    type('certificateNo', 'BF2026-0001234');
    type('vin', OLD_VEHICLE_VIN);
    type('plate', '鲁A12345');
    type('ownerName', '周大');
    type('ownerIdNumber', `${OWNER_ID.slice(0, 17)}${OWNER_ID.endsWith('1') ? '2' : '1'}`);
    await waitFor(() => expect(errorOf('ownerIdNumber')).not.toBeNull());
    type('ownerIdNumber', OWNER_ID);
    type('handedOverOn', '2026-11-28');
    fireEvent.click(screen.getByTestId('certificate-submit'));
    await waitFor(() => expect(errorOf('scan')).toBe('请选择证明的扫描件或照片'));
    expect(ScriptedUpload.last).toBeUndefined();

    const scan = new File(['%PDF-1.7'], 'certificate.pdf', { type: 'application/pdf' });
    fireEvent.change(field('scan').querySelector('input')!, { target: { files: [scan] } });
    fireEvent.click(screen.getByTestId('certificate-submit'));
    await waitFor(() => expect(ScriptedUpload.last).toBeDefined());
    const xhr = ScriptedUpload.last!;
    expect(xhr.url).toBe('/api/dealer/certificates');
    expect([...xhr.body!.keys()]).toEqual([
      'certificateNo',
      'vin',
      'plate',
      'ownerName',
      'ownerIdNumber',
      'handedOverOn',
      'file',
    ]);
    expect(xhr.body!.get('certificateNo')).toBe('BF2026-0001234');
    act(() =>
      xhr.respond(409, {
        error: {
          code: 'DUPLICATE_CERTIFICATE',
          message: 'x',
          fields: { certificateNo: 'DUPLICATE_CERTIFICATE' },
        },
      }),
    );
    await waitFor(() => expect(errorOf('certificateNo')).toBe('该证明编号已登记过'));
  });

  it('a retailer is told the page is not for its kind, and gets no form', async () => {
    dealerApi(['retailer']);
    renderWithApp(routes, { path: '/console/dealer/certificates' });
    await screen.findByText('本单位的经营类型不使用此页面。');
    expect(screen.queryByTestId('certificate-submit')).toBeNull();
    const nav = screen.getByRole('navigation', { name: '经营单位工作台' });
    expect(within(nav).queryByText('报废回收证明')).toBeNull();
  });
});

describe('recyclers’ receipts', () => {
  it('a company credit code as the seller is refused as typed (a person’s ID is needed)', async () => {
    const calls = dealerApi(['recycler']);
    renderWithApp(routes, { path: '/console/dealer/receipts' });
    await screen.findByRole('heading', { name: '登记回收凭证' });
    type('sellerIdNumber', '91310115MA1K3BTP2B');
    await waitFor(() => expect(errorOf('sellerIdNumber')).toBe('交售人须为个人（居民身份证号），不能是单位'));
    fireEvent.click(screen.getByTestId('receipt-submit'));
    await waitFor(() => expect(errorOf('receiptNo')).not.toBeNull());
    expect(calls.filter((c) => c.method === 'POST')).toEqual([]);
  });
});

describe('registration documents', () => {
  it('a pending organisation sees what is missing and uploads its licence (kind before file)', async () => {
    dealerApi(['retailer'], 'pending');
    renderWithApp(routes, { path: '/console/dealer' });
    const section = await screen.findByTestId('registration-documents');
    await waitFor(() => expect(within(section).getAllByText('未上传')).toHaveLength(2));
    const input = within(section).getByLabelText('上传营业执照');
    fireEvent.change(input, {
      target: { files: [new File(['%PDF'], 'licence.pdf', { type: 'application/pdf' })] },
    });
    await waitFor(() => expect(ScriptedUpload.last).toBeDefined());
    const xhr = ScriptedUpload.last!;
    expect(xhr.url).toBe('/api/dealer/documents');
    expect([...xhr.body!.keys()]).toEqual(['kind', 'file']);
    expect(xhr.body!.get('kind')).toBe('business_licence');
  });
});
