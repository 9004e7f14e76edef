import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { getCatalogueProgram } from '@huanxin/shared';
import { NEW_VEHICLE_VIN, residentIdNumber } from '@huanxin/shared/testing';
import { routes } from '@/app/router';
import { apiError, mockApi, signedInAs, type Handler } from '@/test/api-mock';
import { dealerMe, dealerOrganization, programDetailOf } from '@/test/fixtures';
import { jsonResponse, renderWithApp } from '@/test/render';

const appliance = getCatalogueProgram('appliance-2026')!;
const BUYER_ID = residentIdNumber({ sequence: 301, birthDate: '1970-01-01' });

const organization = dealerOrganization;
const me = dealerMe;
const product = {
  id: '5f0c8a0e-1b2c-4d3e-8f90-a1b2c3d4e5f6',
  programCode: 'appliance-2026',
  category: 'refrigerator',
  barcode: '6901234567892',
  brand: '海尔',
  model: 'BCD-470WGHTD',
  efficiencyGrade: 1,
  filedPriceFen: 399_900,
  priceRaiseFlagged: false,
  priceHistory: [],
  createdAt: '',
  updatedAt: '',
};

function dealerApi(extra: Record<string, Response | Handler> = {}) {
  const { definition: _definition, ...summary } = programDetailOf(appliance);
  return mockApi({
    'GET /api/auth/me': signedInAs({ role: 'dealer', displayName: '李经理' }),
    'GET /api/programs': jsonResponse([summary]),
    'GET /api/programs/appliance-2026': jsonResponse(programDetailOf(appliance)),
    'GET /api/dealer/me': jsonResponse(me),
    'GET /api/dealer/products': jsonResponse([product]),
    ...extra,
  });
}

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
const amounts = () => screen.getByTestId('amounts-check');

async function openGoodsForm() {
  renderWithApp(routes, { path: '/console/dealer/sales/new' });
  await screen.findByRole('heading', { name: '登记商品销售' });
  const select = within(field('productId')).getByRole('combobox');
  fireEvent.change(select, { target: { value: product.id } });
  await waitFor(() => expect(screen.getByTestId('subsidy-estimate').textContent).toContain('¥599.85'));
}

function fillBuyerAndInvoice() {
  type('serialNo', 'BE0123456789');
  type('invoiceNo', '25370000000012345678');
  type('invoiceDate', '2026-11-30');
  type('buyerName', '张三');
  type('buyerIdNumber', BUYER_ID);
}

afterEach(() => vi.unstubAllGlobals());

