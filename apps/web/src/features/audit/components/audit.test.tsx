import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { AuditAnchorsResponse, AuditLogEntry, AuditVerifyReport } from '@huanxin/shared';
import { routes } from '@/app/router';
import { apiError, mockApi, signedInAs, type Handler } from '@/test/api-mock';
import { jsonResponse, renderWithApp } from '@/test/render';
import { AUDIT_PAGE_SIZE, auditQuery } from '../api/audit';
import { filterErrors, toAuditFilter, EMPTY_FILTER_VALUES } from '../lib/filter';

afterEach(() => vi.unstubAllGlobals());

const ACTOR = '3f6c2a1e-9b7d-4e2f-8a1c-5d4e3f2a1b0c';
const HASH = 'ab'.repeat(32);

const entry = (seq: number, over: Partial<AuditLogEntry> = {}): AuditLogEntry => ({
  seq,
  at: '2026-07-01T02:30:15.000Z',
  actorId: ACTOR,
  actorRole: 'reviewer',
  action: 'pii.reveal',
  objectType: 'resident',
  objectId: `res-${seq}`,
  result: 'success',
  ip: '10.1.2.3',
  requestId: `req-${seq}`,
  detail: { field: 'phone', reason: 'contact_applicant' },
  chainSeq: seq - 2,
  hash: HASH,
  ...over,
});

/** Every URL the page fetched (the mock keeps paths only; the filters are in the query). */
const fetchedUrls = () =>
  vi.mocked(fetch).mock.calls.map(([input]) => (typeof input === 'string' ? input : String(input)));
const logUrls = () => fetchedUrls().filter((url) => url.startsWith('/api/audit?'));

function open(log: Response | Handler, more: Record<string, Response | Handler> = {}) {
  mockApi({
    'GET /api/auth/me': signedInAs({ role: 'auditor', displayName: '审计员一' }),
    'GET /api/audit': log,
    ...more,
  });
  return renderWithApp(routes, { path: '/console/audit' });
}

const type = (label: RegExp, value: string) =>
  fireEvent.change(screen.getByLabelText(label), { target: { value } });

describe('filters → query', () => {
  it.each([
    [{}, {}],
    [
      { from: '2026-07-01T08:00', to: '2026-07-02T08:00' },
      { from: '2026-07-01T08:00:00+08:00', to: '2026-07-02T08:00:00+08:00' },
    ],
    [
      { actor: ` ${ACTOR.toUpperCase()} `, action: 'auth.login' },
      { actor: ACTOR, action: 'auth.login' },
    ],
    [
      { objectType: 'user', objectId: 'abc-1' },
      { objectType: 'user', objectId: 'abc-1' },
    ],
  ])('%j → %j', (typed, filter) => {
    expect(toAuditFilter({ ...EMPTY_FILTER_VALUES, ...typed })).toEqual(filter);
  });

  it.each([
    [{ actor: 'admin1' }, { actor: 'INVALID_FORMAT' }],
    [{ action: 'Auth Login' }, { action: 'INVALID_FORMAT' }],
    [{ objectId: 'abc' }, { objectType: 'REQUIRED' }],
    [{ objectType: 'user', objectId: '=1+2' }, { objectId: 'INVALID_FORMAT' }],
    [{ from: '2026-07-02T00:00', to: '2026-07-01T00:00' }, { to: 'OUT_OF_RANGE' }],
    [{ from: '2026-07-01T00:00', to: '2026-07-01T00:00' }, { to: 'OUT_OF_RANGE' }],
    [{ objectType: 'user', objectId: 'abc', from: '2026-07-01T00:00' }, {}],
  ])('errors of %j = %j (the API’s codes)', (typed, errors) => {
    expect(filterErrors({ ...EMPTY_FILTER_VALUES, ...typed })).toEqual(errors);
  });

  it('the query string carries only the filters set, then paging', () => {
    expect(auditQuery({ action: 'auth.login', objectType: 'user', objectId: 'u 1' }, { limit: 50 })).toBe(
      '?action=auth.login&objectType=user&objectId=u+1&limit=50',
    );
    expect(auditQuery({})).toBe('');
  });

  it('the form sends the typed filters (Beijing time with its offset), and the server’s 422 lands on its field', async () => {
    let calls = 0;
    open(() => {
      calls += 1;
      return calls === 2
        ? apiError(422, 'VALIDATION_FAILED', { fields: { objectId: 'INVALID_FORMAT' } })
        : jsonResponse([entry(10)]);
    });
    await screen.findByTestId('audit-open-10');
    expect(logUrls()).toEqual(['/api/audit?limit=50']);
    type(/开始时间/, '2026-07-01T08:00');
    type(/操作人用户 ID/, ACTOR);
    type(/^操作$/, 'pii.reveal');
    type(/对象类型/, 'resident');
    type(/对象 ID/, 'res-10');
    fireEvent.click(screen.getByTestId('audit-apply'));
    await waitFor(() => expect(logUrls()).toHaveLength(2));
    const sent = new URL(logUrls()[1]!, 'http://x');
    expect(Object.fromEntries(sent.searchParams)).toEqual({
      from: '2026-07-01T08:00:00+08:00',
      actor: ACTOR,
      action: 'pii.reveal',
      objectType: 'resident',
      objectId: 'res-10',
      limit: String(AUDIT_PAGE_SIZE),
    });
    await waitFor(() => expect(screen.getByLabelText(/对象 ID/).getAttribute('aria-invalid')).toBe('true'));
  });

  it('searching again with the same filters reads the log afresh', async () => {
    open(jsonResponse([entry(10)]));
    await screen.findByTestId('audit-open-10');
    fireEvent.click(screen.getByTestId('audit-apply'));
    await waitFor(() => expect(logUrls()).toEqual(['/api/audit?limit=50', '/api/audit?limit=50']));
  });

  it('a bad actor id is refused as typed: nothing is sent', async () => {
    open(jsonResponse([]));
    await screen.findByText('没有符合条件的审计记录');
    type(/操作人用户 ID/, 'admin1');
    fireEvent.click(screen.getByTestId('audit-apply'));
    await waitFor(() =>
      expect(screen.getByLabelText(/操作人用户 ID/).getAttribute('aria-invalid')).toBe('true'),
    );
    expect(logUrls()).toHaveLength(1);
  });
});

