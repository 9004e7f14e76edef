/**
 * The in-browser re-check of a drawn lottery round (operations.md §5, LOTTERY_ALGORITHM in
 * @huanxin/shared): the same three checks as the CLI `lottery:verify`, from the public round alone,
 * with the browser's WebCrypto — sha256(seed) is the seed hash published when the round opened,
 * the number of winners is what the budget at the draw paid for, and ranking the entries with the
 * shared `drawLotteryWinners` gives exactly the published winners.
 *
 * WebCrypto answers asynchronously and the shared draw takes a synchronous HMAC, so every entry's
 * score is computed first and the draw then reads them from a table: the ranking itself is the
 * shared code, not a copy of it.
 */
import {
  drawLotteryWinners,
  LOTTERY_ALGORITHM,
  type HmacSha256Hex,
  type PublicLotteryRound,
} from '@huanxin/shared';

export type RecheckProblem =
  | 'ALGORITHM_UNKNOWN'
  | 'NOT_DRAWN'
  | 'SEED_MALFORMED'
  | 'SEED_HASH_MISMATCH'
  | 'DUPLICATE_ENTRY'
  | 'TOO_MANY_WINNERS'
  | 'WINNERS_DIFFER';

export interface Recheck {
  ok: boolean;
  problems: RecheckProblem[];
  /** sha256(seed) as computed here (absent when there is no well-formed seed). */
  seedHash?: string;
  /** The winners as recomputed here, in rank order. */
  winners: string[];
}

const HEX_64 = /^[0-9a-f]{64}$/;

function bytesOfHex(hex: string): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i += 1) bytes[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return bytes;
}

function hexOf(buffer: ArrayBuffer): string {
  return Array.from(new Uint8Array(buffer), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** SHA-256 of bytes given as hex, hex (the seed commitment). */
export async function sha256HexOfHex(hex: string, subtle: SubtleCrypto = crypto.subtle): Promise<string> {
  return hexOf(await subtle.digest('SHA-256', bytesOfHex(hex)));
}

/**
 * HMAC-SHA-256(key = the seed's bytes, message = each id as UTF-8), hex, for every id; as a
 * synchronous lookup for the shared draw (it throws for an id it was not given).
 */
export async function hmacTable(
  seedHex: string,
  ids: readonly string[],
  subtle: SubtleCrypto = crypto.subtle,
): Promise<HmacSha256Hex> {
  const key = await subtle.importKey('raw', bytesOfHex(seedHex), { name: 'HMAC', hash: 'SHA-256' }, false, [
    'sign',
  ]);
  const encoder = new TextEncoder();
  const scores = new Map<string, string>();
  await Promise.all(
    ids.map(async (id) => {
      scores.set(id, hexOf(await subtle.sign('HMAC', key, encoder.encode(id))));
    }),
  );
  return (keyHex, message) => {
    const score = keyHex === seedHex ? scores.get(message) : undefined;
    if (score === undefined) throw new Error(`no score for ${message}`);
    return score;
  };
}

/** Recomputes a public round's draw; `ok` only when every check holds. */
export async function recheckRound(
  round: PublicLotteryRound,
  subtle: SubtleCrypto = crypto.subtle,
): Promise<Recheck> {
  const problems: RecheckProblem[] = [];
  if (round.algorithm !== LOTTERY_ALGORITHM) problems.push('ALGORITHM_UNKNOWN');
  if (!round.seed || round.slots === undefined || !round.winners) {
    return { ok: false, problems: [...problems, 'NOT_DRAWN'], winners: [] };
  }
  if (!HEX_64.test(round.seed)) {
    return { ok: false, problems: [...problems, 'SEED_MALFORMED'], winners: [] };
  }
  const seedHash = await sha256HexOfHex(round.seed, subtle);
  if (seedHash !== round.seedHash) problems.push('SEED_HASH_MISMATCH');
  const ids = round.entries.map((entry) => entry.id);
  if (new Set(ids).size !== ids.length) problems.push('DUPLICATE_ENTRY');
  const affordable =
    round.maxSubsidyFen > 0
      ? Math.floor(Math.max(0, round.remainingFenAtDraw ?? 0) / round.maxSubsidyFen)
      : 0;
  if (round.slots > Math.min(affordable, ids.length)) problems.push('TOO_MANY_WINNERS');
  const hmac = await hmacTable(round.seed, ids, subtle);
  const winners = drawLotteryWinners(ids, round.seed, round.slots, hmac);
  if (winners.length !== round.winners.length || winners.some((id, n) => id !== round.winners![n]))
    problems.push('WINNERS_DIFFER');
  return { ok: problems.length === 0, problems, seedHash, winners };
}
