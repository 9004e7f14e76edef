import type { NestFastifyApplication } from '@nestjs/platform-fastify';
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

/** The real HTTP app (same factory as production) on the run's database and Redis prefix. */
export async function createTestApp(overrides: Partial<Record<string, string>> = {}): Promise<TestApp> {
  const config = loadConfig({ ...process.env, ...overrides });
  const logger = createLogger({ level: process.env.LOG_LEVEL ?? 'silent', name: 'test-api' });
  const app = await createHttpApp(config, logger);
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return { app, config, logger, server: app.getHttpServer(), close: () => app.close() };
}
