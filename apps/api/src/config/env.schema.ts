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
  'DATABASE_GENERIC_POOL_SIZE',
  'DATABASE_PREPARED_STATEMENTS',
  'REDIS_URL',
  'REDIS_PREFIX',
  'SESSION_CACHE_ENTRIES',
  'DATA_DIR',
  'WEB_DIST_DIR',
  'LOG_LEVEL',
  'BODY_LIMIT_BYTES',
  'APP_SECRET',
  'PII_ENCRYPTION_KEYS',
  'PII_INDEX_KEY',
  'SMS_TRANSPORT',
  'SMS_HTTP_URL',
  'SMS_HTTP_TOKEN',
  'OTP_IP_LIMIT_PER_HOUR',
  'AUTH_IP_LIMIT_PER_HOUR',
  'WRITE_LIMIT_PER_MINUTE',
  'STAFF_MFA',
  'DEMO_PASSWORD',
  'PASSWORD_BLOCKLIST_FILE',
  'STORAGE_DRIVER',
  'S3_ENDPOINT',
  'S3_BUCKET',
  'S3_REGION',
  'S3_ACCESS_KEY_ID',
  'S3_SECRET_ACCESS_KEY',
  'UPLOAD_TIMEOUT_MS',
  'REQUEST_TIMEOUT_MS',
  'REVEAL_LIMIT_PER_DAY',
  'API_DOCS',
  // audit chain sequencer (issue 10)
  'AUDIT_SEQUENCER_INTERVAL_MS',
  'AUDIT_UNCHAINED_MAX_AGE_SECONDS',
  'AUDIT_ANCHOR_FILE',
  'AUDIT_EXPORT_MAX_ROWS',
  'DATABASE_POOL_TIMEOUT_MS',
  'SUBMIT_MAX_IN_FLIGHT',
  'SUBMIT_QUEUE_LENGTH',
  'SUBMIT_QUEUE_TIMEOUT_MS',
  'ELIGIBILITY_IP_LIMIT_PER_MINUTE',
  'PUBLIC_READ_IP_LIMIT_PER_MINUTE',
  'CHECKS_CONCURRENCY',
  'WORKER_DATABASE_POOL_SIZE',
  'NOTIFICATIONS_CONCURRENCY',
  'STUCK_CLAIM_AGE_SECONDS',
  'STUCK_CLAIM_SWEEP_INTERVAL_MS',
  // what-if on real claims (issue 15)
  'WHAT_IF_SYNC_MAX_CLAIMS',
  'RETURN_RECEIVABLE_DAYS',
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

  /**
   * Connections per API process, besides DATABASE_POOL_SIZE, for the hot reads sent with generic
   * plans (database/generic-plan-reads.ts: the resident's list). Batched, so a few suffice.
   */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  DATABASE_GENERIC_POOL_SIZE = 4;

  /**
   * Statements each database connection keeps prepared, those it sends most (database/auto-prepare.ts);
   * 0 sends every statement unnamed (for a pooler that does not keep prepared statements).
   */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(10_000)
  DATABASE_PREPARED_STATEMENTS = 200;

  @Matches(/^rediss?:\/\//, { message: 'REDIS_URL must be a redis:// or rediss:// URL' })
  REDIS_URL = 'redis://127.0.0.1:6379/0';

  /** Prefix for every Redis key (sessions, limits, queues), so two runs can share one Redis. */
  @Matches(/^[A-Za-z0-9_.-]{1,64}$/, { message: 'REDIS_PREFIX may hold letters, digits, _ . - (max 64)' })
  REDIS_PREFIX = 'huanxin';

  /**
   * Sessions kept in each API process, invalidated by Redis (redis/tracked-cache.ts); 0: every
   * signed-in request reads its session from Redis.
   */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(10_000_000)
  SESSION_CACHE_ENTRIES = 100_000;

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

  /**
   * Keys for field encryption of personal data (AES-256-GCM): `keyId:base64(32 bytes)` pairs,
   * comma-separated, the first one encrypts; the others still decrypt (rotation). Required in production.
   */
  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{1,16}:[A-Za-z0-9+/]{43}=(,[A-Za-z0-9_-]{1,16}:[A-Za-z0-9+/]{43}=)*$/, {
    message: 'PII_ENCRYPTION_KEYS must be keyId:base64(32 bytes)[,keyId:base64…]',
  })
  PII_ENCRYPTION_KEYS?: string;

  /** Key of the HMAC blind index used to look up and de-duplicate ID, phone and card numbers. */
  @IsOptional()
  @IsString()
  PII_INDEX_KEY?: string;

  /** How SMS leaves the system: `dev-outbox` (stored, readable via /api/dev/sms-outbox), `console`, or `http`. */
  @IsIn(['dev-outbox', 'console', 'http'])
  SMS_TRANSPORT: 'dev-outbox' | 'console' | 'http' = 'dev-outbox';

  @IsOptional()
  @IsUrl({ require_tld: false, require_protocol: true, protocols: ['http', 'https'] })
  SMS_HTTP_URL?: string;

  @IsOptional()
  @IsString()
  SMS_HTTP_TOKEN?: string;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  OTP_IP_LIMIT_PER_HOUR = 20;

  /** Password sign-in attempts per client address per hour (per-account lockout is separate). */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  AUTH_IP_LIMIT_PER_HOUR = 100;

  /** Writes (POST/PUT/PATCH/DELETE) per signed-in user per minute; per user, not per IP (carrier NAT). */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  WRITE_LIMIT_PER_MINUTE = 120;

  /** Second factor for staff: `totp` (production default) or `off`. */
  @IsOptional()
  @IsIn(['totp', 'off'])
  STAFF_MFA?: 'totp' | 'off';

  /** Password of the demo accounts seeded outside production. */
  @IsString()
  @MinLength(12)
  DEMO_PASSWORD = 'demo-password-2026';

  /** Extra breached/common passwords, one per line (e.g. an offline breach corpus extract). */
  @IsOptional()
  @IsString()
  PASSWORD_BLOCKLIST_FILE?: string;

  /** Where uploaded documents are kept: `local` (DATA_DIR) or `s3` (S3-compatible object storage). */
  @IsIn(['local', 's3'])
  STORAGE_DRIVER: 'local' | 's3' = 'local';

  /** S3-compatible endpoint, path-style (e.g. https://oss.example.gov.cn or http://minio:9000). */
  @IsOptional()
  @IsUrl({ require_tld: false, require_protocol: true, protocols: ['http', 'https'] })
  S3_ENDPOINT?: string;

  @IsOptional()
  @Matches(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, { message: 'S3_BUCKET must be a valid bucket name' })
  S3_BUCKET?: string;

  @IsString()
  S3_REGION = 'us-east-1';

  @IsOptional()
  @IsString()
  S3_ACCESS_KEY_ID?: string;

  @IsOptional()
  @IsString()
  S3_SECRET_ACCESS_KEY?: string;

  /** Time to receive a whole multipart upload (from its headers to its closing boundary); then 408. */
  @Type(() => Number)
  @IsInt()
  @Min(100)
  @Max(3_600_000)
  UPLOAD_TIMEOUT_MS = 60_000;

  /** Time to receive any other request's body; then 408 (the work the request asks for is not limited). */
  @Type(() => Number)
  @IsInt()
  @Min(100)
  @Max(3_600_000)
  REQUEST_TIMEOUT_MS = 15_000;

  /** Full personal-data reveals per reviewer per calendar day (Asia/Shanghai); beyond: 429 and an audit alert. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(10_000)
  REVEAL_LIMIT_PER_DAY = 20;

  /** OpenAPI document and UI at /api/docs: `on` or `off`; default on, and off in production. */
  @IsOptional()
  @IsIn(['on', 'off'])
  API_DOCS?: 'on' | 'off';

  /** How often the worker's audit sequencer chains newly committed audit rows. */
  @Type(() => Number)
  @IsInt()
  @Min(50)
  @Max(60_000)
  AUDIT_SEQUENCER_INTERVAL_MS = 1000;

  /** An audit row committed but left unchained longer than this fails `GET /api/audit/verify`. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(86_400)
  AUDIT_UNCHAINED_MAX_AGE_SECONDS = 60;

  /**
   * The append-only file the worker writes the audit chain's head to once a day (default
   * `<DATA_DIR>/audit/anchors.jsonl`). Put it where the database's administrators cannot rewrite it.
   */
  @IsOptional()
  @IsString()
  @MinLength(1)
  AUDIT_ANCHOR_FILE?: string;

  /**
   * The most rows one audit export (`GET /api/audit/export`) writes; a filter matching more is
   * refused with 422 AUDIT_EXPORT_TOO_LARGE rather than cut (an auditor must not take part of the
   * log for all of it). 100k rows is about 40 MB of CSV.
   */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  AUDIT_EXPORT_MAX_ROWS = 100_000;

  /**
   * Longest wait for a free database connection (pg pool `connectionTimeoutMillis`); then the
   * request gets 503 SERVICE_UNAVAILABLE with Retry-After instead of queueing without bound.
   */
  @Type(() => Number)
  @IsInt()
  @Min(100)
  @Max(600_000)
  DATABASE_POOL_TIMEOUT_MS = 3000;

  /**
   * Submits running at once per process. Each holds a connection for its transaction: the default
   * leaves two of the default eight for everything else.
   */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  SUBMIT_MAX_IN_FLIGHT = 6;

  /**
   * Submits waiting for a slot per process; one more gets 503 with Retry-After at once (in an
   * onRequest hook, before its body or session). With SUBMIT_MAX_IN_FLIGHT 6, 16 are held at once:
   * an admitted submit waits behind at most 15 others (~0.1–0.2 s on 2 cores), so the queue itself
   * keeps admitted submits well inside 1 s at p99; a longer queue only makes the wait longer.
   */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(100_000)
  SUBMIT_QUEUE_LENGTH = 10;

  /**
   * Longest wait for a submit slot; then 503 with Retry-After. A backstop for when submits slow
   * down: half of the 1 s an admitted submit may take at p99 (issue 10), the rest is the submit.
   */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(600_000)
  SUBMIT_QUEUE_TIMEOUT_MS = 500;

  /** Anonymous eligibility checks per client address per minute: sized for carrier NAT, not one person. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  ELIGIBILITY_IP_LIMIT_PER_MINUTE = 1200;

  /** Reads of the public program pages per client address per minute, per API process (in memory). */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  PUBLIC_READ_IP_LIMIT_PER_MINUTE = 6000;

  /**
   * Automated-check jobs (queue `applications`) one worker process runs at once. The jobs running
   * together are checked as one batch (ChecksProcessor: set-based queries, one short transaction),
   * at most two batches at a time on one connection each, so this bounds the batch size, not the
   * connections: high enough that a batch gathers what arrived while the last one ran.
   */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(256)
  CHECKS_CONCURRENCY = 128;

  /**
   * Database connections of the worker process (the API's stay DATABASE_POOL_SIZE). The check and
   * notification jobs run in batches, at most two per queue at once, each on one connection; the
   * relay, the audit sequencer and the stuck-claim sweep take one each.
   */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  WORKER_DATABASE_POOL_SIZE = 24;

  /**
   * Notification jobs (queue `notifications`: a review decision's notice, a check batch's
   * `in_review` notices in one job; a submission's notice goes with its check job) one worker
   * process runs at once; like the checks, the events of those running together are one batch.
   */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(256)
  NOTIFICATIONS_CONCURRENCY = 64;

  /**
   * A claim left in `submitted`/`checking` this long with no check job queued (Redis lost its
   * data, a job vanished) gets its check job again from the worker's stuck-claim sweep.
   */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(86_400)
  STUCK_CLAIM_AGE_SECONDS = 120;

  /** How often the worker's stuck-claim sweep looks for such claims. */
  @Type(() => Number)
  @IsInt()
  @Min(100)
  @Max(3_600_000)
  STUCK_CLAIM_SWEEP_INTERVAL_MS = 30_000;

  /**
   * A what-if over at most this many claims (every status but draft) is answered at once; a larger
   * one runs as a job (queue `programs`) whose progress the console polls.
   */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  WHAT_IF_SYNC_MAX_CLAIMS = 2_000;

  /**
   * Days a dealer has to pay back the subsidy of a sale returned after payout (operations.md §6:
   * 10); overdue, its new payouts are held.
   */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(365)
  RETURN_RECEIVABLE_DAYS = 10;
}
