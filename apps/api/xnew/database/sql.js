"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.returning = returning;
exports.namedStatement = namedStatement;
exports.preparedRead = preparedRead;
const node_crypto_1 = require("node:crypto");
/**
 * The rows of any statement run through `query()`. For UPDATE and DELETE, TypeORM's Postgres
 * driver answers `[rows, affectedCount]` instead of the rows, so `rows.length` of an
 * `UPDATE … RETURNING` that matched nothing is still 2: reading that pair as rows let a guarded
 * budget UPDATE look successful and made a replayed TOTP code pass. Every `… RETURNING` that is an
 * UPDATE or DELETE goes through here.
 */
async function returning(runner, sql, parameters) {
    const result = await runner.query(sql, parameters);
    if (Array.isArray(result) &&
        result.length === 2 &&
        Array.isArray(result[0]) &&
        typeof result[1] === 'number')
        return result[0];
    return result;
}
/** A named statement for SQL built from a fixed set of shapes: the name is the text's hash. */
function namedStatement(prefix, text) {
    return { name: `${prefix}_${(0, node_crypto_1.createHash)('sha1').update(text).digest('hex').slice(0, 16)}`, text };
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
async function preparedRead(dataSource, statement, values, 
/** Another pool of the same database (GenericPlanReads'); default TypeORM's own. */
pool = dataSource.driver.master) {
    dataSource.logger.logQuery(statement.text, values);
    const { rows } = await pool.query({ ...statement, values });
    return rows;
}
//# sourceMappingURL=sql.js.map