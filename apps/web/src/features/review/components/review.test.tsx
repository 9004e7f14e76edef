import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import {
  CERTIFICATE_SCAN_KIND,
  evaluateEligibility,
  REVIEW_REASONS,
  type ReviewCase,
  type ReviewQueueItem,
} from '@huanxin/shared';
import { eligibleClaim } from '@huanxin/shared/testing';
import { routes } from '@/app/router';
import { apiError, mockApi, signedInAs, type Handler } from '@/test/api-mock';
import { carScrap2026, programDetailOf } from '@/test/fixtures';
import { jsonResponse, renderWithApp } from '@/test/render';

const definition = carScrap2026();
const program = programDetailOf(definition);
const ME = '0b7c1d2e-3f40-4a5b-8c6d-7e8f9a0b1c2d';
const OTHER = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';
const ID = '3f2b8c1e-4d5a-4b6c-8d7e-9f0a1b2c3d4e';
const reviewer = signedInAs({ id: ME, role: 'reviewer', displayName: '审核员一' });
const { facts } = eligibleClaim('carScrapFuel');

function row(n: number, extra: Partial<ReviewQueueItem> = {}): ReviewQueueItem {
  return {
    id: `00000000-0000-4000-8000-00000000000${n}`,
    code: `ZQ-2026-00000${n}`,
    programCode: 'car-scrap-2026',
    applicantNameMasked: '张*',
    amountFen: 1_500_000,
    completeAt: '2026-11-20T02:00:00.000Z',
    dueAt: '2026-12-05T02:00:00.000Z',
    slaState: 'ok',
    flags: [],
    riskScore: 0,
    stage: 'review',
    assignee: null,
    payee: 'resident',
    ...extra,
  };
}

function reviewCase(extra: Partial<ReviewCase> = {}): ReviewCase {
  return {
    application: {
      id: ID,
      code: 'ZQ-2026-000123',
      programCode: 'car-scrap-2026',
      programVersion: definition.version,
      status: 'in_review',
      stage: 'review',
      amountFen: 1_500_000,
      facts,
      timeline: [],
    },
    evaluation: evaluateEligibility(definition, facts, { asOf: '2026-11-20' }),
    documents: [
      { id: 'd1', kind: 'id_card', contentType: 'image/png', size: 2048 },
      { id: 'd2', kind: 'bank_card', contentType: 'image/jpeg', size: 4096 },
    ],
    matrix: [
      { field: 'oldVehicle.plate', values: [{ source: 'claim', value: '鲁A12345' }], result: 'insufficient' },
      { field: 'oldVehicle.vin', values: [{ source: 'claim', value: 'LSJA****9225' }], result: 'match' },
      {
        field: 'newVehicle.invoiceNo',
        values: [
          { source: 'claim', value: '12345678' },
          { source: 'dealer_sale', value: '87654321' },
        ],
        result: 'conflict',
      },
    ],
    flags: [{ code: 'SHARED_BANK_ACCOUNT', weight: 30, detail: { otherClaims: 2 } }],
    riskScore: 30,
    history: [],
    decisions: [],
    ...extra,
  };
}

const casePath = `/api/review/applications/${ID}`;

function caseRoutes(routesExtra: Record<string, Response | Handler> = {}, data = reviewCase()) {
  return mockApi({
    'GET /api/auth/me': reviewer,
    'GET /api/programs': jsonResponse([]),
    'GET /api/programs/car-scrap-2026': jsonResponse(program),
    'GET /api/review/reasons': jsonResponse(REVIEW_REASONS),
    [`GET ${casePath}`]: jsonResponse(data),
    [`POST ${casePath}/claim`]: jsonResponse({ leaseUntil: '2026-12-01T10:30:00.000Z' }),
    [`DELETE ${casePath}/claim`]: new Response(null, { status: 204 }),
    ...routesExtra,
  });
}

/** Headers of each fetch to a path (the api mock records bodies, not headers). */
function headersOf(path: string): Array<Record<string, string>> {
  return vi
    .mocked(fetch)
    .mock.calls.filter(([input]) => String(input) === path)
    .map(([, init]) => (init?.headers ?? {}) as Record<string, string>);
}

