import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { PaymentBatchDetail } from '@huanxin/shared';
import { routes } from '@/app/router';
import { mockApi, signedInAs } from '@/test/api-mock';
import { carScrap2026, programDetailOf } from '@/test/fixtures';
import { jsonResponse, renderWithApp } from '@/test/render';

const ME = '11111111-1111-4111-8111-111111111111';
const OTHER = '22222222-2222-4222-8222-222222222222';
const BATCH = '33333333-3333-4333-8333-333333333333';

const batch = (status: 'draft' | 'released', createdBy: string): PaymentBatchDetail => ({
  id: BATCH,
  status,
  programCode: 'car-scrap-2026',
  totalFen: 3_600_000,
  createdBy: { id: createdBy, displayName: createdBy === ME ? '财务一' : '财务二' },
  createdAt: '2026-05-01T02:00:00.000Z',
  releasedBy: status === 'released' ? { id: OTHER, displayName: '财务二' } : null,
  releasedAt: status === 'released' ? '2026-05-01T03:00:00.000Z' : null,
  counts: { pending: 2, paid: 0, failed: 0 },
  lines: ['PL0000000001', 'PL0000000002'].map((lineId, i) => ({
    lineId,
    applicationCode: `ZQ-2026-00000${i + 1}`,
    payee: 'resident',
    payeeNameMasked: '测***',
    accountMasked: '**** **** **** 1234',
    bankName: '中国农业银行章丘支行',
    amountFen: 1_800_000,
    nettedFen: 0,
    status: 'pending',
  })),
});

/** A scripted XMLHttpRequest for the result-file upload: the test reports progress and answers. */
class ScriptedUpload {
  static current: ScriptedUpload | undefined;
  url = '';
  status = 0;
  responseText = '';
  withCredentials = false;
  form: FormData | undefined;
  upload = {
    onprogress: null as ((e: { lengthComputable: boolean; loaded: number; total: number }) => void) | null,
  };
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  constructor() {
    ScriptedUpload.current = this;
  }
  open(_method: string, url: string) {
    this.url = url;
  }
  setRequestHeader() {}
  getResponseHeader() {
    return null;
  }
  send(form: FormData) {
    this.form = form;
  }
  answer(status: number, body: unknown) {
    this.upload.onprogress?.({ lengthComputable: true, loaded: 10, total: 10 });
    this.status = status;
    this.responseText = JSON.stringify(body);
    this.onload?.();
  }
}

afterEach(() => vi.unstubAllGlobals());

async function openBatch(detail: PaymentBatchDetail) {
  const calls = mockApi({
    'GET /api/auth/me': signedInAs({ id: ME, role: 'finance', displayName: '财务一' }),
    'GET /api/programs': jsonResponse([programDetailOf(carScrap2026())]),
    'GET /api/payments/batches': jsonResponse([detail]),
    [`GET /api/payments/batches/${BATCH}`]: jsonResponse(detail),
    [`POST /api/payments/batches/${BATCH}/release`]: jsonResponse({ ...detail, status: 'released' }),
    'GET /api/payments/receivables': jsonResponse([]),
  });
  vi.stubGlobal('XMLHttpRequest', ScriptedUpload);
  renderWithApp(routes, { path: '/console/payments' });
  const list = await screen.findByTestId('batch-list');
  fireEvent.click(within(list).getAllByRole('button')[0]!);
  return { calls, detail: await screen.findByTestId('batch-detail') };
}

describe('the finance payments page', () => {
  it('shows a batch’s masked lines; its builder cannot release it (four eyes)', async () => {
    const { detail, calls } = await openBatch(batch('draft', ME));
    expect(within(detail).getAllByText('测***')).toHaveLength(2);
    expect(within(detail).getByText('PL0000000001')).toBeTruthy();
    expect(within(detail).getByTestId('release').hasAttribute('disabled')).toBe(true);
    expect(within(detail).getByText(/须由另一名财务人员放行/)).toBeTruthy();
    expect(calls.some((c) => c.path.endsWith('/release'))).toBe(false);
  });

  it('a second finance user releases it', async () => {
    const { detail, calls } = await openBatch(batch('draft', OTHER));
    fireEvent.click(within(detail).getByTestId('release'));
    await waitFor(() =>
      expect(calls.some((c) => c.method === 'POST' && c.path.endsWith('/release'))).toBe(true),
    );
  });

  it('a released batch offers the bank files and imports a result file: progress, then the per-line report or the totals', async () => {
    const { detail } = await openBatch(batch('released', OTHER));
    expect(within(detail).getByTestId('file-csv').getAttribute('href')).toBe(
      `/api/payments/batches/${BATCH}/file?format=csv`,
    );
    expect(within(detail).getByTestId('file-xlsx').getAttribute('href')).toBe(
      `/api/payments/batches/${BATCH}/file?format=xlsx`,
    );
    const input = within(detail).getByTestId('reconcile-file');
    fireEvent.change(input, {
      target: { files: [new File(['lineId,result,reason,bankRef\n'], 'result.csv')] },
    });
    fireEvent.click(within(detail).getByTestId('reconcile-submit'));
    await waitFor(() => expect(ScriptedUpload.current?.form?.get('file')).toBeTruthy());
    expect(ScriptedUpload.current!.url).toBe(`/api/payments/batches/${BATCH}/reconcile`);
    ScriptedUpload.current!.answer(422, {
      error: {
        code: 'RECONCILE_FILE_INVALID',
        message: 'bad',
        rows: [{ line: 3, lineId: 'PL0000000002', field: 'amount', code: 'AMOUNT_MISMATCH' }],
      },
    });
    const report = await within(detail).findByTestId('reconcile-errors');
    expect(within(report).getByText('金额与批次不符')).toBeTruthy();
    expect(within(report).getByText('PL0000000002')).toBeTruthy();
    fireEvent.click(within(detail).getByTestId('reconcile-submit'));
    await waitFor(() => expect(ScriptedUpload.current?.status).toBe(0));
    ScriptedUpload.current!.answer(200, { paid: 1, failed: 1, unchanged: 0, unknownLines: [] });
    const summary = await within(detail).findByTestId('reconcile-summary');
    expect(summary.textContent).toContain('已发放 1 笔，失败 1 笔，未变化 0 笔');
  });
});
