import { createHash, createHmac, webcrypto } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { drawLotteryWinners, type PublicLotteryRound } from '@huanxin/shared';
import { hmacTable, recheckRound, sha256HexOfHex } from './recompute';

// The shared tests' seed and entries (packages/shared/test/lottery.spec.ts).
const SEED = createHash('sha256').update('huanxin lottery test seed').digest('hex');
const IDS = Array.from({ length: 40 }, (_, n) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`);
/** The first five of the ranking under SEED, computed once with node:crypto and written down. */
const WINNERS = [
  '00000000-0000-4000-8000-000000000027',
  '00000000-0000-4000-8000-000000000019',
  '00000000-0000-4000-8000-000000000023',
  '00000000-0000-4000-8000-000000000014',
  '00000000-0000-4000-8000-000000000024',
];
const MAX = 200_000;
const subtle = webcrypto.subtle as SubtleCrypto;
const nodeHmac = (key: string, message: string) =>
  createHmac('sha256', Buffer.from(key, 'hex')).update(message, 'utf8').digest('hex');

const drawn: PublicLotteryRound = {
  programCode: 'home-renovation-2026',
  algorithm: 'hmac-sha256-rank/v1',
  round: 3,
  opensAt: '2026-01-15T02:00:00.000Z',
  closesAt: '2026-01-28T16:00:00.000Z',
  drawAt: '2026-01-29T02:00:00.000Z',
  seedHash: createHash('sha256').update(Buffer.from(SEED, 'hex')).digest('hex'),
  seed: SEED,
  entries: IDS.map((id, n) => ({ id, category: n % 2 ? 'smart_home' : 'sanitary_ware' })),
  maxSubsidyFen: MAX,
  remainingFenAtDraw: 5 * MAX + MAX - 1,
  slots: 5,
  winners: WINNERS,
  drawnAt: '2026-01-29T02:00:03.000Z',
};

describe('the in-browser re-check (WebCrypto + the shared draw)', () => {
  it('computes the same scores and seed hash as node:crypto', async () => {
    const hmac = await hmacTable(SEED, IDS, subtle);
    for (const id of IDS) expect(hmac(SEED, id)).toBe(nodeHmac(SEED, id));
    expect(hmac(SEED, IDS[0]!)).toBe(nodeHmac(SEED, IDS[0]!));
    expect(() => hmac(SEED, 'not-an-entry')).toThrow('no score');
    expect(await sha256HexOfHex(SEED, subtle)).toBe(drawn.seedHash);
  });

  it('a known seed and entries give the known winners, in rank order: matches', async () => {
    expect(drawLotteryWinners(IDS, SEED, 5, nodeHmac)).toEqual(WINNERS);
    expect(await recheckRound(drawn, subtle)).toEqual({
      ok: true,
      problems: [],
      seedHash: drawn.seedHash,
      winners: WINNERS,
    });
  });

  const loser = IDS.find((id) => !WINNERS.includes(id))!;
  const otherSeed = createHash('sha256').update('another seed').digest('hex');
  it.each<[string, Partial<PublicLotteryRound>, string[]]>([
    ['a loser swapped in for a winner', { winners: [loser, ...WINNERS.slice(1)] }, ['WINNERS_DIFFER']],
    ['the winners in another order', { winners: [...WINNERS].reverse() }, ['WINNERS_DIFFER']],
    ['a winner left out', { winners: WINNERS.slice(0, 4) }, ['WINNERS_DIFFER']],
    ['another seed revealed', { seed: otherSeed }, ['SEED_HASH_MISMATCH', 'WINNERS_DIFFER']],
    [
      'one winner more than the budget paid for',
      { slots: 6, winners: drawLotteryWinners(IDS, SEED, 6, nodeHmac) },
      ['TOO_MANY_WINNERS'],
    ],
    ['an entry listed twice', { entries: [...drawn.entries, drawn.entries[0]!] }, ['DUPLICATE_ENTRY']],
    ['an unknown algorithm', { algorithm: 'other/v2' as 'hmac-sha256-rank/v1' }, ['ALGORITHM_UNKNOWN']],
    ['a seed that is not 32 bytes of hex', { seed: 'abc' }, ['SEED_MALFORMED']],
    ['not drawn yet', { seed: undefined, winners: undefined, slots: undefined }, ['NOT_DRAWN']],
  ])('%s: does not match', async (_, change, problems) => {
    const check = await recheckRound({ ...drawn, ...change }, subtle);
    expect(check.ok).toBe(false);
    expect(check.problems).toEqual(problems);
  });

  it('fewer slots than the budget at its first look paid for (money left before the lock) still match', async () => {
    const fewer = { ...drawn, slots: 4, winners: WINNERS.slice(0, 4) };
    expect(await recheckRound(fewer, subtle)).toMatchObject({ ok: true, winners: WINNERS.slice(0, 4) });
  });

  it('no entries and no budget: zero winners match', async () => {
    const empty = { ...drawn, entries: [], remainingFenAtDraw: 0, slots: 0, winners: [] };
    expect(await recheckRound(empty, subtle)).toMatchObject({ ok: true, winners: [] });
  });
});
