/**
 * The money invariants after a run (security-reliability.md §3): any one broken fails the
 * benchmark, whatever the speed. The SQL is shared with the fault matrix (test/utils/money-invariants.ts).
 */
import type { Pool } from 'pg';
import { checkMoneyInvariants, type Invariant } from '../../test/utils/money-invariants';

export type { Invariant };

export async function checkInvariants(pool: Pool, accepted: { ids: string[] }): Promise<Invariant[]> {
  return checkMoneyInvariants(async (sql, params) => (await pool.query(sql, params)).rows, accepted);
}
