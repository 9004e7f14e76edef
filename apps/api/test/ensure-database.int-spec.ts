import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { dropDatabase, ensureDatabase } from '../src/database/ensure-database';

/** `npm start` runs the API and the worker at once: both create a missing database. */
describe('ensureDatabase', () => {
  it('creates a missing database once when several processes race for it', async () => {
    const url = new URL(process.env.DATABASE_URL!);
    url.pathname = `/huanxin_race_${randomBytes(4).toString('hex')}`;
    try {
      const created = await Promise.all(Array.from({ length: 6 }, () => ensureDatabase(url.toString())));
      expect(created.filter(Boolean)).toHaveLength(1);
      const client = new Client({ connectionString: url.toString() });
      await client.connect();
      await client.end();
      expect(await ensureDatabase(url.toString())).toBe(false);
    } finally {
      await dropDatabase(url.toString());
    }
  });
});
