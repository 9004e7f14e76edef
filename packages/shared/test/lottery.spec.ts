import { createHash, createHmac } from 'node:crypto';
import {
  drawLotteryWinners,
  latestLotteryRound,
  lotteryRound,
  lotteryRoundTakesEntries,
  lotterySettingsOf,
  lotterySlots,
  rankLotteryEntries,
  type HmacSha256Hex,
} from '../src/lottery';
import { getCatalogueProgram } from '../src/programs/catalogue';
import { loadProgramDefinition } from '../src/programs/schema';

const hmac: HmacSha256Hex = (keyHex, message) =>
  createHmac('sha256', Buffer.from(keyHex, 'hex')).update(message, 'utf8').digest('hex');
const SEED = createHash('sha256').update('huanxin lottery test seed').digest('hex');
const window = { opensOn: '2026-01-01', closesOn: '2026-01-31' };
const settings = { roundDays: 14, drawTime: '10:00' };

describe('lottery rounds (Asia/Shanghai calendar)', () => {
  it.each([
    [1, '2025-12-31T16:00:00.000Z', '2026-01-14T16:00:00.000Z', '2026-01-15T02:00:00.000Z'],
    // The next round opens with the previous draw.
    [2, '2026-01-15T02:00:00.000Z', '2026-01-28T16:00:00.000Z', '2026-01-29T02:00:00.000Z'],
    // The last round closes at the start of the window's last day, so it is drawn inside it.
    [3, '2026-01-29T02:00:00.000Z', '2026-01-30T16:00:00.000Z', '2026-01-31T02:00:00.000Z'],
  ])('round %i opens %s, closes %s, is drawn %s', (round, opensAt, closesAt, drawAt) => {
    expect(lotteryRound(window, settings, round)).toEqual({
      round,
      opensAt: new Date(opensAt),
      closesAt: new Date(closesAt),
      drawAt: new Date(drawAt),
    });
  });

  it('has no round 0 and none that would close after the window', () => {
    expect(lotteryRound(window, settings, 0)).toBeNull();
    expect(lotteryRound(window, settings, 4)).toBeNull();
  });

  it.each([
    ['before the window', '2025-12-31T15:59:59.999Z', null, false],
    ['its first instant', '2025-12-31T16:00:00.000Z', 1, true],
    ['the last instant of round 1', '2026-01-14T15:59:59.999Z', 1, true],
    ['round 1 closed, not drawn: no round takes entries', '2026-01-14T16:00:00.000Z', 1, false],
    ['a minute before the draw', '2026-01-15T01:59:00.000Z', 1, false],
    ['round 2 opens with the draw', '2026-01-15T02:00:00.000Z', 2, true],
    ['after the window: the last round', '2026-03-01T00:00:00.000Z', 3, false],
  ])('latest round %s', (_, now, round, open) => {
    const latest = latestLotteryRound(window, settings, new Date(now));
    expect(latest?.round ?? null).toBe(round);
    expect(latest ? lotteryRoundTakesEntries(latest, new Date(now)) : false).toBe(open);
  });
});

describe('the draw (LOTTERY_ALGORITHM)', () => {
  const ids = Array.from({ length: 40 }, (_, n) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`);

  it('ranks by HMAC-SHA-256(seed, entry id), whatever order the entries come in', () => {
    const ranked = rankLotteryEntries(ids, SEED, hmac);
    const shuffled = rankLotteryEntries([...ids].reverse(), SEED, hmac);
    expect(shuffled).toEqual(ranked);
    expect(ranked.map((e) => e.score)).toEqual([...ranked.map((e) => e.score)].sort());
    expect(ranked[0]!.score).toBe(hmac(SEED, ranked[0]!.id));
  });

  it('the winners are the first `slots` of the ranking; another seed gives another draw', () => {
    const winners = drawLotteryWinners(ids, SEED, 5, hmac);
    expect(winners).toHaveLength(5);
    expect(winners).toEqual(
      rankLotteryEntries(ids, SEED, hmac)
        .slice(0, 5)
        .map((e) => e.id),
    );
    const other = createHash('sha256').update('another seed').digest('hex');
    expect(drawLotteryWinners(ids, other, 5, hmac)).not.toEqual(winners);
    expect(drawLotteryWinners(ids, SEED, 100, hmac)).toHaveLength(40);
    expect(drawLotteryWinners(ids, SEED, 0, hmac)).toEqual([]);
  });

  it.each([
    [1_000_000, 200_000, 10, 5],
    [999_999, 200_000, 10, 4],
    [1_000_000, 200_000, 3, 3],
    [0, 200_000, 10, 0],
    [-5, 200_000, 10, 0],
  ])('slots: remaining %i at %i each, %i entries → %i', (remaining, max, entries, slots) => {
    expect(lotterySlots(remaining, max, entries)).toBe(slots);
  });
});

describe('lottery settings in a program definition', () => {
  const base = getCatalogueProgram('home-renovation-2026')!;
  const withSettings = (extra: Record<string, unknown>) =>
    JSON.parse(JSON.stringify({ ...base, settings: { ...base.settings, ...extra } })) as unknown;

  it('accepts a lottery with its rounds', () => {
    const definition = loadProgramDefinition(
      withSettings({ allocationMode: 'lottery', lottery: { roundDays: 14, drawTime: '10:00' } }),
    );
    expect(lotterySettingsOf(definition)).toEqual({ roundDays: 14, drawTime: '10:00' });
    expect(lotterySettingsOf(base)).toBeNull();
  });

  it.each([
    ['a lottery without rounds', { allocationMode: 'lottery' }, '/settings/lottery'],
    ['rounds without a lottery', { lottery: { roundDays: 14, drawTime: '10:00' } }, '/settings/lottery'],
    [
      'a draw time that is no time',
      { allocationMode: 'lottery', lottery: { roundDays: 14, drawTime: '25:00' } },
      '/settings/lottery/drawTime',
    ],
    [
      'a round of 0 days',
      { allocationMode: 'lottery', lottery: { roundDays: 0, drawTime: '10:00' } },
      '/settings/lottery/roundDays',
    ],
    ['an unknown mode', { allocationMode: 'auction' }, '/settings/allocationMode'],
    [
      'a lottery without point of sale',
      {
        allocationMode: 'lottery',
        lottery: { roundDays: 14, drawTime: '10:00' },
        claimModes: ['after_purchase'],
      },
      '/settings/allocationMode',
    ],
  ])('refuses %s at %s', (_, extra, path) => {
    expect(() => loadProgramDefinition(withSettings(extra))).toThrow(
      expect.objectContaining({ path }) as unknown as Error,
    );
  });
});
