import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUrl, Matches, Max, Min, MinLength } from 'class-validator';

export const NODE_ENVS = ['development', 'test', 'production'] as const;
export type NodeEnv = (typeof NODE_ENVS)[number];

/** Every variable read from the environment (kept in step with turbo.json by a unit test). */
export const ENV_KEYS = [
  'NODE_ENV',
  'PORT',
  'PUBLIC_ORIGIN',
  'TRUST_PROXY',
  'DATABASE_URL',
  'DATABASE_POOL_SIZE',
  'REDIS_URL',
  'REDIS_PREFIX',
  'DATA_DIR',
  'WEB_DIST_DIR',
  'LOG_LEVEL',
  'BODY_LIMIT_BYTES',
  'APP_SECRET',
] as const satisfies readonly (keyof EnvironmentVariables)[];

/**
 * Every environment variable the API and the worker read. Validated once at boot; nothing else in
 * the code base reads `process.env`. Names are listed in turbo.json `globalPassThroughEnv` too
 * (a unit test keeps the two in step).
 */
export class EnvironmentVariables {
  @IsIn(NODE_ENVS)
  NODE_ENV: NodeEnv = 'development';

  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  /** The portal's public origin (scheme://host[:port]); used for CSRF origin checks and links. */
  @IsOptional()
  @IsUrl({ require_tld: false, require_protocol: true, protocols: ['http', 'https'] })
  PUBLIC_ORIGIN?: string;

  /** Trust X-Forwarded-* from this many proxy hops (0 = none). */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(10)
  TRUST_PROXY = 0;

  @Matches(/^postgres(ql)?:\/\//, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/huanxin';

  /** Small on purpose: the budget row is hot, and more connections mean lower throughput on it. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  DATABASE_POOL_SIZE = 8;

  @Matches(/^rediss?:\/\//, { message: 'REDIS_URL must be a redis:// or rediss:// URL' })
  REDIS_URL = 'redis://127.0.0.1:6379/0';

  /** Prefix for every Redis key (sessions, limits, queues), so two runs can share one Redis. */
  @Matches(/^[A-Za-z0-9_.-]{1,64}$/, { message: 'REDIS_PREFIX may hold letters, digits, _ . - (max 64)' })
  REDIS_PREFIX = 'huanxin';

  @IsString()
  @MinLength(1)
  DATA_DIR = './data';

  /** Built web app served at `/`; defaults to apps/web/dist next to this package. */
  @IsOptional()
  @IsString()
  WEB_DIST_DIR?: string;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  /** Largest JSON body accepted (uploads have their own limit). */
  @Type(() => Number)
  @IsInt()
  @Min(1024)
  @Max(50 * 1024 * 1024)
  BODY_LIMIT_BYTES = 1024 * 1024;

  /** Server secret for keyed hashes (OTP codes, idempotency fingerprints). Required in production. */
  @IsOptional()
  @IsString()
  APP_SECRET?: string;
}
