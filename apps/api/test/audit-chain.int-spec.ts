import { NestFactory } from '@nestjs/core';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource, QueryRunner } from 'typeorm';
import { AuditRepository } from '../src/audit/audit.repository';
import { AuditSequencer } from '../src/audit/audit.sequencer';
import { AuditService } from '../src/audit/audit.service';
import { type AppConfig, loadConfig } from '../src/config/config';
import { createDataSource } from '../src/database/data-source';
import { AuditSequencer1795910000008 } from '../src/database/migrations/1795910000008-AuditSequencer';
import { AuditChainBatch1796160000040 } from '../src/database/migrations/1796160000040-AuditChainBatch';
import { WorkerModule } from '../src/worker.module';
import { chainAll } from './utils/audit';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor<T>(probe: () => Promise<T | undefined>, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await sleep(50);
  }
}

/**
 * The audit chain without a lock on the request path (issue 10; security-reliability.md §3.4):
 * rows are inserted unchained, one sequencer chains committed rows in batches, verify walks
 * the chain positions, and the database refuses every change but the one-time chain fill.
 */
describe('audit chain sequencer', () => {
  let config: AppConfig;
  let db: DataSource;
  let audit: AuditService;
  let sequencer: AuditSequencer;
  let repository: AuditRepository;

  beforeAll(async () => {
    // Room for the parallel transactions below (the app's pool is small on purpose).
    config = loadConfig({ ...process.env, DATABASE_POOL_SIZE: '40', AUDIT_UNCHAINED_MAX_AGE_SECONDS: '30' });
    db = createDataSource(config);
    await db.initialize();
    repository = new AuditRepository(db, config);
    audit = new AuditService(repository);
    sequencer = new AuditSequencer(db, config);
  });
  afterAll(async () => {
    await db.destroy();
  });

  const count = async (sql: string, parameters: unknown[] = []): Promise<number> =>
    ((await db.query(sql, parameters)) as { n: number }[])[0]!.n;

  /** The chain as stored: positions 1..n, each linked to the one before (checked by verify too). */
  async function expectWholeChain(): Promise<void> {
    const rows = (await db.query(
      'SELECT chain_seq FROM audit_log WHERE chain_seq IS NOT NULL ORDER BY chain_seq',
    )) as {
      chain_seq: string;
    }[];
    expect(rows.map((row) => Number(row.chain_seq))).toEqual(rows.map((_row, i) => i + 1));
    const report = await repository.verify();
    expect(report).toEqual(expect.objectContaining({ ok: true, checked: rows.length }));
  }

  describe('rows chained by the old locked trigger stay valid (migration up from the old schema)', () => {
    it('down to the locked trigger, rows written there, up again: old rows verify and the chain continues', async () => {
      // The sequencer's migrations, in order: down in reverse, up again in order.
      const migrations = [new AuditSequencer1795910000008(), new AuditChainBatch1796160000040()];
      const up = async (runner: QueryRunner) => {
        for (const migration of migrations) await migration.up(runner);
      };
      await chainAll(db, config);
      const runner: QueryRunner = db.createQueryRunner();
      await runner.connect();
      let down = false;
      try {
        for (const migration of [...migrations].reverse()) await migration.down(runner);
        down = true;
        for (let i = 0; i < 3; i++)
          await runner.query(
            `INSERT INTO audit_log (action, result, detail) VALUES ('test.old_trigger', 'success', $1)`,
            [JSON.stringify({ i })],
          );
        const old = (await runner.query(
          `SELECT seq, hash FROM audit_log WHERE action = 'test.old_trigger' ORDER BY seq`,
        )) as { seq: string; hash: Buffer }[];
        expect(old.every((row) => row.hash.length === 32)).toBe(true);
        await up(runner);
        down = false;
      } finally {
        if (down) await up(runner);
        await runner.release();
      }
      const [lastOld] = (await db.query(
        `SELECT chain_seq, hash FROM audit_log WHERE action = 'test.old_trigger' ORDER BY seq DESC LIMIT 1`,
      )) as { chain_seq: string; hash: Buffer }[];
      expect(lastOld!.chain_seq).not.toBeNull();
      await audit.record({ action: 'test.after_migration', result: 'success', actor: null });
      await chainAll(db, config);
      const [next] = (await db.query(
        `SELECT chain_seq, prev_hash FROM audit_log WHERE action = 'test.after_migration'`,
      )) as { chain_seq: string; prev_hash: Buffer }[];
      expect(Number(next!.chain_seq)).toBe(Number(lastOld!.chain_seq) + 1);
      expect(next!.prev_hash.equals(lastOld!.hash)).toBe(true);
      await expectWholeChain();
    });
  });

  describe('no lock that business transactions hold', () => {
    it('an open transaction holding an audit insert does not block another transaction’s audit insert', async () => {
      const first = db.createQueryRunner();
      const second = db.createQueryRunner();
      await first.connect();
      await second.connect();
      try {
        await first.startTransaction();
        await audit.record({ action: 'test.held_open', result: 'success', actor: null }, first.manager);
        await second.startTransaction();
        // Fail fast instead of hanging if an insert waits on any lock (the old trigger's did).
        await second.query(`SET LOCAL lock_timeout = '2s'`);
        const started = Date.now();
        await audit.record({ action: 'test.not_blocked', result: 'success', actor: null }, second.manager);
        await second.commitTransaction();
        expect(Date.now() - started).toBeLessThan(1000);
        // The committed row is chained; the open one is not visible to the sequencer yet.
        await chainAll(db, config);
        expect(
          await count(
            `SELECT count(*)::int AS n FROM audit_log WHERE action = 'test.not_blocked' AND chain_seq IS NOT NULL`,
          ),
        ).toBe(1);
        await first.commitTransaction();
      } finally {
        if (first.isTransactionActive) await first.rollbackTransaction();
        if (second.isTransactionActive) await second.rollbackTransaction();
        await first.release();
        await second.release();
      }
      await chainAll(db, config);
      // Drew the lower seq, committed later: chained after (chain order is the sequencer's).
      const rows = (await db.query(
        `SELECT action, seq, chain_seq FROM audit_log WHERE action IN ('test.held_open', 'test.not_blocked') ORDER BY seq`,
      )) as { action: string; seq: string; chain_seq: string }[];
      expect(rows.map((row) => row.action)).toEqual(['test.held_open', 'test.not_blocked']);
      expect(Number(rows[0]!.chain_seq)).toBeGreaterThan(Number(rows[1]!.chain_seq));
      await expectWholeChain();
    });
  });

  describe('every committed row is chained exactly once, in one contiguous order', () => {
    it('5 rounds × 30 parallel transactions (a quarter rolled back, some slow) with two sequencers racing', async () => {
      const other = new AuditSequencer(db, config);
      for (let round = 0; round < 5; round++) {
        const tag = `round-${round}-${Date.now()}`;
        let stop = false;
        const race = async (s: AuditSequencer) => {
          while (!stop) {
            await s.sequenceOnce(7);
            await sleep(5);
          }
        };
        const sequencing = Promise.all([race(sequencer), race(other)]);
        const outcomes = await Promise.all(
          Array.from({ length: 30 }, async (_unused, i) => {
            const rows = 1 + (i % 3);
            const rollback = i % 4 === 0;
            try {
              await db.transaction(async (manager) => {
                for (let r = 0; r < rows; r++) {
                  await audit.record(
                    { action: 'test.concurrent', result: 'success', actor: null, detail: { tag, i, r } },
                    manager,
                  );
                  if (i % 5 === 1) await sleep(30); // held open while others commit and get chained
                }
                if (rollback) throw new Error('rolled back');
              });
              return rows;
            } catch {
              return 0;
            }
          }),
        );
        stop = true;
        await sequencing;
        await chainAll(db, config);
        const committed = outcomes.reduce((a, b) => a + b, 0);
        const rows = (await db.query(
          `SELECT detail, chain_seq FROM audit_log WHERE action = 'test.concurrent' AND detail->>'tag' = $1`,
          [tag],
        )) as { detail: { i: number }; chain_seq: string | null }[];
        expect(rows).toHaveLength(committed);
        expect(rows.filter((row) => row.detail.i % 4 === 0)).toEqual([]);
        expect(rows.every((row) => row.chain_seq !== null)).toBe(true);
        expect(new Set(rows.map((row) => row.chain_seq)).size).toBe(committed);
        expect(await count('SELECT count(*)::int AS n FROM audit_log WHERE chain_seq IS NULL')).toBe(0);
        await expectWholeChain();
      }
    });

    it('the worker runs the sequencer: a committed row is chained within a couple of seconds', async () => {
      const worker = await NestFactory.createApplicationContext(
        WorkerModule.forRoot(loadConfig({ ...process.env, AUDIT_SEQUENCER_INTERVAL_MS: '200' })),
        { logger: false },
      );
      await worker.init();
      try {
        const workerDb = worker.get<DataSource>(getDataSourceToken());
        const started = Date.now();
        await audit.record({ action: 'test.worker_chains', result: 'success', actor: null });
        await waitFor(async () => {
          const n = await count(
            `SELECT count(*)::int AS n FROM audit_log WHERE action = 'test.worker_chains' AND chain_seq IS NOT NULL`,
          );
          return n === 1 ? true : undefined;
        }, 2000);
        expect(Date.now() - started).toBeLessThan(2000);
        expect(workerDb.isInitialized).toBe(true);
      } finally {
        await worker.close();
      }
      await expectWholeChain();
    });
  });

  describe('a sequencer crash mid-batch', () => {
    it('killing its connection in the middle of a batch chains nothing of it; the next tick chains all', async () => {
      await chainAll(db, config);
      const before = await count('SELECT coalesce(max(chain_seq), 0)::int AS n FROM audit_log');
      for (let i = 0; i < 6; i++)
        await audit.record({ action: 'test.crash_batch', result: 'success', actor: null, detail: { i } });
      const [fourth] = (await db.query(
        `SELECT seq FROM audit_log WHERE action = 'test.crash_batch' ORDER BY seq OFFSET 3 LIMIT 1`,
      )) as { seq: string }[];
      // Hold the 4th row so the sequencer's batch stops there, three rows in, mid-transaction.
      const holder = db.createQueryRunner();
      await holder.connect();
      await holder.startTransaction();
      let crashed: Promise<unknown> | undefined;
      try {
        await holder.query('SELECT seq FROM audit_log WHERE seq = $1 FOR UPDATE', [fourth!.seq]);
        crashed = sequencer.sequenceOnce().catch((error: unknown) => error);
        const pid = await waitFor(async () => {
          const rows = (await db.query(
            `SELECT pid FROM pg_stat_activity
              WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '%audit_log_chain_next%'`,
          )) as { pid: number }[];
          return rows[0]?.pid;
        });
        expect(
          await count(`SELECT count(*)::int AS n FROM pg_locks WHERE pid = $1 AND locktype = 'advisory'`, [
            pid,
          ]),
        ).toBe(1);
        await db.query('SELECT pg_terminate_backend($1)', [pid]);
        expect(await crashed).toBeInstanceOf(Error);
      } finally {
        await holder.rollbackTransaction();
        await holder.release();
      }
      // Nothing of the batch was kept: the chain still ends where it did, every crash row unchained.
      expect(await count('SELECT coalesce(max(chain_seq), 0)::int AS n FROM audit_log')).toBe(before);
      expect(
        await count(
          `SELECT count(*)::int AS n FROM audit_log WHERE action = 'test.crash_batch' AND chain_seq IS NULL`,
        ),
      ).toBe(6);
      expect(await repository.verify()).toEqual(expect.objectContaining({ ok: true, checked: before }));
      expect(await chainAll(db, config)).toBeGreaterThanOrEqual(6);
      await expectWholeChain();
    });
  });

  describe('verify reports entries left unchained too long', () => {
    it('a fresh unchained row is fine; one older than AUDIT_UNCHAINED_MAX_AGE_SECONDS fails verify until chained', async () => {
      await chainAll(db, config);
      await audit.record({ action: 'test.fresh_unchained', result: 'success', actor: null });
      expect(await repository.verify()).toEqual(
        expect.objectContaining({
          ok: true,
          unchained: 1,
          staleUnchained: 0,
          oldestUnchainedAt: expect.any(String),
        }),
      );
      // A row committed 31 s ago that no sequencer chained (the limit is 30 s in this suite).
      const at = new Date(Date.now() - 31_000);
      await db.query(
        `INSERT INTO audit_log (at, action, result, detail) VALUES ($1, 'test.stale', 'success', '{}')`,
        [at],
      );
      const report = await repository.verify();
      expect(report).toEqual({
        ok: false,
        checked: expect.any(Number),
        unchained: 2,
        staleUnchained: 1,
        oldestUnchainedAt: at.toISOString(),
      });
      expect(report.firstBadSeq).toBeUndefined();
      await chainAll(db, config);
      expect(await repository.verify()).toEqual(
        expect.objectContaining({ ok: true, unchained: 0, staleUnchained: 0 }),
      );
    });
  });

  describe('the database refuses every change but the one-time chain fill', () => {
    const chained = async () =>
      (
        (await db.query(
          `SELECT seq, chain_seq, prev_hash, hash FROM audit_log WHERE chain_seq IS NOT NULL ORDER BY chain_seq DESC LIMIT 1 OFFSET 1`,
        )) as { seq: string; chain_seq: string; prev_hash: Buffer; hash: Buffer }[]
      )[0]!;
    const unchainedRow = async () => {
      await audit.record({ action: 'test.unchained_target', result: 'success', actor: null });
      return (
        (await db.query(
          `SELECT seq FROM audit_log WHERE action = 'test.unchained_target' AND chain_seq IS NULL ORDER BY seq DESC LIMIT 1`,
        )) as { seq: string }[]
      )[0]!.seq;
    };
    const head = async () =>
      (
        (await db.query(
          'SELECT chain_seq, hash FROM audit_log WHERE chain_seq IS NOT NULL ORDER BY chain_seq DESC LIMIT 1',
        )) as { chain_seq: string; hash: Buffer }[]
      )[0]!;

    beforeAll(async () => {
      await audit.record({ action: 'test.refusals', result: 'success', actor: null });
      await chainAll(db, config);
    });

    it.each([
      [
        'content of a chained row',
        async () => [`UPDATE audit_log SET result = 'failure' WHERE seq = $1`, [(await chained()).seq]],
      ],
      [
        'chain position of a chained row',
        async () => [
          `UPDATE audit_log SET chain_seq = chain_seq + 1000 WHERE seq = $1`,
          [(await chained()).seq],
        ],
      ],
      [
        'hash of a chained row',
        async () => [`UPDATE audit_log SET hash = sha256(hash) WHERE seq = $1`, [(await chained()).seq]],
      ],
      [
        'unchaining a chained row',
        async () => [
          `UPDATE audit_log SET chain_seq = NULL, prev_hash = NULL, hash = NULL WHERE seq = $1`,
          [(await chained()).seq],
        ],
      ],
      [
        'content of an unchained row',
        async () => [`UPDATE audit_log SET detail = '{"x":1}' WHERE seq = $1`, [await unchainedRow()]],
      ],
      [
        'a correct fill that also changes the content',
        async () => {
          const h = await head();
          return [
            `UPDATE audit_log a SET action = 'test.rewritten', chain_seq = $2, prev_hash = $3,
               hash = sha256($3 || convert_to(audit_log_canonical(a), 'UTF8')) WHERE seq = $1`,
            [await unchainedRow(), Number(h.chain_seq) + 1, h.hash],
          ];
        },
      ],
      [
        'a fill with a forged hash',
        async () => {
          const h = await head();
          return [
            `UPDATE audit_log SET chain_seq = $2, prev_hash = $3, hash = $3 WHERE seq = $1`,
            [await unchainedRow(), Number(h.chain_seq) + 1, h.hash],
          ];
        },
      ],
      [
        'a fill that skips a position',
        async () => {
          const h = await head();
          return [
            `UPDATE audit_log a SET chain_seq = $2, prev_hash = $3,
               hash = sha256($3 || convert_to(audit_log_canonical(a), 'UTF8')) WHERE seq = $1`,
            [await unchainedRow(), Number(h.chain_seq) + 2, h.hash],
          ];
        },
      ],
      [
        'a fill that links to the wrong previous hash',
        async () => {
          const h = await head();
          const wrong = Buffer.alloc(32, 1);
          return [
            `UPDATE audit_log a SET chain_seq = $2, prev_hash = $3,
               hash = sha256($3 || convert_to(audit_log_canonical(a), 'UTF8')) WHERE seq = $1`,
            [await unchainedRow(), Number(h.chain_seq) + 1, wrong],
          ];
        },
      ],
      [
        'a fill that leaves the hash out (computed by the guard) but skips a position',
        async () => {
          const h = await head();
          return [
            `UPDATE audit_log SET chain_seq = $2, prev_hash = $3 WHERE seq = $1`,
            [await unchainedRow(), Number(h.chain_seq) + 2, h.hash],
          ];
        },
      ],
      [
        'a fill that leaves the hash out but links to the wrong previous hash',
        async () => {
          const h = await head();
          return [
            `UPDATE audit_log SET chain_seq = $2, prev_hash = $3 WHERE seq = $1`,
            [await unchainedRow(), Number(h.chain_seq) + 1, Buffer.alloc(32, 1)],
          ];
        },
      ],
      [
        'DELETE of a chained row',
        async () => [`DELETE FROM audit_log WHERE seq = $1`, [(await chained()).seq]],
      ],
      [
        'DELETE of an unchained row',
        async () => [`DELETE FROM audit_log WHERE seq = $1`, [await unchainedRow()]],
      ],
      ['TRUNCATE', async () => ['TRUNCATE audit_log', []]],
    ] as [string, () => Promise<[string, unknown[]]>][])('refuses %s', async (_label, build) => {
      const [sql, parameters] = await build();
      await expect(db.query(sql, parameters)).rejects.toThrow(/append-only/);
    });

    it('refuses a fill, hash left to the guard, that also changes any one other column the table has', async () => {
      // From the catalogue, not a list: a column added later is covered, or this asks for its change.
      const columns = (await db.query(
        `SELECT column_name, data_type FROM information_schema.columns
          WHERE table_schema = current_schema() AND table_name = 'audit_log'
            AND column_name NOT IN ('chain_seq', 'prev_hash', 'hash') ORDER BY ordinal_position`,
      )) as { column_name: string; data_type: string }[];
      const changeOf: Record<string, (column: string) => string> = {
        bigint: (c) => `${c} + 1`,
        'timestamp with time zone': (c) => `${c} + interval '1 second'`,
        uuid: () => 'gen_random_uuid()',
        text: (c) => `coalesce(${c}, '') || 'x'`,
        jsonb: (c) => `coalesce(${c}, '{}') || '{"tampered": true}'`,
      };
      expect(columns.map((c) => c.column_name)).toEqual(expect.arrayContaining(['seq', 'action', 'detail']));
      const refusals: [string, string][] = [];
      for (const { column_name: column, data_type: type } of columns) {
        const change = changeOf[type];
        if (!change) throw new Error(`give a change for audit_log.${column} (${type})`);
        const h = await head();
        const answer = await db
          .query(
            `UPDATE audit_log SET "${column}" = ${change(`"${column}"`)}, chain_seq = $2, prev_hash = $3 WHERE seq = $1`,
            [await unchainedRow(), Number(h.chain_seq) + 1, h.hash],
          )
          .then(
            () => 'accepted',
            (error: Error) => (/append-only/.test(error.message) ? 'refused' : error.message),
          );
        refusals.push([column, answer]);
      }
      expect(refusals).toEqual(columns.map((c) => [c.column_name, 'refused']));
    });

    it('allows the correct fill once (the sequencer’s own statement), and never again', async () => {
      const seq = await unchainedRow();
      const fill = async () => {
        const h = await head();
        return db.query(
          `UPDATE audit_log a SET chain_seq = $2, prev_hash = $3,
             hash = sha256($3 || convert_to(audit_log_canonical(a), 'UTF8')) WHERE seq = $1`,
          [seq, Number(h.chain_seq) + 1, h.hash],
        );
      };
      await expect(fill()).resolves.toBeDefined();
      await expect(fill()).rejects.toThrow(/append-only/);
      await chainAll(db, config);
      await expectWholeChain();
    });

    it('an insert cannot bring its own chain link', async () => {
      const h = await head();
      await db.query(
        `INSERT INTO audit_log (action, result, detail, chain_seq, prev_hash, hash) VALUES ('test.forged_insert', 'success', '{}', $1, $2, $2)`,
        [Number(h.chain_seq) + 1, h.hash],
      );
      expect(
        await count(
          `SELECT count(*)::int AS n FROM audit_log WHERE action = 'test.forged_insert' AND chain_seq IS NULL AND hash IS NULL`,
        ),
      ).toBe(1);
      await chainAll(db, config);
      await expectWholeChain();
    });
  });
});
