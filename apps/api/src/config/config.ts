import path from 'node:path';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { ENV_KEYS, EnvironmentVariables, type NodeEnv } from './env.schema';

/** Development-only secret; production refuses to start with it (or with anything short). */
export const DEV_APP_SECRET = 'huanxin-development-secret-not-for-production-use';
const MIN_SECRET_LENGTH = 32;

export interface AppConfig {
  env: NodeEnv;
  isProduction: boolean;
  http: { port: number; publicOrigin: string | undefined; trustProxy: number; bodyLimitBytes: number };
  database: { url: string; poolSize: number; createIfMissing: boolean };
  redis: { url: string; prefix: string };
  storage: { dataDir: string };
  web: { distDir: string };
  log: { level: string };
  secrets: { appSecret: string };
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

/** Parses and validates the environment. Throws ConfigError listing every problem at once. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const raw = Object.fromEntries(
    ENV_KEYS.filter((key) => env[key] !== undefined && env[key] !== '')
      .map((key) => [key, env[key]]),
  );
  const vars = plainToInstance(EnvironmentVariables, raw, { exposeDefaultValues: true });
  const problems = validateSync(vars, { whitelist: true }).flatMap((error) =>
    Object.values(error.constraints ?? {}).map((message) => `${error.property}: ${message}`),
  );

  const isProduction = vars.NODE_ENV === 'production';
  let appSecret = vars.APP_SECRET;
  if (isProduction) {
    if (!appSecret) problems.push('APP_SECRET: required in production (at least 32 random characters)');
    else if (appSecret.length < MIN_SECRET_LENGTH || appSecret === DEV_APP_SECRET)
      problems.push(`APP_SECRET: too weak for production (at least ${MIN_SECRET_LENGTH} random characters, not the development default)`);
  }
  appSecret ??= DEV_APP_SECRET;
  if (problems.length > 0) throw new ConfigError(problems);

  return {
    env: vars.NODE_ENV,
    isProduction,
    http: {
      port: vars.PORT,
      publicOrigin: vars.PUBLIC_ORIGIN?.replace(/\/+$/, ''),
      trustProxy: vars.TRUST_PROXY,
      bodyLimitBytes: vars.BODY_LIMIT_BYTES,
    },
    database: { url: vars.DATABASE_URL, poolSize: vars.DATABASE_POOL_SIZE, createIfMissing: !isProduction },
    redis: { url: vars.REDIS_URL, prefix: vars.REDIS_PREFIX },
    storage: { dataDir: path.resolve(vars.DATA_DIR) },
    web: { distDir: path.resolve(vars.WEB_DIST_DIR ?? path.join(__dirname, '..', '..', '..', 'web', 'dist')) },
    log: { level: vars.LOG_LEVEL },
    secrets: { appSecret },
  };
}
