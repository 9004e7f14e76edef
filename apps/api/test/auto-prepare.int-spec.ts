import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { loadConfig } from '../src/config/config';
import { autoPreparingClient, PREPARE_THRESHOLD } from '../src/database/auto-prepare';
import { dataSourceOptions } from '../src/database/data-source';

/**
 * database/auto-prepare.ts on the real database: what a connection has prepared is read from the
 * server itself (`pg_prepared_statements`, per session), not from the client's bookkeeping.
 */
describe('auto-prepared statements (real database)', () => {
  const url = process.env.DATABASE_URL!;
  const clients: Client[] = [];

  async function connect(capacity: number): Promise<Client> {
    const AutoPreparing = autoPreparingClient(capacity);
    const client = new AutoPreparing({ connectionString: url });
    await client.connect();
    clients.push(client);
    return client;
  }
  /** The session's prepared statements, by text (its own query, unprepared: no parameters). */
  async function preparedOn(client: Client): Promise<Map<string, { generic: number; custom: number }>> {
    const { rows } = await client.query<{ statement: string; generic_plans: string; custom_plans: string }>(
      `SELECT statement, generic_plans, custom_plans FROM pg_prepared_statements`,
    );
    return new Map(
      rows.map((r) => [r.statement, { generic: Number(r.generic_plans), custom: Number(r.custom_plans) }]),
    );
  }
  const run = (client: Client, text: string, n: number) =>
    Promise.all(Array.from({ length: n }, (_, i) => client.query(text, [i])));

  afterAll(async () => {
    for (const client of clients) await client.end();
  });

  it(`prepares a text with parameters at its ${PREPARE_THRESHOLD}th execution, and keeps its generic plan`, async () => {
    const client = await connect(10);
    const text = 'SELECT $1::int + 1 AS n';
    await run(client, text, PREPARE_THRESHOLD - 1);
    expect(await preparedOn(client)).toEqual(new Map());
    const answers = await run(client, text, 20);
    expect(answers.map((a) => a.rows[0].n)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    // 20 executions of one prepared statement: five custom plans, then the generic one for the rest.
    expect(await preparedOn(client)).toEqual(new Map([[text, { generic: 15, custom: 5 }]]));
  });

  it('leaves texts without parameters and config objects alone', async () => {
    const client = await connect(10);
    for (let i = 0; i < 10; i++) {
      await client.query('SELECT 1');
      await client.query({ text: 'SELECT $1::int AS n', values: [i] });
    }
    expect(await preparedOn(client)).toEqual(new Map());
  });

  it('keeps at most its capacity, the least recently used deallocated on the server', async () => {
    const client = await connect(2);
    const texts = ['SELECT $1::int AS a', 'SELECT $1::int AS b', 'SELECT $1::int AS c'];
    await run(client, texts[0]!, PREPARE_THRESHOLD);
    await run(client, texts[1]!, PREPARE_THRESHOLD);
    await run(client, texts[0]!, 1); // a is now the most recently used: b goes first
    await run(client, texts[2]!, PREPARE_THRESHOLD);
    expect([...(await preparedOn(client)).keys()].sort()).toEqual([texts[0], texts[2]]);
    // b again: counted from zero, prepared again under a new name, a (least recent) deallocated.
    expect((await run(client, texts[1]!, PREPARE_THRESHOLD)).map((a) => a.rows[0].b)).toEqual([
      0, 1, 2, 3, 4,
    ]);
    expect([...(await preparedOn(client)).keys()].sort()).toEqual([texts[1], texts[2]]);
  });

  it('a statement that fails keeps failing with its own error, and the connection stays usable', async () => {
    const client = await connect(10);
    const text = 'SELECT 1 / $1::int AS n';
    for (let i = 0; i < PREPARE_THRESHOLD + 2; i++)
      await expect(client.query(text, [0])).rejects.toThrow('division by zero');
    expect((await client.query(text, [1])).rows).toEqual([{ n: 1 }]);
    // One that cannot even be parsed is never kept as prepared.
    for (let i = 0; i < PREPARE_THRESHOLD + 2; i++)
      await expect(client.query('SELECT $1::int FROM no_such_table', [1])).rejects.toThrow('does not exist');
    expect([...(await preparedOn(client)).keys()]).toEqual([text]);
  });

  it('a prepared statement whose table changed under it fails once, then is prepared again', async () => {
    const client = await connect(10);
    const other = new Client({ connectionString: url });
    await other.connect();
    try {
      await other.query('CREATE TABLE auto_prepare_probe (id int PRIMARY KEY, a int)');
      await other.query('INSERT INTO auto_prepare_probe VALUES (1, 10)');
      const text = 'SELECT * FROM auto_prepare_probe WHERE id = $1';
      for (let i = 0; i < PREPARE_THRESHOLD + 1; i++)
        expect((await client.query(text, [1])).rows).toEqual([{ id: 1, a: 10 }]);
      await other.query('ALTER TABLE auto_prepare_probe ADD COLUMN b int DEFAULT 7');
      await expect(client.query(text, [1])).rejects.toThrow('cached plan must not change result type');
      expect((await client.query(text, [1])).rows).toEqual([{ id: 1, a: 10, b: 7 }]);
      // …and the stale one is gone from the server.
      expect(await preparedOn(client)).toEqual(new Map());
    } finally {
      await other.query('DROP TABLE IF EXISTS auto_prepare_probe');
      await other.end();
    }
  });

  it("is the portal's pool client, unless DATABASE_PREPARED_STATEMENTS=0", async () => {
    const on = dataSourceOptions(loadConfig(process.env)) as { extra: { Client?: unknown } };
    expect(typeof on.extra.Client).toBe('function');
    const off = dataSourceOptions(loadConfig({ ...process.env, DATABASE_PREPARED_STATEMENTS: '0' })) as {
      extra: { Client?: unknown };
    };
    expect(off.extra.Client).toBeUndefined();
    // Through TypeORM: its query() with parameters ends up prepared on the pool's connection.
    const dataSource = new DataSource({
      ...dataSourceOptions(loadConfig(process.env)),
      extra: { ...on.extra, max: 1 },
    } as never);
    await dataSource.initialize();
    try {
      for (let i = 0; i < PREPARE_THRESHOLD; i++) await dataSource.query('SELECT $1::text AS v', [`x${i}`]);
      const rows = (await dataSource.query(`SELECT statement FROM pg_prepared_statements`)) as {
        statement: string;
      }[];
      expect(rows).toEqual([{ statement: 'SELECT $1::text AS v' }]);
    } finally {
      await dataSource.destroy();
    }
  });
});