describe('record a goods sale', () => {
  it('takes the filed price; without a voucher nothing is off at the till, so paid + other = price', async () => {
    dealerApi();
    await openGoodsForm();
    expect(field('price').querySelector('input')?.value).toBe('3999.00');
    expect(screen.getByTestId('subsidy-estimate').textContent).toContain('¥0.00');
    type('paid', '3900');
    await waitFor(() => expect(amounts().dataset.state).toBe('mismatch'));
    expect(amounts().textContent).toContain('相差 ¥99.00');
    type('otherDiscount', '99');
    await waitFor(() => expect(amounts().dataset.state).toBe('ok'));
  });

  it('with a voucher the program’s subsidy is taken off, and the amounts are checked live with it', async () => {
    dealerApi();
    await openGoodsForm();
    type('voucherCode', 'HXV-2026-0001');
    // 15 % of ¥3,999 is ¥599.85 (appliance-2026's formula, the engine the server runs).
    await waitFor(() =>
      expect(screen.getByTestId('subsidy-estimate').querySelector('strong')?.textContent).toBe('¥599.85'),
    );
    type('paid', '3400');
    await waitFor(() => expect(amounts().dataset.state).toBe('mismatch'));
    expect(amounts().textContent).toContain('相差 ¥0.85');
    await waitFor(() => expect(errorOf('paid')).toBe('实付 + 补贴 + 其他优惠须等于发票金额'));
    type('otherDiscount', '100');
    type('paid', '3299.15');
    await waitFor(() => expect(amounts().dataset.state).toBe('ok'));
    await waitFor(() => expect(errorOf('paid')).toBeNull());
  });

  it('flags a price above the filed price, a bad ID checksum and a bad invoice number as they are typed; sends nothing', async () => {
    const calls = dealerApi();
    await openGoodsForm();
    type('price', '4000');
    await waitFor(() => expect(errorOf('price')).toBe('售价高于该商品的备案价'));
    type('buyerIdNumber', `${BUYER_ID.slice(0, 17)}${BUYER_ID.endsWith('1') ? '2' : '1'}`);
    await waitFor(() => expect(errorOf('buyerIdNumber')).toBe('身份证号校验位不正确'));
    type('invoiceNo', '1234');
    await waitFor(() => expect(errorOf('invoiceNo')).toContain('全电发票为 20 位数字'));
    fireEvent.click(screen.getByTestId('sale-submit'));
    await waitFor(() => expect(errorOf('serialNo')).not.toBeNull());
    expect(calls.filter((c) => c.method === 'POST')).toEqual([]);
  });

  it('sends the contract’s body; a duplicate serial from the server lands under the serial input', async () => {
    let answer: Response = apiError(409, 'DUPLICATE_SERIAL', { fields: { serialNo: 'DUPLICATE_SERIAL' } });
    const calls = dealerApi({ 'POST /api/dealer/sales': () => answer.clone() });
    await openGoodsForm();
    fillBuyerAndInvoice();
    fireEvent.click(screen.getByTestId('fill-paid'));
    await waitFor(() => expect(amounts().dataset.state).toBe('ok'));
    fireEvent.change(within(field('deliveryMode')).getByRole('combobox'), { target: { value: 'delivery' } });
    type('deliveryAddress', '章丘区明水街道汇泉路 1 号');
    fireEvent.click(screen.getByTestId('sale-submit'));
    await waitFor(() => expect(errorOf('serialNo')).toBe('该序列号已登记过销售'));
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({
      programCode: 'appliance-2026',
      productId: product.id,
      serialNo: 'BE0123456789',
      priceFen: 399_900,
      paidFen: 399_900,
      otherDiscountFen: 0,
      invoiceNo: '25370000000012345678',
      invoiceDate: '2026-11-30',
      buyer: { name: '张三', idNumber: BUYER_ID },
      delivery: { mode: 'delivery', address: '章丘区明水街道汇泉路 1 号' },
    });
    answer = jsonResponse({ id: 's1', subsidyFen: 0 }, 201);
    type('serialNo', 'BE0123456790');
    fireEvent.click(screen.getByTestId('sale-submit'));
    expect((await screen.findByTestId('sale-done')).textContent).toContain('按发票号码和序列号自动核对');
  });

  it('a company buyer refused by the server (BUYER_NOT_PERSON) shows under the buyer’s ID number', async () => {
    dealerApi({
      'POST /api/dealer/sales': apiError(422, 'BUYER_NOT_PERSON', {
        fields: { 'buyer.idNumber': 'BUYER_NOT_PERSON' },
      }),
    });
    await openGoodsForm();
    fillBuyerAndInvoice();
    fireEvent.click(screen.getByTestId('fill-paid'));
    await waitFor(() => expect(amounts().dataset.state).toBe('ok'));
    fireEvent.click(screen.getByTestId('sale-submit'));
    await waitFor(() => expect(errorOf('buyerIdNumber')).toBe('购买人须为个人（居民身份证号），不能是单位'));
  });

  it('a pending organisation sees why it cannot record, and no form', async () => {
    dealerApi({
      'GET /api/dealer/me': jsonResponse({ ...me, organization: { ...organization, status: 'pending' } }),
    });
    renderWithApp(routes, { path: '/console/dealer/sales/new' });
    await screen.findByTestId('dealer-readonly');
    expect(screen.queryByTestId('sale-submit')).toBeNull();
  });

  it('only a dismantler sees the certificates tab; a retailer sees sales and import', async () => {
    dealerApi();
    renderWithApp(routes, { path: '/console/dealer/sales' });
    const nav = await screen.findByRole('navigation', { name: '经营单位工作台' });
    const tabs = within(nav)
      .getAllByRole('link')
      .map((a) => a.textContent);
    expect(tabs).toEqual(['概况与商品', '收银核销', '登记销售', '销售记录', '批量导入', '结算账本']);
  });
});

