import type { EntityManager } from 'typeorm';

/**
 * The rows of any statement run through `query()`. For UPDATE and DELETE, TypeORM's Postgres
 * driver answers `[rows, affectedCount]` instead of the rows, so `rows.length` of an
 * `UPDATE … RETURNING` that matched nothing is still 2: reading that pair as rows let a guarded
 * budget UPDATE look successful and made a replayed TOTP code pass. Every `… RETURNING` that is an
 * UPDATE or DELETE goes through here.
 */
export async function returning<T>(
  runner: Pick<EntityManager, 'query'>,
  sql: string,
  parameters: unknown[],
): Promise<T[]> {
  const result: unknown = await runner.query(sql, parameters);
  if (
    Array.isArray(result) &&
    result.length === 2 &&
    Array.isArray(result[0]) &&
    typeof result[1] === 'number'
  )
    return result[0] as T[];
  return result as T[];
}
