import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { DataSource } from 'typeorm';
import { readAnchorFile } from '../src/audit/audit-anchor';
import { AuditAnchorProcessor } from '../src/audit/audit-anchor.processor';
import { AuditRepository, verifyAuditChain } from '../src/audit/audit.repository';
import { AuditSequencer } from '../src/audit/audit.sequencer';
import { AuditService } from '../src/audit/audit.service';
import { Clock } from '../src/common/clock';
import { createLogger } from '../src/common/logging/logger';
import { type AppConfig, loadConfig } from '../src/config/config';
import { createDataSource } from '../src/database/data-source';
import { dropDatabase } from '../src/database/ensure-database';
import { prepareDatabase } from '../src/database/prepare';

const CLI = path.resolve(__dirname, '../dist/cli/verify-audit-anchors.js');

interface CliResult {
  code: number;
  report: {
    ok: boolean;
    chain: { ok: boolean; checked: number };
    anchors: number;
    anchorsMatched: number;
    firstMismatch?: { line: number; chainSeq: number; expectedHash: string; foundHash: string | null };
    brokenLines: number[];
  };
}

/**
 * The audit chain anchored outside the database (issue 15): the worker's daily job writes the
 * chain head to an append-only file, and the CLI catches what the chain alone cannot — an insider
 * who rewrites rows and recomputes every hash after them.
 *
 * Runs on a database of its own (migrated here, dropped at the end): the rewrite below would
 * break the shared database's chain for every other suite.
 */
