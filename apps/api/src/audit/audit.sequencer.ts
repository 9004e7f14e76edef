import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '../config/config';
import { InjectConfig } from '../config/config.module';

const BATCH = 500;

/**
 * Chains committed audit rows (migrations AuditSequencer1795910000008 and
 * AuditChainBatch1796160000040). Inserting an audit row takes no lock and reads no chain head;
 * this one writer gives rows their chain positions a moment later, in batches, the way
 * Certificate Transparency logs and Trillian accept entries at once and let a single sequencer
 * integrate them into the log.
 *
 * - Which rows: those with `chain_seq IS NULL` this transaction can see, i.e. committed ones, in
 *   `seq` order. A row whose transaction is still open is simply not seen yet and is chained on a
 *   later tick, after rows that committed before it: the chain order is commit-then-sequencer
 *   order, not `seq` order, and it never changes once written.
 * - One transaction (one statement) per batch, under a transaction-scoped advisory lock that
 *   only sequencers take (`pg_try_advisory_xact_lock`: a second worker skips the tick instead of
 *   waiting). The unique index on `chain_seq` and the database's fill guard (previous position
 *   exists and its hash is this row's prev_hash; the hash recomputes) make a second writer fail
 *   rather than fork the chain even without it.
 * - A crash (process, connection, database) mid-batch rolls the whole batch back: the chain ends
 *   at the last committed batch and the rows are chained again on the next tick.
 * - The hash is computed by the database's guard with the same `audit_log_canonical` verify()
 *   uses, so there is one definition of a row's bytes.
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
   *
   * One statement, `audit_log_chain_next` (migration AuditChainBatch1796160000040): the lock, the
   * chain head and each row's fill in order run inside the database, each fill checked by the
   * guard trigger against the row before it (which is why it is a row at a time, not one
   * multi-row UPDATE: that has no row order) and its hash computed there once. Sent as one text
   * statement per row, the batch was the worker's largest database cost per claim during a drain
   * (each parsed and planned anew, each hash computed twice).
   */
  async sequenceOnce(limit: number = BATCH): Promise<number> {
    const [{ chained }] = (await this.dataSource.query('SELECT audit_log_chain_next($1) AS chained', [
      limit,
    ])) as [{ chained: number }];
    return chained;
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