describe('the log', () => {
  it('shows each entry with its role, result in words and chain position ("not chained yet" for null); the drawer shows the JSON, request id, IP and hash', async () => {
    open(
      jsonResponse([
        entry(12, { chainSeq: null, hash: null, result: 'denied', actorRole: 'admin' }),
        entry(11),
      ]),
    );
    await screen.findByTestId('audit-open-12');
    const table = screen.getByTestId('audit-table');
    const row12 = within(table).getByText('12').closest('tr')!;
    expect(within(row12).getByText('尚未入链')).toBeTruthy();
    expect(within(row12).getByText('被拒绝')).toBeTruthy();
    expect(within(row12).getByText('系统管理员')).toBeTruthy();
    const row11 = within(table).getByText('11').closest('tr')!;
    expect(within(row11).getByText('9')).toBeTruthy();
    expect(within(row11).getByText('成功')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '查看序号 11 的详情' }));
    const detail = await screen.findByTestId('audit-detail');
    expect(within(detail).getByText('req-11')).toBeTruthy();
    expect(within(detail).getByText('10.1.2.3')).toBeTruthy();
    expect(within(detail).getByText(HASH)).toBeTruthy();
    expect(JSON.parse(within(detail).getByTestId('audit-detail-json').textContent!)).toEqual({
      field: 'phone',
      reason: 'contact_applicant',
    });
  });

  it('"load older" asks for the rows before the last one seen, and stops at a short page', async () => {
    const first = Array.from({ length: AUDIT_PAGE_SIZE }, (_, i) => entry(200 - i));
    const older = [entry(150), entry(149)];
    open(() => {
      const url = logUrls().at(-1)!;
      return jsonResponse(url.includes('beforeSeq=151') ? older : first);
    });
    await screen.findByTestId('audit-open-200');
    fireEvent.click(screen.getByTestId('audit-older'));
    await screen.findByTestId('audit-open-149');
    expect(logUrls()).toEqual(['/api/audit?limit=50', '/api/audit?limit=50&beforeSeq=151']);
    expect(screen.queryByTestId('audit-older')).toBeNull();
    expect(screen.getByText('已显示全部 52 条符合条件的记录')).toBeTruthy();
  });
});

