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
exports.PublicReadLimitGuard = void 0;
const common_1 = require("@nestjs/common");
const shared_1 = require("@huanxin/shared");
const clock_1 = require("../common/clock");
const domain_error_1 = require("../common/errors/domain-error");
const local_rate_limit_1 = require("../common/http/local-rate-limit");
const config_module_1 = require("../config/config.module");
/**
 * The public program pages (list, detail) per client address: PUBLIC_READ_IP_LIMIT_PER_MINUTE,
 * sized for carrier NAT (thousands of residents behind one address at launch, each loading the
 * list a few times), counted in this process's memory (LocalRateLimit: no Redis round trip for a
 * read answered from memory; with N replicas an address gets up to N× the limit).
 */
let PublicReadLimitGuard = class PublicReadLimitGuard {
    constructor(clock, config) {
        this.clock = clock;
        this.limit = new local_rate_limit_1.LocalRateLimit(config.publicReads.readIpLimitPerMinute, 60_000);
    }
    canActivate(context) {
        const request = context.switchToHttp().getRequest();
        const retryAfter = this.limit.hit(request.ip, this.clock.now().getTime());
        if (retryAfter !== null) {
            throw new domain_error_1.DomainError(shared_1.ErrorCode.RATE_LIMITED, 'Too many requests, please retry later', {
                headers: { 'retry-after': String(retryAfter) },
            });
        }
        return true;
    }
};
exports.PublicReadLimitGuard = PublicReadLimitGuard;
exports.PublicReadLimitGuard = PublicReadLimitGuard = __decorate([
    (0, common_1.Injectable)(),
    __param(1, (0, config_module_1.InjectConfig)()),
    __metadata("design:paramtypes", [clock_1.Clock, Object])
], PublicReadLimitGuard);
//# sourceMappingURL=public-read-limit.guard.js.map