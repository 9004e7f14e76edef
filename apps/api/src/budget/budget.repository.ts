import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { BudgetFigures } from '@huanxin/shared';
import { returning } from '../database/sql';
import type { DataSource, EntityManager } from 'typeorm';
import { BudgetEntity } from './budget.entity';
import type { LedgerEntry } from './budget-ledger.entity';

/** What each movement does to the buckets (`$2` is the amount), and the bucket it draws from. */
const MOVEMENTS: Record<Exclude<LedgerEntry, 'adjust'>, string> = {
  reserve: 'remaining_fen = remaining_fen - $2::bigint, reserved_fen = reserved_fen + $2::bigint',
  release: 'remaining_fen = remaining_fen + $2::bigint, reserved_fen = reserved_fen - $2::bigint',
  commit: 'reserved_fen = reserved_fen - $2::bigint, committed_fen = committed_fen + $2::bigint',
  pay: 'committed_fen = committed_fen - $2::bigint, paid_fen = paid_fen + $2::bigint',
};
const GUARDS: Record<Exclude<LedgerEntry, 'adjust'>, string> = {
  reserve: 'remaining_fen',
  release: 'reserved_fen',
  commit: 'reserved_fen',
  pay: 'committed_fen',
};

/**
 * Named budget queries; query builders stay in here. Every movement is one guarded UPDATE plus
 * its ledger row — one statement — in the caller's transaction, so `total = remaining + reserved + committed + paid`
 * holds (the `budget_balances` CHECK is the backstop) and each bucket is what the ledger moved:
 * reserved = reserve − release − commit, committed = commit − pay, paid = pay.
 */
