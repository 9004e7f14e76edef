import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import { routes } from '@/app/router';
import { jsonResponse, renderWithApp } from '@/test/render';
import { carScrap2026 } from '@/test/fixtures';

const budget = {
  totalFen: 100_000_000,
  reservedFen: 25_000_000,
  committedFen: 10_000_000,
  paidFen: 5_000_000,
  remainingFen: 60_000_000,
};
const summary = (code: string, status: string, kind = 'car_scrap') => ({
  code,
  title: { zh: `项目 ${code}`, en: `Program ${code}` },
  kind,
  status,
  opensOn: '2026-01-01',
  closesOn: '2026-12-31',
  budget,
});

afterEach(() => vi.unstubAllGlobals());

describe('programs list', () => {
  it('shows cards open first, with status, window and the budget meter', async () => {
    vi.stubGlobal(
      'fetch',
      vi
        .fn<typeof fetch>()
        .mockImplementation(async () =>
          jsonResponse([
            summary('closed-one', 'closed'),
            summary('open-one', 'open', 'goods'),
            summary('soon', 'upcoming'),
            summary('gone', 'exhausted'),
          ]),
        ),
    );
    renderWithApp(routes, { path: '/programs' });
    const list = await screen.findByRole('list', { name: '补贴项目列表' });
    const cards = within(list).getAllByRole('article');
    expect(cards.map((c) => c.getAttribute('data-program'))).toEqual([
      'open-one',
      'soon',
      'gone',
      'closed-one',
    ]);
    const open = cards[0] as HTMLElement;
    expect(within(open).getByText('进行中')).toBeTruthy();
    expect(within(open).getByText('家电以旧换新')).toBeTruthy();
    expect(within(open).getByText(/2026-01-01 至 2026-12-31/)).toBeTruthy();
    expect(within(open).getByText('¥600,000.00')).toBeTruthy(); // remaining
    expect(within(open).getByText('¥250,000.00')).toBeTruthy(); // reserved
    expect(within(open).getByRole('progressbar').getAttribute('aria-valuetext')).toBe(
      '已使用或预留 40%，剩余 ¥600,000.00，总额 ¥1,000,000.00',
    );
    expect(within(open).getByRole('link', { name: '资格自查：项目 open-one' }).getAttribute('href')).toBe(
      '/programs/open-one/check',
    );
    expect(within(cards[3] as HTMLElement).getByText('已截止')).toBeTruthy();
    expect(within(cards[2] as HTMLElement).getByText('额度已满')).toBeTruthy();
    expect(within(cards[3] as HTMLElement).queryByRole('link', { name: /资格自查/ })).toBeNull();
  });

  it('shows the translated error with a retry', async () => {
    vi.stubGlobal(
      'fetch',
      vi
        .fn<typeof fetch>()
        .mockImplementation(async () => jsonResponse({ error: { code: 'RATE_LIMITED', message: 'x' } }, 429)),
    );
    renderWithApp(routes, { path: '/programs' });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('操作过于频繁，请稍后再试。');
    expect(within(alert).getByRole('button', { name: /重试/ })).toBeTruthy();
  });
});

describe('program detail', () => {
  it('lists each clause with its citation and provenance badge, and the documents', async () => {
    const def = carScrap2026();
    vi.stubGlobal(
      'fetch',
      vi.fn<typeof fetch>().mockImplementation(async () =>
        jsonResponse({
          ...summary(def.code, 'open'),
          title: def.title,
          version: def.version,
          clauses: def.clauses.map(({ id, title, citation, provenance }) => ({
            id,
            title,
            citation,
            provenance,
          })),
          documents: def.documents,
          factFields: def.factFields,
          definition: def,
        }),
      ),
    );
    renderWithApp(routes, { path: '/programs/car-scrap-2026' });
    await screen.findByRole('heading', { level: 1, name: def.title.zh });
    for (const clause of def.clauses) {
      const item = document.querySelector(`[data-clause="${clause.id}"]`) as HTMLElement;
      expect(item.textContent).toContain(clause.title.zh);
      expect(item.textContent).toContain(clause.citation);
      expect(item.querySelector('[data-provenance]')?.getAttribute('data-provenance')).toBe(
        clause.provenance,
      );
    }
    const sample = document.querySelector('[data-clause="ownership"] [data-provenance]');
    expect(sample?.getAttribute('aria-label')).toContain('此为示例数值');
    expect(screen.getByText('《报废机动车回收证明》')).toBeTruthy();
    expect(screen.getByText('最高补贴 ¥20,000.00', { exact: false })).toBeTruthy();
    expect(screen.getByRole('link', { name: /开始资格自查/ }).getAttribute('href')).toBe(
      '/programs/car-scrap-2026/check',
    );
  });

  it('answers an unknown program with the translated 404', async () => {
    vi.stubGlobal(
      'fetch',
      vi
        .fn<typeof fetch>()
        .mockImplementation(async () =>
          jsonResponse({ error: { code: 'PROGRAM_NOT_FOUND', message: 'x' } }, 404),
        ),
    );
    renderWithApp(routes, { path: '/programs/nope' });
    expect((await screen.findByRole('alert')).textContent).toContain('未找到该补贴项目。');
  });
});
