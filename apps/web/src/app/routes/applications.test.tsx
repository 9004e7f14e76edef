import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { APPLICATION_STATUSES, type ApplicationStatus, type ResidentNotification } from '@huanxin/shared';
import { routes } from '@/app/router';
import { apiError, mockApi, signedInAs } from '@/test/api-mock';
import { jsonResponse, renderWithApp } from '@/test/render';
import { eligibleClaim } from '@huanxin/shared/testing';
import { carScrap2026, programDetailOf } from '@/test/fixtures';
import { ApplicationStatusTag } from '@/features/applications/components/status-tag';

const definition = carScrap2026();
const program = programDetailOf(definition);

const ID = '3f2b8c1e-4d5a-4b6c-8d7e-9f0a1b2c3d4e';
const { facts } = eligibleClaim('carScrap');

function application(status: ApplicationStatus = 'draft', extra: Record<string, unknown> = {}) {
  return {
    id: ID,
    code: 'ZQ-2026-000123',
    status,
    programCode: 'car-scrap-2026',
    programVersion: 1,
    facts,
    evaluation: { eligible: false, amountFen: 1_800_000, clauses: [] },
    reservedFen: status === 'draft' ? 0 : 1_800_000,
    submittedAt: status === 'draft' ? null : '2026-03-20T02:00:00.000Z',
    createdAt: '2026-03-20T01:00:00.000Z',
    updatedAt: '2026-03-20T02:00:00.000Z',
    timeline: [{ at: '2026-03-20T01:00:00.000Z', status: 'draft', note: null }],
    ...extra,
  };
}

// Route pages load the session, the program and the application before the step shows: allow for a busy machine.
configure({ asyncUtilTimeout: 5000 });

const resident = signedInAs({ role: 'resident', displayName: '138****8000', phoneMasked: '138****8000' });
const REVIEW_STEP = 5; // 3 fact groups, preview, documents, review

/** The headers of every fetch call to a path. */
function headersOf(path: string): Array<Record<string, string>> {
  return vi
    .mocked(fetch)
    .mock.calls.filter(([input]) => String(input) === path)
    .map(([, init]) => (init?.headers ?? {}) as Record<string, string>);
}

