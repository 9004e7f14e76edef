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
exports.RateLimitGuard = exports.RateLimiter = exports.RateLimit = void 0;
exports.hit = hit;
const common_1 = require("@nestjs/common");
const core_1 = require("@nestjs/core");
const shared_1 = require("@huanxin/shared");
const security_audit_service_1 = require("../../audit/security-audit.service");
const domain_error_1 = require("../errors/domain-error");
const counters_1 = require("../../redis/counters");
const redis_module_1 = require("../../redis/redis.module");
const RATE_LIMIT = Symbol('RATE_LIMIT');
/** Limits a route per client address with a fixed window in Redis. */
const RateLimit = (rule) => (0, common_1.SetMetadata)(RATE_LIMIT, rule);
exports.RateLimit = RateLimit;
/**
 * Counts one hit against `key` in a fixed window; throws 429 with Retry-After when over the limit.
 * Shared by the guard and by services that limit on a business key (a phone number, an account).
 * The count and its TTL are set by one Lua script (`incrWindow`), so no counter outlives its window.
 */
async function hit(redis, rule, key, onRefused) {
    let counted;
    try {
        counted = await (0, counters_1.incrWindow)(redis, `rl:${rule.name}:${key}`, rule.windowSeconds);
    }
    catch {
        if (rule.onStoreDown === 'open')
            return;
        throw new domain_error_1.DomainError(shared_1.ErrorCode.SERVICE_UNAVAILABLE, 'Temporarily unavailable, please retry shortly', {
            headers: { 'retry-after': '30' },
        });
    }
    if (counted.count > rule.limit) {
        if (onRefused)
            await onRefused(rule, key).catch(() => undefined);
        throw new domain_error_1.DomainError(shared_1.ErrorCode.RATE_LIMITED, 'Too many requests, please retry later', {
            headers: { 'retry-after': String(Math.max(1, counted.ttl)) },
        });
    }
}
/**
 * `hit` with refusals audited as `rate_limit.refused`, summed per limiter and key (the first refusal
 * of a window and then the 10th, 100th…: see SecurityAuditService), so a flood stays a few rows.
 */
let RateLimiter = class RateLimiter {
    constructor(redis, securityAudit) {
        this.redis = redis;
        this.securityAudit = securityAudit;
    }
    hit(rule, key) {
        return hit(this.redis, rule, key, (refused, refusedKey) => this.securityAudit.recordRepeated({
            action: 'rate_limit.refused',
            result: 'denied',
            // Keys are an address, a user id or a phone's keyed hash: never a phone number.
            detail: { limiter: refused.name, key: refusedKey },
        }, `rl:${refused.name}:${refusedKey}`, refused.windowSeconds));
    }
};
exports.RateLimiter = RateLimiter;
exports.RateLimiter = RateLimiter = __decorate([
    (0, common_1.Injectable)(),
    __param(0, (0, redis_module_1.InjectRedis)()),
    __metadata("design:paramtypes", [Function, security_audit_service_1.SecurityAuditService])
], RateLimiter);
let RateLimitGuard = class RateLimitGuard {
    constructor(reflector, limiter) {
        this.reflector = reflector;
        this.limiter = limiter;
    }
    async canActivate(context) {
        const rule = this.reflector.getAllAndOverride(RATE_LIMIT, [
            context.getHandler(),
            context.getClass(),
        ]);
        if (!rule)
            return true;
        const request = context.switchToHttp().getRequest();
        await this.limiter.hit(rule, `ip:${request.ip}`);
        return true;
    }
};
exports.RateLimitGuard = RateLimitGuard;
exports.RateLimitGuard = RateLimitGuard = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [core_1.Reflector,
        RateLimiter])
], RateLimitGuard);
//# sourceMappingURL=rate-limit.js.map