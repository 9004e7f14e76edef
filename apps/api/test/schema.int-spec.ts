import { createDataSource } from '../src/database/data-source';
import { pendingSchemaChanges } from '../src/database/schema-drift';
import { loadConfig } from '../src/config/config';

/** CI fails when an entity changes without a migration (the schema comes from migrations only). */
describe('schema', () => {
  it('entities and migrations agree', async () => {
    const dataSource = createDataSource(loadConfig());
    await dataSource.initialize();
    try {
      expect(await dataSource.showMigrations()).toBe(false);
      const pending = await pendingSchemaChanges(dataSource);
      expect(pending.up).toEqual([]);
    } finally {
      await dataSource.destroy();
    }
  });

  it('the budget can never go below zero or out of balance (database CHECKs)', async () => {
    const dataSource = createDataSource(loadConfig());
    await dataSource.initialize();
    try {
      const [row] = (await dataSource.query('SELECT program_id, remaining_fen FROM budget LIMIT 1')) as {
        program_id: string;
        remaining_fen: string;
      }[];
      await expect(
        dataSource.query(
          'UPDATE budget SET remaining_fen = -1, reserved_fen = total_fen + 1 WHERE program_id = $1',
          [row!.program_id],
        ),
      ).rejects.toThrow(/budget_remaining_non_negative/);
      await expect(
        dataSource.query('UPDATE budget SET remaining_fen = remaining_fen - 1 WHERE program_id = $1', [
          row!.program_id,
        ]),
      ).rejects.toThrow(/budget_balances/);
    } finally {
      await dataSource.destroy();
    }
  });
});