describe('record a car sale', () => {
  const carScrap = getCatalogueProgram('car-scrap-2026')!;
  const carDealer = {
    organization: { ...organization, kinds: ['car_dealer'], programs: ['car-scrap-2026'] },
    user: me.user,
  };

  it('checks the VIN’s check digit as typed and sends the contract’s car body', async () => {
    const { definition: _d, ...summary } = programDetailOf(carScrap);
    const calls = mockApi({
      'GET /api/auth/me': signedInAs({ role: 'dealer', displayName: '李经理' }),
      'GET /api/programs': jsonResponse([summary]),
      'GET /api/programs/car-scrap-2026': jsonResponse(programDetailOf(carScrap)),
      'GET /api/dealer/me': jsonResponse(carDealer),
      'GET /api/dealer/products': jsonResponse([]),
      'POST /api/dealer/sales': jsonResponse({ id: 'c1', subsidyFen: 0 }, 201),
    });
    renderWithApp(routes, { path: '/console/dealer/sales/new' });
    await screen.findByRole('heading', { name: '登记汽车销售' });
    const wrong = `${NEW_VEHICLE_VIN.slice(0, 8)}${NEW_VEHICLE_VIN[8] === '1' ? '2' : '1'}${NEW_VEHICLE_VIN.slice(9)}`;
    type('vin', wrong);
    await waitFor(() => expect(errorOf('vin')).toBe('VIN 第 9 位校验码不正确'));
    type('vin', NEW_VEHICLE_VIN.toLowerCase());
    await waitFor(() => expect(errorOf('vin')).toBeNull());
    fireEvent.change(within(field('powertrain')).getByRole('combobox'), { target: { value: 'nev' } });
    type('displacementL', '0');
    fireEvent.click(await screen.findByLabelText('车型已列入《减免车辆购置税的新能源汽车车型目录》'));
    type('price', '159800');
    type('invoiceNo', '037001900111 12345678');
    type('invoiceDate', '2026-11-30');
    type('buyerName', '张三');
    type('buyerIdNumber', BUYER_ID);
    fireEvent.click(screen.getByTestId('car-sale-submit'));
    await screen.findByTestId('sale-done');
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({
      programCode: 'car-scrap-2026',
      vehicle: { vin: NEW_VEHICLE_VIN, powertrain: 'nev', displacementL: 0, inNevCatalogue: true },
      priceFen: 15_980_000,
      invoiceNo: '03700190011112345678',
      invoiceDate: '2026-11-30',
      buyer: { name: '张三', idNumber: BUYER_ID },
    });
  });
});

