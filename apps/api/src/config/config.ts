import { createHash } from 'node:crypto';
import path from 'node:path';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import 'reflect-metadata';
import { ENV_KEYS, EnvironmentVariables, type NodeEnv } from './env.schema';

/** Development-only secret; production refuses to start with it (or with anything short). */
export const DEV_APP_SECRET = 'huanxin-development-secret-not-for-production-use';
const MIN_SECRET_LENGTH = 32;

export interface AppConfig {
  env: NodeEnv;
  isProduction: boolean;
  http: {
    port: number;
    publicOrigin: string | undefined;
    trustProxy: number;
    bodyLimitBytes: number;
    /** Serve the OpenAPI document and UI (`API_DOCS`; off in production unless `on`). */
    apiDocs: boolean;
  };
  database: {
    url: string;
    poolSize: number;
    /** The generic-plan pool's size (database/generic-plan-reads.ts). */
    genericPoolSize: number;
    /** Statements kept prepared per connection (database/auto-prepare.ts); 0: none. */
    preparedStatements: number;
    poolTimeoutMs: number;
    createIfMissing: boolean;
  };
  redis: { url: string; prefix: string };
  /** Sessions kept per API process (0: none), invalidated by Redis. */
  sessionCache: { entries: number };
  storage: {
    dataDir: string;
    driver: 'local' | 's3';
    s3:
      | { endpoint: string; bucket: string; region: string; accessKeyId: string; secretAccessKey: string }
      | undefined;
  };
  web: { distDir: string };
  /** How long a request's body may take to arrive (multipart uploads / everything else). */
  bodyTimeouts: { uploadMs: number; requestMs: number };
  log: { level: string };
  secrets: { appSecret: string };
  pii: { keys: { id: string; key: Buffer }[]; indexKey: Buffer };
  sms: {
    transport: 'dev-outbox' | 'console' | 'http';
    httpUrl: string | undefined;
    httpToken: string | undefined;
  };
  auth: {
    staffMfa: 'totp' | 'off';
    otpIpLimitPerHour: number;
    authIpLimitPerHour: number;
    writeLimitPerMinute: number;
    demoPassword: string | undefined;
    passwordBlocklistFile: string | undefined;
    secureCookies: boolean;
  };
  reveal: { limitPerDay: number };
  /** Audit chain sequencer: its tick, and the age at which an unchained row fails verify. */
  audit: {
    sequencerIntervalMs: number;
    unchainedMaxAgeSeconds: number;
    anchorFile: string;
    /** The most rows one export writes (more: refused). */
    exportMaxRows: number;
  };
  /** Admission control: how many submits run at once, how many wait and how long (per process). */
  admission: { submit: { maxInFlight: number; queueLength: number; queueTimeoutMs: number } };
  /** Jobs run at once per worker process, per queue that reads a setting. */
  worker: { checksConcurrency: number; notificationsConcurrency: number; databasePoolSize: number };
  publicReads: { eligibilityIpLimitPerMinute: number; readIpLimitPerMinute: number };
  /** The worker's sweep of claims stuck in submitted/checking without a check job. */
  stuckClaims: { ageSeconds: number; sweepIntervalMs: number };
  /** A program version's what-if: up to `syncMaxClaims` claims answered at once, more as a job. */
  whatIf: { syncMaxClaims: number };
  /** Returns (operations.md §6): days a return-after-payout receivable is due in. */
  returns: { receivableDays: number };
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

/** Development-only keys, derived from a public constant: never valid in production. */
function devKey(purpose: string): Buffer {
  return createHash('sha256').update(`huanxin-dev-only:${purpose}`).digest();
}

/** Parses and validates the environment. Throws ConfigError listing every problem at once. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const raw = Object.fromEntries(
    ENV_KEYS.filter((key) => env[key] !== undefined && env[key] !== '').map((key) => [key, env[key]]),
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
      problems.push(
        `APP_SECRET: too weak for production (at least ${MIN_SECRET_LENGTH} random characters, not the development default)`,
      );
  }
  appSecret ??= DEV_APP_SECRET;

  if (isProduction) {
    if (!vars.PII_ENCRYPTION_KEYS)
      problems.push('PII_ENCRYPTION_KEYS: required in production (keyId:base64 of 32 random bytes)');
    if (!vars.PII_INDEX_KEY || vars.PII_INDEX_KEY.length < MIN_SECRET_LENGTH)
      problems.push(
        `PII_INDEX_KEY: required in production (at least ${MIN_SECRET_LENGTH} random characters)`,
      );
    if (vars.SMS_TRANSPORT !== 'http')
      problems.push(`SMS_TRANSPORT: ${vars.SMS_TRANSPORT} does not exist in production (use http)`);
    // Cookies are Secure in production whatever the origin says; an http:// origin would make the
    // CSRF check compare against a scheme browsers never send, and links point to plain HTTP.
    if (!vars.PUBLIC_ORIGIN)
      problems.push('PUBLIC_ORIGIN: required in production (https://…, the portal address users see)');
    else if (!vars.PUBLIC_ORIGIN.startsWith('https://'))
      problems.push('PUBLIC_ORIGIN: must be https:// in production');
  }
  if (vars.SMS_TRANSPORT === 'http' && !vars.SMS_HTTP_URL)
    problems.push('SMS_HTTP_URL: required when SMS_TRANSPORT=http');
  const piiKeys = (vars.PII_ENCRYPTION_KEYS ?? `dev:${devKey('pii-encryption').toString('base64')}`)
    .split(',')
    .map((pair) => {
      const [id, key] = pair.split(':') as [string, string];
      return { id, key: Buffer.from(key, 'base64') };
    });
  if (new Set(piiKeys.map((k) => k.id)).size !== piiKeys.length)
    problems.push('PII_ENCRYPTION_KEYS: key ids must be unique');
  if (vars.STORAGE_DRIVER === 's3') {
    for (const key of ['S3_ENDPOINT', 'S3_BUCKET', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'] as const) {
      if (!vars[key]) problems.push(`${key}: required when STORAGE_DRIVER=s3`);
    }
  }
  if (problems.length > 0) throw new ConfigError(problems);

  return {
    env: vars.NODE_ENV,
    isProduction,
    http: {
      port: vars.PORT,
      publicOrigin: vars.PUBLIC_ORIGIN?.replace(/\/+$/, ''),
      trustProxy: vars.TRUST_PROXY,
      bodyLimitBytes: vars.BODY_LIMIT_BYTES,
      apiDocs: (vars.API_DOCS ?? (isProduction ? 'off' : 'on')) === 'on',
    },
    database: {
      url: vars.DATABASE_URL,
      poolSize: vars.DATABASE_POOL_SIZE,
      genericPoolSize: vars.DATABASE_GENERIC_POOL_SIZE,
      preparedStatements: vars.DATABASE_PREPARED_STATEMENTS,
      poolTimeoutMs: vars.DATABASE_POOL_TIMEOUT_MS,
      createIfMissing: !isProduction,
    },
    redis: { url: vars.REDIS_URL, prefix: vars.REDIS_PREFIX },
    sessionCache: { entries: vars.SESSION_CACHE_ENTRIES },
    storage: {
      dataDir: path.resolve(vars.DATA_DIR),
      driver: vars.STORAGE_DRIVER,
      s3:
        vars.STORAGE_DRIVER === 's3'
          ? {
              endpoint: vars.S3_ENDPOINT!.replace(/\/+$/, ''),
              bucket: vars.S3_BUCKET!,
              region: vars.S3_REGION,
              accessKeyId: vars.S3_ACCESS_KEY_ID!,
              secretAccessKey: vars.S3_SECRET_ACCESS_KEY!,
            }
          : undefined,
    },
    web: {
      distDir: path.resolve(vars.WEB_DIST_DIR ?? path.join(__dirname, '..', '..', '..', 'web', 'dist')),
    },
    bodyTimeouts: { uploadMs: vars.UPLOAD_TIMEOUT_MS, requestMs: vars.REQUEST_TIMEOUT_MS },
    log: { level: vars.LOG_LEVEL },
    secrets: { appSecret },
    pii: {
      keys: piiKeys,
      indexKey: vars.PII_INDEX_KEY ? Buffer.from(vars.PII_INDEX_KEY, 'utf8') : devKey('pii-blind-index'),
    },
    sms: { transport: vars.SMS_TRANSPORT, httpUrl: vars.SMS_HTTP_URL, httpToken: vars.SMS_HTTP_TOKEN },
    auth: {
      staffMfa: vars.STAFF_MFA ?? (isProduction ? 'totp' : 'off'),
      otpIpLimitPerHour: vars.OTP_IP_LIMIT_PER_HOUR,
      authIpLimitPerHour: vars.AUTH_IP_LIMIT_PER_HOUR,
      writeLimitPerMinute: vars.WRITE_LIMIT_PER_MINUTE,
      demoPassword: isProduction ? undefined : vars.DEMO_PASSWORD,
      passwordBlocklistFile: vars.PASSWORD_BLOCKLIST_FILE,
      // Production is always behind HTTPS (PUBLIC_ORIGIN must be https:// there).
      secureCookies: isProduction || (vars.PUBLIC_ORIGIN ?? '').startsWith('https:'),
    },
    reveal: { limitPerDay: vars.REVEAL_LIMIT_PER_DAY },
    audit: {
      sequencerIntervalMs: vars.AUDIT_SEQUENCER_INTERVAL_MS,
      unchainedMaxAgeSeconds: vars.AUDIT_UNCHAINED_MAX_AGE_SECONDS,
      anchorFile: path.resolve(vars.AUDIT_ANCHOR_FILE ?? path.join(vars.DATA_DIR, 'audit', 'anchors.jsonl')),
      exportMaxRows: vars.AUDIT_EXPORT_MAX_ROWS,
    },
    admission: {
      submit: {
        maxInFlight: vars.SUBMIT_MAX_IN_FLIGHT,
        queueLength: vars.SUBMIT_QUEUE_LENGTH,
        queueTimeoutMs: vars.SUBMIT_QUEUE_TIMEOUT_MS,
      },
    },
    publicReads: {
      eligibilityIpLimitPerMinute: vars.ELIGIBILITY_IP_LIMIT_PER_MINUTE,
      readIpLimitPerMinute: vars.PUBLIC_READ_IP_LIMIT_PER_MINUTE,
    },
    worker: {
      checksConcurrency: vars.CHECKS_CONCURRENCY,
      notificationsConcurrency: vars.NOTIFICATIONS_CONCURRENCY,
      databasePoolSize: vars.WORKER_DATABASE_POOL_SIZE,
    },
    stuckClaims: {
      ageSeconds: vars.STUCK_CLAIM_AGE_SECONDS,
      sweepIntervalMs: vars.STUCK_CLAIM_SWEEP_INTERVAL_MS,
    },
    whatIf: { syncMaxClaims: vars.WHAT_IF_SYNC_MAX_CLAIMS },
    returns: { receivableDays: vars.RETURN_RECEIVABLE_DAYS },
  };
}
