"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.incrWindow = incrWindow;
/**
 * INCR and EXPIRE in one Lua script, so a counter never exists without a TTL: a client that dies
 * (or a connection that drops) between the two commands, or a DEL racing a re-creation, cannot
 * leave a key that lives for ever. The TTL is set only when the key has none (a fixed window that
 * starts with its first hit); the answer is the new count and the seconds left in the window.
 */
const INCR_WINDOW = `
local count = redis.call('INCR', KEYS[1])
local ttl = redis.call('TTL', KEYS[1])
if ttl < 0 then
  redis.call('EXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
return {count, ttl}
`;
/** Counts one hit in the fixed window `key` (created with a TTL of `windowSeconds`). */
async function incrWindow(redis, key, windowSeconds) {
    const [count, ttl] = (await redis.eval(INCR_WINDOW, 1, key, windowSeconds));
    return { count: Number(count), ttl: Number(ttl) };
}
//# sourceMappingURL=counters.js.map