import type { ProgramDefinition, ProgramSettings } from './programs/types';

/**
 * Voucher lotteries (operations.md §5, `allocationMode: "lottery"`): the program's window is cut
 * into rounds of `roundDays` days from `opensOn` (00:00 Asia/Shanghai). During a round residents
 * register per category; at its close entries stop, at `drawTime` that day the draw runs and the
 * next round opens (see `lotteryRound`).
 *
 * Commit–reveal: when a round opens the system draws a secret 32-byte seed and publishes its
 * SHA-256 (`seedHash`); at the draw it reveals the seed. Anyone can then check
 * `sha256(seed) = seedHash` and recompute the winners from the public round
 * (`GET /api/programs/:code/lottery`) with the algorithm below — `LOTTERY_ALGORITHM`:
 *
 *   1. score(entry) = HMAC-SHA-256(key = the seed's 32 bytes, message = the entry id as UTF-8), hex;
 *   2. sort the entries by score ascending, ties by entry id ascending (a tie needs a hash collision);
 *   3. the first `slots` entries win. `slots` is published with the result, with the budget left at
 *      the draw (`remainingFenAtDraw`): it is ⌊remainingFenAtDraw / maxSubsidyFen⌋ capped at the
 *      number of entries (lower only if money left between the draw's first look and its lock).
 *
 * The seed was fixed before any entry existed and is unknown until the draw, so neither the office
 * nor an entrant can steer the ranking; the entry ids are random (uuid v4), so the public list
 * carries no personal data.
 */
export const LOTTERY_ALGORITHM = 'hmac-sha256-rank/v1';

/** `roundDays`: a round's length in days; `drawTime`: `HH:MM` (Asia/Shanghai) on the closing day. */
export type LotterySettings = NonNullable<ProgramSettings['lottery']>;

export interface LotteryRound {
  /** 1, 2, …: the round's number within the program's window. */
  round: number;
  opensAt: Date;
  /** Entries are accepted while `opensAt ≤ now < closesAt`. */
  closesAt: Date;
  drawAt: Date;
}

/** HMAC-SHA-256 of `message` under the key given as hex; answers hex. Injected (node:crypto, WebCrypto). */
export type HmacSha256Hex = (keyHex: string, message: string) => string;

const DAY_MS = 86_400_000;
const SHANGHAI_OFFSET = '+08:00';

function midnight(date: string): number {
  return Date.parse(`${date}T00:00:00${SHANGHAI_OFFSET}`);
}

function drawOffsetMs(drawTime: string): number {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(drawTime);
  if (!match) throw new Error(`drawTime ${drawTime} is not HH:MM`);
  return (Number(match[1]) * 60 + Number(match[2])) * 60_000;
}

/** A program allocating by lottery, with its round settings; null for first come, first served. */
export function lotterySettingsOf(definition: Pick<ProgramDefinition, 'settings'>): LotterySettings | null {
  if (definition.settings.allocationMode !== 'lottery') return null;
  return definition.settings.lottery ?? null;
}

/**
 * Round `round` of the program, or null when there is none. Round n takes entries from the draw of
 * round n − 1 (round 1: from the window's first midnight) until `opensOn + n × roundDays` at 00:00,
 * and is drawn at `drawTime` that day. Between a round's close and its draw no round takes entries
 * (the draw is over a closed list), and the next one opens with the draw. The last round closes no
 * later than the start of the window's last day, so it is drawn, and its vouchers usable, inside it.
 */
export function lotteryRound(
  definition: Pick<ProgramDefinition, 'opensOn' | 'closesOn'>,
  settings: LotterySettings,
  round: number,
): LotteryRound | null {
  if (!Number.isInteger(round) || round < 1) return null;
  const start = midnight(definition.opensOn);
  const lastClose = midnight(definition.closesOn);
  const length = settings.roundDays * DAY_MS;
  const offset = drawOffsetMs(settings.drawTime);
  const opensAt = round === 1 ? start : start + (round - 1) * length + offset;
  const closesAt = Math.min(start + round * length, lastClose);
  if (closesAt <= opensAt) return null;
  return {
    round,
    opensAt: new Date(opensAt),
    closesAt: new Date(closesAt),
    drawAt: new Date(closesAt + offset),
  };
}

