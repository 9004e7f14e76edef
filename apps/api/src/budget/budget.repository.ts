import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { BudgetFigures } from '@huanxin/shared';
import { returning } from '../database/sql';
import type { DataSource, EntityManager } from 'typeorm';
import { BudgetEntity } from './budget.entity';

/** Named budget queries; query builders stay in here. */
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
   * Reserves `amountFen` first come, first served: one guarded UPDATE (`remaining >= amount`) —
   * under READ COMMITTED a concurrent reservation waits for the row and re-checks the condition
   * against the committed value, so the budget can never be overspent (the CHECK is the backstop).
   * Returns false when the budget cannot cover the amount.
   */
  async reserve(
    manager: EntityManager,
    programId: string,
    amountFen: number,
    subjectId: string,
  ): Promise<boolean> {
    if (amountFen === 0) return true;
    const rows = await returning(
      manager,
      `UPDATE budget SET remaining_fen = remaining_fen - $2, reserved_fen = reserved_fen + $2, updated_at = now()
        WHERE program_id = $1 AND remaining_fen >= $2 RETURNING remaining_fen`,
      [programId, amountFen],
    );
    if (rows.length === 0) return false;
    await this.ledger(manager, programId, 'reserve', amountFen, subjectId);
    return true;
  }

  /** Gives a reservation back to the budget (rejection, withdrawal, expiry, a lower re-evaluation). */
  async release(
    manager: EntityManager,
    programId: string,
    amountFen: number,
    subjectId: string,
    note?: string,
  ): Promise<void> {
    if (amountFen === 0) return;
    await manager.query(
      `UPDATE budget SET remaining_fen = remaining_fen + $2, reserved_fen = reserved_fen - $2, updated_at = now() WHERE program_id = $1`,
      [programId, amountFen],
    );
    await this.ledger(manager, programId, 'release', amountFen, subjectId, note);
  }

  /**
   * Sets a new total. Lowering it below what is already reserved, committed or paid is refused
   * (returns false); the difference moves `remaining`, and the change is in the ledger.
   */
  async setTotal(
    manager: EntityManager,
    programId: string,
    totalFen: number,
  ): Promise<{ ok: boolean; previousTotalFen?: number }> {
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
    await this.ledger(
      manager,
      programId,
      'adjust',
      totalFen - previous,
      null,
      `total ${previous} → ${totalFen}`,
    );
    return { ok: true, previousTotalFen: previous };
  }

  private async ledger(
    manager: EntityManager,
    programId: string,
    entry: string,
    amountFen: number,
    subjectId: string | null,
    note?: string,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO budget_ledger (program_id, subject_id, entry, amount_fen, note) VALUES ($1, $2, $3, $4, $5)`,
      [programId, subjectId, entry, amountFen, note ?? null],
    );
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
