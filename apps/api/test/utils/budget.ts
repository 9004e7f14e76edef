import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { BudgetRepository } from '../../src/budget/budget.repository';
import type { TestApp } from './test-app';

/**
 * Raises a program's budget total through the ledger (the admin route's query), so a suite's claims
 * are never refused for money that other suites of the run used up (budget-race fills its budget
 * exactly). Returns the program's id.
 */
export async function raiseBudget(t: TestApp, programCode: string, byFen: number): Promise<string> {
  const db = t.app.get<DataSource>(getDataSourceToken());
  return db.transaction(async (manager) => {
    const [row] = (await manager.query(
      `SELECT b.program_id, b.total_fen FROM budget b JOIN program p ON p.id = b.program_id WHERE p.code = $1`,
      [programCode],
    )) as { program_id: string; total_fen: string }[];
    if (!row) throw new Error(`no budget for program ${programCode}`);
    const raised = await t.app
      .get(BudgetRepository)
      .setTotal(manager, row.program_id, Number(row.total_fen) + byFen);
    if (!raised.ok) throw new Error(`could not raise the budget of ${programCode}`);
    return row.program_id;
  });
}
