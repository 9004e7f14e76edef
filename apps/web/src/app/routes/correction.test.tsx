import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { ApplicationCorrection } from '@huanxin/shared';
import { eligibleClaim } from '@huanxin/shared/testing';
import { routes } from '@/app/router';
import { mockApi, signedInAs } from '@/test/api-mock';
import { carScrap2026, programDetailOf } from '@/test/fixtures';
import { jsonResponse, renderWithApp } from '@/test/render';

const program = programDetailOf(carScrap2026());
const ID = '3f2b8c1e-4d5a-4b6c-8d7e-9f0a1b2c3d4e';
const { facts } = eligibleClaim('carScrap');
const resident = signedInAs({ role: 'resident', displayName: '138****8000', phoneMasked: '138****8000' });

const correction: ApplicationCorrection = {
  reasonCode: 'FACT_MISMATCH',
  reasonTitle: { zh: '填写的信息与材料不一致', en: 'What was entered does not match the documents' },
  fields: ['newVehicle.invoiceNo', 'document:new_vehicle_invoice'],
  note: '发票号码与发票照片不符',
  returnedAt: '2026-11-30T02:00:00.000Z',
  expiresAt: '2026-12-15T02:00:00.000Z',
};

const returned = {
  id: ID,
  code: 'ZQ-2026-000123',
  status: 'returned',
  programCode: 'car-scrap-2026',
  programVersion: 1,
  facts,
  evaluation: { eligible: true, amountFen: 2_000_000, clauses: [] },
  reservedFen: 2_000_000,
  submittedAt: '2026-11-20T02:00:00.000Z',
  createdAt: '2026-11-20T01:00:00.000Z',
  updatedAt: '2026-11-30T02:00:00.000Z',
  timeline: [{ at: '2026-11-30T02:00:00.000Z', status: 'returned', note: null }],
  correction,
};

function api() {
  return mockApi({
    'GET /api/auth/me': resident,
    'GET /api/programs/car-scrap-2026': jsonResponse(program),
    [`GET /api/applications/${ID}`]: jsonResponse(returned),
    [`GET /api/applications/${ID}/documents`]: jsonResponse([
      {
        id: 'c0a80101-0000-4000-8000-000000000005',
        kind: 'new_vehicle_invoice',
        contentType: 'application/pdf',
        size: 2048,
        sha256: 'x',
      },
    ]),
  });
}

afterEach(() => vi.unstubAllGlobals());

describe('a returned claim', () => {
  it('detail: the reviewer reason, the exact fields to fix and the date it expires', async () => {
    api();
    renderWithApp(routes, { path: `/applications/${ID}` });
    const notice = await screen.findByTestId('correction');
    expect(notice.textContent).toContain('审核意见：填写的信息与材料不一致');
    await waitFor(() => expect(notice.textContent).toContain('机动车销售统一发票号码'));
    expect(notice.textContent).toContain('新车《机动车销售统一发票》');
    expect(notice.textContent).toContain('审核员说明：发票号码与发票照片不符');
    expect(within(notice).getByTestId('correction-expires').textContent).toContain('2026/12/15 10:00');
    expect(screen.getByRole('link', { name: /修改并重新提交/ }).getAttribute('href')).toBe(
      `/applications/${ID}/edit`,
    );
  });

  it('edit form: the named field and document are highlighted, and the notice leads to them', async () => {
    api();
    renderWithApp(routes, { path: `/applications/${ID}/edit` });
    const notice = await screen.findByTestId('correction');
    await waitFor(() => expect(screen.getByTestId('step-title').textContent).toBe('旧车信息'));
    // Not on this step: nothing here is marked.
    expect(document.querySelector('[data-highlighted]')).toBeNull();
    fireEvent.click(within(notice).getByRole('button', { name: /去修改：机动车销售统一发票号码/ }));
    await waitFor(() => expect(screen.getByTestId('step-title').textContent).toBe('新车信息'));
    const field = document.querySelector<HTMLElement>('[data-field="newVehicle.invoiceNo"]');
    expect(field?.getAttribute('data-highlighted')).toBe('true');
    expect(field?.textContent).toContain('审核要求修改此项');
    // The note is tied to the input for screen readers.
    const input = field?.querySelector('input');
    const note = field?.querySelector('.hx-field__highlight');
    expect(input?.getAttribute('aria-describedby')).toContain(note?.id ?? 'missing');
    expect(document.querySelectorAll('[data-highlighted]')).toHaveLength(1);

    fireEvent.click(within(notice).getByRole('button', { name: /去修改：新车《机动车销售统一发票》/ }));
    await waitFor(() => expect(screen.getByTestId('step-title').textContent).toBe('上传材料'));
    const doc = document.querySelector<HTMLElement>('[data-kind="new_vehicle_invoice"]');
    expect(doc?.getAttribute('data-to-fix')).toBe('true');
    expect(doc?.textContent).toContain('审核要求重新上传此材料');
    expect(document.querySelectorAll('[data-to-fix]')).toHaveLength(1);
  });
});
