import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createLogger } from '../src/common/logging/logger';
import { loadConfig } from '../src/config/config';
import { prepareDatabase } from '../src/database/prepare';

/**
 * One database and one Redis prefix per test run, so runs on one machine never collide. Workers
 * inherit the environment set here; the teardown drops both.
 */
export default async function globalSetup(): Promise<void> {
  const run = `${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const base = new URL(
    process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/huanxin',
  );
  base.pathname = `/huanxin_test_${run}`;
  process.env.NODE_ENV = 'test';
  process.env.DATABASE_URL = base.toString();
  process.env.REDIS_PREFIX = `huanxin-test-${run}`;
  process.env.LOG_LEVEL = process.env.LOG_LEVEL ?? 'silent';
  // Test apps log at trace level into this one file; the PII-leak suite scans it (test-app.ts).
  process.env.HUANXIN_TEST_LOG_FILE = path.join(os.tmpdir(), `huanxin-test-${run}.log`);
  fs.writeFileSync(process.env.HUANXIN_TEST_LOG_FILE, '');
  const config = loadConfig();
  await prepareDatabase(config, createLogger({ level: 'warn', name: 'test-setup' }));
}