describe('verify and anchors', () => {
  const verifyWith = async (report: AuditVerifyReport) => {
    open(jsonResponse([]), { 'GET /api/audit/verify': jsonResponse(report) });
    fireEvent.click(await screen.findByTestId('audit-verify'));
    return screen.findByTestId('audit-verify-report');
  };

  it('ok: says it passed, in words, with the counts', async () => {
    const report = await verifyWith({ ok: true, checked: 1234, unchained: 2, staleUnchained: 0 });
    expect(report.getAttribute('data-ok')).toBe('true');
    expect(report.textContent).toContain('通过：');
    expect(report.textContent).toContain('哈希链完整，共校验 1234 条记录。');
    expect(within(report).getByTestId('audit-verify-unchained').textContent).toBe('尚未入链 2 条');
    expect(report.closest('.ant-alert-success')).not.toBeNull();
  });

  it('broken: the first bad sequence number and position, as an alert', async () => {
    const report = await verifyWith({
      ok: false,
      checked: 41,
      firstBadSeq: 57,
      firstBadPosition: 42,
      unchained: 0,
      staleUnchained: 0,
    });
    expect(report.getAttribute('data-ok')).toBe('false');
    expect(report.getAttribute('role')).toBe('alert');
    expect(report.textContent).toContain('未通过：');
    expect(report.textContent).toContain('哈希链在序号 57（链位置 42）处断开。');
    expect(report.closest('.ant-alert-error')).not.toBeNull();
  });

  it('stale unchained rows fail the check even with an intact chain', async () => {
    const report = await verifyWith({
      ok: false,
      checked: 10,
      unchained: 3,
      staleUnchained: 3,
      oldestUnchainedAt: '2026-07-01T00:00:00.000Z',
    });
    expect(report.textContent).toContain('有 3 条记录超过时限仍未入链。');
    expect(within(report).getByTestId('audit-verify-stale').textContent).toBe('超过时限仍未入链 3 条');
  });

  const anchors = (over: Partial<AuditAnchorsResponse['report']> = {}): AuditAnchorsResponse => ({
    file: '/data/audit/anchors.jsonl',
    fileFound: true,
    anchors: [
      { line: 1, chainSeq: 100, hash: 'a'.repeat(64), anchoredAt: '2026-06-30T16:05:00.000Z' },
      { line: 2, chainSeq: 250, hash: 'b'.repeat(64), anchoredAt: '2026-07-01T16:05:00.000Z' },
    ],
    report: {
      ok: true,
      chain: { ok: true, checked: 300, unchained: 0, staleUnchained: 0 },
      anchors: 2,
      anchorsMatched: 2,
      brokenLines: [],
      ...over,
    },
  });

  it('anchors matched: the file, each anchor agreeing', async () => {
    open(jsonResponse([]), { 'GET /api/audit/anchors': jsonResponse(anchors()) });
    fireEvent.click(await screen.findByTestId('audit-anchors'));
    const report = await screen.findByTestId('audit-anchors-report');
    expect(report.textContent).toContain('全部 2 个锚点与数据库一致。');
    expect(report.textContent).toContain('/data/audit/anchors.jsonl');
    const list = screen.getByRole('table', { name: '最近的锚点' });
    expect(within(list).getAllByText('一致')).toHaveLength(2);
    expect(fetchedUrls()).toContain('/api/audit/anchors?last=10');
  });

  it('no anchor file yet: not shown as passed (nothing was compared), the chain result still said', async () => {
    open(jsonResponse([]), {
      'GET /api/audit/anchors': jsonResponse({
        ...anchors({ anchors: 0, anchorsMatched: 0 }),
        fileFound: false,
        anchors: [],
      }),
    });
    fireEvent.click(await screen.findByTestId('audit-anchors'));
    const report = await screen.findByTestId('audit-anchors-report');
    expect(report.getAttribute('data-state')).toBe('nothing');
    expect(report.textContent).toContain('无可核对的锚点：');
    expect(report.textContent).not.toContain('通过：');
    expect(report.textContent).toContain('数据库自身的哈希链校验通过。');
    expect(report.closest('.ant-alert-warning')).not.toBeNull();
    expect(screen.queryByRole('table', { name: '最近的锚点' })).toBeNull();
  });

  it('an anchor the database disagrees with: named by line and position, both hashes, its row marked', async () => {
    open(jsonResponse([]), {
      'GET /api/audit/anchors': jsonResponse(
        anchors({
          ok: false,
          anchorsMatched: 1,
          firstMismatch: { line: 1, chainSeq: 100, expectedHash: 'a'.repeat(64), foundHash: 'c'.repeat(64) },
        }),
      ),
    });
    fireEvent.click(await screen.findByTestId('audit-anchors'));
    const report = await screen.findByTestId('audit-anchors-report');
    expect(report.getAttribute('data-ok')).toBe('false');
    expect(report.textContent).toContain('第 1 行锚点（链位置 100）与数据库不一致');
    expect(report.textContent).toContain('cccccccc…cccccccc');
    const list = screen.getByRole('table', { name: '最近的锚点' });
    expect(within(list).getByText('不一致').closest('tr')!.textContent).toContain('100');
    expect(within(list).getByText('一致').closest('tr')!.textContent).toContain('250');
  });
});

describe('export', () => {
  it('downloads the current filters as CSV; a refusal for size is shown with the limit', async () => {
    const createObjectURL = vi.fn(() => 'blob:audit');
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() }));
    let refuse = false;
    open(jsonResponse([entry(5)]), {
      'GET /api/audit/export': () =>
        refuse
          ? apiError(422, 'AUDIT_EXPORT_TOO_LARGE', { limit: 100_000 })
          : new Response('\uFEFF序号/seq\r\n', {
              headers: { 'content-disposition': 'attachment; filename="audit-log-2026-07-01.csv"' },
            }),
    });
    await screen.findByTestId('audit-open-5');
    type(/^操作$/, 'auth.login');
    fireEvent.click(screen.getByTestId('audit-apply'));
    await waitFor(() => expect(logUrls()).toHaveLength(2));
    fireEvent.click(screen.getByTestId('audit-export-csv'));
    expect((await screen.findByTestId('audit-export-done')).textContent).toBe(
      '已下载 audit-log-2026-07-01.csv',
    );
    expect(fetchedUrls()).toContain('/api/audit/export?action=auth.login&format=csv');
    expect(createObjectURL).toHaveBeenCalledTimes(1);
    refuse = true;
    fireEvent.click(screen.getByTestId('audit-export-xlsx'));
    expect((await screen.findByTestId('audit-export-error')).textContent).toContain(
      '符合条件的记录超过 100,000 行，未导出。',
    );
    expect(fetchedUrls()).toContain('/api/audit/export?action=auth.login&format=xlsx');
  });
});
