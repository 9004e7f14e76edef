"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.verifyLotteryRound = verifyLotteryRound;
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
const promises_1 = require("node:fs/promises");
const node_util_1 = require("node:util");
const shared_1 = require("@huanxin/shared");
const lottery_hash_1 = require("../vouchers/lottery-hash");
function verifyLotteryRound(round) {
    const problems = [];
    if (round.algorithm !== shared_1.LOTTERY_ALGORITHM)
        problems.push(`unknown algorithm ${String(round.algorithm)} (this tool knows ${shared_1.LOTTERY_ALGORITHM})`);
    if (!round.seed || round.slots === undefined || !round.winners) {
        return {
            ok: false,
            problems: [...problems, 'the round is not drawn yet: no seed or winners'],
            winners: [],
        };
    }
    if (!/^[0-9a-f]{64}$/.test(round.seed))
        problems.push('the seed is not 32 bytes of hex');
    else if ((0, lottery_hash_1.sha256Hex)(round.seed) !== round.seedHash)
        problems.push(`sha256(seed) = ${(0, lottery_hash_1.sha256Hex)(round.seed)} is not the published seedHash ${round.seedHash}`);
    const ids = round.entries.map((entry) => entry.id);
    if (new Set(ids).size !== ids.length)
        problems.push('an entry id is listed twice');
    const affordable = round.maxSubsidyFen > 0
        ? Math.floor(Math.max(0, round.remainingFenAtDraw ?? 0) / round.maxSubsidyFen)
        : 0;
    if (round.slots > Math.min(affordable, ids.length))
        problems.push(`${round.slots} winners, but the budget at the draw (${round.remainingFenAtDraw} fen) pays for ${affordable} of ${round.maxSubsidyFen} fen`);
    const winners = (0, shared_1.drawLotteryWinners)(ids, round.seed, round.slots, lottery_hash_1.hmacSha256Hex);
    if (JSON.stringify(winners) !== JSON.stringify(round.winners)) {
        const published = new Set(round.winners);
        const missing = winners.filter((id) => !published.has(id));
        const extra = round.winners.filter((id) => !winners.includes(id));
        problems.push(`the published winners differ from the recomputed ones (missing ${missing.length}, extra ${extra.length}${missing.length + extra.length === 0 ? ', order differs' : ''})`);
    }
    return { ok: problems.length === 0, problems, winners };
}
async function readStdin() {
    const chunks = [];
    for await (const chunk of process.stdin)
        chunks.push(chunk);
    return Buffer.concat(chunks).toString('utf8');
}
async function main() {
    const { values, positionals } = (0, node_util_1.parseArgs)({ options: { url: { type: 'string' } }, allowPositionals: true });
    let text;
    if (values.url) {
        const response = await fetch(values.url, { headers: { accept: 'application/json' } });
        if (!response.ok)
            throw new Error(`GET ${values.url}: HTTP ${response.status}`);
        text = await response.text();
    }
    else if (positionals[0])
        text = await (0, promises_1.readFile)(positionals[0], 'utf8');
    else
        text = await readStdin();
    const round = JSON.parse(text);
    const check = verifyLotteryRound(round);
    if (check.ok) {
        console.log(`OK: ${round.programCode} round ${round.round}: seed matches its hash; ${check.winners.length} of ${round.entries.length} entries win, as published`);
    }
    else {
        console.error(`MISMATCH: ${round.programCode} round ${round.round}`);
        for (const problem of check.problems)
            console.error(`  - ${problem}`);
        process.exitCode = 1;
    }
}
if (require.main === module) {
    main().catch((error) => {
        console.error(error instanceof Error ? error.message : error);
        process.exitCode = 2;
    });
}
//# sourceMappingURL=lottery-verify.js.map