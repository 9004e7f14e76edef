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
var __param = (this && this.__param) || function (paramIndex, decorator) {
    return function (target, key) { decorator(target, key, paramIndex); }
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.SessionService = exports.SESSION_CACHE = exports.SESSION_KEY_PREFIX = exports.SESSION_TOUCH_INTERVAL_MS = exports.ABSOLUTE_TIMEOUT_MS = exports.IDLE_TIMEOUT_MS = void 0;
const node_crypto_1 = require("node:crypto");
const common_1 = require("@nestjs/common");
const clock_1 = require("../common/clock");
const micro_batch_1 = require("../common/http/micro-batch");
const redis_module_1 = require("../redis/redis.module");
const MINUTE = 60_000;
/** Idle timeouts (ASVS 7.3.1; 等保 登录连接超时自动退出): residents 30 min, staff and dealers 15 min. */
exports.IDLE_TIMEOUT_MS = {
    resident: 30 * MINUTE,
    staff: 15 * MINUTE,
};
/** Absolute lifetime whatever the activity (ASVS 7.3.2). */
exports.ABSOLUTE_TIMEOUT_MS = 8 * 60 * MINUTE;
/**
 * A request slides the idle timeout (rewrites the session with a new TTL) only when the last slide
 * is at least this old, so most requests cost one Redis GET instead of a GET and a SET. Activity in
 * between is not recorded, so a session can end up to this much EARLIER than its idle timeout after
 * the last request (a resident idle 29 min 30 s may be signed out), never later.
 */
exports.SESSION_TOUCH_INTERVAL_MS = MINUTE;
function idleTimeout(role) {
    return role === 'resident' ? exports.IDLE_TIMEOUT_MS.resident : exports.IDLE_TIMEOUT_MS.staff;
}
/** The Redis keys of sessions (under the client's REDIS_PREFIX). */
exports.SESSION_KEY_PREFIX = 'sess:';
/** The optional in-process cache of stored sessions (SESSION_CACHE_ENTRIES; AuthCoreModule). */
exports.SESSION_CACHE = Symbol('SESSION_CACHE');
/**
 * Server-side sessions in Redis. The cookie holds an opaque 256-bit random id; Redis holds only its
 * SHA-256, so a copy of Redis gives no usable cookie. A user's sessions are indexed so that
 * disabling the account ends them all.
 */
let SessionService = class SessionService {
    constructor(redis, clock, cache) {
        this.redis = redis;
        this.clock = clock;
        this.cache = cache;
        /**
         * Session look-ups of requests that arrive together are answered at the end of the loop turn:
         * from the cache, which Redis's invalidations (all of this turn's included) keep exact, and the
         * rest from Redis as one MGET.
         */
        this.reads = new micro_batch_1.MicroBatch((keys) => this.cache ? this.cache.read(keys, (missing) => this.redis.mget(...missing)) : this.redis.mget(...keys));
    }
    async onApplicationShutdown() {
        await this.cache?.stop();
    }
    async create(user) {
        const id = (0, node_crypto_1.randomBytes)(32).toString('base64url');
        const now = this.clock.now().getTime();
        const session = {
            userId: user.id,
            role: user.role,
            displayName: user.displayName,
            organizationId: user.organizationId,
            createdAt: now,
            lastSeenAt: now,
        };
        const key = sessionKey(id);
        await this.redis
            .multi()
            .set(key, JSON.stringify(session), 'PX', idleTimeout(user.role))
            .sadd(userIndexKey(user.id), key)
            .pexpire(userIndexKey(user.id), exports.ABSOLUTE_TIMEOUT_MS)
            .exec();
        return id;
    }
    /**
     * The session's user, sliding the idle timeout (at most once per SESSION_TOUCH_INTERVAL_MS);
     * null when absent, idle too long or too old.
     */
    async resolve(id) {
        if (!/^[A-Za-z0-9_-]{43}$/.test(id))
            return null;
        const key = sessionKey(id);
        const raw = await this.reads.load(key);
        if (!raw)
            return null;
        const session = JSON.parse(raw);
        const now = this.clock.now().getTime();
        const idle = idleTimeout(session.role);
        const absoluteLeft = session.createdAt + exports.ABSOLUTE_TIMEOUT_MS - now;
        if (now - session.lastSeenAt > idle || absoluteLeft <= 0) {
            await this.destroyKey(key, session.userId);
            return null;
        }
        if (now - session.lastSeenAt >= exports.SESSION_TOUCH_INTERVAL_MS) {
            session.lastSeenAt = now;
            this.cache?.forget(key);
            await this.redis.set(key, JSON.stringify(session), 'PX', Math.min(idle, absoluteLeft), 'XX');
        }
        return {
            id: session.userId,
            role: session.role,
            displayName: session.displayName,
            organizationId: session.organizationId,
            sessionId: id,
        };
    }
    async destroy(id) {
        const key = sessionKey(id);
        const raw = await this.redis.get(key);
        const userId = raw ? JSON.parse(raw).userId : undefined;
        await this.destroyKey(key, userId);
    }
    /** Ends every session of a user (account disabled, role changed, password reset). */
    async destroyAllForUser(userId) {
        // Members are the session keys as this client names them (the key prefix applies on use).
        const keys = await this.redis.smembers(userIndexKey(userId));
        for (const key of keys)
            this.cache?.forget(key);
        const pipeline = this.redis.multi();
        if (keys.length)
            pipeline.del(...keys);
        pipeline.del(userIndexKey(userId));
        await pipeline.exec();
        return keys.length;
    }
    async destroyKey(key, userId) {
        this.cache?.forget(key);
        const pipeline = this.redis.multi().del(key);
        if (userId)
            pipeline.srem(userIndexKey(userId), key);
        await pipeline.exec();
    }
};
exports.SessionService = SessionService;
exports.SessionService = SessionService = __decorate([
    (0, common_1.Injectable)(),
    __param(0, (0, redis_module_1.InjectRedis)()),
    __param(2, (0, common_1.Optional)()),
    __param(2, (0, common_1.Inject)(exports.SESSION_CACHE)),
    __metadata("design:paramtypes", [Function, clock_1.Clock, Object])
], SessionService);
function sessionKey(id) {
    // One-shot hash: no Hash object per request (this runs on every signed-in request).
    return `${exports.SESSION_KEY_PREFIX}${(0, node_crypto_1.hash)('sha256', id, 'base64url')}`;
}
function userIndexKey(userId) {
    return `usess:${userId}`;
}
//# sourceMappingURL=session.service.js.map