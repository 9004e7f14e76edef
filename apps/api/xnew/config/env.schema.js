"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.EnvironmentVariables = exports.ENV_KEYS = exports.NODE_ENVS = void 0;
const class_transformer_1 = require("class-transformer");
const class_validator_1 = require("class-validator");
exports.NODE_ENVS = ['development', 'test', 'production'];
/** Every variable read from the environment (kept in step with turbo.json by a unit test). */
exports.ENV_KEYS = [
    'NODE_ENV',
    'PORT',
    'PUBLIC_ORIGIN',
    'TRUST_PROXY',
    'DATABASE_URL',
    'DATABASE_POOL_SIZE',
    'DATABASE_GENERIC_POOL_SIZE',
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
];
/**
 * Every environment variable the API and the worker read. Validated once at boot; nothing else in
 * the code base reads `process.env`. Names are listed in turbo.json `globalPassThroughEnv` too
 * (a unit test keeps the two in step).
 */
class EnvironmentVariables {
    constructor() {
        this.NODE_ENV = 'development';
        this.PORT = 3000;
        /** Trust X-Forwarded-* from this many proxy hops (0 = none). */
        this.TRUST_PROXY = 0;
        this.DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/huanxin';
        /** Small on purpose: the budget row is hot, and more connections mean lower throughput on it. */
        this.DATABASE_POOL_SIZE = 8;
        /**
         * Connections per API process, besides DATABASE_POOL_SIZE, for the hot reads sent with generic
         * plans (database/generic-plan-reads.ts: the resident's list). Batched, so a few suffice.
         */
        this.DATABASE_GENERIC_POOL_SIZE = 4;
        this.REDIS_URL = 'redis://127.0.0.1:6379/0';
        /** Prefix for every Redis key (sessions, limits, queues), so two runs can share one Redis. */
        this.REDIS_PREFIX = 'huanxin';
        /**
         * Sessions kept in each API process, invalidated by Redis (redis/tracked-cache.ts); 0: every
         * signed-in request reads its session from Redis.
         */
        this.SESSION_CACHE_ENTRIES = 100_000;
        this.DATA_DIR = './data';
        this.LOG_LEVEL = 'info';
        /** Largest JSON body accepted (uploads have their own limit). */
        this.BODY_LIMIT_BYTES = 1024 * 1024;
        /** How SMS leaves the system: `dev-outbox` (stored, readable via /api/dev/sms-outbox), `console`, or `http`. */
        this.SMS_TRANSPORT = 'dev-outbox';
        this.OTP_IP_LIMIT_PER_HOUR = 20;
        /** Password sign-in attempts per client address per hour (per-account lockout is separate). */
        this.AUTH_IP_LIMIT_PER_HOUR = 100;
        /** Writes (POST/PUT/PATCH/DELETE) per signed-in user per minute; per user, not per IP (carrier NAT). */
        this.WRITE_LIMIT_PER_MINUTE = 120;
        /** Password of the demo accounts seeded outside production. */
        this.DEMO_PASSWORD = 'demo-password-2026';
        /** Where uploaded documents are kept: `local` (DATA_DIR) or `s3` (S3-compatible object storage). */
        this.STORAGE_DRIVER = 'local';
        this.S3_REGION = 'us-east-1';
        /** Time to receive a whole multipart upload (from its headers to its closing boundary); then 408. */
        this.UPLOAD_TIMEOUT_MS = 60_000;
        /** Time to receive any other request's body; then 408 (the work the request asks for is not limited). */
        this.REQUEST_TIMEOUT_MS = 15_000;
        /** Full personal-data reveals per reviewer per calendar day (Asia/Shanghai); beyond: 429 and an audit alert. */
        this.REVEAL_LIMIT_PER_DAY = 20;
        /** How often the worker's audit sequencer chains newly committed audit rows. */
        this.AUDIT_SEQUENCER_INTERVAL_MS = 1000;
        /** An audit row committed but left unchained longer than this fails `GET /api/audit/verify`. */
        this.AUDIT_UNCHAINED_MAX_AGE_SECONDS = 60;
        /**
         * The most rows one audit export (`GET /api/audit/export`) writes; a filter matching more is
         * refused with 422 AUDIT_EXPORT_TOO_LARGE rather than cut (an auditor must not take part of the
         * log for all of it). 100k rows is about 40 MB of CSV.
         */
        this.AUDIT_EXPORT_MAX_ROWS = 100_000;
        /**
         * Longest wait for a free database connection (pg pool `connectionTimeoutMillis`); then the
         * request gets 503 SERVICE_UNAVAILABLE with Retry-After instead of queueing without bound.
         */
        this.DATABASE_POOL_TIMEOUT_MS = 3000;
        /**
         * Submits running at once per process. Each holds a connection for its transaction: the default
         * leaves two of the default eight for everything else.
         */
        this.SUBMIT_MAX_IN_FLIGHT = 6;
        /**
         * Submits waiting for a slot per process; one more gets 503 with Retry-After at once (in an
         * onRequest hook, before its body or session). With SUBMIT_MAX_IN_FLIGHT 6, 16 are held at once:
         * an admitted submit waits behind at most 15 others (~0.1–0.2 s on 2 cores), so the queue itself
         * keeps admitted submits well inside 1 s at p99; a longer queue only makes the wait longer.
         */
        this.SUBMIT_QUEUE_LENGTH = 10;
        /**
         * Longest wait for a submit slot; then 503 with Retry-After. A backstop for when submits slow
         * down: half of the 1 s an admitted submit may take at p99 (issue 10), the rest is the submit.
         */
        this.SUBMIT_QUEUE_TIMEOUT_MS = 500;
        /** Anonymous eligibility checks per client address per minute: sized for carrier NAT, not one person. */
        this.ELIGIBILITY_IP_LIMIT_PER_MINUTE = 1200;
        /** Reads of the public program pages per client address per minute, per API process (in memory). */
        this.PUBLIC_READ_IP_LIMIT_PER_MINUTE = 6000;
        /**
         * Automated-check jobs (queue `applications`) one worker process runs at once. The jobs running
         * together are checked as one batch (ChecksProcessor: set-based queries, one short transaction),
         * at most two batches at a time on one connection each, so this bounds the batch size, not the
         * connections: high enough that a batch gathers what arrived while the last one ran.
         */
        this.CHECKS_CONCURRENCY = 64;
        /**
         * Database connections of the worker process (the API's stay DATABASE_POOL_SIZE). The check and
         * notification jobs run in batches, at most two per queue at once, each on one connection; the
         * relay, the audit sequencer and the stuck-claim sweep take one each.
         */
        this.WORKER_DATABASE_POOL_SIZE = 24;
        /**
         * Notification jobs (queue `notifications`: one per status the resident sees, two per checked
         * claim) one worker process runs at once; like the checks, those running together are one batch.
         */
        this.NOTIFICATIONS_CONCURRENCY = 32;
        /**
         * A claim left in `submitted`/`checking` this long with no check job queued (Redis lost its
         * data, a job vanished) gets its check job again from the worker's stuck-claim sweep.
         */
        this.STUCK_CLAIM_AGE_SECONDS = 120;
        /** How often the worker's stuck-claim sweep looks for such claims. */
        this.STUCK_CLAIM_SWEEP_INTERVAL_MS = 30_000;
        /**
         * A what-if over at most this many claims (every status but draft) is answered at once; a larger
         * one runs as a job (queue `programs`) whose progress the console polls.
         */
        this.WHAT_IF_SYNC_MAX_CLAIMS = 2_000;
        /**
         * Days a dealer has to pay back the subsidy of a sale returned after payout (operations.md §6:
         * 10); overdue, its new payouts are held.
         */
        this.RETURN_RECEIVABLE_DAYS = 10;
    }
}
exports.EnvironmentVariables = EnvironmentVariables;
__decorate([
    (0, class_validator_1.IsIn)(exports.NODE_ENVS),
    __metadata("design:type", String)
], EnvironmentVariables.prototype, "NODE_ENV", void 0);
__decorate([
    (0, class_transformer_1.Type)(() => Number),
    (0, class_validator_1.IsInt)(),
    (0, class_validator_1.Min)(0),
    (0, class_validator_1.Max)(65535),
    __metadata("design:type", Object)
], EnvironmentVariables.prototype, "PORT", void 0);
__decorate([
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsUrl)({ require_tld: false, require_protocol: true, protocols: ['http', 'https'] }),
    __metadata("design:type", String)
], EnvironmentVariables.prototype, "PUBLIC_ORIGIN", void 0);
__decorate([
    (0, class_transformer_1.Type)(() => Number),
    (0, class_validator_1.IsInt)(),
    (0, class_validator_1.Min)(0),
    (0, class_validator_1.Max)(10),
    __metadata("design:type", Object)
], EnvironmentVariables.prototype, "TRUST_PROXY", void 0);
__decorate([
    (0, class_validator_1.Matches)(/^postgres(ql)?:\/\//, { message: 'DATABASE_URL must be a postgres:// URL' }),
    __metadata("design:type", Object)
], EnvironmentVariables.prototype, "DATABASE_URL", void 0);
__decorate([
    (0, class_transformer_1.Type)(() => Number),
    (0, class_validator_1.IsInt)(),
    (0, class_validator_1.Min)(1),
    (0, class_validator_1.Max)(100),
    __metadata("design:type", Object)
], EnvironmentVariables.prototype, "DATABASE_POOL_SIZE", void 0);
__decorate([
    (0, class_transformer_1.Type)(() => Number),
    (0, class_validator_1.IsInt)(),
    (0, class_validator_1.Min)(1),
    (0, class_validator_1.Max)(100),
    __metadata("design:type", Object)
], EnvironmentVariables.prototype, "DATABASE_GENERIC_POOL_SIZE", void 0);
__decorate([
    (0, class_validator_1.Matches)(/^rediss?:\/\//, { message: 'REDIS_URL must be a redis:// or rediss:// URL' }),
    __metadata("design:type", Object)
], EnvironmentVariables.prototype, "REDIS_URL", void 0);
__decorate([
    (0, class_validator_1.Matches)(/^[A-Za-z0-9_.-]{1,64}$/, { message: 'REDIS_PREFIX may hold letters, digits, _ . - (max 64)' }),
    __metadata("design:type", Object)
], EnvironmentVariables.prototype, "REDIS_PREFIX", void 0);
__decorate([
    (0, class_transformer_1.Type)(() => Number),
    (0, class_validator_1.IsInt)(),
    (0, class_validator_1.Min)(0),
    (0, class_validator_1.Max)(10_000_000),
    __metadata("design:type", Object)
], EnvironmentVariables.prototype, "SESSION_CACHE_ENTRIES", void 0);
__decorate([
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MinLength)(1),
    __metadata("design:type", Object)
], EnvironmentVariables.prototype, "DATA_DIR", void 0);
__decorate([
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsString)(),
    __metadata("design:type", String)
], EnvironmentVariables.prototype, "WEB_DIST_DIR", void 0);
__decorate([
    (0, class_validator_1.IsIn)(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']),
    __metadata("design:type", Object)
], EnvironmentVariables.prototype, "LOG_LEVEL", void 0);
__decorate([
    (0, class_transformer_1.Type)(() => Number),
    (0, class_validator_1.IsInt)(),
    (0, class_validator_1.Min)(1024),
    (0, class_validator_1.Max)(50 * 1024 * 1024),
    __metadata("design:type", Object)
], EnvironmentVariables.prototype, "BODY_LIMIT_BYTES", void 0);
__decorate([
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsString)(),
    __metadata("design:type", String)
], EnvironmentVariables.prototype, "APP_SECRET", void 0);
__decorate([
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.Matches)(/^[A-Za-z0-9_-]{1,16}:[A-Za-z0-9+/]{43}=(,[A-Za-z0-9_-]{1,16}:[A-Za-z0-9+/]{43}=)*$/, {
        message: 'PII_ENCRYPTION_KEYS must be keyId:base64(32 bytes)[,keyId:base64…]',
    }),
    __metadata("design:type", String)
], EnvironmentVariables.prototype, "PII_ENCRYPTION_KEYS", void 0);
__decorate([
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsString)(),
    __metadata("design:type", String)
], EnvironmentVariables.prototype, "PII_INDEX_KEY", void 0);
__decorate([
    (0, class_validator_1.IsIn)(['dev-outbox', 'console', 'http']),
    __metadata("design:type", String)
], EnvironmentVariables.prototype, "SMS_TRANSPORT", void 0);
__decorate([
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsUrl)({ require_tld: false, require_protocol: true, protocols: ['http', 'https'] }),
    __metadata("design:type", String)
], EnvironmentVariables.prototype, "SMS_HTTP_URL", void 0);
__decorate([
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsString)(),
    __metadata("design:type", String)
], EnvironmentVariables.prototype, "SMS_HTTP_TOKEN", void 0);
__decorate([
    (0, class_transformer_1.Type)(() => Number),
    (0, class_validator_1.IsInt)(),
    (0, class_validator_1.Min)(1),
    __metadata("design:type", Object)
], EnvironmentVariables.prototype, "OTP_IP_LIMIT_PER_HOUR", void 0);
__decorate([
    (0, class_transformer_1.Type)(() => Number),
    (0, class_validator_1.IsInt)(),
    (0, class_validator_1.Min)(1),
    __metadata("design:type", Object)
], EnvironmentVariables.prototype, "AUTH_IP_LIMIT_PER_HOUR", void 0);
__decorate([
    (0, class_transformer_1.Type)(() => Number),
    (0, class_validator_1.IsInt)(),
    (0, class_validator_1.Min)(1),
    __metadata("design:type", Object)
], EnvironmentVariables.prototype, "WRITE_LIMIT_PER_MINUTE", void 0);
__decorate([
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsIn)(['totp', 'off']),
    __metadata("design:type", String)
], EnvironmentVariables.prototype, "STAFF_MFA", void 0);
__decorate([
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MinLength)(12),
    __metadata("design:type", Object)
], EnvironmentVariables.prototype, "DEMO_PASSWORD", void 0);
__decorate([
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsString)(),
    __metadata("design:type", String)
], EnvironmentVariables.prototype, "PASSWORD_BLOCKLIST_FILE", void 0);
__decorate([
    (0, class_validator_1.IsIn)(['local', 's3']),
    __metadata("design:type", String)
], EnvironmentVariables.prototype, "STORAGE_DRIVER", void 0);
__decorate([
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsUrl)({ require_tld: false, require_protocol: true, protocols: ['http', 'https'] }),
    __metadata("design:type", String)
], EnvironmentVariables.prototype, "S3_ENDPOINT", void 0);
__decorate([
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.Matches)(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, { message: 'S3_BUCKET must be a valid bucket name' }),
    __metadata("design:type", String)
], EnvironmentVariables.prototype, "S3_BUCKET", void 0);
__decorate([
    (0, class_validator_1.IsString)(),
    __metadata("design:type", Object)
], EnvironmentVariables.prototype, "S3_REGION", void 0);
__decorate([
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsString)(),
    __metadata("design:type", String)
], EnvironmentVariables.prototype, "S3_ACCESS_KEY_ID", void 0);
__decorate([
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsString)(),
    __metadata("design:type", String)
], EnvironmentVariables.prototype, "S3_SECRET_ACCESS_KEY", void 0);
__decorate([
    (0, class_transformer_1.Type)(() => Number),
    (0, class_validator_1.IsInt)(),
    (0, class_validator_1.Min)(100),
    (0, class_validator_1.Max)(3_600_000),
    __metadata("design:type", Object)
], EnvironmentVariables.prototype, "UPLOAD_TIMEOUT_MS", void 0);
__decorate([
    (0, class_transformer_1.Type)(() => Number),
    (0, class_validator_1.IsInt)(),
    (0, class_validator_1.Min)(100),
    (0, class_validator_1.Max)(3_600_000),
    __metadata("design:type", Object)
], EnvironmentVariables.prototype, "REQUEST_TIMEOUT_MS", void 0);
__decorate([
    (0, class_transformer_1.Type)(() => Number),
    (0, class_validator_1.IsInt)(),
    (0, class_validator_1.Min)(1),
    (0, class_validator_1.Max)(10_000),
    __metadata("design:type", Object)
], EnvironmentVariables.prototype, "REVEAL_LIMIT_PER_DAY", void 0);
__decorate([
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsIn)(['on', 'off']),
    __metadata("design:type", String)
], EnvironmentVariables.prototype, "API_DOCS", void 0);
__decorate([
    (0, class_transformer_1.Type)(() => Number),
    (0, class_validator_1.IsInt)(),
    (0, class_validator_1.Min)(50),
    (0, class_validator_1.Max)(60_000),
    __metadata("design:type", Object)
], EnvironmentVariables.prototype, "AUDIT_SEQUENCER_INTERVAL_MS", void 0);
__decorate([
    (0, class_transformer_1.Type)(() => Number),
    (0, class_validator_1.IsInt)(),
    (0, class_validator_1.Min)(1),
    (0, class_validator_1.Max)(86_400),
    __metadata("design:type", Object)
], EnvironmentVariables.prototype, "AUDIT_UNCHAINED_MAX_AGE_SECONDS", void 0);
__decorate([
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MinLength)(1),
    __metadata("design:type", String)
], EnvironmentVariables.prototype, "AUDIT_ANCHOR_FILE", void 0);
__decorate([
    (0, class_transformer_1.Type)(() => Number),
    (0, class_validator_1.IsInt)(),
    (0, class_validator_1.Min)(1),
    (0, class_validator_1.Max)(1_000_000),
    __metadata("design:type", Object)
], EnvironmentVariables.prototype, "AUDIT_EXPORT_MAX_ROWS", void 0);
__decorate([
    (0, class_transformer_1.Type)(() => Number),
    (0, class_validator_1.IsInt)(),
    (0, class_validator_1.Min)(100),
    (0, class_validator_1.Max)(600_000),
    __metadata("design:type", Object)
], EnvironmentVariables.prototype, "DATABASE_POOL_TIMEOUT_MS", void 0);
__decorate([
    (0, class_transformer_1.Type)(() => Number),
    (0, class_validator_1.IsInt)(),
    (0, class_validator_1.Min)(1),
    (0, class_validator_1.Max)(1000),
    __metadata("design:type", Object)
], EnvironmentVariables.prototype, "SUBMIT_MAX_IN_FLIGHT", void 0);
__decorate([
    (0, class_transformer_1.Type)(() => Number),
    (0, class_validator_1.IsInt)(),
    (0, class_validator_1.Min)(0),
    (0, class_validator_1.Max)(100_000),
    __metadata("design:type", Object)
], EnvironmentVariables.prototype, "SUBMIT_QUEUE_LENGTH", void 0);
__decorate([
    (0, class_transformer_1.Type)(() => Number),
    (0, class_validator_1.IsInt)(),
    (0, class_validator_1.Min)(1),
    (0, class_validator_1.Max)(600_000),
    __metadata("design:type", Object)
], EnvironmentVariables.prototype, "SUBMIT_QUEUE_TIMEOUT_MS", void 0);
__decorate([
    (0, class_transformer_1.Type)(() => Number),
    (0, class_validator_1.IsInt)(),
    (0, class_validator_1.Min)(1),
    __metadata("design:type", Object)
], EnvironmentVariables.prototype, "ELIGIBILITY_IP_LIMIT_PER_MINUTE", void 0);
__decorate([
    (0, class_transformer_1.Type)(() => Number),
    (0, class_validator_1.IsInt)(),
    (0, class_validator_1.Min)(1),
    __metadata("design:type", Object)
], EnvironmentVariables.prototype, "PUBLIC_READ_IP_LIMIT_PER_MINUTE", void 0);
__decorate([
    (0, class_transformer_1.Type)(() => Number),
    (0, class_validator_1.IsInt)(),
    (0, class_validator_1.Min)(1),
    (0, class_validator_1.Max)(256),
    __metadata("design:type", Object)
], EnvironmentVariables.prototype, "CHECKS_CONCURRENCY", void 0);
__decorate([
    (0, class_transformer_1.Type)(() => Number),
    (0, class_validator_1.IsInt)(),
    (0, class_validator_1.Min)(1),
    (0, class_validator_1.Max)(100),
    __metadata("design:type", Object)
], EnvironmentVariables.prototype, "WORKER_DATABASE_POOL_SIZE", void 0);
__decorate([
    (0, class_transformer_1.Type)(() => Number),
    (0, class_validator_1.IsInt)(),
    (0, class_validator_1.Min)(1),
    (0, class_validator_1.Max)(256),
    __metadata("design:type", Object)
], EnvironmentVariables.prototype, "NOTIFICATIONS_CONCURRENCY", void 0);
__decorate([
    (0, class_transformer_1.Type)(() => Number),
    (0, class_validator_1.IsInt)(),
    (0, class_validator_1.Min)(1),
    (0, class_validator_1.Max)(86_400),
    __metadata("design:type", Object)
], EnvironmentVariables.prototype, "STUCK_CLAIM_AGE_SECONDS", void 0);
__decorate([
    (0, class_transformer_1.Type)(() => Number),
    (0, class_validator_1.IsInt)(),
    (0, class_validator_1.Min)(100),
    (0, class_validator_1.Max)(3_600_000),
    __metadata("design:type", Object)
], EnvironmentVariables.prototype, "STUCK_CLAIM_SWEEP_INTERVAL_MS", void 0);
__decorate([
    (0, class_transformer_1.Type)(() => Number),
    (0, class_validator_1.IsInt)(),
    (0, class_validator_1.Min)(0),
    (0, class_validator_1.Max)(1_000_000),
    __metadata("design:type", Object)
], EnvironmentVariables.prototype, "WHAT_IF_SYNC_MAX_CLAIMS", void 0);
__decorate([
    (0, class_transformer_1.Type)(() => Number),
    (0, class_validator_1.IsInt)(),
    (0, class_validator_1.Min)(1),
    (0, class_validator_1.Max)(365),
    __metadata("design:type", Object)
], EnvironmentVariables.prototype, "RETURN_RECEIVABLE_DAYS", void 0);
//# sourceMappingURL=env.schema.js.map