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
exports.EnrolmentTokens = exports.ENROLMENT_TTL_SECONDS = void 0;
const node_crypto_1 = require("node:crypto");
const common_1 = require("@nestjs/common");
const redis_module_1 = require("../redis/redis.module");
exports.ENROLMENT_TTL_SECONDS = 10 * 60;
/**
 * Single-use TOTP enrolment tokens (handed out after a correct password when no factor is enrolled),
 * indexed per user so that confirming one kills every other pending token of that user.
 * Every key has a TTL: created with EX in one MULTI, updated only with XX KEEPTTL (never re-created).
 */
const REVOKE_ALL = `
local tokens = redis.call('SMEMBERS', KEYS[1])
for _, token in ipairs(tokens) do redis.call('DEL', KEYS[2] .. token) end
redis.call('DEL', KEYS[1])
return #tokens
`;
let EnrolmentTokens = class EnrolmentTokens {
    constructor(redis) {
        this.redis = redis;
    }
    async create(userId) {
        const token = (0, node_crypto_1.randomBytes)(32).toString('base64url');
        await this.redis
            .multi()
            .set(tokenKey(token), JSON.stringify({ userId }), 'EX', exports.ENROLMENT_TTL_SECONDS)
            .sadd(userKey(userId), token)
            .expire(userKey(userId), exports.ENROLMENT_TTL_SECONDS)
            .exec();
        return token;
    }
    async get(token) {
        if (!/^[A-Za-z0-9_-]{43}$/.test(token))
            return null;
        const raw = await this.redis.get(tokenKey(token));
        return raw ? JSON.parse(raw) : null;
    }
    /** Stores the secret of step 1; false when the token expired meanwhile (no key is re-created). */
    async attachSecret(token, pending) {
        const result = await this.redis.set(tokenKey(token), JSON.stringify(pending), 'KEEPTTL', 'XX');
        return result === 'OK';
    }
    /** Kills every pending token of the user (after one was confirmed). */
    async revokeAll(userId) {
        await this.redis.eval(REVOKE_ALL, 2, userKey(userId), 'mfa-enrol:');
    }
};
exports.EnrolmentTokens = EnrolmentTokens;
exports.EnrolmentTokens = EnrolmentTokens = __decorate([
    (0, common_1.Injectable)(),
    __param(0, (0, redis_module_1.InjectRedis)()),
    __metadata("design:paramtypes", [Function])
], EnrolmentTokens);
function tokenKey(token) {
    return `mfa-enrol:${token}`;
}
function userKey(userId) {
    return `mfa-enrol-user:${userId}`;
}
//# sourceMappingURL=enrolment-tokens.js.map