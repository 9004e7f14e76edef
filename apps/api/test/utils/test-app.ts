import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import pino from 'pino';
import { createHttpApp } from '../../src/app.factory';
import { createLogger, type Logger } from '../../src/common/logging/logger';
import { loadConfig, type AppConfig } from '../../src/config/config';

export interface TestApp {
  app: NestFastifyApplication;
  config: AppConfig;
  logger: Logger;
  /** The raw Node server for supertest. */
  server: ReturnType<NestFastifyApplication['getHttpServer']>;
  close(): Promise<void>;
}

/**
 * Per-address sign-in limits count across the whole run: every suite signs in from 127.0.0.1 into
 * one Redis prefix, so with the production defaults (100 an hour) a suite late in the run could
 * be refused for what earlier suites did. Test apps raise them; the suites that test a limit pass
 * their own small value.
 */
const RUN_WIDE_LIMITS = { AUTH_IP_LIMIT_PER_HOUR: '100000', OTP_IP_LIMIT_PER_HOUR: '100000' };

/** The real HTTP app (same factory as production) on the run's database and Redis prefix. */
export async function createTestApp(overrides: Partial<Record<string, string>> = {}): Promise<TestApp> {
  const config = loadConfig({ ...RUN_WIDE_LIMITS, ...process.env, ...overrides });
  // The run's log file (set by global-setup): every app logs at trace level into it, and the
  // PII-leak suite scans it at the end for ID, phone and card numbers.
  const logFile = process.env.HUANXIN_TEST_LOG_FILE;
  const destination = logFile ? pino.destination({ dest: logFile, sync: true, append: true }) : undefined;
  const logger = createLogger({
    level: logFile ? 'trace' : (process.env.LOG_LEVEL ?? 'silent'),
    name: 'test-api',
    destination,
  });
  const app = await createHttpApp(config, logger);
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  const close = async () => {
    await app.close();
    destination?.end();
  };
  return { app, config, logger, server: app.getHttpServer(), close };
}
