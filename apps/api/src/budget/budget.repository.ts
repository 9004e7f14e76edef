import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { BudgetFigures } from '@huanxin/shared';
import type { DataSource } from 'typeorm';
import { BudgetEntity } from './budget.entity';

/** Named budget queries; query builders stay in here. */
@Injectable()
export class BudgetRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async figuresByProgram(programIds: string[]): Promise<Map<string, BudgetFigures>> {
    if (programIds.length === 0) return new Map();
    const rows = await this.dataSource.getRepository(BudgetEntity).createQueryBuilder('b').where('b.programId IN (:...programIds)', { programIds }).getMany();
    return new Map(rows.map((row) => [row.programId, toFigures(row)]));
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