/** Opens an antd Select by its label and picks an option by its text. */
async function pick(label: string, option: string, { search = false } = {}): Promise<void> {
  const input = screen.getByLabelText(label);
  const select = input.closest('.ant-select');
  fireEvent.mouseDown(select?.querySelector('.ant-select-selector') ?? select ?? input);
  // A long list is virtual (only the first options are in the page): type to find the one.
  if (search) fireEvent.change(input, { target: { value: option } });
  const options = await screen.findAllByText(option, { selector: '.ant-select-item-option-content' });
  fireEvent.click(options[options.length - 1] as HTMLElement);
}

async function openCase(routesExtra: Record<string, Response | Handler> = {}, data = reviewCase()) {
  const calls = caseRoutes(routesExtra, data);
  const app = renderWithApp(routes, { path: `/console/review/${ID}` });
  await screen.findByTestId('review-case');
  return { calls, app };
}

afterEach(() => vi.unstubAllGlobals());

describe('review queue', () => {
  it('shows each row with its SLA state in words and colour, flag titles, risk and assignee', async () => {
    const calls = mockApi({
      'GET /api/auth/me': reviewer,
      'GET /api/programs': jsonResponse([]),
      'GET /api/review/queue': jsonResponse({
        items: [
          row(1, {
            slaState: 'overdue',
            flags: ['DUPLICATE_DOCUMENT', 'SHARED_BANK_ACCOUNT'],
            riskScore: 70,
          }),
          row(2, { slaState: 'warning', assignee: { id: OTHER, displayName: '审核员二' } }),
          row(3),
        ],
        total: 3,
      }),
    });
    renderWithApp(routes, { path: '/console/review' });
    expect(await screen.findByRole('heading', { level: 1, name: '审核队列' })).toBeTruthy();
    await screen.findByText('ZQ-2026-000001');
    const rows = screen.getAllByRole('row').slice(1);
    expect(rows).toHaveLength(3);
    const first = within(rows[0] as HTMLElement);
    expect(first.getByText('已超时').closest('[data-sla]')?.getAttribute('data-sla')).toBe('overdue');
    expect(first.getByText('已超时').closest('.ant-tag')?.className).toContain('error');
    expect(first.getByText('与他人申请的材料重复')).toBeTruthy();
    expect(first.getByText('银行账户与其他申请人相同')).toBeTruthy();
    expect(first.getByText('高风险', { exact: false })).toBeTruthy();
    expect(within(rows[1] as HTMLElement).getByText('即将超时')).toBeTruthy();
    expect(within(rows[1] as HTMLElement).getByText('审核员二')).toBeTruthy();
    expect(within(rows[2] as HTMLElement).getByText('时限内')).toBeTruthy();
    expect(within(rows[2] as HTMLElement).getByText('未领取')).toBeTruthy();
    expect(screen.getByText('共 3 件')).toBeTruthy();
    // The first page, oldest complete claim first (the contract's default sort).
    const queueCall = vi.mocked(fetch).mock.calls.find(([u]) => String(u).startsWith('/api/review/queue'));
    expect(String(queueCall?.[0])).toBe('/api/review/queue?sort=age&page=1&pageSize=20');
    expect(calls.some((c) => c.method === 'POST')).toBe(false);
  });

  it('filters and sorts through the address: the request carries them', async () => {
    mockApi({
      'GET /api/auth/me': reviewer,
      'GET /api/programs': jsonResponse([]),
      'GET /api/review/queue': jsonResponse({ items: [row(1)], total: 1 }),
    });
    renderWithApp(routes, { path: '/console/review?flag=SHARED_BANK_ACCOUNT&sort=risk&page=2' });
    await screen.findByText('ZQ-2026-000001');
    const urls = vi
      .mocked(fetch)
      .mock.calls.map(([u]) => String(u))
      .filter((u) => u.startsWith('/api/review/queue'));
    expect(urls[0]).toBe('/api/review/queue?flag=SHARED_BANK_ACCOUNT&sort=risk&page=2&pageSize=20');
  });

  it('take next case skips rows others hold, moves past one taken meanwhile, and opens the one it got', async () => {
    const claimed: string[] = [];
    const held = row(1, { assignee: { id: OTHER, displayName: '审核员二' } });
    const takenMeanwhile = row(2);
    const free = row(3);
    mockApi({
      'GET /api/auth/me': reviewer,
      'GET /api/programs': jsonResponse([]),
      'GET /api/review/queue': jsonResponse({ items: [held, takenMeanwhile, free], total: 3 }),
      [`POST /api/review/applications/${takenMeanwhile.id}/claim`]: () => {
        claimed.push(takenMeanwhile.id);
        return apiError(409, 'CASE_HELD');
      },
      [`POST /api/review/applications/${free.id}/claim`]: () => {
        claimed.push(free.id);
        return jsonResponse({ leaseUntil: '2026-12-01T10:30:00.000Z' });
      },
    });
    const { router } = renderWithApp(routes, { path: '/console/review' });
    await screen.findByText(free.code);
    fireEvent.click(screen.getByTestId('take-next'));
    await waitFor(() => expect(router.state.location.pathname).toBe(`/console/review/${free.id}`));
    expect(claimed).toEqual([takenMeanwhile.id, free.id]);
  });

  it('the approvers queue asks only for second approvals and is in their menu', async () => {
    mockApi({
      'GET /api/auth/me': signedInAs({ role: 'approver', displayName: '复核员一' }),
      'GET /api/programs': jsonResponse([]),
      'GET /api/review/queue': jsonResponse({ items: [row(1, { stage: 'second_approval' })], total: 1 }),
    });
    renderWithApp(routes, { path: '/console/approvals' });
    expect(await screen.findByRole('heading', { level: 1, name: '复核审批' })).toBeTruthy();
    await screen.findByText('ZQ-2026-000001');
    const url = vi
      .mocked(fetch)
      .mock.calls.map(([u]) => String(u))
      .find((u) => u.startsWith('/api/review/queue'));
    expect(url).toBe('/api/review/queue?stage=second_approval&sort=age&page=1&pageSize=20');
    const menu = screen.getByRole('navigation', { name: '工作台菜单' });
    expect(within(menu).getByRole('link', { name: '复核审批' }).getAttribute('href')).toBe(
      '/console/approvals',
    );
  });
});

