import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { formatVoucherCode, getCatalogueProgram, voucherCodeFrom } from '@huanxin/shared';
import { residentIdNumber } from '@huanxin/shared/testing';
import { routes } from '@/app/router';
import { apiError, mockApi, signedInAs, type Handler } from '@/test/api-mock';
import { dealerMe, programDetailOf } from '@/test/fixtures';
import { jsonResponse, renderWithApp } from '@/test/render';
import { AppProviders } from '@/app/providers';
import { createI18n } from '@/lib/i18n';
import { QueryClient } from '@tanstack/react-query';
import { VoucherScanner } from './voucher-scanner';
import { voucherCodeRule } from './redeem-rules';

const appliance = getCatalogueProgram('appliance-2026')!;
const BUYER_ID = residentIdNumber({ sequence: 302, birthDate: '1968-05-04' });
const CODE = voucherCodeFrom([7, 3, 12, 0, 25, 18, 4, 9, 30]);
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
const other = {
  ...product,
  id: '6a1d9b1f-2c3d-4e5f-9a01-b2c3d4e5f6a7',
  brand: '美的',
  model: 'KFR-35GW',
  category: 'air_conditioner',
  barcode: '6901234567885',
  filedPriceFen: 259_900,
};

function counterApi(extra: Record<string, Response | Handler> = {}) {
  const { definition: _definition, ...summary } = programDetailOf(appliance);
  return mockApi({
    'GET /api/auth/me': signedInAs({ role: 'dealer', displayName: '李经理' }),
    'GET /api/programs': jsonResponse([summary]),
    'GET /api/programs/appliance-2026': jsonResponse(programDetailOf(appliance)),
    'GET /api/dealer/me': jsonResponse(dealerMe),
    'GET /api/dealer/products': jsonResponse([product, other]),
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

// ------------------------------------------------------------------------------------------------
// A fake camera: getUserMedia answers a stream whose track records stop(); the video "plays".

interface FakeCamera {
  getUserMedia: ReturnType<typeof vi.fn>;
  stopped: () => boolean;
}

function fakeCamera(answer: 'stream' | Error = 'stream'): FakeCamera {
  let stopped = false;
  const track = { kind: 'video', stop: () => (stopped = true) };
  const stream = { getTracks: () => [track], getVideoTracks: () => [track] } as unknown as MediaStream;
  const getUserMedia = vi.fn(async () => {
    if (answer instanceof Error) throw answer;
    return stream;
  });
  Object.defineProperty(navigator, 'mediaDevices', { value: { getUserMedia }, configurable: true });
  return { getUserMedia, stopped: () => stopped };
}

/** A fake BarcodeDetector (the browser's own API, which the factory prefers) yielding frames in turn. */
function fakeDetector(frames: string[][]) {
  const seen: unknown[] = [];
  class FakeBarcodeDetector {
    static getSupportedFormats = async () => ['qr_code', 'ean_13'];
    constructor(readonly options: { formats: string[] }) {}
    async detect(source: unknown) {
      seen.push(source);
      const frame = frames.length > 1 ? frames.shift()! : (frames[0] ?? []);
      return frame.map((rawValue) => ({ rawValue }));
    }
  }
  vi.stubGlobal('BarcodeDetector', FakeBarcodeDetector);
  return seen;
}

beforeEach(() => {
  vi.spyOn(HTMLMediaElement.prototype, 'play').mockResolvedValue(undefined);
});
afterEach(() => {
  vi.unstubAllGlobals();
  Reflect.deleteProperty(navigator, 'mediaDevices');
});

async function openCounter() {
  renderWithApp(routes, { path: '/console/dealer/redeem' });
  // The console's chunk loads lazily: the first test of the file waits for it.
  await screen.findByRole('heading', { name: '第 1 步：读取补贴券' }, { timeout: 15_000 });
}

describe('the voucher code as typed', () => {
  it.each([
    ['', 'REQUIRED'],
    ['HX7K-3MQ-PD', 'INVALID_LENGTH'],
    [`${CODE.slice(0, 9)}O`, 'INVALID_CHARACTER'],
    [`${CODE.slice(0, 9)}${CODE[9] === '2' ? '3' : '2'}`, 'INVALID_CHECKSUM'],
    [`${CODE[1]}${CODE[0]}${CODE.slice(2)}`, CODE[0] === CODE[1] ? true : 'INVALID_CHECKSUM'],
    [formatVoucherCode(CODE).toLowerCase(), true],
    [` ${CODE.slice(0, 5)} ${CODE.slice(5)} `, true],
  ])('%j → %s', (typed, expected) => {
    expect(voucherCodeRule(typed)).toBe(expected);
  });
});

describe('scan the voucher with the camera', () => {
  it('asks for the rear camera, skips a QR code that is no voucher, fills the code and closes the camera', async () => {
    const camera = fakeCamera();
    const seen = fakeDetector([[], ['https://example.com/box'], [CODE]]);
    counterApi();
    await openCounter();
    fireEvent.click(screen.getByTestId('scan-start'));
    await waitFor(() => expect(screen.getByTestId('voucher-scanner').dataset.state).toBe('scanning'));
    expect(camera.getUserMedia).toHaveBeenCalledWith({
      video: { facingMode: { ideal: 'environment' } },
      audio: false,
    });
    await waitFor(() =>
      expect((screen.getByTestId('voucher-code') as HTMLInputElement).value).toBe(formatVoucherCode(CODE)),
    );
    expect(seen.length).toBe(3);
    expect(seen[0]).toBeInstanceOf(HTMLVideoElement);
    expect(camera.stopped()).toBe(true);
    expect(screen.getByTestId('voucher-scanner').dataset.state).toBe('idle');
    expect(field('voucherCode').textContent).toContain('已从二维码读取券码');
    fireEvent.click(screen.getByTestId('voucher-next'));
    await screen.findByRole('heading', { name: '第 2 步：商品与金额' });
    expect(screen.getByTestId('counter-voucher').textContent).toContain(formatVoucherCode(CODE));
    // The first test of the file also waits for the console's chunk.
  }, 40_000);

  it('shows the "not a voucher" hint while only foreign QR codes are in view', async () => {
    fakeCamera();
    fakeDetector([['6901234567892']]);
    counterApi();
    await openCounter();
    fireEvent.click(screen.getByTestId('scan-start'));
    expect(await screen.findByText(/这不是补贴券的二维码/)).toBeTruthy();
    expect((screen.getByTestId('voucher-code') as HTMLInputElement).value).toBe('');
    fireEvent.click(screen.getByTestId('scan-stop'));
    expect(screen.getByTestId('voucher-scanner').dataset.state).toBe('idle');
  });

  it('refused camera permission: a clear message, and the typed code still takes the cashier on', async () => {
    fakeCamera(Object.assign(new Error('denied'), { name: 'NotAllowedError' }));
    fakeDetector([[CODE]]);
    counterApi();
    await openCounter();
    fireEvent.click(screen.getByTestId('scan-start'));
    const fallback = await screen.findByTestId('scan-fallback');
    expect(fallback.textContent).toContain('未获得摄像头权限');
    expect(fallback.textContent).toContain('请在下方输入顾客读出的券码');
    type('voucherCode', CODE.toLowerCase());
    fireEvent.click(screen.getByTestId('voucher-next'));
    await screen.findByRole('heading', { name: '第 2 步：商品与金额' });
  });

  it('no camera at all (no mediaDevices, or NotFoundError): the "no camera" message', async () => {
    counterApi();
    await openCounter();
    fireEvent.click(screen.getByTestId('scan-start'));
    expect((await screen.findByTestId('scan-fallback')).textContent).toContain('没有可用的摄像头');
    fakeCamera(Object.assign(new Error('none'), { name: 'NotFoundError' }));
    fireEvent.click(screen.getByTestId('scan-start'));
    await waitFor(() => expect(screen.getByTestId('voucher-scanner').dataset.state).toBe('unavailable'));
  });

  it('a detector that cannot load: the camera is released and the cashier told to type', async () => {
    const camera = fakeCamera();
    const onCode = vi.fn();
    render(
      <AppProviders i18n={createI18n('zh-CN')} queryClient={new QueryClient()}>
        <VoucherScanner onCode={onCode} createDetector={() => Promise.reject(new Error('no wasm'))} />
      </AppProviders>,
    );
    fireEvent.click(screen.getByTestId('scan-start'));
    expect((await screen.findByTestId('scan-fallback')).textContent).toContain('此浏览器无法识别二维码');
    expect(camera.stopped()).toBe(true);
    expect(onCode).not.toHaveBeenCalled();
  });

  it('a typo in the typed code is caught before anything is sent', async () => {
    const calls = counterApi();
    await openCounter();
    type('voucherCode', `${CODE.slice(0, 9)}${CODE[9] === '2' ? '3' : '2'}`);
    await waitFor(() => expect(errorOf('voucherCode')).toBe('券码校验不通过，可能有字符输错或前后颠倒'));
    fireEvent.click(screen.getByTestId('voucher-next'));
    await waitFor(() => expect(errorOf('voucherCode')).not.toBeNull());
    expect(screen.queryByRole('heading', { name: '第 2 步：商品与金额' })).toBeNull();
    expect(calls.filter((c) => c.method === 'POST')).toEqual([]);
  });
});

async function toSaleStep() {
  await openCounter();
  type('voucherCode', formatVoucherCode(CODE));
  fireEvent.click(screen.getByTestId('voucher-next'));
  await screen.findByRole('heading', { name: '第 2 步：商品与金额' });
}

async function pickProduct(search: string, title: RegExp) {
  const combobox = within(field('productId')).getByRole('combobox');
  fireEvent.mouseDown(combobox);
  fireEvent.change(combobox, { target: { value: search } });
  const option = await waitFor(() => {
    const found = [...document.querySelectorAll<HTMLElement>('.ant-select-item-option')].find((o) =>
      title.test(o.textContent ?? ''),
    );
    if (!found) throw new Error('option not shown');
    return found;
  });
  fireEvent.click(option);
}

function fillSale() {
  type('serialNo', 'BE0123456789');
  type('invoiceNo', '25370000000012345678');
  type('invoiceDate', '2026-11-30');
  type('buyerName', '王芳');
  type('buyerIdNumber', BUYER_ID);
}

const share = () => screen.getByTestId('resident-share');

describe('the sale at the counter', () => {
  it('searches the products; the resident’s share follows the price and the discount live', async () => {
    counterApi();
    await toSaleStep();
    expect(share().dataset.share).toBe('');
    expect(share().textContent).toContain('选择商品并填写售价后');
    await pickProduct('bcd', /海尔 BCD-470WGHTD/);
    // The filed price is taken; 15 % of ¥3,999 is ¥599.85 (appliance-2026's formula, the server's engine).
    await waitFor(() => expect(share().dataset.share).toBe('339915'));
    expect(screen.getByTestId('share-subsidy').textContent).toBe('− ¥599.85');
    expect(screen.getByTestId('share-amount').textContent).toBe('¥3,399.15');
    expect(share().textContent).toContain('以收银核销结果为准');
    type('otherDiscount', '100');
    await waitFor(() => expect(share().dataset.share).toBe('329915'));
    type('price', '2000');
    // 15 % of ¥2,000 = ¥300; the resident pays 2000 − 300 − 100.
    await waitFor(() => expect(screen.getByTestId('share-amount').textContent).toBe('¥1,600.00'));
    type('price', '4000');
    await waitFor(() => expect(errorOf('price')).toBe('售价高于该商品的备案价'));
    expect(screen.getByTestId('redeem-submit').textContent).toContain('顾客付');
  });

  it('a discount above the price after the subsidy: a warning, and nothing can be sent', async () => {
    const calls = counterApi();
    await toSaleStep();
    await pickProduct('海尔', /海尔/);
    fillSale();
    type('otherDiscount', '3500');
    await waitFor(() => expect(share().dataset.share).toBe('-10085'));
    expect(share().textContent).toContain('补贴和其他优惠之和超过售价');
    expect((screen.getByTestId('redeem-submit') as HTMLButtonElement).disabled).toBe(true);
    expect(calls.filter((c) => c.method === 'POST')).toEqual([]);
  });

  it('sends the contract’s body with the voucher; the till’s refusals land on their fields', async () => {
    let answer: Response = apiError(422, 'BUYER_NOT_HOLDER', {
      fields: { 'buyer.idNumber': 'BUYER_NOT_HOLDER' },
    });
    const calls = counterApi({ 'POST /api/dealer/sales': () => answer.clone() });
    await toSaleStep();
    await pickProduct('海尔', /海尔/);
    fillSale();
    type('otherDiscount', '99.15');
    await waitFor(() => expect(share().dataset.share).toBe('330000'));
    fireEvent.click(screen.getByTestId('redeem-submit'));
    await waitFor(() => expect(errorOf('buyerIdNumber')).toBe('购买人身份证号与补贴券持有人不一致'));
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({
      programCode: 'appliance-2026',
      voucherCode: CODE,
      productId: product.id,
      serialNo: 'BE0123456789',
      priceFen: 399_900,
      paidFen: 330_000,
      otherDiscountFen: 9_915,
      invoiceNo: '25370000000012345678',
      invoiceDate: '2026-11-30',
      buyer: { name: '王芳', idNumber: BUYER_ID },
      delivery: { mode: 'pickup' },
    });
    answer = apiError(409, 'DUPLICATE_SERIAL', { fields: { serialNo: 'DUPLICATE_SERIAL' } });
    fireEvent.click(screen.getByTestId('redeem-submit'));
    await waitFor(() => expect(errorOf('serialNo')).toBe('该序列号已登记过销售'));
    answer = apiError(422, 'AMOUNTS_DO_NOT_ADD_UP', { fields: { paidFen: 'AMOUNTS_DO_NOT_ADD_UP' } });
    type('serialNo', 'BE0123456790');
    fireEvent.click(screen.getByTestId('redeem-submit'));
    await waitFor(() => expect(errorOf('price')).toContain('收银计算的补贴与预估不同'));
    answer = apiError(409, 'VOUCHER_CATEGORY_MISMATCH', {
      fields: { productId: 'VOUCHER_CATEGORY_MISMATCH' },
    });
    type('price', '3999');
    fireEvent.click(screen.getByTestId('redeem-submit'));
    await waitFor(() => expect(errorOf('productId')).toBe('该商品的品类与补贴券不符'));
    answer = apiError(409, 'VOUCHER_PROGRAM_MISMATCH', {
      fields: { programCode: 'VOUCHER_PROGRAM_MISMATCH' },
    });
    type('serialNo', 'BE0123456791');
    fireEvent.click(screen.getByTestId('redeem-submit'));
    await waitFor(() => expect(errorOf('productId')).toBe('该商品不属于补贴券所属的项目'));
    // Still step 2: these are about the item, not the voucher.
    expect(screen.getByRole('heading', { name: '第 2 步：商品与金额' })).toBeTruthy();
  });

  it('a used voucher goes back to step 1 with the reason on the code; the sale’s inputs are kept', async () => {
    counterApi({
      'POST /api/dealer/sales': apiError(409, 'VOUCHER_USED', { fields: { voucherCode: 'VOUCHER_USED' } }),
    });
    await toSaleStep();
    await pickProduct('海尔', /海尔/);
    fillSale();
    await waitFor(() => expect(share().dataset.share).toBe('339915'));
    fireEvent.click(screen.getByTestId('redeem-submit'));
    await screen.findByRole('heading', { name: '第 1 步：读取补贴券' });
    await waitFor(() => expect(errorOf('voucherCode')).toBe('补贴券已核销过，不能重复使用'));
    expect((screen.getByTestId('voucher-code') as HTMLInputElement).value).toBe(formatVoucherCode(CODE));
    fireEvent.click(screen.getByTestId('voucher-next'));
    await screen.findByRole('heading', { name: '第 2 步：商品与金额' });
    expect(field('serialNo').querySelector('input')?.value).toBe('BE0123456789');
    expect(field('buyerName').querySelector('input')?.value).toBe('王芳');
  });

  it('an expired voucher without fields still lands on the code', async () => {
    counterApi({ 'POST /api/dealer/sales': apiError(409, 'VOUCHER_EXPIRED') });
    await toSaleStep();
    await pickProduct('海尔', /海尔/);
    fillSale();
    await waitFor(() => expect(share().dataset.share).toBe('339915'));
    fireEvent.click(screen.getByTestId('redeem-submit'));
    await screen.findByRole('heading', { name: '第 1 步：读取补贴券' });
    await waitFor(() => expect(errorOf('voucherCode')).toBe('补贴券已过期或已被取消，不能核销'));
  });

  it('the receipt: shop, item, serial, price, the till’s subsidy, what the resident paid, the claim code', async () => {
    const sale = {
      id: 'sale-1',
      kind: 'goods',
      status: 'recorded',
      programCode: 'appliance-2026',
      productId: product.id,
      category: 'refrigerator',
      serialNo: 'BE0123456789',
      imei: null,
      vin: null,
      priceFen: 399_900,
      paidFen: 339_915,
      subsidyFen: 59_985,
      otherDiscountFen: 0,
      filedPriceFen: 399_900,
      invoiceNo: '25370000000012345678',
      invoiceDate: '2026-11-30',
      buyerNameMasked: '王*',
      buyerIdNumberMasked: '3701**********1234',
      deliveryMode: 'pickup',
      deliveredOn: null,
      claim: { id: 'app-1', code: 'HX-2026-000123', status: 'submitted' },
      money: { state: 'advanced', amountFen: 59_985 },
      createdAt: '2026-11-30T02:00:00.000Z',
    };
    counterApi({
      'POST /api/dealer/sales': jsonResponse(
        { id: 'sale-1', subsidyFen: 59_985, applicationId: 'app-1' },
        201,
      ),
      'GET /api/dealer/sales': jsonResponse({ items: [sale], total: 1 }),
    });
    await toSaleStep();
    await pickProduct('海尔', /海尔/);
    fillSale();
    await waitFor(() => expect(share().dataset.share).toBe('339915'));
    fireEvent.click(screen.getByTestId('redeem-submit'));
    const receipt = await screen.findByTestId('receipt');
    expect(within(receipt).getByRole('heading').textContent).toBe(dealerMe.organization.name);
    expect(receipt.textContent).toContain('海尔 BCD-470WGHTD');
    expect(receipt.textContent).toContain('BE0123456789');
    expect(within(receipt).getByTestId('receipt-price').textContent).toContain('¥3,999.00');
    expect(within(receipt).getByTestId('receipt-subsidy').textContent).toContain('− ¥599.85');
    expect(within(receipt).getByTestId('receipt-paid').textContent).toContain('¥3,399.15');
    await waitFor(() =>
      expect(within(receipt).getByTestId('receipt-claim').textContent).toContain('HX-2026-000123'),
    );
    expect(receipt.textContent).toContain(formatVoucherCode(CODE));
    expect(receipt.querySelector('time')?.getAttribute('datetime')).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    fireEvent.click(screen.getByTestId('receipt-next'));
    await screen.findByRole('heading', { name: '第 1 步：读取补贴券' });
    expect((screen.getByTestId('voucher-code') as HTMLInputElement).value).toBe('');
  });

  it('English: the counter speaks English too', async () => {
    counterApi();
    renderWithApp(routes, { path: '/console/dealer/redeem', language: 'en' });
    await screen.findByRole('heading', { name: 'Step 1: read the voucher' });
    expect(screen.getByLabelText('Voucher code')).toBeTruthy();
  });
});
