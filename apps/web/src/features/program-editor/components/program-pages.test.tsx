import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { getCatalogueProgram, type ProgramDefinition } from '@huanxin/shared';
import { routes } from '@/app/router';
import { apiError, mockApi, signedInAs, type Handler } from '@/test/api-mock';
import { programDetailOf } from '@/test/fixtures';
import { jsonResponse, renderWithApp } from '@/test/render';

afterEach(() => vi.unstubAllGlobals());

// The section is its own lazily loaded chunk with the schema forms: slow to open on a shared machine.
const SLOW = { timeout: 20_000 };

const car = () => structuredClone(getCatalogueProgram('car-replace-2026')!) as ProgramDefinition;
const ADMIN = '/api/admin/programs/car-replace-2026';
const v2 = {
  version: 2,
  status: 'published',
  effectiveOn: '2026-01-01',
  documentNo: '济商务字〔2026〕3号',
  note: null,
  createdBy: 'admin2',
  publishedBy: 'admin1',
};
const v3 = {
  ...v2,
  version: 3,
  status: 'draft',
  effectiveOn: '2026-08-01',
  documentNo: '济商务字〔2026〕15号',
  note: '上限调整',
  createdBy: 'admin1',
  publishedBy: null,
};

function open(path: string, answers: Record<string, Response | Handler> = {}) {
  const calls = mockApi({
    'GET /api/auth/me': signedInAs({ role: 'admin', displayName: '管理员一' }),
    'GET /api/programs': jsonResponse([programDetailOf(car())]),
    'GET /api/programs/car-replace-2026': jsonResponse(programDetailOf(car())),
    [`GET ${ADMIN}/versions`]: jsonResponse([v3, v2]),
    [`GET ${ADMIN}/versions/2`]: jsonResponse({
      ...v2,
      programCode: 'car-replace-2026',
      definition: { ...car(), version: 2 },
    }),
    ...answers,
  });
  const app = renderWithApp(routes, { path });
  return { calls, app };
}

const nevCapped = () => {
  const d = { ...car(), version: 3 };
  (d.amount as { cases: Array<{ formula: { capFen: number } }> }).cases[0]!.formula.capFen = 2_000_000;
  return d;
};

