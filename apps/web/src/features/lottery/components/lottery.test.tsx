import { createHash, createHmac } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { configure, fireEvent, screen, within } from '@testing-library/react';
import {
  drawLotteryWinners,
  getCatalogueProgram,
  type MyLotteryEntry,
  type ProgramDefinition,
  type PublicLotteryRound,
  type VoucherOffer,
} from '@huanxin/shared';
import { routes } from '@/app/router';
import { apiError, mockApi, signedInAs } from '@/test/api-mock';
import { programDetailOf } from '@/test/fixtures';
import { jsonResponse, renderWithApp } from '@/test/render';

configure({ asyncUtilTimeout: 5000 });

const CODE = 'home-renovation-2026';
const resident = signedInAs({ role: 'resident', displayName: '138****8000', phoneMasked: '138****8000' });
const hmac = (key: string, message: string) =>
  createHmac('sha256', Buffer.from(key, 'hex')).update(message, 'utf8').digest('hex');
const SEED = createHash('sha256').update('huanxin lottery test seed').digest('hex');
const SEED_HASH = createHash('sha256').update(Buffer.from(SEED, 'hex')).digest('hex');
const IDS = Array.from({ length: 12 }, (_, n) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`);
const WINNERS = drawLotteryWinners(IDS, SEED, 3, hmac);
const LOSER = IDS.find((id) => !WINNERS.includes(id))!;

function lotteryDefinition(): ProgramDefinition {
  const def = getCatalogueProgram(CODE)!;
  return {
    ...def,
    settings: { ...def.settings, allocationMode: 'lottery', lottery: { roundDays: 7, drawTime: '10:00' } },
  };
}

const HOUR = 3_600_000;
/** A round taking entries now (closes in two days), before its draw. */
function openRound(): PublicLotteryRound {
  const now = Date.now();
  return {
    programCode: CODE,
    algorithm: 'hmac-sha256-rank/v1',
    round: 2,
    opensAt: new Date(now - 24 * HOUR).toISOString(),
    closesAt: new Date(now + 48 * HOUR).toISOString(),
    drawAt: new Date(now + 58 * HOUR).toISOString(),
    seedHash: SEED_HASH,
    entries: IDS.map((id) => ({ id, category: 'sanitary_ware' })),
    maxSubsidyFen: 200_000,
  };
}
const drawnRound = (): PublicLotteryRound => ({
  programCode: CODE,
  algorithm: 'hmac-sha256-rank/v1',
  round: 1,
  opensAt: '2026-01-01T16:00:00.000Z',
  closesAt: '2026-01-07T16:00:00.000Z',
  drawAt: '2026-01-08T02:00:00.000Z',
  seedHash: SEED_HASH,
  seed: SEED,
  entries: IDS.map((id, n) => ({ id, category: n % 2 ? 'smart_home' : 'sanitary_ware' })),
  maxSubsidyFen: 200_000,
  remainingFenAtDraw: 3 * 200_000 + 5,
  slots: 3,
  winners: WINNERS,
  drawnAt: '2026-01-08T02:00:01.000Z',
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('public lottery page (/programs/:code/lottery, no sign-in)', () => {
  it('after the draw: seed, counts, winners, search, the CLI, and the browser re-check says it matches', async () => {
    mockApi({
      [`GET /api/programs/${CODE}`]: jsonResponse(programDetailOf(lotteryDefinition())),
      [`GET /api/programs/${CODE}/lottery`]: jsonResponse(drawnRound()),
    });
    renderWithApp(routes, { path: `/programs/${CODE}/lottery?round=1` });
    expect(
      await screen.findByRole('heading', { level: 1, name: '摇号公示' }, { timeout: 15_000 }),
    ).toBeTruthy();
    const page = await screen.findByTestId('public-lottery');
    expect(within(page).getByTestId('lottery-seed-hash').textContent).toBe(SEED_HASH);
    expect(within(page).getByTestId('lottery-seed').textContent).toBe(SEED);
    expect(within(page).getByTestId('lottery-entry-count').textContent).toBe('12');
    expect(within(page).getByTestId('lottery-winner-count').textContent).toBe('3');
    // Times in Beijing time: the draw at 10:00 on 8 January.
    expect(within(page).getByTestId('lottery-round').textContent).toContain('2026/01/08 10:00');
    const winners = within(page).getByTestId('lottery-winners');
    expect(
      within(winners)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(WINNERS);
    // The category labels of the public entries, from the program's definition.
    expect(within(page).getByTestId('lottery-entries').textContent).toContain('智能家居');

    const result = await screen.findByTestId('lottery-recheck-result');
    expect(result.getAttribute('data-ok')).toBe('true');
    expect(result.textContent).toContain('一致：种子与哈希相符');
    expect(within(page).getByTestId('lottery-cli').textContent).toContain(
      `node apps/api/dist/cli/lottery-verify.js --url '${window.location.origin}/api/programs/${CODE}/lottery?round=1'`,
    );

    const search = screen.getByLabelText('查找报名编号');
    const answer = screen.getByTestId('lottery-search-answer');
    fireEvent.change(search, { target: { value: WINNERS[1] } });
    expect(answer.textContent).toBe(`编号 ${WINNERS[1]} 中签（第 2 名）。`);
    fireEvent.change(search, { target: { value: ` ${LOSER.toUpperCase()} ` } });
    expect(answer.textContent).toBe(`编号 ${LOSER} 在本轮报名中，但未中签。`);
    fireEvent.change(search, { target: { value: '00000000-0000' } });
    expect(answer.textContent).toBe('有 12 个编号以此开头，请输入更多位。');
    fireEvent.change(search, { target: { value: 'ffff' } });
    expect(answer.textContent).toBe('本轮没有以此开头的报名编号。');
    // Previous rounds: none before round 1.
    expect(screen.queryByText(/上一轮/)).toBeNull();
  });

  it('a published result that was tampered with: "does not match", with the reasons', async () => {
    mockApi({
      [`GET /api/programs/${CODE}`]: jsonResponse(programDetailOf(lotteryDefinition())),
      [`GET /api/programs/${CODE}/lottery`]: jsonResponse({
        ...drawnRound(),
        winners: [LOSER, ...WINNERS.slice(1)],
      }),
    });
    renderWithApp(routes, { path: `/programs/${CODE}/lottery` });
    const result = await screen.findByTestId('lottery-recheck-result', {}, { timeout: 15_000 });
    expect(result.getAttribute('data-ok')).toBe('false');
    expect(result.textContent).toContain('不一致');
    expect(result.textContent).toContain('重新计算的中签名单与公布的不同。');
  });

  it('before the draw: the seed hash, no seed, no winners, nothing to check yet; in English too', async () => {
    mockApi({
      [`GET /api/programs/${CODE}`]: jsonResponse(programDetailOf(lotteryDefinition())),
      [`GET /api/programs/${CODE}/lottery`]: jsonResponse(openRound()),
    });
    renderWithApp(routes, { path: `/programs/${CODE}/lottery`, language: 'en' });
    const page = await screen.findByTestId('public-lottery', {}, { timeout: 15_000 });
    expect(within(page).getByTestId('lottery-seed-hash').textContent).toBe(SEED_HASH);
    expect(within(page).queryByTestId('lottery-seed')).toBeNull();
    expect(within(page).queryByTestId('lottery-winners')).toBeNull();
    expect(within(page).getByTestId('lottery-round').getAttribute('data-state')).toBe('open');
    expect(page.textContent).toContain('This round is not drawn yet');
    expect(page.textContent).toContain('After the draw, the seed, the winners and the check appear here.');
    expect(screen.getByRole('link', { name: 'Previous: round 1' }).getAttribute('href')).toContain('round=1');
  });

  it('no round open yet (404) is said plainly, not as a failure', async () => {
    mockApi({
      [`GET /api/programs/${CODE}`]: jsonResponse(programDetailOf(lotteryDefinition())),
      [`GET /api/programs/${CODE}/lottery`]: apiError(404, 'NOT_FOUND'),
    });
    renderWithApp(routes, { path: `/programs/${CODE}/lottery` });
    expect(await screen.findByText('本项目尚无开放的摇号轮次。', {}, { timeout: 15_000 })).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });
});

const offer: VoucherOffer = {
  programCode: CODE,
  title: { zh: '家装厨卫焕新（2026年）', en: 'Home renovation 2026' },
  allocationMode: 'lottery',
  maxSubsidyFen: 200_000,
  validityDays: 3,
  categories: [
    { value: 'sanitary_ware', label: { zh: '卫浴洁具', en: 'Sanitary ware' }, quota: 1 },
    { value: 'smart_home', label: { zh: '智能家居', en: 'Smart home' }, quota: 1 },
  ],
};

function entry(extra: Partial<MyLotteryEntry>): MyLotteryEntry {
  const round = openRound();
  return {
    id: IDS[0]!,
    programCode: CODE,
    round: round.round,
    category: 'sanitary_ware',
    status: 'entered',
    opensAt: round.opensAt,
    closesAt: round.closesAt,
    drawAt: '2026-01-08T02:00:00.000Z',
    seedHash: SEED_HASH,
    ...extra,
  };
}

describe('the resident registers on the vouchers page', () => {
  it('registers per category; the category then says "registered" and the entry is listed, waiting', async () => {
    let mine: MyLotteryEntry[] = [];
    const calls = mockApi({
      'GET /api/auth/me': resident,
      'GET /api/vouchers/offers': jsonResponse([offer]),
      'GET /api/vouchers': jsonResponse([]),
      [`GET /api/programs/${CODE}/lottery`]: jsonResponse(openRound()),
      'GET /api/me/lottery-entries': () => jsonResponse(mine),
      [`POST /api/programs/${CODE}/lottery/entries`]: ({ body }) => {
        mine = [entry({ category: (body as { category: string }).category })];
        return jsonResponse(mine[0], 201);
      },
    });
    renderWithApp(routes, { path: '/vouchers' });
    const panel = await screen.findByTestId('resident-lottery', {}, { timeout: 15_000 });
    expect(await within(panel).findByText('您还没有报名记录。')).toBeTruthy();
    expect(within(panel).getByTestId('lottery-seed-hash').textContent).toBe(SEED_HASH);
    fireEvent.click(within(panel).getByRole('button', { name: '报名：卫浴洁具' }));
    expect((await within(panel).findByRole('status', {}, {})).textContent).toBeTruthy();
    expect(await within(panel).findByText('报名成功：卫浴洁具。开奖后将短信通知您。')).toBeTruthy();
    const done = await within(panel).findByRole('button', { name: '卫浴洁具：已报名' });
    expect(done.hasAttribute('disabled')).toBe(true);
    expect(within(panel).getByRole('button', { name: '报名：智能家居' }).hasAttribute('disabled')).toBe(
      false,
    );
    const listed = await within(panel).findByTestId('lottery-entry');
    expect(listed.getAttribute('data-status')).toBe('entered');
    expect(listed.textContent).toContain(IDS[0]);
    expect(within(listed).getByTestId('lottery-entry-result').textContent).toBe(
      '等待开奖（2026/01/08 10:00）',
    );
    expect(
      calls
        .filter((c) => c.method === 'POST' && c.path === `/api/programs/${CODE}/lottery/entries`)
        .map((c) => c.body),
    ).toEqual([{ category: 'sanitary_ware' }]);
  });

  it.each([
    ['LOTTERY_ALREADY_ENTERED', '您本轮已报名该品类。'],
    ['LOTTERY_CLOSED', '本项目当前没有开放报名的摇号轮次。'],
    ['QUOTA_EXCEEDED', '该品类的补贴资格已达上限（空调每人 3 张，其他品类每人 1 张）。'],
  ])('409 %s is a clear message, and nothing is listed', async (code, message) => {
    mockApi({
      'GET /api/auth/me': resident,
      'GET /api/vouchers/offers': jsonResponse([offer]),
      'GET /api/vouchers': jsonResponse([]),
      [`GET /api/programs/${CODE}/lottery`]: jsonResponse(openRound()),
      'GET /api/me/lottery-entries': jsonResponse([]),
      [`POST /api/programs/${CODE}/lottery/entries`]: apiError(409, code),
    });
    renderWithApp(routes, { path: '/vouchers' });
    const panel = await screen.findByTestId('resident-lottery', {}, { timeout: 15_000 });
    fireEvent.click(await within(panel).findByRole('button', { name: '报名：智能家居' }));
    expect((await within(panel).findByRole('alert')).textContent).toContain(message);
    expect(within(panel).queryByTestId('lottery-entry')).toBeNull();
  });

  it('after the draw: won (to the vouchers) and not drawn (money released), each with its entry id', async () => {
    mockApi({
      'GET /api/auth/me': resident,
      'GET /api/vouchers/offers': jsonResponse([offer]),
      'GET /api/vouchers': jsonResponse([]),
      [`GET /api/programs/${CODE}/lottery`]: jsonResponse(drawnRound()),
      'GET /api/me/lottery-entries': jsonResponse([
        entry({
          id: WINNERS[0]!,
          round: 1,
          status: 'won',
          voucherId: '5a7c9e1b-3d5f-4a6b-8c9d-0e1f2a3b4c5d',
        }),
        entry({ id: LOSER, round: 1, category: 'smart_home', status: 'lost' }),
      ]),
    });
    renderWithApp(routes, { path: '/vouchers' });
    const panel = await screen.findByTestId('resident-lottery', {}, { timeout: 15_000 });
    const entries = await within(panel).findAllByTestId('lottery-entry');
    expect(entries.map((e) => e.getAttribute('data-status'))).toEqual(['won', 'lost']);
    expect(entries[0]!.textContent).toContain(WINNERS[0]);
    expect(within(entries[0]!).getByTestId('lottery-entry-result').textContent).toContain(
      '已中签：资格券已发放',
    );
    // On the vouchers page itself the voucher is right below: no link to the same page.
    expect(within(entries[0]!).queryByRole('link')).toBeNull();
    expect(within(entries[1]!).getByTestId('lottery-entry-result').textContent).toContain('预留资金已释放');
    expect(within(entries[1]!).queryByRole('link')).toBeNull();
    // A drawn round takes no entries: both categories entered in it, the buttons are off.
    expect(within(panel).getByRole('button', { name: '卫浴洁具：已报名' }).hasAttribute('disabled')).toBe(
      true,
    );
    expect(within(panel).getByRole('button', { name: '智能家居：已报名' }).hasAttribute('disabled')).toBe(
      true,
    );
    expect(panel.textContent).toContain('当前不在报名期内。');
  });
});

describe('a lottery program page', () => {
  it('signed out: the round and a sign-in link back to the page; no registration', async () => {
    mockApi({
      [`GET /api/programs/${CODE}`]: jsonResponse(programDetailOf(lotteryDefinition())),
      [`GET /api/programs/${CODE}/lottery`]: jsonResponse(openRound()),
    });
    renderWithApp(routes, { path: `/programs/${CODE}` });
    const panel = await screen.findByTestId('resident-lottery', {}, { timeout: 15_000 });
    await within(panel).findByTestId('lottery-round');
    const signIn = await within(panel).findByRole('link', { name: '登录后报名' });
    expect(signIn.getAttribute('href')).toBe(`/login?next=${encodeURIComponent(`/programs/${CODE}`)}`);
    expect(within(panel).getByRole('link', { name: '查看摇号公示与核验方法' }).getAttribute('href')).toBe(
      `/programs/${CODE}/lottery`,
    );
    expect(within(panel).queryByRole('button', { name: /报名：/ })).toBeNull();
  });

  it('signed in: a won entry links to the vouchers page', async () => {
    mockApi({
      'GET /api/auth/me': resident,
      [`GET /api/programs/${CODE}`]: jsonResponse(programDetailOf(lotteryDefinition())),
      [`GET /api/programs/${CODE}/lottery`]: jsonResponse(drawnRound()),
      'GET /api/me/lottery-entries': jsonResponse([
        entry({
          id: WINNERS[0]!,
          round: 1,
          status: 'won',
          voucherId: '5a7c9e1b-3d5f-4a6b-8c9d-0e1f2a3b4c5d',
        }),
        // Another program's entry is not this page's.
        entry({ id: LOSER, programCode: 'digital-2026', status: 'lost' }),
      ]),
    });
    renderWithApp(routes, { path: `/programs/${CODE}` });
    const panel = await screen.findByTestId('resident-lottery', {}, { timeout: 15_000 });
    const entries = await within(panel).findAllByTestId('lottery-entry');
    expect(entries.map((e) => e.getAttribute('data-entry-id'))).toEqual([WINNERS[0]]);
    expect(within(entries[0]!).getByRole('link', { name: '查看我的资格券' }).getAttribute('href')).toBe(
      '/vouchers',
    );
    expect(within(panel).queryByRole('link', { name: '登录后报名' })).toBeNull();
  });

  it('a first-come program shows no lottery', async () => {
    mockApi({
      [`GET /api/programs/${CODE}`]: jsonResponse(programDetailOf(getCatalogueProgram(CODE)!)),
    });
    renderWithApp(routes, { path: `/programs/${CODE}` });
    await screen.findByRole('heading', { level: 1 }, { timeout: 15_000 });
    expect(screen.queryByTestId('resident-lottery')).toBeNull();
  });
});
