"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.LocalRateLimit = void 0;
/**
 * An approximate per-key limit kept in this process's memory: a fixed window per key, no Redis
 * round trip. For cheap public reads answered from memory, where a Redis INCR would cost more than
 * the answer; writes and sign-in keep their Redis-backed limits (common across replicas, exact).
 *
 * Trade-offs: each API replica counts on its own, so with N replicas an address may make up to N×
 * `limit` reads a window (a bound against one address flooding, not a quota); a restart forgets the
 * counts. Memory is bounded: every window starts with an empty table, and one that fills up with
 * `maxKeys` addresses (only possible through a trusted proxy's X-Forwarded-For) is emptied too.
 */
class LocalRateLimit {
    constructor(limit, windowMs, maxKeys = 100_000) {
        this.limit = limit;
        this.windowMs = windowMs;
        this.maxKeys = maxKeys;
        this.windowStart = -Infinity;
        this.counts = new Map();
    }
    /**
     * Counts one hit for `key` at `nowMs`: null when allowed, else the seconds until the window ends
     * (for Retry-After).
     */
    hit(key, nowMs) {
        if (nowMs >= this.windowStart + this.windowMs || nowMs < this.windowStart) {
            this.windowStart = nowMs - (nowMs % this.windowMs);
            this.counts = new Map();
        }
        const count = (this.counts.get(key) ?? 0) + 1;
        if (count > this.limit)
            return Math.max(1, Math.ceil((this.windowStart + this.windowMs - nowMs) / 1000));
        if (!this.counts.has(key) && this.counts.size >= this.maxKeys)
            this.counts = new Map();
        this.counts.set(key, count);
        return null;
    }
}
exports.LocalRateLimit = LocalRateLimit;
//# sourceMappingURL=local-rate-limit.js.map