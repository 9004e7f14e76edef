import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { evaluateEligibility } from '@huanxin/shared';
import { routes } from '@/app/router';
import { jsonResponse, renderWithApp } from '@/test/render';
import { getPath } from '@/features/eligibility/hooks/use-fact-form';
import { carScrap2026, carScrapFormValues, programDetailOf } from '@/test/fixtures';

const definition = carScrap2026();
const detail = programDetailOf(definition);

type FetchArgs = Parameters<typeof fetch>;

/** A fake API: the program detail, and an eligibility route that runs the real engine (as the server does). */
function fakeApi(
  options: {
    withDefinition?: boolean;
    eligibility?: (body: { facts: unknown; asOf: string }) => Response;
  } = {},
) {
  const calls: Array<{ url: string; body?: unknown }> = [];
  const fetchMock = vi.fn<typeof fetch>().mockImplementation(async (...[input, init]: FetchArgs) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const body =
      typeof init?.body === 'string'
        ? (JSON.parse(init.body) as { facts: unknown; asOf: string })
        : undefined;
    calls.push({ url, body });
    if (url === '/api/programs/car-scrap-2026' && (init?.method ?? 'GET') === 'GET') {
      const { definition: def, ...rest } = detail;
      return jsonResponse(options.withDefinition === false ? rest : { ...rest, definition: def });
    }
    if (url === '/api/programs/car-scrap-2026/eligibility' && init?.method === 'POST' && body) {
      if (options.eligibility) return options.eligibility(body);
      return jsonResponse(evaluateEligibility(definition, body.facts, { asOf: body.asOf }));
    }
    return jsonResponse({ error: { code: 'ROUTE_NOT_FOUND', message: 'no' } }, 404);
  });
  vi.stubGlobal('fetch', fetchMock);
  return calls;
}

function fieldBox(path: string): HTMLElement {
  const box = document.querySelector<HTMLElement>(`[data-field="${path}"]`);
  if (!box) throw new Error(`no field ${path}`);
  return box;
}

function type(path: string, value: string) {
  const input = fieldBox(path).querySelector('input');
  if (!input) throw new Error(`no input for ${path}`);
  fireEvent.change(input, { target: { value } });
}

function choose(path: string, optionLabel: string) {
  fireEvent.click(within(fieldBox(path)).getByLabelText(optionLabel));
}

/** Types the shared fuel-car claim into the generated form, field by field, as a resident would. */
async function fillCarScrap() {
  for (const f of definition.factFields) {
    const value = getPath(carScrapFormValues, f.path);
    if (value === undefined || value === '') continue;
    if (f.type === 'enum')
      choose(f.path, f.options?.find((o) => o.value === value)?.label.zh ?? String(value));
    else if (f.type === 'boolean') {
      if (value === true) fireEvent.click(within(fieldBox(f.path)).getByRole('switch'));
    } else type(f.path, String(value));
  }
  await act(async () => {
    await Promise.resolve();
  });
}