beforeEach(() => {
  window.sessionStorage.clear();
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe('status rendering', () => {
  it.each(APPLICATION_STATUSES.map((s) => [s]))('%s has a translated tag in both languages', (status) => {
    const zh = renderWithApp(<ApplicationStatusTag status={status} />);
    const zhText = zh.container.textContent ?? '';
    expect(zhText).not.toBe(status);
    expect(zhText).toMatch(/[\u4e00-\u9fff]/);
    zh.unmount();
    const en = renderWithApp(<ApplicationStatusTag status={status} />, { language: 'en' });
    expect(en.container.textContent).toMatch(/^[A-Z][a-z ]+$/);
  });

  it('lists my applications as cards: code, program title, status in words, amount and time', async () => {
    mockApi({
      'GET /api/auth/me': resident,
      'GET /api/programs': jsonResponse([program]),
      'GET /api/applications': jsonResponse([application('submitted')]),
    });
    renderWithApp(routes, { path: '/applications' });
    const card = await screen.findByTestId('application-card');
    await waitFor(() => expect(card.textContent).toContain('汽车报废更新（2026年）'));
    expect(card.textContent).toContain('ZQ-2026-000123');
    expect(card.textContent).toContain('已提交');
    expect(card.textContent).toContain('¥18,000.00');
    expect(card.textContent).toContain('2026/03/20 10:00');
    expect(within(card).getByRole('link').getAttribute('href')).toBe(`/applications/${ID}`);
  });

  it('detail: timeline, withdraw only when the transition table allows it (with confirmation)', async () => {
    const calls = mockApi({
      'GET /api/auth/me': resident,
      'GET /api/programs/car-scrap-2026': jsonResponse(program),
      [`GET /api/applications/${ID}`]: jsonResponse(
        application('submitted', {
          timeline: [
            { at: '2026-03-20T01:00:00.000Z', status: 'draft', note: null },
            { at: '2026-03-20T02:00:00.000Z', status: 'submitted', note: null },
          ],
        }),
      ),
      [`GET /api/applications/${ID}/documents`]: jsonResponse([
        {
          id: 'c0a80101-0000-4000-8000-000000000001',
          kind: 'id_card',
          contentType: 'image/png',
          size: 2048,
          sha256: 'x',
        },
      ]),
      [`POST /api/applications/${ID}/withdraw`]: jsonResponse(application('withdrawn')),
    });
    renderWithApp(routes, { path: `/applications/${ID}` });
    const detail = await screen.findByTestId('application-detail');
    expect(await within(detail).findByRole('link', { name: /申请人身份证/ })).toBeTruthy();
    expect(
      within(detail)
        .getByRole('link', { name: /申请人身份证/ })
        .getAttribute('href'),
    ).toBe(`/api/applications/${ID}/documents/c0a80101-0000-4000-8000-000000000001`);
    expect(within(detail).getAllByText('已提交').length).toBeGreaterThan(1); // the tag and the timeline
    expect(within(detail).queryByRole('link', { name: /继续填写|修改并重新提交/ })).toBeNull();
    fireEvent.click(within(detail).getByRole('button', { name: /撤回申请/ }));
    const dialog = await screen.findByRole('dialog');
    expect(calls.some((c) => c.path.endsWith('/withdraw'))).toBe(false);
    fireEvent.click(within(dialog).getByRole('button', { name: /确认撤回/ }));
    await waitFor(() =>
      expect(calls.some((c) => c.method === 'POST' && c.path.endsWith('/withdraw'))).toBe(true),
    );
  });

  it('detail of a paid claim: no withdraw; a returned claim offers "correct and resubmit"', async () => {
    mockApi({
      'GET /api/auth/me': resident,
      'GET /api/programs/car-scrap-2026': jsonResponse(program),
      [`GET /api/applications/${ID}`]: jsonResponse(application('returned')),
      [`GET /api/applications/${ID}/documents`]: jsonResponse([]),
    });
    renderWithApp(routes, { path: `/applications/${ID}` });
    const link = await screen.findByRole('link', { name: /修改并重新提交/ });
    expect(link.getAttribute('href')).toBe(`/applications/${ID}/edit`);
    expect(screen.getByRole('button', { name: /撤回申请/ })).toBeTruthy();

    vi.unstubAllGlobals();
    mockApi({
      'GET /api/auth/me': resident,
      'GET /api/programs/car-scrap-2026': jsonResponse(program),
      [`GET /api/applications/${ID}`]: jsonResponse(application('paid')),
      [`GET /api/applications/${ID}/documents`]: jsonResponse([]),
    });
    renderWithApp(routes, { path: `/applications/${ID}` });
    await screen.findByText('已发放');
    expect(screen.queryAllByRole('button', { name: /撤回申请/ })).toHaveLength(1); // only the first (returned) page's
  });
});

describe('the guided application', () => {
  it('one step per fact group: checks as you type, saves a draft, then continues at the draft address', async () => {
    const calls = mockApi({
      'GET /api/auth/me': resident,
      'GET /api/programs/car-scrap-2026': jsonResponse(program),
      'POST /api/applications': (call) =>
        jsonResponse(
          { ...application('draft'), facts: (call.body as { facts: unknown }).facts, timeline: undefined },
          201,
        ),
      [`GET /api/applications/${ID}`]: jsonResponse(application('draft')),
      [`GET /api/applications/${ID}/documents`]: jsonResponse([]),
    });
    const app = renderWithApp(routes, { path: '/programs/car-scrap-2026/apply' });
    expect(await screen.findByTestId('step-title')).toHaveProperty('textContent', '旧车信息');
    expect(screen.getByText('第 1 步，共 6 步')).toBeTruthy();
    // Only this group's fields are shown.
    expect(document.querySelector('[data-field="newVehicle.vin"]')).toBeNull();

    const plate = document.querySelector<HTMLInputElement>('[data-field="oldVehicle.plate"] input');
    if (!plate) throw new Error('no plate input');
    fireEvent.change(plate, { target: { value: '鲁A1' } });
    await waitFor(() =>
      expect(document.querySelector('[data-field="oldVehicle.plate"] .hx-field__error')).not.toBeNull(),
    );
    fireEvent.click(screen.getByRole('button', { name: /保存并继续/ }));
    await act(async () => new Promise((r) => setTimeout(r, 50)));
    expect(calls.some((c) => c.method === 'POST' && c.path === '/api/applications')).toBe(false);

    fireEvent.change(plate, { target: { value: '鲁A12345' } });
    const vin = document.querySelector<HTMLInputElement>('[data-field="oldVehicle.vin"] input');
    if (!vin) throw new Error('no vin input');
    fireEvent.change(vin, { target: { value: 'LSJA24U62JG269225' } });
    await waitFor(() =>
      expect(document.querySelector('[data-field="oldVehicle.plate"] .hx-field__error')).toBeNull(),
    );
    fireEvent.click(screen.getByRole('button', { name: /保存并继续/ }));

    await waitFor(() => expect(app.router.state.location.pathname).toBe(`/applications/${ID}/edit`));
    expect(app.router.state.location.search).toBe('?step=1');
    const created = calls.find((c) => c.method === 'POST' && c.path === '/api/applications');
    expect(created?.body).toEqual({
      programCode: 'car-scrap-2026',
      facts: { oldVehicle: { plate: '鲁A12345', vin: 'LSJA24U62JG269225' } },
    });
    await waitFor(() => expect(screen.getByTestId('step-title').textContent).toBe('报废信息'));
  });

  it('"save draft" on a new application creates one draft and moves to its address, saying it was saved', async () => {
    const calls = mockApi({
      'GET /api/auth/me': resident,
      'GET /api/programs/car-scrap-2026': jsonResponse(program),
      'POST /api/applications': jsonResponse(application('draft'), 201),
      [`PATCH /api/applications/${ID}`]: jsonResponse(application('draft')),
      [`GET /api/applications/${ID}`]: jsonResponse(application('draft')),
      [`GET /api/applications/${ID}/documents`]: jsonResponse([]),
    });
    const app = renderWithApp(routes, { path: '/programs/car-scrap-2026/apply' });
    fireEvent.click(await screen.findByRole('button', { name: /保存草稿/ }));
    await waitFor(() => expect(app.router.state.location.pathname).toBe(`/applications/${ID}/edit`));
    expect(app.router.state.location.search).toBe('?step=0');
    // The draft's own page (a new wizard) has loaded the draft and says it was saved.
    await waitFor(() =>
      expect(calls.some((c) => c.method === 'GET' && c.path === `/api/applications/${ID}`)).toBe(true),
    );
    await act(async () => new Promise((r) => setTimeout(r, 50)));
    expect(await screen.findByTestId('draft-saved')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: /保存草稿/ }));
    await waitFor(() => expect(calls.filter((c) => c.method === 'PATCH')).toHaveLength(1));
    expect(calls.filter((c) => c.method === 'POST' && c.path === '/api/applications')).toHaveLength(1);
  });

  it('resumes a draft with its saved answers and saves each step with PATCH', async () => {
    const calls = mockApi({
      'GET /api/auth/me': resident,
      'GET /api/programs/car-scrap-2026': jsonResponse(program),
      [`GET /api/applications/${ID}`]: jsonResponse(application('draft')),
      [`PATCH /api/applications/${ID}`]: jsonResponse(application('draft')),
      [`GET /api/applications/${ID}/documents`]: jsonResponse([]),
    });
    renderWithApp(routes, { path: `/applications/${ID}/edit?step=2` });
    await waitFor(() => expect(screen.getByTestId('step-title').textContent).toBe('新车信息'));
    const price = document.querySelector<HTMLInputElement>('[data-field="newVehicle.priceFen"] input');
    expect(price?.value).toBe('150000.00');
    fireEvent.click(screen.getByRole('button', { name: /保存草稿/ }));
    await screen.findByTestId('draft-saved');
    const patch = calls.find((c) => c.method === 'PATCH');
    expect(patch?.body).toEqual({ facts });
    // The preview runs the shared engine on the same facts.
    fireEvent.click(screen.getByRole('button', { name: /保存并继续/ }));
    await waitFor(() => expect(screen.getByTestId('step-title').textContent).toBe('资格预览'));
    expect(screen.getByTestId('preview-result').textContent).toContain('¥18,000.00');
  });

  it('submit: a lost connection keeps the Idempotency-Key, the retry sends the same key, success forgets it', async () => {
    let attempts = 0;
    mockApi({
      'GET /api/auth/me': resident,
      'GET /api/programs/car-scrap-2026': jsonResponse(program),
      [`GET /api/applications/${ID}`]: jsonResponse(application('draft')),
      [`GET /api/applications/${ID}/documents`]: jsonResponse([]),
      [`POST /api/applications/${ID}/submit`]: () => {
        attempts += 1;
        if (attempts === 1) throw new TypeError('Failed to fetch');
        return jsonResponse({ id: ID, status: 'submitted', reservedFen: 1_800_000 });
      },
    });
    const app = renderWithApp(routes, { path: `/applications/${ID}/edit?step=${REVIEW_STEP}` });
    const button = await screen.findByTestId('submit-claim');
    expect(button.textContent).toContain('确认提交');
    fireEvent.click(button);
    fireEvent.click(button); // a double tap sends one request
    await screen.findByText(/系统不会重复受理同一申请/);
    expect(attempts).toBe(1);
    const stored = window.sessionStorage.getItem(`huanxin.submit.${ID}`);
    expect(stored).toMatch(/^[0-9a-f-]{36}$/);
    expect(screen.getByTestId('submit-claim').textContent).toContain('重新提交');

    fireEvent.click(screen.getByTestId('submit-claim'));
    await waitFor(() => expect(app.router.state.location.pathname).toBe(`/applications/${ID}`));
    const keys = headersOf(`/api/applications/${ID}/submit`).map((h) => h['Idempotency-Key']);
    expect(keys).toEqual([stored, stored]);
    expect(vi.mocked(fetch).mock.calls.some(([, init]) => init?.method === 'PATCH')).toBe(false);
    expect(window.sessionStorage.getItem(`huanxin.submit.${ID}`)).toBeNull();
  });

  it('a key left by a page that lost its connection is reused after a reload', async () => {
    window.sessionStorage.setItem(`huanxin.submit.${ID}`, 'b9d3d8a4-1111-4222-8333-444455556666');
    mockApi({
      'GET /api/auth/me': resident,
      'GET /api/programs/car-scrap-2026': jsonResponse(program),
      [`GET /api/applications/${ID}`]: jsonResponse(application('draft')),
      [`GET /api/applications/${ID}/documents`]: jsonResponse([]),
      [`POST /api/applications/${ID}/submit`]: jsonResponse({
        id: ID,
        status: 'submitted',
        reservedFen: 1_800_000,
      }),
    });
    renderWithApp(routes, { path: `/applications/${ID}/edit?step=${REVIEW_STEP}` });
    fireEvent.click(await screen.findByTestId('submit-claim'));
    await waitFor(() => expect(headersOf(`/api/applications/${ID}/submit`)).toHaveLength(1));
    expect(headersOf(`/api/applications/${ID}/submit`)[0]?.['Idempotency-Key']).toBe(
      'b9d3d8a4-1111-4222-8333-444455556666',
    );
  });

  it('shows BUDGET_EXHAUSTED as 先到先得，额满即止, and a new attempt gets a new key', async () => {
    mockApi({
      'GET /api/auth/me': resident,
      'GET /api/programs/car-scrap-2026': jsonResponse(program),
      [`GET /api/applications/${ID}`]: jsonResponse(application('draft')),
      [`GET /api/applications/${ID}/documents`]: jsonResponse([]),
      [`POST /api/applications/${ID}/submit`]: apiError(409, 'BUDGET_EXHAUSTED'),
    });
    renderWithApp(routes, { path: `/applications/${ID}/edit?step=${REVIEW_STEP}` });
    fireEvent.click(await screen.findByTestId('submit-claim'));
    const alert = await screen.findByTestId('submit-budget');
    expect(alert.textContent).toContain('先到先得，额满即止');
    expect(window.sessionStorage.getItem(`huanxin.submit.${ID}`)).toBeNull();
    fireEvent.click(screen.getByTestId('submit-claim'));
    await waitFor(() => expect(headersOf(`/api/applications/${ID}/submit`)).toHaveLength(2));
    const [first, second] = headersOf(`/api/applications/${ID}/submit`).map((h) => h['Idempotency-Key']);
    expect(first).not.toBe(second);
  });

  it('shows NOT_ELIGIBLE clauses, MISSING_DOCUMENTS on the document items, DUPLICATE_CLAIM on the fact field', async () => {
    const failing = definition.clauses[0];
    if (!failing) throw new Error('no clause');
    let answer = apiError(422, 'NOT_ELIGIBLE', {
      clauses: [{ id: failing.id, result: 'fail', reason: failing.reason, facts: [] }],
    });
    mockApi({
      'GET /api/auth/me': resident,
      'GET /api/programs/car-scrap-2026': jsonResponse(program),
      [`GET /api/applications/${ID}`]: jsonResponse(application('draft')),
      [`GET /api/applications/${ID}/documents`]: jsonResponse([]),
      [`POST /api/applications/${ID}/submit`]: () => answer.clone(),
    });
    renderWithApp(routes, { path: `/applications/${ID}/edit?step=${REVIEW_STEP}` });
    fireEvent.click(await screen.findByTestId('submit-claim'));
    const notEligible = await screen.findByTestId('submit-not-eligible');
    expect(notEligible.textContent).toContain(failing.title.zh);

    answer = apiError(422, 'MISSING_DOCUMENTS', { fields: { 'documents.bank_card': 'REQUIRED' } });
    fireEvent.click(screen.getByTestId('submit-claim'));
    fireEvent.click(await screen.findByRole('button', { name: /去上传材料/ }));
    await waitFor(() => expect(screen.getByTestId('step-title').textContent).toBe('上传材料'));
    const bank = document.querySelector<HTMLElement>('[data-kind="bank_card"]');
    expect(bank?.className).toContain('is-missing');
    expect(within(bank as HTMLElement).getByRole('alert').textContent).toBe('请上传此项材料');
    expect(document.querySelector('[data-kind="id_card"]')?.className).not.toContain('is-missing');

    fireEvent.click(screen.getByRole('button', { name: /下一步/ }));
    answer = apiError(409, 'DUPLICATE_CLAIM', {
      fields: { 'facts.newVehicle.invoiceNo': 'DUPLICATE_CLAIM' },
    });
    fireEvent.click(await screen.findByTestId('submit-claim'));
    fireEvent.click(await screen.findByRole('button', { name: /去修改/ }));
    await waitFor(() => expect(screen.getByTestId('step-title').textContent).toBe('新车信息'));
    await waitFor(() =>
      expect(
        document.querySelector('[data-field="newVehicle.invoiceNo"] .hx-field__error')?.textContent,
      ).toBe('该车辆、证明或发票已用于其他申请。'),
    );
  });

  it('answers changed without "save and continue" are saved before submitting; unchanged ones are not re-sent', async () => {
    const calls = mockApi({
      'GET /api/auth/me': resident,
      'GET /api/programs/car-scrap-2026': jsonResponse(program),
      [`GET /api/applications/${ID}`]: jsonResponse(application('returned')),
      [`PATCH /api/applications/${ID}`]: (call) =>
        jsonResponse({ ...application('returned'), facts: (call.body as { facts: unknown }).facts }),
      [`GET /api/applications/${ID}/documents`]: jsonResponse([]),
      [`POST /api/applications/${ID}/submit`]: jsonResponse({
        id: ID,
        status: 'submitted',
        reservedFen: 1_800_000,
      }),
    });
    const app = renderWithApp(routes, { path: `/applications/${ID}/edit?step=review` });
    expect(await screen.findAllByText('您的申请已被退回，请按审核意见修改后重新提交。')).toHaveLength(1);
    fireEvent.click(screen.getByRole('button', { name: /修改\s*旧车信息/ }));
    await waitFor(() => expect(screen.getByTestId('step-title').textContent).toBe('旧车信息'));
    const plate = document.querySelector<HTMLInputElement>('[data-field="oldVehicle.plate"] input');
    if (!plate) throw new Error('no plate input');
    fireEvent.change(plate, { target: { value: '鲁A54321' } });
    await act(async () => {
      await app.router.navigate(-1); // the browser's back button: no "save and continue"
    });
    fireEvent.click(await screen.findByTestId('submit-claim'));
    await waitFor(() => expect(app.router.state.location.pathname).toBe(`/applications/${ID}`));
    const order = calls
      .filter((c) => c.method !== 'GET')
      .map((c) => `${c.method} ${c.path.replace(ID, ':id')}`);
    expect(order).toEqual(['PATCH /api/applications/:id', 'POST /api/applications/:id/submit']);
    expect(
      (calls.find((c) => c.method === 'PATCH')?.body as { facts: typeof facts }).facts.oldVehicle.plate,
    ).toBe('鲁A54321');
  });

  it('a claim that can no longer change says so instead of showing the form', async () => {
    mockApi({
      'GET /api/auth/me': resident,
      'GET /api/programs/car-scrap-2026': jsonResponse(program),
      [`GET /api/applications/${ID}`]: jsonResponse(application('in_review')),
    });
    renderWithApp(routes, { path: `/applications/${ID}/edit` });
    expect(await screen.findByText('该申请当前状态不能修改。')).toBeTruthy();
    expect(screen.queryByTestId('step-title')).toBeNull();
    expect(screen.getByRole('link', { name: '查看申请' }).getAttribute('href')).toBe(`/applications/${ID}`);
  });

  it('PROFILE_REQUIRED links to the profile and back to this step', async () => {
    mockApi({
      'GET /api/auth/me': resident,
      'GET /api/programs/car-scrap-2026': jsonResponse(program),
      [`GET /api/applications/${ID}`]: jsonResponse(application('draft')),
      [`GET /api/applications/${ID}/documents`]: jsonResponse([]),
      [`POST /api/applications/${ID}/submit`]: apiError(422, 'PROFILE_REQUIRED'),
    });
    renderWithApp(routes, { path: `/applications/${ID}/edit?step=${REVIEW_STEP}` });
    fireEvent.click(await screen.findByTestId('submit-claim'));
    const link = await screen.findByRole('link', { name: '去填写实名信息' });
    expect(link.getAttribute('href')).toBe(
      `/me/profile?next=${encodeURIComponent(`/applications/${ID}/edit?step=review`)}`,
    );
  });
});

