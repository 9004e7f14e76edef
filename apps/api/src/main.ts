import 'reflect-metadata';
import { createHttpApp } from './app.factory';
import { createLogger } from './common/logging/logger';
import { ConfigError, loadConfig } from './config/config';
import { prepareDatabase } from './database/prepare';
import { checkRedisForQueues } from './redis/redis-policy';

/** HTTP entry: validate config, prepare the database, check Redis, serve. */
async function bootstrap(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger({ level: config.log.level, name: 'huanxin-api' });
  await prepareDatabase(config, logger);
  await checkRedisForQueues(config, logger);
  const app = await createHttpApp(config, logger);
  await app.listen({ port: config.http.port, host: '0.0.0.0' });
  logger.info({ port: config.http.port, env: config.env }, 'Huanxin API listening');
}

bootstrap().catch((error: unknown) => {
  if (error instanceof ConfigError) console.error(error.message);
  else console.error('Huanxin API failed to start:', error);
  process.exit(1);
});
