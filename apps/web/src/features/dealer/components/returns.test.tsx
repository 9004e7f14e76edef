import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { QueryClient } from '@tanstack/react-query';
import { formatFen, getCatalogueProgram, todayInShanghai } from '@huanxin/shared';
import { routes } from '@/app/router';
import { AppProviders } from '@/app/providers';
import { createI18n } from '@/lib/i18n';
import { apiError, mockApi, signedInAs, type Handler } from '@/test/api-mock';
import { dealerMe, dealerOrganization, programDetailOf } from '@/test/fixtures';
import { jsonResponse, renderWithApp } from '@/test/render';
import { Receivables } from '../ledger/components/dealer-ledger';
import { returnedOnRule } from './return-dialog';

const appliance = getCatalogueProgram('appliance-2026')!;
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
const sale = {
  id: '9d2e1c3b-4a5f-4e6d-8c7b-0a1b2c3d4e5f',
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
  invoiceDate: '2026-11-20',
  buyerNameMasked: '王*',
  buyerIdNumberMasked: '3701**********1234',
  deliveryMode: 'pickup',
  deliveredOn: null,
  claim: { id: 'app-1', code: 'ZQ-2026-000321', status: 'paid' },
  money: { state: 'paid', amountFen: 59_985 },
  createdAt: '2026-11-20T02:00:00.000Z',
};
const returned = {
  ...sale,
  id: '1a2b3c4d-5e6f-4a8b-9c0d-1e2f3a4b5c6d',
  serialNo: 'BE0123456790',
  invoiceNo: '25370000000012345679',
  status: 'returned',
  money: { state: 'receivable', amountFen: 59_985, expectedOn: '2026-12-10' },
  return: { returnedOn: '2026-11-30', reason: '质量问题', outcome: 'receivable' },
};

function salesApi(extra: Record<string, Response | Handler> = {}, me = dealerMe) {
  const { definition: _definition, ...summary } = programDetailOf(appliance);
  return mockApi({
    'GET /api/auth/me': signedInAs({ role: 'dealer', displayName: '李经理' }),
    'GET /api/programs': jsonResponse([summary]),
    'GET /api/programs/appliance-2026': jsonResponse(programDetailOf(appliance)),
    'GET /api/dealer/me': jsonResponse(me),
    'GET /api/dealer/products': jsonResponse([product]),
    'GET /api/dealer/sales': jsonResponse({ items: [sale, returned], total: 2 }),
    ...extra,
  });
}

function field(name: string): HTMLElement {
  const box = document.querySelector<HTMLElement>(`[data-field="${name}"]`);
  if (!box) throw new Error(`no field ${name}`);
  return box;
}
function type(name: string, value: string) {
  const input = field(name).querySelector('input, textarea');
  if (!input) throw new Error(`no input for ${name}`);
  fireEvent.change(input, { target: { value } });
}
const errorOf = (name: string) => field(name).querySelector('.hx-field__error')?.textContent ?? null;

async function openReturn() {
  renderWithApp(routes, { path: '/console/dealer/sales' });
  // The console's chunk loads lazily: the first test of the file waits for it.
  const buttons = await screen.findAllByTestId('sale-return', {}, { timeout: 15_000 });
  // Only the recorded sale offers a return; the returned one shows its state instead.
  expect(buttons).toHaveLength(1);
  fireEvent.click(buttons[0]!);
  return screen.findByRole('dialog');
}

afterEach(() => vi.unstubAllGlobals());

describe('the return date', () => {
  const rule = returnedOnRule('2026-11-20', () => '2026-12-01');
  it.each([
    ['', 'REQUIRED'],
    ['2026-13-01', 'INVALID_DATE'],
    ['2026-12-02', 'FUTURE_DATE'],
    ['2026-11-19', 'BEFORE_SALE_DATE'],
    ['2026-11-20', true],
    ['2026-12-01', true],
  ])('%j → %s', (value, expected) => expect(rule(value)).toBe(expected));
});

