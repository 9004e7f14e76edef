import { Client, type ClientConfig } from 'pg';

/** Executions of one SQL text on a connection before it is prepared (pgJDBC's and Npgsql's default). */
export const PREPARE_THRESHOLD = 5;

/**
 * A node-postgres client that prepares the statements a connection sends again and again, as
 * pgJDBC (`prepareThreshold`, `preparedStatementCacheQueries`) and Npgsql (`Max Auto Prepare`) do.
 *
 * node-postgres sends a query with parameters as an unnamed statement: PostgreSQL parses, analyses
 * and plans it on every execution. On a submit (17 statements, most of them TypeORM's or the
 * repositories' own strings) that was a third of the database's CPU — the planner alone 16 % of
 * the machine in a profile of the load benchmark — while the statements themselves are a few
 * index lookups. Here a text with parameters that this connection has sent `PREPARE_THRESHOLD`
 * times goes out as a named statement: parsed once per connection, and planned once too where
 * PostgreSQL finds its generic plan as good as the custom ones (`plan_cache_mode = auto`: five
 * custom plans first; a statement whose best plan depends on a value, such as a partial index's
 * predicate, keeps getting custom plans).
 *
 * At most `capacity` statements per connection, least recently used evicted with DEALLOCATE, so a
 * text built with a varying number of placeholders cannot grow the server's memory without bound.
 * Names are never reused on a connection (`ap_<n>`): a DEALLOCATE that failed (sent inside a
 * transaction that had already failed) leaves a name behind that nothing asks for again. Texts
 * below the threshold are counted in a map of the same bound, cleared when full.
 *
 * A statement whose result columns changed under it (DDL while the process runs: PostgreSQL
 * answers "cached plan must not change result type") fails once and is forgotten, so its next
 * execution prepares it again. Behind a pooler in transaction mode that does not keep prepared
 * statements per client (PgBouncer before 1.21), set DATABASE_PREPARED_STATEMENTS=0.
 */
export function autoPreparingClient(capacity: number): typeof Client {
  return class AutoPreparingClient extends Client {
    /** text → its statement name, least recently used first (a Map keeps insertion order). */
    private readonly prepared = new Map<string, string>();
    private readonly seen = new Map<string, number>();
    private serial = 0;

    constructor(config?: string | ClientConfig) {
      super(config);
    }

    // pg's query() is overloaded (config object, text + values, callbacks, Submittable); only the
    // (text, values) form is rewritten, everything else passes through untouched.
    override query(...args: unknown[]): never {
      const [text, values] = args;
      if (typeof text === 'string' && Array.isArray(values) && values.length > 0 && args.length === 2) {
        const name = this.nameFor(text);
        if (name) return this.named(name, text, values) as never;
      }
      return (super.query as (...a: unknown[]) => never)(...args);
    }

    private nameFor(text: string): string | undefined {
      const known = this.prepared.get(text);
      if (known) {
        // Most recently used: to the end.
        this.prepared.delete(text);
        this.prepared.set(text, known);
        return known;
      }
      const count = (this.seen.get(text) ?? 0) + 1;
      if (count < PREPARE_THRESHOLD) {
        if (this.seen.size >= capacity * 4) this.seen.clear();
        this.seen.set(text, count);
        return undefined;
      }
      this.seen.delete(text);
      if (this.prepared.size >= capacity) this.evict();
      const name = `ap_${++this.serial}`;
      this.prepared.set(text, name);
      return name;
    }

    private async named(name: string, text: string, values: unknown[]): Promise<unknown> {
      try {
        return await super.query({ name, text, values });
      } catch (error) {
        // Never parsed (the statement itself failed to prepare): nothing on the server to drop.
        if (this.parsed()[name] === undefined) this.prepared.delete(text);
        // Stale on the server: dropped there too; its next execution prepares it afresh.
        else if (/cached plan must not change result type/.test(String(error))) this.forget(text, name);
        throw error;
      }
    }

    private evict(): void {
      const [text, name] = this.prepared.entries().next().value as [string, string];
      this.forget(text, name);
    }

    private forget(text: string, name: string): void {
      this.prepared.delete(text);
      delete this.parsed()[name];
      // Queued behind whatever this connection runs now; its answer (or error) matters to no one.
      super.query(`DEALLOCATE ${name}`).catch(() => undefined);
    }

    /** node-postgres's own record of the names this connection has parsed (it skips their Parse). */
    private parsed(): Record<string, string> {
      return (this as unknown as { connection: { parsedStatements: Record<string, string> } }).connection
        .parsedStatements;
    }
  };
}
