import { createHash } from 'node:crypto';
import { mkdir, open, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { AuditAnchorCheck, AuditAnchorMismatch, AuditVerifyReport } from '@huanxin/shared';
import type { DataSource } from 'typeorm';

/**
 * Anchors of the audit chain outside the database (issue 15; security-reliability.md §3.4).
 *
 * The chain makes an edited, deleted or reordered row visible — unless the insider rewrites the
 * table and recomputes every hash after the edit, which anyone with the database's superuser can
 * do. Certificate Transparency closes the same gap by publishing signed tree heads that monitors
 * keep: a log that later disagrees with a head someone already holds is caught. Here the worker
 * writes the chain head (position, hash, time) once a day to an append-only file — kept on
 * storage the database's administrators cannot rewrite (another host, a WORM bucket, a
 * `chattr +a` file) — and to the application log, which is shipped elsewhere too. The verifier
 * then asks of a database (or a restored dump) that every anchored position still holds the
 * anchored hash. A rewritten chain cannot match a head written before the rewrite.
 *
 * The file is JSON Lines, one anchor per line, each line naming the SHA-256 of the line before
 * it (`prev`), so an edited or removed line inside the file breaks the file's own links too.
 */

export interface AuditAnchor {
  v: 1;
  /** The chain position of the head when anchored. */
  chainSeq: number;
  /** That row's hash, hex. */
  hash: string;
  /** When that row was written. */
  rowAt: string;
  anchoredAt: string;
  /** SHA-256 (hex) of the previous line's bytes; 64 zeros for the first line. */
  prev: string;
}

export const GENESIS_LINE_HASH = '0'.repeat(64);

const lineHash = (line: string): string => createHash('sha256').update(line, 'utf8').digest('hex');

/** The head of the chain: its last chained row, or null for an empty chain. */
export async function chainHead(
  dataSource: DataSource,
): Promise<{ chainSeq: number; hash: string; rowAt: string } | null> {
  const [row] = (await dataSource.query(
    `SELECT chain_seq, hash, at FROM audit_log WHERE chain_seq IS NOT NULL ORDER BY chain_seq DESC LIMIT 1`,
  )) as { chain_seq: string; hash: Buffer; at: Date }[];
  return row
    ? { chainSeq: Number(row.chain_seq), hash: row.hash.toString('hex'), rowAt: row.at.toISOString() }
    : null;
}

export interface AnchorFile {
  /** The readable anchors with their 1-based line numbers. */
  anchors: { line: number; anchor: AuditAnchor }[];
  /** 1-based line numbers of lines that do not parse or whose `prev` does not link to the line before. */
  brokenLines: number[];
  /** SHA-256 of the last line (what the next line's `prev` must be). */
  lastLineHash: string;
}

/** Reads and checks an anchor file; a missing file is an empty one. */
export async function readAnchorFile(file: string): Promise<AnchorFile> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      return { anchors: [], brokenLines: [], lastLineHash: GENESIS_LINE_HASH };
    throw error;
  }
  const anchors: AnchorFile['anchors'] = [];
  const brokenLines: number[] = [];
  let previous = GENESIS_LINE_HASH;
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  lines.forEach((line, index) => {
    const anchor = parseAnchor(line);
    if (!anchor || anchor.prev !== previous) brokenLines.push(index + 1);
    if (anchor) anchors.push({ line: index + 1, anchor });
    previous = lineHash(line);
  });
  return { anchors, brokenLines, lastLineHash: previous };
}

function parseAnchor(line: string): AuditAnchor | null {
  try {
    const value = JSON.parse(line) as Partial<AuditAnchor>;
    const ok =
      value.v === 1 &&
      Number.isSafeInteger(value.chainSeq) &&
      (value.chainSeq as number) > 0 &&
      typeof value.hash === 'string' &&
      /^[0-9a-f]{64}$/.test(value.hash) &&
      typeof value.rowAt === 'string' &&
      typeof value.anchoredAt === 'string' &&
      typeof value.prev === 'string' &&
      /^[0-9a-f]{64}$/.test(value.prev);
    return ok ? (value as AuditAnchor) : null;
  } catch {
    return null;
  }
}

/**
 * Appends one anchor and forces it to disk before returning (opened `a`: the OS appends at the
 * end whatever else holds the file). Returns the anchor written.
 */
export async function appendAnchor(
  file: string,
  head: { chainSeq: number; hash: string; rowAt: string },
  now: Date,
): Promise<AuditAnchor> {
  await mkdir(path.dirname(file), { recursive: true });
  const { lastLineHash } = await readAnchorFile(file);
  const anchor: AuditAnchor = { v: 1, ...head, anchoredAt: now.toISOString(), prev: lastLineHash };
  const handle = await open(file, 'a', 0o640);
  try {
    await handle.write(`${JSON.stringify(anchor)}\n`);
    await handle.sync();
  } finally {
    await handle.close();
  }
  return anchor;
}

/** An anchored position whose hash the database no longer holds (the shared contract type). */
export type AnchorMismatch = AuditAnchorMismatch;

/** The check of a database against anchors, as `GET /api/audit/anchors` and the CLI report it. */
export type AnchorVerifyReport = AuditAnchorCheck;

/**
 * Checks a database against anchors: its own chain must verify, every anchored position must
 * still hold the anchored hash, and the anchor file must be intact. Reads the anchored rows in one
 * query.
 */
export async function verifyAgainstAnchors(
  dataSource: DataSource,
  file: AnchorFile,
  chain: AuditVerifyReport,
): Promise<AnchorVerifyReport> {
  const positions = file.anchors.map(({ anchor }) => anchor.chainSeq);
  const rows = (await dataSource.query(
    `SELECT chain_seq, hash FROM audit_log WHERE chain_seq = ANY($1::bigint[])`,
    [positions],
  )) as { chain_seq: string; hash: Buffer }[];
  const held = new Map(rows.map((row) => [Number(row.chain_seq), row.hash.toString('hex')]));
  let matched = 0;
  let firstMismatch: AnchorMismatch | undefined;
  for (const { line, anchor } of file.anchors) {
    const found = held.get(anchor.chainSeq) ?? null;
    if (found === anchor.hash) matched += 1;
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