describe('case screen', () => {
  it('takes the lease on open, shows the matrix with conflicts first, the flags and the documents', async () => {
    const { calls } = await openCase();
    await screen.findByTestId('lease-held');
    expect(calls.filter((c) => c.method === 'POST' && c.path === `${casePath}/claim`)).toHaveLength(1);
    const matrix = screen.getByTestId('field-matrix');
    const results = [...matrix.querySelectorAll('tbody [data-result]')].map((e) =>
      e.getAttribute('data-result'),
    );
    expect(results).toEqual(['conflict', 'insufficient', 'match']);
    expect(within(matrix).getAllByText('不一致').length).toBeGreaterThan(0);
    expect(within(matrix).getAllByText('经营单位销售记录').length).toBeGreaterThan(0);
    expect(screen.getByText('有 1 个字段不一致，已排在最前。')).toBeTruthy();
    expect(screen.getByText('权重 30')).toBeTruthy();
    const viewer = screen.getByTestId('document-viewer');
    const image = within(viewer).getByTestId('image-view');
    expect(image.getAttribute('src')).toBe(`${casePath}/documents/d1`);
    expect(within(viewer).getByText('第 1 / 2 份')).toBeTruthy();
    fireEvent.click(within(viewer).getByRole('button', { name: '旋转 90 度' }));
    expect(image.style.transform).toBe('rotate(90deg)');
    fireEvent.click(within(viewer).getByRole('button', { name: '放大' }));
    expect(within(viewer).getByTestId('zoom').textContent).toBe('125%');
    // The clause trace with its citations (the eligibility feature's component).
    expect(document.querySelectorAll('[data-clause]').length).toBe(definition.clauses.length);
  });

  it('lists the dismantler’s certificate scan among the documents, but never as a field to return', async () => {
    const scan = { id: 'c1', kind: CERTIFICATE_SCAN_KIND, contentType: 'application/pdf', size: 9000 };
    const base = reviewCase();
    await openCase({}, { ...base, documents: [...base.documents, scan] });
    await screen.findByTestId('lease-held');
    const viewer = screen.getByTestId('document-viewer');
    expect(within(viewer).getAllByText('报废机动车回收证明（拆解企业登记）').length).toBeGreaterThan(0);
    fireEvent.keyDown(document.body, { key: 'r' });
    const input = await screen.findByLabelText('需补正的字段');
    const select = input.closest('.ant-select');
    fireEvent.mouseDown(select?.querySelector('.ant-select-selector') ?? select ?? input);
    fireEvent.change(input, { target: { value: '材料' } });
    const offered = await screen.findAllByText(/^材料：/, { selector: '.ant-select-item-option-content' });
    expect(offered.length).toBeGreaterThan(0);
    expect(offered.map((o) => o.textContent)).not.toContain('材料：报废机动车回收证明（拆解企业登记）');
  });

  it('shows money facts in yuan in the matrix and the facts, never as raw fen', async () => {
    const price = Number((facts.newVehicle as { priceFen: number }).priceFen);
    await openCase(
      {},
      reviewCase({
        matrix: [
          {
            field: 'newVehicle.priceFen',
            values: [
              { source: 'claim', value: price },
              { source: 'dealer_sale', value: price + 100 },
            ],
            result: 'conflict',
          },
        ],
      }),
    );
    const matrix = screen.getByTestId('field-matrix');
    const yuan = (fen: number) => `¥${(fen / 100).toLocaleString('en-US', { minimumFractionDigits: 2 })}`;
    // The program (which names the money facts) arrives after the case.
    expect(await within(matrix).findByText(yuan(price))).toBeTruthy();
    expect(within(matrix).getByText(yuan(price + 100))).toBeTruthy();
    expect(within(matrix).queryByText(String(price))).toBeNull();
    const fact = screen.getByTestId('case-facts').querySelector('[data-fact="newVehicle.priceFen"] dd');
    expect(fact?.textContent).toBe(yuan(price));
  });

  it('J / K move between documents and A / R choose a decision, but not while typing', async () => {
    await openCase();
    await screen.findByTestId('lease-held');
    const current = () =>
      document.querySelector('.hx-viewer__doc[aria-current="true"]')?.getAttribute('data-kind');
    expect(current()).toBe('id_card');
    fireEvent.keyDown(document.body, { key: 'j' });
    expect(current()).toBe('bank_card');
    fireEvent.keyDown(document.body, { key: 'k' });
    expect(current()).toBe('id_card');
    fireEvent.keyDown(document.body, { key: 'a' });
    await waitFor(() =>
      expect(screen.getByRole('radio', { name: /批准/ }).closest('label')?.className).toContain('checked'),
    );
    // Typing a "j" or an "r" in the note is text, not a shortcut.
    const note = screen.getByLabelText('备注');
    fireEvent.keyDown(note, { key: 'j' });
    fireEvent.keyDown(note, { key: 'r' });
    expect(current()).toBe('id_card');
    expect(screen.getByRole('radio', { name: /批准/ }).closest('label')?.className).toContain('checked');
    fireEvent.keyDown(document.body, { key: 'r' });
    await screen.findByLabelText('原因');
    expect(document.querySelector('.hx-shortcuts')?.textContent).toContain('J/K 切换材料');
  });

  it('a return needs a reason and the fields to fix: nothing is sent without them', async () => {
    const { calls } = await openCase();
    await screen.findByTestId('lease-held');
    fireEvent.keyDown(document.body, { key: 'r' });
    fireEvent.click(await screen.findByTestId('decide-submit'));
    expect(await screen.findByText('请选择原因')).toBeTruthy();
    expect(screen.getByText('退回补正时请至少选择一个需修改的字段')).toBeTruthy();
    expect(calls.some((c) => c.path === `${casePath}/decision`)).toBe(false);
  });

  it('an approval over a conflict needs the override and a note', async () => {
    const { calls } = await openCase();
    await screen.findByTestId('lease-held');
    fireEvent.keyDown(document.body, { key: 'a' });
    fireEvent.click(await screen.findByTestId('decide-submit'));
    expect(await screen.findByText('存在不一致字段，批准前请确认覆盖')).toBeTruthy();
    fireEvent.click(screen.getByRole('checkbox'));
    fireEvent.click(screen.getByTestId('decide-submit'));
    expect(await screen.findByText('覆盖冲突时请在备注中说明理由')).toBeTruthy();
    expect(calls.some((c) => c.path === `${casePath}/decision`)).toBe(false);
  });

  it('returns with the reason and fields, one Idempotency-Key per attempt, and says so in the queue', async () => {
    let attempts = 0;
    const { calls, app } = await openCase({
      [`POST ${casePath}/decision`]: () => {
        attempts += 1;
        return attempts === 1
          ? apiError(422, 'VALIDATION_FAILED', { fields: { reasonCode: 'UNKNOWN_REASON' } })
          : jsonResponse({ status: 'returned', stage: null });
      },
      'GET /api/review/queue': jsonResponse({ items: [], total: 0 }),
    });
    await screen.findByTestId('lease-held');
    fireEvent.keyDown(document.body, { key: 'r' });
    await screen.findByLabelText('原因');
    await pick('原因', '填写的信息与材料不一致');
    await pick('需补正的字段', '机动车销售统一发票号码', { search: true });
    fireEvent.click(screen.getByTestId('decide-submit'));
    // The server's field error lands on the reason picker.
    await waitFor(() => {
      const field = document.querySelector('[data-field="reasonCode"]');
      expect(field?.className).toContain('has-error');
      expect(field?.querySelector('.hx-field__error')?.textContent).toBeTruthy();
    });
    expect(document.querySelector('[data-field="fields"]')?.className).not.toContain('has-error');
    const first = calls.find((c) => c.path === `${casePath}/decision`);
    expect(first?.body).toEqual({
      decision: 'return',
      reasonCode: 'FACT_MISMATCH',
      fields: ['newVehicle.invoiceNo'],
    });

    await pick('原因', '发票抬头不是申请人本人');
    // (A release of the previous test's page, unmounted at its end, may land in this test's calls.)
    const deletesBefore = calls.filter((c) => c.method === 'DELETE').length;
    fireEvent.click(screen.getByTestId('decide-submit'));
    await waitFor(() => expect(app.router.state.location.pathname).toBe('/console/review'));
    expect(await screen.findByText('申请 ZQ-2026-000123 已退回申请人补正。')).toBeTruthy();
    const keys = headersOf(`${casePath}/decision`).map((h) => h['Idempotency-Key']);
    expect(keys).toHaveLength(2);
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(keys[1]).toMatch(/^[0-9a-f-]{36}$/);
    expect(keys[0]).not.toBe(keys[1]);
    // The decision ended the lease: leaving the page does not release it again.
    await act(async () => new Promise((r) => setTimeout(r, 10)));
    expect(calls.filter((c) => c.method === 'DELETE')).toHaveLength(deletesBefore);
  });

  it('a case another reviewer holds says so and offers to take it again', async () => {
    let held = true;
    await openCase({
      [`POST ${casePath}/claim`]: () =>
        held ? apiError(409, 'CASE_HELD') : jsonResponse({ leaseUntil: '2026-12-01T10:30:00.000Z' }),
    });
    const lost = await screen.findByTestId('lease-lost');
    expect(lost.textContent).toContain('该申请正由其他审核员处理');
    expect((screen.getByTestId('decide-submit') as HTMLButtonElement).disabled).toBe(true);
    // Shortcuts do nothing without the lease.
    fireEvent.keyDown(document.body, { key: 'a' });
    expect(screen.getByRole('radio', { name: /批准/ }).closest('label')?.className).not.toContain('checked');
    held = false;
    fireEvent.click(screen.getByTestId('lease-retake'));
    await screen.findByTestId('lease-held');
    expect(screen.queryByTestId('lease-lost')).toBeNull();
  });

  it('a decision refused with CASE_NOT_HELD says the lease is lost', async () => {
    await openCase(
      { [`POST ${casePath}/decision`]: apiError(409, 'CASE_NOT_HELD') },
      reviewCase({ matrix: [] }),
    );
    await screen.findByTestId('lease-held');
    fireEvent.keyDown(document.body, { key: 'a' });
    await waitFor(() =>
      expect(screen.getByRole('radio', { name: /批准/ }).closest('label')?.className).toContain('checked'),
    );
    fireEvent.click(screen.getByTestId('decide-submit'));
    const lost = await screen.findByTestId('lease-lost');
    expect(lost.textContent).toContain('您对该申请的领取已失效');
    expect((screen.getByTestId('decide-submit') as HTMLButtonElement).disabled).toBe(true);
    // Taking it again gives the case back, ready to decide.
    fireEvent.click(screen.getByTestId('lease-retake'));
    await screen.findByTestId('lease-held');
    expect(screen.queryByTestId('lease-lost')).toBeNull();
    await waitFor(() =>
      expect((screen.getByTestId('decide-submit') as HTMLButtonElement).disabled).toBe(false),
    );
  });

  it('leaving the page releases the lease', async () => {
    const { calls, app } = await openCase({ 'GET /api/review/queue': jsonResponse({ items: [], total: 0 }) });
    await screen.findByTestId('lease-held');
    // Counted from the navigation on: the previous test's page, unmounted by the cleanup, releases
    // its lease (same case id) a tick later, into this test's fetch mock.
    const from = calls.length;
    await act(async () => {
      await app.router.navigate('/console/review');
    });
    await waitFor(() =>
      expect(
        calls.slice(from).filter((c) => c.method === 'DELETE' && c.path === `${casePath}/claim`),
      ).toHaveLength(1),
    );
  });
});