describe('notifications', () => {
  const notes = [
    {
      id: 'a1b2c3d4-0000-4000-8000-000000000001',
      kind: 'application_status',
      params: { applicationId: ID, code: 'ZQ-2026-000123', status: 'in_review' },
      text: '您的补贴申请 ZQ-2026-000123 已进入人工审核。',
      createdAt: '2026-03-21T02:00:00.000Z',
      read: false,
    },
    {
      id: 'a1b2c3d4-0000-4000-8000-000000000002',
      kind: 'application_status',
      params: { applicationId: ID, code: 'ZQ-2026-000123', status: 'checking' },
      text: '您的补贴申请 ZQ-2026-000123 正在自动核验。',
      createdAt: '2026-03-20T03:00:00.000Z',
      read: true,
    },
  ];

  it('the bell shows the unread count; opening a message marks it read and goes to the claim', async () => {
    const calls = mockApi({
      'GET /api/auth/me': resident,
      'GET /api/me/notifications': jsonResponse(notes),
      [`POST /api/me/notifications/${notes[0]?.id}/read`]: new Response(null, { status: 204 }),
      'GET /api/programs/car-scrap-2026': jsonResponse(program),
      [`GET /api/applications/${ID}`]: jsonResponse(application('in_review')),
      [`GET /api/applications/${ID}/documents`]: jsonResponse([]),
    });
    const app = renderWithApp(routes, { path: '/notifications' });
    const bell = await screen.findByRole('link', { name: '消息，1 条未读消息' });
    expect(bell.getAttribute('href')).toBe('/notifications');
    const list = await screen.findByTestId('notification-list');
    expect(within(list).getAllByRole('link')).toHaveLength(2);
    expect(list.textContent).toContain('已进入人工审核');
    fireEvent.click(within(list).getByText(/已进入人工审核/));
    await waitFor(() => expect(app.router.state.location.pathname).toBe(`/applications/${ID}`));
    await waitFor(() =>
      expect(calls.some((c) => c.method === 'POST' && c.path.endsWith('/read'))).toBe(true),
    );
    expect(calls.filter((c) => c.method === 'POST' && c.path.endsWith('/read'))).toHaveLength(1); // the read one is not marked again
    expect(await screen.findByRole('link', { name: '消息' })).toBeTruthy();
  });

  it('English: the message is told from its facts (the server stores Chinese text)', async () => {
    mockApi({ 'GET /api/auth/me': resident, 'GET /api/me/notifications': jsonResponse(notes) });
    renderWithApp(routes, { path: '/notifications', language: 'en' });
    const list = await screen.findByTestId('notification-list');
    expect(list.textContent).toContain('Your application ZQ-2026-000123 is now: In review');
  });

  it('English: a retroactive re-pricing is told with its amounts and version', async () => {
    const repriced: ResidentNotification = {
      id: 'a1b2c3d4-0000-4000-8000-000000000003',
      kind: 'application_repriced',
      params: {
        applicationId: ID,
        code: 'ZQ-2026-000123',
        status: 'in_review',
        fromFen: 1_500_000,
        toFen: 1_800_000,
        version: 3,
      },
      text: '【章丘换新】您的申请ZQ-2026-000123按新政策追溯调整，补贴由15000.00元调整为18000.00元。',
      createdAt: '2026-08-20T03:00:00.000Z',
      read: false,
    };
    mockApi({ 'GET /api/auth/me': resident, 'GET /api/me/notifications': jsonResponse([repriced]) });
    renderWithApp(routes, { path: '/notifications', language: 'en' });
    const list = await screen.findByTestId('notification-list');
    expect(list.textContent).toContain(
      'Your application ZQ-2026-000123 was re-priced under version 3 of the rules: the subsidy went from ¥15,000.00 to ¥18,000.00',
    );
  });
});