/**
 * The round opened most recently at `now` (the one taking entries, or the one closed and awaiting
 * or past its draw); null before the first round opens.
 */
export function latestLotteryRound(
  definition: Pick<ProgramDefinition, 'opensOn' | 'closesOn'>,
  settings: LotterySettings,
  now: Date,
): LotteryRound | null {
  const start = midnight(definition.opensOn);
  if (now.getTime() < start) return null;
  const guess = Math.floor((now.getTime() - start) / (settings.roundDays * DAY_MS)) + 1;
  for (let n = guess + 1; n >= 1; n -= 1) {
    const found = lotteryRound(definition, settings, n);
    if (found && found.opensAt.getTime() <= now.getTime()) return found;
  }
  return null;
}

/** Whether `round` takes entries at `now`. */
export function lotteryRoundTakesEntries(round: LotteryRound, now: Date): boolean {
  return round.opensAt.getTime() <= now.getTime() && now.getTime() < round.closesAt.getTime();
}

/** The entry ids in draw order (see LOTTERY_ALGORITHM), with their scores. */
export function rankLotteryEntries(
  entryIds: readonly string[],
  seedHex: string,
  hmac: HmacSha256Hex,
): { id: string; score: string }[] {
  return entryIds
    .map((id) => ({ id, score: hmac(seedHex, id) }))
    .sort((a, b) =>
      a.score < b.score ? -1 : a.score > b.score ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0,
    );
}

/** The winners of a draw, in rank order: the first `slots` of the ranking. */
export function drawLotteryWinners(
  entryIds: readonly string[],
  seedHex: string,
  slots: number,
  hmac: HmacSha256Hex,
): string[] {
  return rankLotteryEntries(entryIds, seedHex, hmac)
    .slice(0, Math.max(0, Math.floor(slots)))
    .map((entry) => entry.id);
}

/** How many vouchers a draw can give: whole maxima in what the budget has left. */
export function lotterySlots(remainingFen: number, maxSubsidyFen: number, entries: number): number {
  if (maxSubsidyFen <= 0) return 0;
  return Math.min(entries, Math.floor(Math.max(0, remainingFen) / maxSubsidyFen));
}

export const LOTTERY_ENTRY_STATUSES = ['entered', 'won', 'lost', 'forfeited'] as const;
export type LotteryEntryStatus = (typeof LOTTERY_ENTRY_STATUSES)[number];

/** `GET /api/programs/:code/lottery`: one round, public (no personal data). */
export interface PublicLotteryRound {
  programCode: string;
  algorithm: typeof LOTTERY_ALGORITHM;
  round: number;
  opensAt: string;
  closesAt: string;
  drawAt: string;
  /** SHA-256 (hex) of the seed, published when the round opened. */
  seedHash: string;
  /** The seed (hex), revealed at the draw; absent before. */
  seed?: string;
  /** Every entry of the round, sorted by id: a random id and the category. */
  entries: { id: string; category: string }[];
  /** After the draw: what a voucher reserved, the budget left, and so the number of winners. */
  maxSubsidyFen: number;
  remainingFenAtDraw?: number;
  slots?: number;
  /** After the draw: the winning entry ids in rank order. */
  winners?: string[];
  drawnAt?: string;
}

/** `POST /api/programs/:code/lottery/entries` → 201. */
export interface LotteryEntryView {
  id: string;
  programCode: string;
  round: number;
  category: string;
  status: LotteryEntryStatus;
  drawAt: string;
}

/**
 * `GET /api/me/lottery-entries`: the caller's own entries, newest round first, each with its
 * round's times and, after the draw, its result (`won` with the voucher it brought, `lost`: the
 * money went back, `forfeited`: drawn, but the category's quota was used meanwhile).
 */
export interface MyLotteryEntry extends LotteryEntryView {
  opensAt: string;
  closesAt: string;
  seedHash: string;
  /** When the round was drawn; absent before. */
  drawnAt?: string;
  /** The voucher a winning entry brought (see `GET /api/vouchers`). */
  voucherId?: string;
}