describe('the programs section', { timeout: 90_000 }, () => {
  it('lists the programs; a program shows its versions with author and publisher', async () => {
    const { app } = open('/console/programs');
    const list = await screen.findByTestId('program-list', {}, SLOW);
    expect(within(list).getByText('car-replace-2026')).toBeTruthy();
    fireEvent.click(within(list).getByRole('link', { name: /查看版本/ }));
    const table = await screen.findByTestId('versions-table', {}, SLOW);
    expect(app.router.state.location.pathname).toBe('/console/programs/car-replace-2026');
    const rows = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((r) => [...r.querySelectorAll('td')].map((c) => c.textContent));
    expect(rows).toEqual([
      ['3', '草稿', '2026-08-01', '济商务字〔2026〕15号', 'admin1', '', '查看第 3 版'],
      ['2', '已发布', '2026-01-01', '济商务字〔2026〕3号', 'admin2', 'admin1', '查看第 2 版'],
    ]);
    expect(screen.getByRole('link', { name: '以现行版本新建草稿' }).getAttribute('href')).toBe(
      '/console/programs/car-replace-2026/new',
    );
    // Tranches and pauses are not rules versions: the page sends the administrator to the funding page.
    expect(within(screen.getByTestId('funding-note')).getByRole('link').getAttribute('href')).toBe(
      '/console/funding',
    );
  });

  it('a new draft from the current version: edit, save with its document number, open the draft', async () => {
    const created: unknown[] = [];
    const { calls, app } = open('/console/programs/car-replace-2026/new', {
      [`POST ${ADMIN}/versions`]: (call) => {
        created.push(call.body);
        return jsonResponse({ ...v3, version: 4 }, 201);
      },
      [`GET ${ADMIN}/versions/4`]: jsonResponse({ ...v3, version: 4, definition: nevCapped() }),
      // The list the version page reads after the save includes the new draft.
      [`GET ${ADMIN}/versions`]: () =>
        jsonResponse(created.length ? [{ ...v3, version: 4 }, v3, v2] : [v3, v2]),
    });
    const budget = await screen.findByRole('tab', { name: /预算/ }, SLOW);
    fireEvent.click(budget);
    const total = await screen.findByLabelText(/预算总额/);
    fireEvent.change(total, { target: { value: '777' } });
    fireEvent.change(screen.getByLabelText('生效日期'), { target: { value: '2026-08-01' } });
    fireEvent.change(screen.getByLabelText('文号'), { target: { value: ' 济商务字〔2026〕15号 ' } });
    fireEvent.change(screen.getByLabelText('修改说明'), { target: { value: '预算调整' } });
    fireEvent.click(screen.getByTestId('draft-save-submit'));
    await waitFor(
      () => expect(app.router.state.location.pathname).toBe('/console/programs/car-replace-2026/versions/4'),
      SLOW,
    );
    expect(created).toEqual([
      {
        definition: { ...car(), version: 2, budget: { totalFen: 777 } },
        effectiveOn: '2026-08-01',
        documentNo: '济商务字〔2026〕15号',
        note: '预算调整',
      },
    ]);
    // The version page: the diff against the current version 2.
    const diff = await screen.findByTestId('definition-diff', {}, SLOW);
    expect(within(diff).getByText('/amount/cases/0/formula/capFen')).toBeTruthy();
    expect(within(diff).getByText('1500000')).toBeTruthy();
    expect(within(diff).getByText('2000000')).toBeTruthy();
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(1);
  });

  it("the server's 422 path lands on its field; nothing unchanged is sent; leaving asks first", async () => {
    const { calls, app } = open('/console/programs/car-replace-2026/new', {
      [`POST ${ADMIN}/versions`]: apiError(422, 'INVALID_PROGRAM_DEFINITION', {
        fields: { definition: 'INVALID_PROGRAM_DEFINITION' },
        path: '/clauses/2/test/inWindow/0/var',
        details: { path: '/clauses/2/test/inWindow/0/var' },
        message: '/clauses/2/test/inWindow/0/var: fact "transfer.when" is not declared in factFields',
      }),
    });
    await screen.findByRole('tab', { name: /预算/ }, SLOW);
    fireEvent.change(screen.getByLabelText('生效日期'), { target: { value: '2026-08-01' } });
    fireEvent.change(screen.getByLabelText('文号'), { target: { value: '济商务字〔2026〕15号' } });
    // Unchanged: nothing is sent.
    fireEvent.click(screen.getByTestId('draft-save-submit'));
    expect(await screen.findByText('定义与现行版本相同，无需新建草稿。')).toBeTruthy();
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);
    // A change the local check passes but the server refuses.
    fireEvent.click(screen.getByRole('tab', { name: /预算/ }));
    fireEvent.change(await screen.findByLabelText(/预算总额/), { target: { value: '778' } });
    fireEvent.click(screen.getByTestId('draft-save-submit'));
    const summary = await screen.findByTestId('issue-summary');
    expect(summary.textContent).toContain('/clauses/2/test/inWindow/0/var');
    fireEvent.click(within(summary).getByRole('button', { name: /条件条款/ }));
    await waitFor(() => expect(document.activeElement?.id).toBe('hx-clauses_clauses_2_test'));
    expect(document.getElementById('hx-clauses_clauses_2_test-error')!.textContent).toBe(
      '规则内 /inWindow/0/var：fact "transfer.when" is not declared in factFields',
    );
    expect(app.router.state.location.pathname).toBe('/console/programs/car-replace-2026/new');
    // Leaving with unsaved changes asks; staying keeps the page.
    fireEvent.click(screen.getByRole('link', { name: '返回版本列表' }));
    const dialog = await screen.findByRole('dialog', { name: '离开编辑器？' });
    fireEvent.click(within(dialog).getByRole('button', { name: '继续编辑' }));
    expect(app.router.state.location.pathname).toBe('/console/programs/car-replace-2026/new');
    fireEvent.click(screen.getByRole('link', { name: '返回版本列表' }));
    fireEvent.click(
      within(await screen.findByRole('dialog', { name: '离开编辑器？' })).getByRole('button', {
        name: '放弃修改并离开',
      }),
    );
    await waitFor(() =>
      expect(app.router.state.location.pathname).toBe('/console/programs/car-replace-2026'),
    );
  });

  it('copies a program as a new one under a new code and titles; a taken code is shown on the code', async () => {
    let answer: Response = apiError(409, 'PROGRAM_CODE_TAKEN', { path: '/code', details: { path: '/code' } });
    const posted: unknown[] = [];
    const { app } = open('/console/programs', {
      'POST /api/admin/programs': (call) => {
        posted.push(call.body);
        return answer.clone();
      },
      'GET /api/admin/programs/car-replace-2027/versions': jsonResponse([{ ...v3, version: 1 }]),
      'GET /api/admin/programs/car-replace-2027/versions/1': jsonResponse({
        ...v3,
        version: 1,
        definition: car(),
      }),
    });
    const form = await screen.findByRole('form', { name: '复制为新项目' }, SLOW);
    await waitFor(() =>
      expect(within(within(form).getByLabelText('复制自')).getAllByRole('option').length).toBe(2),
    );
    fireEvent.change(within(form).getByLabelText('复制自'), { target: { value: 'car-replace-2026' } });
    fireEvent.change(within(form).getByLabelText(/新项目代码/), { target: { value: 'car-replace-2027' } });
    fireEvent.change(within(form).getByLabelText('新项目名称（中文）'), {
      target: { value: '2027 年汽车置换更新' },
    });
    fireEvent.change(within(form).getByLabelText('新项目名称（英文）'), {
      target: { value: 'Car replacement 2027' },
    });
    fireEvent.change(within(form).getByLabelText('文号'), { target: { value: '济商务字〔2027〕1号' } });
    fireEvent.click(within(form).getByTestId('copy-submit'));
    await waitFor(() =>
      expect(
        within(form)
          .getByLabelText(/新项目代码/)
          .getAttribute('aria-invalid'),
      ).toBe('true'),
    );
    answer = jsonResponse({ ...v3, version: 1 }, 201);
    fireEvent.click(within(form).getByTestId('copy-submit'));
    await waitFor(() =>
      expect(app.router.state.location.pathname).toBe('/console/programs/car-replace-2027/versions/1'),
    );
    expect(posted).toHaveLength(2);
    expect(posted[1]).toEqual({
      definition: {
        ...car(),
        code: 'car-replace-2027',
        version: 1,
        title: { zh: '2027 年汽车置换更新', en: 'Car replacement 2027' },
      },
      documentNo: '济商务字〔2027〕1号',
      note: '',
    });
  });

  it('is for administrators: a reviewer does not get the page', async () => {
    const calls = mockApi({ 'GET /api/auth/me': signedInAs({ role: 'reviewer', displayName: '审核员' }) });
    renderWithApp(routes, { path: '/console/programs/car-replace-2026/new' });
    expect(await screen.findByRole('heading', { level: 1, name: '无权访问' }, SLOW)).toBeTruthy();
    expect(screen.queryByRole('form', { name: '保存为草稿' })).toBeNull();
    expect(calls.filter((c) => c.path.startsWith('/api/admin/'))).toEqual([]);
  });
});
