import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { createLogger } from './common/logging/logger';
import { PinoNestLogger } from './common/logging/nest-logger';
import { ConfigError, loadConfig } from './config/config';
import { prepareDatabase } from './database/prepare';
import { checkRedisForQueues } from './redis/redis-policy';
import { WorkerModule } from './worker.module';

/** Queue-worker entry: same modules as the API, processors and the outbox relay on, no HTTP. */
async function bootstrap(): Promise<void> {
  const loaded = loadConfig();
  // The worker's own pool size (WORKER_DATABASE_POOL_SIZE); the API keeps DATABASE_POOL_SIZE.
  const config = { ...loaded, database: { ...loaded.database, poolSize: loaded.worker.databasePoolSize } };
  const logger = createLogger({ level: config.log.level, name: 'huanxin-worker' });
  await prepareDatabase(config, logger);
  await checkRedisForQueues(config, logger);
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), {
    logger: new PinoNestLogger(logger.child({ component: 'nest' })),
  });
  app.enableShutdownHooks();
  await app.init();
  logger.info({ env: config.env }, 'Huanxin worker running');
}

bootstrap().catch((error: unknown) => {
  if (error instanceof ConfigError) console.error(error.message);
  else console.error('Huanxin worker failed to start:', error);
  process.exit(1);
});
