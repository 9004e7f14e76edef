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
exports.RevealLimiter = void 0;
const common_1 = require("@nestjs/common");
const shared_1 = require("@huanxin/shared");
const clock_1 = require("../common/clock");
const domain_error_1 = require("../common/errors/domain-error");
const rate_limit_1 = require("../common/http/rate-limit");
const config_module_1 = require("../config/config.module");
const redis_module_1 = require("../redis/redis.module");
const DAY_SECONDS = 86_400;
/** Asia/Shanghai has no daylight saving: midnight there is 16:00 UTC. */
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
/**
 * Counts a reviewer's reveals per calendar day (Asia/Shanghai) in Redis and refuses the one past
 * REVEAL_LIMIT_PER_DAY. Fails closed: without Redis no count, so no reveal (503).
 */
let RevealLimiter = class RevealLimiter {
    constructor(redis, config, clock) {
        this.redis = redis;
        this.config = config;
        this.clock = clock;
    }
    /** Counts one reveal; throws REVEAL_LIMIT_EXCEEDED (429, Retry-After = until midnight) when over. */
    async consume(userId) {
        const rule = {
            name: 'reveals-day',
            limit: this.config.reveal.limitPerDay,
            windowSeconds: DAY_SECONDS,
            onStoreDown: 'closed',
        };
        try {
            await (0, rate_limit_1.hit)(this.redis, rule, `user:${userId}:${this.clock.today()}`);
        }
        catch (error) {
            if (!(error instanceof domain_error_1.DomainError) || error.code !== shared_1.ErrorCode.RATE_LIMITED)
                throw error;
            throw new domain_error_1.DomainError(shared_1.ErrorCode.REVEAL_LIMIT_EXCEEDED, 'Daily limit of personal-data reveals reached', {
                headers: { 'retry-after': String(this.secondsUntilMidnight()) },
            });
        }
    }
    secondsUntilMidnight() {
        const local = this.clock.now().getTime() + SHANGHAI_OFFSET_MS;
        const next = (Math.floor(local / (DAY_SECONDS * 1000)) + 1) * DAY_SECONDS * 1000;
        return Math.max(1, Math.ceil((next - local) / 1000));
    }
};
exports.RevealLimiter = RevealLimiter;
exports.RevealLimiter = RevealLimiter = __decorate([
    (0, common_1.Injectable)(),
    __param(0, (0, redis_module_1.InjectRedis)()),
    __param(1, (0, config_module_1.InjectConfig)()),
    __metadata("design:paramtypes", [Function, Object, clock_1.Clock])
], RevealLimiter);
//# sourceMappingURL=reveal-limit.js.map