import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { routes } from '@/app/router';
import { apiError, mockApi, signedInAs } from '@/test/api-mock';
import { carScrap2026, programDetailOf } from '@/test/fixtures';
import { jsonResponse, renderWithApp } from '@/test/render';
import { beijingInstant, parseYuan } from './funding-forms';

afterEach(() => vi.unstubAllGlobals());

const PATH = '/api/admin/programs/car-scrap-2026';

function open(role: 'finance' | 'admin', answers: Record<string, Response> = {}) {
  const calls = mockApi({
    'GET /api/auth/me': signedInAs({ role, displayName: role === 'admin' ? '管理员' : '财务一' }),
    'GET /api/programs': jsonResponse([programDetailOf(carScrap2026())]),
    ...answers,
  });
  renderWithApp(routes, { path: '/console/funding' });
  return calls;
}

const type = (form: HTMLElement, label: RegExp, value: string) =>
  fireEvent.change(within(form).getByLabelText(label), { target: { value } });

/** The form, once the programs list has filled its program picker. */
async function formNamed(name: string) {
  const form = await screen.findByRole('form', { name });
  await waitFor(() =>
    expect(within(within(form).getByLabelText(/补贴项目/)).getAllByRole('option').length).toBeGreaterThan(1),
  );
  return form;
}

describe('parseYuan and beijingInstant', () => {
  it.each([
    ['5000000', 500_000_000],
    ['1,000.5', 100_050],
    ['0.01', 1],
    ['0', null],
    ['-5', null],
    ['1.234', null],
    ['abc', null],
    ['', null],
  ])('parseYuan(%j) = %j', (input, fen) => expect(parseYuan(input)).toBe(fen));

  it('reads a datetime-local value as Beijing time', () => {
    expect(beijingInstant('2026-07-01T00:00')).toBe('2026-07-01T00:00:00+08:00');
  });
});

describe('the funding page', () => {
  it('finance records a tranche (amount sent in fen); the pause form is for admins only', async () => {
    const calls = open('finance', { [`POST ${PATH}/tranches`]: jsonResponse({ id: 't1' }, 201) });
    const form = await formNamed('登记资金批次');
    expect(screen.queryByRole('form', { name: '公告暂停受理' })).toBeNull();
    type(form, /补贴项目/, 'car-scrap-2026');
    type(form, /金额/, '5,000,000');
    type(form, /资金来源/, 'province');
    type(form, /生效日期/, '2026-07-01');
    type(form, /文号/, '鲁财预〔2026〕8号');
    fireEvent.click(within(form).getByTestId('tranche-submit'));
    await screen.findByTestId('tranche-done');
    expect(calls.find((c) => c.method === 'POST')).toEqual({
      method: 'POST',
      path: `${PATH}/tranches`,
      body: {
        amountFen: 500_000_000,
        source: 'province',
        effectiveOn: '2026-07-01',
        documentNo: '鲁财预〔2026〕8号',
      },
    });
  });

  it('refuses a bad amount as typed, and puts DUPLICATE_DOCUMENT_NO on the document number', async () => {
    const calls = open('finance', { [`POST ${PATH}/tranches`]: apiError(409, 'DUPLICATE_DOCUMENT_NO') });
    const form = await formNamed('登记资金批次');
    type(form, /金额/, '1.234');
    await waitFor(() =>
      expect(within(form).getByLabelText(/金额/).getAttribute('aria-invalid')).toBe('true'),
    );
    type(form, /补贴项目/, 'car-scrap-2026');
    type(form, /金额/, '100');
    type(form, /资金来源/, 'city');
    type(form, /生效日期/, '2026-07-01');
    type(form, /文号/, '济财预〔2026〕12号');
    fireEvent.click(within(form).getByTestId('tranche-submit'));
    await waitFor(() =>
      expect(within(form).getByLabelText(/文号/).getAttribute('aria-invalid')).toBe('true'),
    );
    expect(within(form).getByText('该文号的资金批次已登记。')).toBeTruthy();
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(1);
  });

  it('an admin announces a pause in Beijing time; a notice too short is shown on the time', async () => {
    const calls = open('admin', {
      [`POST ${PATH}/pause`]: apiError(422, 'VALIDATION_FAILED', {
        fields: { pausesAt: 'NOTICE_TOO_SHORT' },
      }),
    });
    const form = await formNamed('公告暂停受理');
    type(form, /补贴项目/, 'car-scrap-2026');
    type(form, /暂停时间/, '2026-07-01T00:00');
    type(form, /暂停公告（中文）/, '资金已用完，暂停受理。');
    type(form, /暂停公告（英文）/, 'The money is spent: new claims are paused.');
    fireEvent.click(within(form).getByTestId('pause-submit'));
    await waitFor(() =>
      expect(
        within(form)
          .getByLabelText(/暂停时间/)
          .getAttribute('aria-invalid'),
      ).toBe('true'),
    );
    expect(within(form).getByText('项目仍有资金时，暂停须至少提前 72 小时公告')).toBeTruthy();
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({
      pausesAt: '2026-07-01T00:00:00+08:00',
      notice: { zh: '资金已用完，暂停受理。', en: 'The money is spent: new claims are paused.' },
      graceDays: 30,
    });
  });
});