describe('eligibility check page', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-06-15T04:00:00Z'));
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('generates the form from the fact fields: grouped, with an input for each type', async () => {
    fakeApi();
    renderWithApp(routes, { path: '/programs/car-scrap-2026/check' });
    await screen.findByRole('heading', { level: 1, name: /资格自查/ });
    await screen.findByText('旧车信息');

    const legends = [...document.querySelectorAll('legend')].map((l) => l.textContent);
    expect(legends).toEqual(['旧车信息', '报废信息', '新车信息']);
    for (const f of definition.factFields) expect(fieldBox(f.path)).toBeTruthy();

    expect(fieldBox('oldVehicle.firstRegisteredOn').querySelector('input')?.getAttribute('type')).toBe(
      'date',
    );
    expect(within(fieldBox('newVehicle.priceFen')).getByText('元')).toBeTruthy();
    expect(screen.getByLabelText('新车价格（含税，元）申请时必填')).toBeTruthy();
    expect(within(fieldBox('oldVehicle.fuelType')).getAllByRole('radio')).toHaveLength(4);
    expect(within(fieldBox('newVehicle.inNevCatalogue')).getByRole('switch')).toBeTruthy();
    expect(within(fieldBox('newVehicle.inNevCatalogue')).getByText('未填写（打开为“是”）')).toBeTruthy();

    // The empty form is evaluated at once: nothing fails, information is needed.
    expect(screen.getByTestId('instant-result').getAttribute('data-verdict')).toBe('incomplete');
  });

  it('validates as you type with the shared validators and puts the message on the right field', async () => {
    fakeApi();
    renderWithApp(routes, { path: '/programs/car-scrap-2026/check' });
    await screen.findByText('旧车信息');

    type('newVehicle.vin', 'LSGGF53W7GH123456');
    const box = fieldBox('newVehicle.vin');
    await waitFor(() => expect(within(box).getByRole('alert').textContent).toBe('校验位不正确，请核对'));
    expect(box.querySelector('input')?.getAttribute('aria-invalid')).toBe('true');
    expect(within(fieldBox('oldVehicle.vin')).queryByRole('alert')).toBeNull();

    type('newVehicle.priceFen', '12.345');
    await waitFor(() =>
      expect(within(fieldBox('newVehicle.priceFen')).getByRole('alert').textContent).toBe(
        '请输入金额（元），最多两位小数',
      ),
    );

    // An old car's bad check digit is a warning (manual review), not an error.
    type('oldVehicle.vin', 'LFV2A21K1G3012345');
    await waitFor(() => expect(within(fieldBox('oldVehicle.vin')).getByText(/校验位不符/)).toBeTruthy());
    expect(within(fieldBox('oldVehicle.vin')).queryByRole('alert')).toBeNull();

    type('newVehicle.vin', 'LSGGF53W6GH123456');
    await waitFor(() => expect(within(fieldBox('newVehicle.vin')).queryByRole('alert')).toBeNull());
  });

  it('evaluates instantly clause by clause, shows the amount, and the server agrees', async () => {
    const calls = fakeApi();
    renderWithApp(routes, { path: '/programs/car-scrap-2026/check' });
    await screen.findByText('旧车信息');
    await fillCarScrap();

    const instant = screen.getByTestId('instant-result');
    await waitFor(() => expect(instant.getAttribute('data-amount-fen')).toBe('1200000'));
    expect(instant.textContent).toContain('¥12,000.00');
    expect(instant.getAttribute('data-verdict')).toBe('incomplete'); // history is checked after sign-in

    const clause = (id: string) => document.querySelector(`#result [data-clause="${id}"]`);
    expect(clause('vehicle-type')?.getAttribute('data-result')).toBe('pass');
    expect(clause('nev-to-fuel')?.getAttribute('data-result')).toBe('not_applicable');
    expect(clause('once-per-year')?.getAttribute('data-result')).toBe('unknown');
    expect(clause('once-per-year')?.textContent).toContain('登录后提交申请时自动核验');
    expect(clause('ownership')?.textContent).toContain('示例数值');

    // One rule change: the old car is too new; the failing fact is named.
    type('oldVehicle.firstRegisteredOn', '2013-07-01');
    await waitFor(() => expect(clause('old-vehicle-age')?.getAttribute('data-result')).toBe('fail'));
    expect(screen.getByTestId('instant-result').getAttribute('data-verdict')).toBe('ineligible');
    type('oldVehicle.firstRegisteredOn', '2012-05-01');
    await waitFor(() => expect(clause('old-vehicle-age')?.getAttribute('data-result')).toBe('pass'));

    fireEvent.click(screen.getByRole('button', { name: /服务器核验/ }));
    await screen.findByTestId('server-match');
    expect(screen.getByTestId('server-summary').getAttribute('data-amount-fen')).toBe('1200000');
    const post = calls.find((c) => c.url.endsWith('/eligibility'));
    expect(post?.body).toMatchObject({
      asOf: '2026-06-15',
      facts: {
        newVehicle: { priceFen: 12_000_000, displacementL: 1.5, ownerIsApplicant: true, powertrain: 'fuel' },
      },
    });
  });

  it('shows a server 422 on the right input', async () => {
    fakeApi({
      eligibility: () =>
        jsonResponse(
          {
            error: {
              code: 'VALIDATION_FAILED',
              message: 'x',
              fields: { 'facts.scrap.certificateNo': 'TOO_LONG' },
            },
          },
          422,
        ),
    });
    renderWithApp(routes, { path: '/programs/car-scrap-2026/check' });
    await screen.findByText('旧车信息');
    type('scrap.certificateNo', 'BF1');
    fireEvent.click(screen.getByRole('button', { name: /服务器核验/ }));
    await waitFor(() =>
      expect(within(fieldBox('scrap.certificateNo')).getByRole('alert').textContent).toBe('内容过长'),
    );
    expect(screen.getByText('服务器发现部分信息有误，已在对应项目下标出。')).toBeTruthy();
  });

  it('falls back to the server when the API sends no definition', async () => {
    fakeApi({ withDefinition: false });
    renderWithApp(routes, { path: '/programs/car-scrap-2026/check' });
    await screen.findByText('旧车信息');
    expect(screen.queryByTestId('instant-result')).toBeNull();
    expect(screen.getAllByText(/暂时无法在浏览器中即时测算/).length).toBeGreaterThan(0);
    await fillCarScrap();
    fireEvent.click(screen.getByRole('button', { name: /服务器核验/ }));
    const server = await screen.findByTestId('server-summary');
    expect(server.getAttribute('data-amount-fen')).toBe('1200000');
    expect(document.querySelector('#result [data-clause="once-per-year"]')?.getAttribute('data-result')).toBe(
      'unknown',
    );
  });
});
