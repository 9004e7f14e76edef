import { createHash } from 'node:crypto';
import type { Pool } from 'pg';
import type { DataSource, EntityManager } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';

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

/** A statement prepared once per connection under its name (node-postgres keeps it by name). */
export interface NamedStatement {
  name: string;
  text: string;
}

/** A named statement for SQL built from a fixed set of shapes: the name is the text's hash. */
export function namedStatement(prefix: string, text: string): NamedStatement {
  return { name: `${prefix}_${createHash('sha1').update(text).digest('hex').slice(0, 16)}`, text };
}

/**
 * Runs a read as a named prepared statement straight on TypeORM's pool: PostgreSQL parses and plans
 * it once per connection instead of once per call, and TypeORM's query runner (a connection
 * checked out and released around every `query()`) is skipped — on a hot read of a few rows those
 * are most of its time (the resident list, the review queue: README, Benchmarks). The pool's own
 * wait limit still applies (a full pool answers 503 as any query does), and the SQL is logged as
 * TypeORM logs its own, so the hot-query-plan test still reads it. Reads only, outside any
 * transaction (a transaction's statements must go through its manager). A statement whose plan
 * depends on a partial index's predicate must carry that value as a literal, not a parameter: a
 * generic plan cannot prove `$1 = 'in_review'`.
 */
export async function preparedRead<T extends object>(
  dataSource: DataSource,
  statement: NamedStatement,
  values: unknown[],
  /** Another pool of the same database (GenericPlanReads'); default TypeORM's own. */
  pool: Pool = (dataSource.driver as PostgresDriver).master as Pool,
): Promise<T[]> {
  dataSource.logger.logQuery(statement.text, values);
  const { rows } = await pool.query<T>({ ...statement, values });
  return rows;
}

/**
 * `($k::text, $k+1::text), …` for `count` (name, value) pairs whose parameters start at `$first`:
 * a short list as scalar parameters rather than two arrays to unnest. A prepared statement's
 * generic plan assumes an array parameter holds ten elements, so a lookup of the pairs by index
 * looked ten times dearer than its custom plans and PostgreSQL planned it again on every
 * execution; with one parameter per value the generic plan is the custom one (and is kept). One
 * statement text per count: a claim has a handful of keys.
 */
export function textPairs(first: number, count: number): string {
  return Array.from(
    { length: count },
    (_, i) => `($${first + 2 * i}::text, $${first + 2 * i + 1}::text)`,
  ).join(', ');
}
