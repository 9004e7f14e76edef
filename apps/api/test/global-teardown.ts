import 'reflect-metadata';
import fs from 'node:fs';
import { Redis } from 'ioredis';
import { loadConfig } from '../src/config/config';
import { dropDatabase } from '../src/database/ensure-database';

export default async function globalTeardown(): Promise<void> {
  const config = loadConfig();
  await dropDatabase(config.database.url);
  const redis = new Redis(config.redis.url);
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${config.redis.prefix}*`, 'COUNT', 1000);
      if (keys.length) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
  if (process.env.HUANXIN_TEST_LOG_FILE) fs.rmSync(process.env.HUANXIN_TEST_LOG_FILE, { force: true });
}