describe('audit chain anchors', () => {
  let config: AppConfig;
  let db: DataSource;
  let dir: string;
  let audit: AuditService;
  let sequencer: AuditSequencer;
  let anchors: AuditAnchorProcessor;

  beforeAll(async () => {
    const url = new URL(process.env.DATABASE_URL!);
    url.pathname = `/huanxin_anchor_${randomBytes(4).toString('hex')}`;
    dir = await mkdtemp(path.join(os.tmpdir(), 'huanxin-anchor-'));
    config = loadConfig({
      ...process.env,
      DATABASE_URL: url.toString(),
      AUDIT_ANCHOR_FILE: path.join(dir, 'anchors.jsonl'),
    });
    await prepareDatabase(config, createLogger({ level: 'warn', name: 'audit-anchor-test' }));
    db = createDataSource(config);
    await db.initialize();
    audit = new AuditService(new AuditRepository(db, config));
    sequencer = new AuditSequencer(db, config);
    anchors = new AuditAnchorProcessor(db, config, audit, new Clock());
  });
  afterAll(async () => {
    await db?.destroy();
    if (config) await dropDatabase(config.database.url);
    await rm(dir, { recursive: true, force: true });
  });

  async function record(n: number, action = 'test.anchored-row'): Promise<void> {
    for (let i = 0; i < n; i++) await audit.record({ action, result: 'success', actor: null, detail: { i } });
    while ((await sequencer.sequenceOnce()) > 0);
  }

  function runCli(anchorFile = config.audit.anchorFile): Promise<CliResult> {
    if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run npm run build first`);
    return new Promise((resolve, reject) => {
      execFile(
        process.execPath,
        [CLI, '--anchors', anchorFile, '--database-url', config.database.url],
        (error, stdout, stderr) => {
          const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
          try {
            resolve({ code, report: JSON.parse(stdout) as CliResult['report'] });
          } catch {
            reject(new Error(`verify-audit-anchors exited ${code}: ${stderr}${stdout}`));
          }
        },
      );
    });
  }

  /** The insider: edits a row with the guard triggers off, then re-chains every row from it on. */
  async function rewriteFrom(position: number, detail: object): Promise<void> {
    await db.transaction(async (manager) => {
      await manager.query('ALTER TABLE audit_log DISABLE TRIGGER USER');
      await manager.query(`UPDATE audit_log SET detail = $2::jsonb WHERE chain_seq = $1`, [
        position,
        JSON.stringify(detail),
      ]);
      const [{ head }] = (await manager.query('SELECT max(chain_seq)::int AS head FROM audit_log')) as [
        { head: number },
      ];
      for (let p = position; p <= head; p++) {
        await manager.query(
          `UPDATE audit_log a
              SET prev_hash = COALESCE((SELECT b.hash FROM audit_log b WHERE b.chain_seq = a.chain_seq - 1), '\\x${'00'.repeat(32)}'::bytea),
                  hash = sha256(COALESCE((SELECT b.hash FROM audit_log b WHERE b.chain_seq = a.chain_seq - 1), '\\x${'00'.repeat(32)}'::bytea)
                                || convert_to(audit_log_canonical(a), 'UTF8'))
            WHERE chain_seq = $1`,
          [p],
        );
      }
      await manager.query('ALTER TABLE audit_log ENABLE TRIGGER USER');
    });
  }

  it('anchors the head once, to the file and to the audit log; the CLI verifies it', async () => {
    await record(5);
    const [{ head }] = (await db.query('SELECT max(chain_seq)::int AS head FROM audit_log')) as [
      { head: number },
    ];
    const anchor = await anchors.anchor();
    expect(anchor).toEqual({
      v: 1,
      chainSeq: head,
      hash: expect.stringMatching(/^[0-9a-f]{64}$/),
      rowAt: expect.any(String),
      anchoredAt: expect.any(String),
      prev: '0'.repeat(64),
    });
    // The same head again: nothing written (a re-run job adds no line).
    expect(await anchors.anchor()).toBeNull();
    const file = await readAnchorFile(config.audit.anchorFile);
    expect(file.anchors.map((a) => a.anchor)).toEqual([anchor]);
    expect(file.brokenLines).toEqual([]);
    const logged = (await db.query(
      `SELECT object_id, detail FROM audit_log WHERE action = 'audit.anchored'`,
    )) as { object_id: string; detail: { chainSeq: number; hash: string } }[];
    expect(logged).toEqual([
      { object_id: String(head), detail: expect.objectContaining({ chainSeq: head, hash: anchor!.hash }) },
    ]);

    await record(3);
    const second = await anchors.anchor();
    expect(second!.chainSeq).toBeGreaterThan(head);
    const both = await readAnchorFile(config.audit.anchorFile);
    expect(both.anchors.map((a) => a.anchor.chainSeq)).toEqual([head, second!.chainSeq]);
    expect(both.anchors[1]!.anchor.prev).not.toBe('0'.repeat(64));

    const { code, report } = await runCli();
    expect(code).toBe(0);
    expect(report).toMatchObject({ ok: true, anchors: 2, anchorsMatched: 2, brokenLines: [] });
    expect(report.chain.ok).toBe(true);
  });

  it('an edited line in the anchor file breaks the file’s own links', async () => {
    const text = await readFile(config.audit.anchorFile, 'utf8');
    const [first, ...rest] = text.trimEnd().split('\n');
    const edited = JSON.stringify({ ...JSON.parse(first!), anchoredAt: '2020-01-01T00:00:00.000Z' });
    const copy = path.join(dir, 'edited.jsonl');
    await writeFile(copy, [edited, ...rest, ''].join('\n'));
    const { code, report } = await runCli(copy);
    expect(code).toBe(1);
    // Line 2 names the hash of the original line 1, which no longer matches.
    expect(report.brokenLines).toEqual([2]);
  });

  it('a chain cut short below an anchor: the chain checks, the anchored position is gone', async () => {
    const anchored = (await readAnchorFile(config.audit.anchorFile)).anchors;
    const last = anchored[anchored.length - 1]!;
    await db.transaction(async (manager) => {
      await manager.query('ALTER TABLE audit_log DISABLE TRIGGER USER');
      await manager.query('DELETE FROM audit_log WHERE chain_seq >= $1 OR chain_seq IS NULL', [
        last.anchor.chainSeq,
      ]);
      await manager.query('ALTER TABLE audit_log ENABLE TRIGGER USER');
    });
    await expect(verifyAuditChain(db, 60)).resolves.toMatchObject({ ok: true });
    const { code, report } = await runCli();
    expect(code).toBe(1);
    expect(report).toMatchObject({ ok: false, anchors: 2, anchorsMatched: 1 });
    expect(report.firstMismatch).toEqual({
      line: last.line,
      chainSeq: last.anchor.chainSeq,
      expectedHash: last.anchor.hash,
      foundHash: null,
    });
  });

  it('a rewritten and re-chained table passes the chain check but not the anchors', async () => {
    const anchored = (await readAnchorFile(config.audit.anchorFile)).anchors;
    await rewriteFrom(2, { i: 'rewritten' });
    // The chain alone is fooled: every link recomputes.
    await expect(verifyAuditChain(db, 60)).resolves.toMatchObject({ ok: true });
    const { code, report } = await runCli();
    expect(code).toBe(1);
    expect(report).toMatchObject({ ok: false, anchors: 2 });
    expect(report.chain.ok).toBe(true);
    expect(report.firstMismatch).toEqual({
      line: 1,
      chainSeq: anchored[0]!.anchor.chainSeq,
      expectedHash: anchored[0]!.anchor.hash,
      foundHash: expect.not.stringMatching(anchored[0]!.anchor.hash),
    });
  });

  it('refuses to run without its arguments (exit 2)', async () => {
    const code = await new Promise<number>((resolve) => {
      execFile(process.execPath, [CLI, '--anchors', config.audit.anchorFile], (error) =>
        resolve(error && typeof error.code === 'number' ? error.code : 0),
      );
    });
    expect(code).toBe(2);
  });
});