@Injectable()
export class BudgetRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async figuresByProgram(programIds: string[]): Promise<Map<string, BudgetFigures>> {
    if (programIds.length === 0) return new Map();
    const rows = await this.dataSource
      .getRepository(BudgetEntity)
      .createQueryBuilder('b')
      .where('b.programId IN (:...programIds)', { programIds })
      .getMany();
    return new Map(rows.map((row) => [row.programId, toFigures(row)]));
  }

  /**
   * Every program's figures in one small query (no definitions): what the public program cache
   * re-reads at most once a second, so the live figures residents see are never more than ~1 s old.
   */
  async allFigures(): Promise<Map<string, BudgetFigures>> {
    const rows = await this.dataSource.getRepository(BudgetEntity).createQueryBuilder('b').getMany();
    return new Map(rows.map((row) => [row.programId, toFigures(row)]));
  }

  /**
   * Reserves `amountFen` first come, first served: one guarded UPDATE (`remaining >= amount`) —
   * under READ COMMITTED a concurrent reservation waits for the row and re-checks the condition
   * against the committed value, so the budget can never be overspent (the CHECK is the backstop).
   * The UPDATE and its ledger row are ONE statement (one round trip): the budget row is the one
   * row every submit of a program locks, and it stays locked from here to COMMIT, so callers run
   * this last (ApplicationStateService.move). Returns false when the budget cannot cover the amount.
   */
  reserve(manager: EntityManager, programId: string, amountFen: number, subjectId: string): Promise<boolean> {
    return this.move(manager, 'reserve', programId, amountFen, subjectId);
  }

  /**
   * Gives a reservation back to the budget (rejection, withdrawal, expiry, a lower re-evaluation).
   * Guarded (`reserved >= amount`): false when the budget does not hold that much in reservations,
   * which means the claim and the budget disagree; callers treat it as a broken invariant.
   */
  release(
    manager: EntityManager,
    programId: string,
    amountFen: number,
    subjectId: string,
    note?: string,
  ): Promise<boolean> {
    return this.move(manager, 'release', programId, amountFen, subjectId, note);
  }

  /**
   * Approval: the claim's reservation becomes a commitment (reserved → committed; `remaining` does
   * not move). Guarded like `release`; false means the reservation is not there.
   */
  commit(manager: EntityManager, programId: string, amountFen: number, subjectId: string): Promise<boolean> {
    return this.move(manager, 'commit', programId, amountFen, subjectId);
  }

  /** Payment: a commitment is settled (committed → paid). Guarded; false when not committed. */
  pay(manager: EntityManager, programId: string, amountFen: number, subjectId: string): Promise<boolean> {
    return this.move(manager, 'pay', programId, amountFen, subjectId);
  }

  /**
   * One movement between buckets as ONE statement: the guarded UPDATE of the budget row and, only
   * if it matched, its ledger row (a data-modifying CTE: the INSERT reads the UPDATE's RETURNING,
   * so a guard that fails inserts nothing). False when the guard failed.
   */
  private async move(
    manager: EntityManager,
    entry: Exclude<LedgerEntry, 'adjust'>,
    programId: string,
    amountFen: number,
    subjectId: string,
    note?: string,
  ): Promise<boolean> {
    if (amountFen === 0) return true;
    const rows = await returning(
      manager,
      `WITH moved AS (
         UPDATE budget SET ${MOVEMENTS[entry]}, updated_at = now()
          WHERE program_id = $1 AND ${GUARDS[entry]} >= $2::bigint RETURNING program_id)
       INSERT INTO budget_ledger (program_id, subject_id, entry, amount_fen, note)
       SELECT program_id, $3::uuid, $4::text, $2::bigint, $5::text FROM moved RETURNING id`,
      [programId, amountFen, subjectId, entry, note ?? null],
    );
    return rows.length > 0;
  }

  /**
   * Sets a new total. Lowering it below what is already reserved, committed or paid is refused
   * (returns false); the difference moves `remaining`, and the change is in the ledger.
   */
  async setTotal(
    manager: EntityManager,
    programId: string,
    totalFen: number,
  ): Promise<{ ok: false } | { ok: true; previousTotalFen: number; ledgerId: string }> {
    const [locked] = (await manager.query(`SELECT total_fen FROM budget WHERE program_id = $1 FOR UPDATE`, [
      programId,
    ])) as { total_fen: string }[];
    if (!locked) return { ok: false };
    const previous = Number(locked.total_fen);
    const updated = await returning(
      manager,
      `UPDATE budget SET total_fen = $2, remaining_fen = $2 - reserved_fen - committed_fen - paid_fen, updated_at = now()
        WHERE program_id = $1 AND $2 >= reserved_fen + committed_fen + paid_fen RETURNING program_id`,
      [programId, totalFen],
    );
    if (updated.length === 0) return { ok: false };
    const ledgerId = await this.ledger(
      manager,
      programId,
      'adjust',
      totalFen - previous,
      null,
      `total ${previous} → ${totalFen}`,
    );
    return { ok: true, previousTotalFen: previous, ledgerId };
  }

  /** Appends one ledger row; returns its id. */
  private async ledger(
    manager: EntityManager,
    programId: string,
    entry: LedgerEntry,
    amountFen: number,
    subjectId: string | null,
    note?: string,
  ): Promise<string> {
    const [row] = (await manager.query(
      `INSERT INTO budget_ledger (program_id, subject_id, entry, amount_fen, note) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [programId, subjectId, entry, amountFen, note ?? null],
    )) as { id: string }[];
    return row!.id;
  }

  /** Records the budget's current figures once per job key (a replay inserts nothing). */
  async recordSnapshot(programId: string, jobKey: string, reason: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `INSERT INTO budget_snapshot (program_id, job_key, reason, total_fen, reserved_fen, committed_fen, paid_fen, remaining_fen, taken_at)
       SELECT program_id, $2, $3, total_fen, reserved_fen, committed_fen, paid_fen, remaining_fen, now() FROM budget WHERE program_id = $1
       ON CONFLICT (job_key) DO NOTHING RETURNING id`,
      [programId, jobKey, reason],
    );
    return rows.length > 0;
  }
}

export function toFigures(row: BudgetEntity): BudgetFigures {
  return {
    totalFen: row.totalFen,
    reservedFen: row.reservedFen,
    committedFen: row.committedFen,
    paidFen: row.paidFen,
    remainingFen: row.remainingFen,
  };
}
