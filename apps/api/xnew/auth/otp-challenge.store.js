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
exports.OtpChallengeStore = exports.PHONE_FAILURES_PER_HOUR = exports.OTP_MAX_ATTEMPTS = exports.OTP_TTL_MS = void 0;
exports.phoneFailuresKey = phoneFailuresKey;
const node_crypto_1 = require("node:crypto");
const common_1 = require("@nestjs/common");
const clock_1 = require("../common/clock");
const config_module_1 = require("../config/config.module");
const redis_module_1 = require("../redis/redis.module");
exports.OTP_TTL_MS = 5 * 60_000;
exports.OTP_MAX_ATTEMPTS = 5;
exports.PHONE_FAILURES_PER_HOUR = 20;
const PHONE_FAILURE_WINDOW_SECONDS = 3600;
/**
 * Decides a code in one Lua script, so concurrent tries cannot overtake the counters: the challenge's
 * try count and the phone's hourly failure count are read, compared with their caps, compared with
 * the code, and incremented as one step. A burst of 40 wrong codes therefore checks at most
 * OTP_MAX_ATTEMPTS per challenge and PHONE_FAILURES_PER_HOUR per phone; the rest are refused before
 * any comparison. Every key it creates carries a TTL; the challenge hash is never re-created after a
 * DEL (the old HINCRBY-after-read did that, leaving a key without TTL).
 *
 * KEYS: challenge, dead marker, phone failure counter.
 * ARGV: purpose, given MAC, now (ms), max tries, phone cap, phone window (s), dead marker TTL (ms).
 * The MAC comparison in Lua is not constant-time; it compares HMACs whose key the caller lacks,
 * so timing reveals nothing about the code.
 */
const VERIFY = `
if redis.call('EXISTS', KEYS[2]) == 1 then return {'dead'} end
local c = redis.call('HMGET', KEYS[1], 'codeMac', 'purpose', 'expiresAt', 'phoneEnc')
if not c[1] or c[2] ~= ARGV[1] then return {'missing'} end
if tonumber(ARGV[3]) > tonumber(c[3]) then
  redis.call('DEL', KEYS[1])
  return {'expired'}
end
local failures = tonumber(redis.call('GET', KEYS[3]) or '0')
if failures >= tonumber(ARGV[5]) then
  return {'phone-locked', tostring(redis.call('TTL', KEYS[3]))}
end
if c[1] == ARGV[2] then
  redis.call('DEL', KEYS[1])
  return {'ok', c[4]}
end
local attempts = redis.call('HINCRBY', KEYS[1], 'attempts', 1)
redis.call('INCR', KEYS[3])
if redis.call('TTL', KEYS[3]) < 0 then redis.call('EXPIRE', KEYS[3], ARGV[6]) end
if attempts >= tonumber(ARGV[4]) then
  redis.call('DEL', KEYS[1])
  redis.call('SET', KEYS[2], '1', 'PX', ARGV[7])
end
return {'wrong', tostring(attempts)}
`;
/** SMS challenges in Redis: the code kept only as an HMAC bound to its challenge and purpose. */
let OtpChallengeStore = class OtpChallengeStore {
    constructor(redis, config, clock) {
        this.redis = redis;
        this.config = config;
        this.clock = clock;
    }
    async create(phoneBidx, phoneEnc, purpose) {
        const challengeId = (0, node_crypto_1.randomUUID)();
        const code = (0, node_crypto_1.randomInt)(0, 1_000_000).toString().padStart(6, '0');
        const expiresAt = this.clock.now().getTime() + exports.OTP_TTL_MS;
        const key = challengeKey(challengeId);
        await this.redis
            .multi()
            .hset(key, {
            phoneBidx,
            phoneEnc,
            codeMac: this.mac(challengeId, purpose, code),
            purpose,
            attempts: 0,
            expiresAt,
        })
            .pexpire(key, exports.OTP_TTL_MS + 60_000)
            .exec();
        return { challengeId, code, expiresAt };
    }
    async discard(challengeId) {
        await this.redis.del(challengeKey(challengeId));
    }
    async check(challengeId, code, purpose) {
        const key = challengeKey(challengeId);
        // The phone of a challenge never changes, so reading it before the script is safe.
        const phoneBidx = await this.redis.hget(key, 'phoneBidx');
        if (!phoneBidx) {
            return { result: (await this.redis.exists(deadKey(challengeId))) ? 'dead' : 'missing' };
        }
        const given = this.mac(challengeId, purpose, /^\d{6}$/.test(code) ? code : 'x');
        const reply = (await this.redis.eval(VERIFY, 3, key, deadKey(challengeId), phoneFailuresKey(phoneBidx), purpose, given, this.clock.now().getTime(), exports.OTP_MAX_ATTEMPTS, exports.PHONE_FAILURES_PER_HOUR, PHONE_FAILURE_WINDOW_SECONDS, exports.OTP_TTL_MS));
        switch (reply[0]) {
            case 'ok':
                return { result: 'ok', phoneEnc: reply[1], phoneBidx };
            case 'wrong':
                return { result: 'wrong', attempts: Number(reply[1]), phoneBidx };
            case 'phone-locked':
                return { result: 'phone-locked', retryAfterSeconds: Math.max(1, Number(reply[1])), phoneBidx };
            default:
                return { result: reply[0], phoneBidx };
        }
    }
    /** The purpose is part of the MAC too: a code is worthless outside its flow, even if stored wrongly. */
    mac(challengeId, purpose, code) {
        return (0, node_crypto_1.createHmac)('sha256', this.config.secrets.appSecret)
            .update(`otp:${purpose}:${challengeId}:${code}`)
            .digest('base64url');
    }
};
exports.OtpChallengeStore = OtpChallengeStore;
exports.OtpChallengeStore = OtpChallengeStore = __decorate([
    (0, common_1.Injectable)(),
    __param(0, (0, redis_module_1.InjectRedis)()),
    __param(1, (0, config_module_1.InjectConfig)()),
    __metadata("design:paramtypes", [Function, Object, clock_1.Clock])
], OtpChallengeStore);
function challengeKey(challengeId) {
    return `otp:${challengeId}`;
}
function deadKey(challengeId) {
    return `otp-dead:${challengeId}`;
}
function phoneFailuresKey(phoneBidx) {
    return `otp-fail:${phoneBidx}`;
}
//# sourceMappingURL=otp-challenge.store.js.map