describe('report a return from the sales list', () => {
  it('checks the date and the reason before sending; then shows the receivable in words', async () => {
    const calls = salesApi({
      'POST /api/dealer/sales/9d2e1c3b-4a5f-4e6d-8c7b-0a1b2c3d4e5f/return': jsonResponse({
        outcome: 'receivable',
        receivableFen: 59_985,
        dueOn: '2026-12-12',
      }),
    });
    const dialog = await openReturn();
    expect(dialog.textContent).toContain('海尔 BCD-470WGHTD');
    expect(dialog.textContent).toContain('退货登记后不能撤销');
    expect((field('returnedOn').querySelector('input') as HTMLInputElement).value).toBe(todayInShanghai());
    fireEvent.click(within(dialog).getByTestId('return-confirm'));
    await waitFor(() => expect(errorOf('reason')).toBe('请填写退货原因'));
    type('returnedOn', '2026-11-19');
    await waitFor(() => expect(errorOf('returnedOn')).toBe('退货日期不能早于开票日期'));
    type('returnedOn', '2099-01-01');
    await waitFor(() => expect(errorOf('returnedOn')).toBe('退货日期不能晚于今天'));
    type('reason', 'x'.repeat(201));
    await waitFor(() => expect(errorOf('reason')).toBe('退货原因最多 200 字'));
    expect(calls.filter((c) => c.method === 'POST')).toEqual([]);

    const salesReads = calls.filter((c) => c.path === '/api/dealer/sales').length;
    type('returnedOn', todayInShanghai());
    type('reason', '  顾客无理由退货  ');
    fireEvent.click(within(dialog).getByTestId('return-confirm'));
    const outcome = await screen.findByTestId('return-outcome');
    expect(outcome.dataset.outcome).toBe('receivable');
    expect(outcome.textContent).toBe(
      '补贴已支付给本单位：须退回 ¥599.85，2026-12-12 前到期，将从下一批付款中抵扣；逾期期间新的付款暂停发放。',
    );
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({
      returnedOn: todayInShanghai(),
      reason: '顾客无理由退货',
    });
    // The sales list is read again: the sale shows its returned state.
    await waitFor(() =>
      expect(calls.filter((c) => c.path === '/api/dealer/sales').length).toBeGreaterThan(salesReads),
    );
    // Many steps, and the first test of the file also waits for the console's chunk.
  }, 40_000);

  it.each([
    ['cancelled', '补贴申请已取消，预留的补贴资金已释放。'],
    ['removed_from_batch', '该笔补贴已从尚未支付的付款批次中移除，补贴申请已取消。'],
  ])('outcome %s is said in words', async (outcome, text) => {
    salesApi({ [`POST /api/dealer/sales/${sale.id}/return`]: jsonResponse({ outcome }) });
    const dialog = await openReturn();
    type('reason', '质量问题');
    fireEvent.click(within(dialog).getByTestId('return-confirm'));
    expect((await screen.findByTestId('return-outcome')).textContent).toBe(text);
  });

  it('a refusal on a field lands under it; one about the sale is announced', async () => {
    let answer = apiError(422, 'VALIDATION_FAILED', { fields: { returnedOn: 'BEFORE_SALE_DATE' } });
    salesApi({ [`POST /api/dealer/sales/${sale.id}/return`]: () => answer.clone() });
    const dialog = await openReturn();
    type('reason', '质量问题');
    fireEvent.click(within(dialog).getByTestId('return-confirm'));
    await waitFor(() => expect(errorOf('returnedOn')).toBe('退货日期不能早于开票日期'));
    answer = apiError(403, 'ORGANIZATION_NOT_ACTIVE');
    type('returnedOn', todayInShanghai());
    fireEvent.click(within(dialog).getByTestId('return-confirm'));
    await waitFor(() =>
      expect(dialog.querySelector('.hx-form-alert')?.textContent).toBe(
        '本单位未启用（待审核、已暂停或已取消资格），只能查看，不能修改',
      ),
    );
    expect(screen.queryByTestId('return-outcome')).toBeNull();
  });

  it('a returned sale shows its state, date and what is owed back, and offers no second return', async () => {
    salesApi();
    renderWithApp(routes, { path: '/console/dealer/sales' });
    const tags = await screen.findAllByTestId('sale-returned');
    expect(tags.map((t) => t.textContent)).toEqual(['已退货 2026-11-30']);
    expect(screen.getByTestId('sale-receivable').textContent).toBe('应退 ¥599.85 · 2026-12-10 到期');
  });

  it('a suspended organisation sees its sales but no return action', async () => {
    salesApi({}, { ...dealerMe, organization: { ...dealerOrganization, status: 'suspended' } });
    renderWithApp(routes, { path: '/console/dealer/sales' });
    await screen.findAllByTestId('sale-returned');
    expect(screen.queryByTestId('sale-return')).toBeNull();
  });
});

describe('the ledger’s receivables', () => {
  const yuan = (fen: number) => formatFen(fen);
  const item = (code: string, expectedOn: string | undefined, state = 'receivable') =>
    ({
      saleId: null,
      applicationCode: code,
      state,
      amountFen: 10_000,
      ...(expectedOn ? { expectedOn } : {}),
    }) as never;
  const draw = (items: never[]) =>
    render(
      <AppProviders i18n={createI18n('zh-CN')} queryClient={new QueryClient()}>
        <Receivables items={items} yuan={yuan} today="2026-12-01" />
      </AppProviders>,
    );

  it('lists only what is owed back, with the due date; an overdue one is marked and payouts said held', () => {
    draw([item('ZQ-1', '2026-11-30'), item('ZQ-2', '2026-12-10'), item('ZQ-3', '2026-12-05', 'paid')]);
    const rows = screen.getAllByTestId('receivable');
    expect(rows.map((r) => r.textContent)).toEqual([
      'ZQ-1¥100.00退回截止 2026-11-30 已逾期',
      'ZQ-2¥100.00退回截止 2026-12-10 ',
    ]);
    expect(screen.getByRole('alert').textContent).toContain('结清前，本单位新的补贴付款暂停发放');
  });

  it('none owed: says so, no alert', () => {
    draw([item('ZQ-3', '2026-12-05', 'paid')]);
    expect(screen.getByTestId('ledger-receivables').textContent).toContain('暂无应退款项');
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
