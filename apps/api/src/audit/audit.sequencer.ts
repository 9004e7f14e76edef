import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '../config/config';
import { InjectConfig } from '../config/config.module';

const GENESIS = Buffer.alloc(32);
const BATCH = 500;
/** Only sequencers take it (never a business transaction): two worker instances do not both chain. */
const SEQUENCER_LOCK = 7406011005;

/**
 * Chains committed audit rows (migration AuditSequencer1795910000008). Inserting an audit row
 * takes no lock and reads no chain head; this one writer gives rows their chain positions a
 * moment later, in batches, the way Certificate Transparency logs and Trillian accept entries at
 * once and let a single sequencer integrate them into the log.
 *
 * - Which rows: those with `chain_seq IS NULL` this transaction can see, i.e. committed ones, in
 *   `seq` order. A row whose transaction is still open is simply not seen yet and is chained on a
 *   later tick, after rows that committed before it: the chain order is commit-then-sequencer
 *   order, not `seq` order, and it never changes once written.
 * - One transaction per batch, under a transaction-scoped advisory lock that only sequencers
 *   take (`pg_try_advisory_xact_lock`: a second worker skips the tick instead of waiting). The
 *   unique index on `chain_seq` and the database's fill guard (previous position exists and its
 *   hash is this row's prev_hash; the hash recomputes) make a second writer fail rather than
 *   fork the chain even without it.
 * - A crash (process, connection, database) mid-batch rolls the whole batch back: the chain ends
 *   at the last committed batch and the rows are chained again on the next tick.
 * - The hash is computed by the database with the same `audit_log_canonical` the guard and
 *   verify() use, so there is one definition of a row's bytes.
 */
@Injectable()
export class AuditSequencer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(AuditSequencer.name);
  private running = false;
  private loop: Promise<void> | undefined;
  private wake: (() => void) | undefined;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.running = true;
    this.loop = this.run();
  }

  async onApplicationShutdown(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
  }

  /**
   * Chains up to `limit` committed rows in one transaction; returns how many (0 also when another
   * sequencer holds the lock). Public for tests.
   */
  async sequenceOnce(limit: number = BATCH): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const [{ locked }] = (await manager.query('SELECT pg_try_advisory_xact_lock($1) AS locked', [
        SEQUENCER_LOCK,
      ])) as [{ locked: boolean }];
      if (!locked) return 0;
      const rows = (await manager.query(
        'SELECT seq FROM audit_log WHERE chain_seq IS NULL ORDER BY seq LIMIT $1',
        [limit],
      )) as { seq: string }[];
      if (rows.length === 0) return 0;
      const head = (await manager.query(
        'SELECT chain_seq, hash FROM audit_log WHERE chain_seq IS NOT NULL ORDER BY chain_seq DESC LIMIT 1',
      )) as { chain_seq: string; hash: Buffer }[];
      let position = head.length ? Number(head[0]!.chain_seq) : 0;
      let previous = head.length ? head[0]!.hash : GENESIS;
      for (const row of rows) {
        position += 1;
        // One statement per row, in order: the guard trigger checks each fill against the row
        // before it, which must already be written (a single multi-row UPDATE has no row order).
        const [updated] = (await manager.query(
          `UPDATE audit_log a
              SET chain_seq = $1, prev_hash = $2::bytea,
                  hash = sha256($2::bytea || convert_to(audit_log_canonical(a), 'UTF8'))
            WHERE seq = $3 AND chain_seq IS NULL
          RETURNING hash`,
          [position, previous, row.seq],
        )) as [{ hash: Buffer }[], number];
        if (!updated[0]) throw new Error(`audit row ${row.seq} was chained by someone else`);
        previous = updated[0].hash;
      }
      return rows.length;
    });
  }

  private async run(): Promise<void> {
    while (this.running) {
      let chained = 0;
      try {
        chained = await this.sequenceOnce();
      } catch (error) {
        this.logger.error({ err: error }, 'audit sequencer tick failed');
      }
      // A full batch means more are waiting: go on at once; otherwise wait for the next tick.
      if (chained < BATCH && this.running) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, this.config.audit.sequencerIntervalMs);
          this.wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
      }
    }
  }
}
