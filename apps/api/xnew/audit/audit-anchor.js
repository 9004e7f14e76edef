"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.GENESIS_LINE_HASH = void 0;
exports.chainHead = chainHead;
exports.readAnchorFile = readAnchorFile;
exports.appendAnchor = appendAnchor;
exports.verifyAgainstAnchors = verifyAgainstAnchors;
const node_crypto_1 = require("node:crypto");
const promises_1 = require("node:fs/promises");
const node_path_1 = __importDefault(require("node:path"));
exports.GENESIS_LINE_HASH = '0'.repeat(64);
const lineHash = (line) => (0, node_crypto_1.createHash)('sha256').update(line, 'utf8').digest('hex');
/** The head of the chain: its last chained row, or null for an empty chain. */
async function chainHead(dataSource) {
    const [row] = (await dataSource.query(`SELECT chain_seq, hash, at FROM audit_log WHERE chain_seq IS NOT NULL ORDER BY chain_seq DESC LIMIT 1`));
    return row
        ? { chainSeq: Number(row.chain_seq), hash: row.hash.toString('hex'), rowAt: row.at.toISOString() }
        : null;
}
/** Reads and checks an anchor file; a missing file is an empty one. */
async function readAnchorFile(file) {
    let text;
    try {
        text = await (0, promises_1.readFile)(file, 'utf8');
    }
    catch (error) {
        if (error.code === 'ENOENT')
            return { anchors: [], brokenLines: [], lastLineHash: exports.GENESIS_LINE_HASH };
        throw error;
    }
    const anchors = [];
    const brokenLines = [];
    let previous = exports.GENESIS_LINE_HASH;
    const lines = text.split('\n');
    if (lines[lines.length - 1] === '')
        lines.pop();
    lines.forEach((line, index) => {
        const anchor = parseAnchor(line);
        if (!anchor || anchor.prev !== previous)
            brokenLines.push(index + 1);
        if (anchor)
            anchors.push({ line: index + 1, anchor });
        previous = lineHash(line);
    });
    return { anchors, brokenLines, lastLineHash: previous };
}
function parseAnchor(line) {
    try {
        const value = JSON.parse(line);
        const ok = value.v === 1 &&
            Number.isSafeInteger(value.chainSeq) &&
            value.chainSeq > 0 &&
            typeof value.hash === 'string' &&
            /^[0-9a-f]{64}$/.test(value.hash) &&
            typeof value.rowAt === 'string' &&
            typeof value.anchoredAt === 'string' &&
            typeof value.prev === 'string' &&
            /^[0-9a-f]{64}$/.test(value.prev);
        return ok ? value : null;
    }
    catch {
        return null;
    }
}
/**
 * Appends one anchor and forces it to disk before returning (opened `a`: the OS appends at the
 * end whatever else holds the file). Returns the anchor written.
 */
async function appendAnchor(file, head, now) {
    await (0, promises_1.mkdir)(node_path_1.default.dirname(file), { recursive: true });
    const { lastLineHash } = await readAnchorFile(file);
    const anchor = { v: 1, ...head, anchoredAt: now.toISOString(), prev: lastLineHash };
    const handle = await (0, promises_1.open)(file, 'a', 0o640);
    try {
        await handle.write(`${JSON.stringify(anchor)}\n`);
        await handle.sync();
    }
    finally {
        await handle.close();
    }
    return anchor;
}
/**
 * Checks a database against anchors: its own chain must verify, every anchored position must
 * still hold the anchored hash, and the anchor file must be intact. Reads the anchored rows in one
 * query.
 */
async function verifyAgainstAnchors(dataSource, file, chain) {
    const positions = file.anchors.map(({ anchor }) => anchor.chainSeq);
    const rows = (await dataSource.query(`SELECT chain_seq, hash FROM audit_log WHERE chain_seq = ANY($1::bigint[])`, [positions]));
    const held = new Map(rows.map((row) => [Number(row.chain_seq), row.hash.toString('hex')]));
    let matched = 0;
    let firstMismatch;
    for (const { line, anchor } of file.anchors) {
        const found = held.get(anchor.chainSeq) ?? null;
        if (found === anchor.hash)
            matched += 1;
        else
            firstMismatch ??= {
                line,
                chainSeq: anchor.chainSeq,
                expectedHash: anchor.hash,
                foundHash: found,
            };
    }
    return {
        ok: chain.ok && firstMismatch === undefined && file.brokenLines.length === 0,
        chain,
        anchors: file.anchors.length,
        anchorsMatched: matched,
        ...(firstMismatch ? { firstMismatch } : {}),
        brokenLines: file.brokenLines,
    };
}
//# sourceMappingURL=audit-anchor.js.map