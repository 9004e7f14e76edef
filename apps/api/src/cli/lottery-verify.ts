/**
 * Recomputes a voucher lottery draw from the public round, so anyone can check it:
 *   curl -s https://…/api/programs/<code>/lottery?round=<n> | node apps/api/dist/cli/lottery-verify.js
 *   node apps/api/dist/cli/lottery-verify.js round.json
 *   node apps/api/dist/cli/lottery-verify.js --url https://…/api/programs/<code>/lottery?round=<n>
 * It needs nothing of the portal but the round's JSON: it checks that the revealed seed hashes to
 * the seed hash published when the round opened, that the number of winners is what the budget at
 * the draw paid for, and that ranking the entries by HMAC-SHA-256(seed, entry id) (LOTTERY_ALGORITHM
 * in @huanxin/shared) gives exactly the published winners. Exit 0 when all hold, 1 when not.
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { drawLotteryWinners, LOTTERY_ALGORITHM, type PublicLotteryRound } from '@huanxin/shared';
import { hmacSha256Hex, sha256Hex } from '../vouchers/lottery-hash';

export interface LotteryCheck {
  ok: boolean;
  problems: string[];
  /** The winners as recomputed here, in rank order. */
  winners: string[];
}

export function verifyLotteryRound(round: PublicLotteryRound): LotteryCheck {
  const problems: string[] = [];
  if (round.algorithm !== LOTTERY_ALGORITHM)
    problems.push(`unknown algorithm ${String(round.algorithm)} (this tool knows ${LOTTERY_ALGORITHM})`);
  if (!round.seed || round.slots === undefined || !round.winners) {
    return {
      ok: false,
      problems: [...problems, 'the round is not drawn yet: no seed or winners'],
      winners: [],
    };
  }
  if (!/^[0-9a-f]{64}$/.test(round.seed)) problems.push('the seed is not 32 bytes of hex');
  else if (sha256Hex(round.seed) !== round.seedHash)
    problems.push(`sha256(seed) = ${sha256Hex(round.seed)} is not the published seedHash ${round.seedHash}`);
  const ids = round.entries.map((entry) => entry.id);
  if (new Set(ids).size !== ids.length) problems.push('an entry id is listed twice');
  const affordable =
    round.maxSubsidyFen > 0
      ? Math.floor(Math.max(0, round.remainingFenAtDraw ?? 0) / round.maxSubsidyFen)
      : 0;
  if (round.slots > Math.min(affordable, ids.length))
    problems.push(
      `${round.slots} winners, but the budget at the draw (${round.remainingFenAtDraw} fen) pays for ${affordable} of ${round.maxSubsidyFen} fen`,
    );
  const winners = drawLotteryWinners(ids, round.seed, round.slots, hmacSha256Hex);
  if (JSON.stringify(winners) !== JSON.stringify(round.winners)) {
    const published = new Set(round.winners);
    const missing = winners.filter((id) => !published.has(id));
    const extra = round.winners.filter((id) => !winners.includes(id));
    problems.push(
      `the published winners differ from the recomputed ones (missing ${missing.length}, extra ${extra.length}${
        missing.length + extra.length === 0 ? ', order differs' : ''
      })`,
    );
  }
  return { ok: problems.length === 0, problems, winners };
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({ options: { url: { type: 'string' } }, allowPositionals: true });
  let text: string;
  if (values.url) {
    const response = await fetch(values.url, { headers: { accept: 'application/json' } });
    if (!response.ok) throw new Error(`GET ${values.url}: HTTP ${response.status}`);
    text = await response.text();
  } else if (positionals[0]) text = await readFile(positionals[0], 'utf8');
  else text = await readStdin();
  const round = JSON.parse(text) as PublicLotteryRound;
  const check = verifyLotteryRound(round);
  if (check.ok) {
    console.log(
      `OK: ${round.programCode} round ${round.round}: seed matches its hash; ${check.winners.length} of ${round.entries.length} entries win, as published`,
    );
  } else {
    console.error(`MISMATCH: ${round.programCode} round ${round.round}`);
    for (const problem of check.problems) console.error(`  - ${problem}`);
    process.exitCode = 1;
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 2;
  });
}