/** A scripted XMLHttpRequest for the import upload: the test reports progress and answers. */
class ScriptedUpload {
  static last: ScriptedUpload | undefined;
  status = 0;
  responseText = '';
  withCredentials = false;
  url = '';
  body: FormData | undefined;
  upload: { onprogress: ((e: ProgressEvent) => void) | null; onload: (() => void) | null } = {
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
  progress(loaded: number, total: number) {
    this.upload.onprogress?.({ lengthComputable: true, loaded, total } as ProgressEvent);
  }
  uploaded() {
    this.upload.onload?.();
  }
  respond(status: number, body: unknown) {
    this.status = status;
    this.responseText = JSON.stringify(body);
    this.onload?.();
  }
}

describe('import sales from a file', () => {
  let saved: Blob[] = [];
  beforeEach(() => {
    ScriptedUpload.last = undefined;
    saved = [];
    vi.stubGlobal('XMLHttpRequest', ScriptedUpload);
    vi.stubGlobal(
      'URL',
      Object.assign(URL, {
        createObjectURL: (blob: Blob) => {
          saved.push(blob);
          return 'blob:report';
        },
        revokeObjectURL: () => undefined,
      }),
    );
  });

  async function choose(name: string) {
    renderWithApp(routes, { path: '/console/dealer/import' });
    const input = await screen.findByLabelText('导入文件（CSV 或 XLSX）');
    fireEvent.change(input, { target: { files: [new File(['a,b\n'], name, { type: 'text/csv' })] } });
    fireEvent.click(screen.getByTestId('import-submit'));
    await waitFor(() => expect(ScriptedUpload.last).toBeDefined());
    return ScriptedUpload.last!;
  }

  it('links both templates, shows the upload progress, then a checking state, then the count', async () => {
    dealerApi();
    const xhr = await choose('sales.csv');
    expect(screen.getByRole('link', { name: /下载模板（Excel）/ }).getAttribute('href')).toBe(
      '/api/dealer/sales/import/template?format=xlsx',
    );
    expect(screen.getByRole('link', { name: /下载模板（CSV）/ }).getAttribute('href')).toBe(
      '/api/dealer/sales/import/template?format=csv',
    );
    expect(xhr.url).toBe('/api/dealer/sales/import');
    expect((xhr.body?.get('file') as File).name).toBe('sales.csv');
    act(() => xhr.progress(40, 100));
    expect(screen.getByTestId('import-progress').textContent).toContain('正在上传');
    expect(screen.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('40');
    act(() => xhr.uploaded());
    expect(screen.getByTestId('import-progress').textContent).toContain('正在逐行校验');
    act(() => xhr.respond(200, { created: 3, errors: [] }));
    expect((await screen.findByTestId('import-done')).textContent).toBe('已导入 3 笔销售');
  });

  it('on 422 IMPORT_FAILED lists every bad row with the column and the problem in words, downloadable as CSV', async () => {
    dealerApi();
    const xhr = await choose('bad.csv');
    act(() =>
      xhr.respond(422, {
        error: {
          code: 'IMPORT_FAILED',
          message: 'x',
          rows: [
            { line: 4, field: 'serialNo', code: 'DUPLICATE_SERIAL' },
            { line: 2, field: 'buyer.idNumber', code: 'INVALID_CHECKSUM' },
          ],
        },
      }),
    );
    const report = await screen.findByTestId('import-report');
    expect(within(report).getByRole('alert').textContent).toContain('有 2 处错误，整份文件未导入');
    const rows = within(report)
      .getAllByRole('row')
      .slice(1)
      .map((r) =>
        within(r)
          .getAllByRole('cell')
          .map((c) => c.textContent),
      );
    expect(rows).toEqual([
      ['2', '购买人身份证号', '身份证号校验位不正确'],
      ['4', '产品序列号', '该序列号已登记过销售'],
    ]);
    fireEvent.click(within(report).getByRole('button', { name: /下载错误报告/ }));
    expect(saved).toHaveLength(1);
    const csv = await saved[0]!.text();
    expect(csv).toContain('行号,列,问题,错误代码');
    expect(csv).toContain('2,购买人身份证号,身份证号校验位不正确,INVALID_CHECKSUM');
  });

  it('a file larger than the limit is refused before it is sent', async () => {
    dealerApi();
    renderWithApp(routes, { path: '/console/dealer/import' });
    const input = await screen.findByLabelText('导入文件（CSV 或 XLSX）');
    const big = new File(['x'], 'big.xlsx');
    Object.defineProperty(big, 'size', { value: 21 * 1024 * 1024 });
    fireEvent.change(input, { target: { files: [big] } });
    fireEvent.click(screen.getByTestId('import-submit'));
    expect((await screen.findByRole('alert')).textContent).toContain('文件超过 20 MB');
    expect(ScriptedUpload.last).toBeUndefined();
  });
});
