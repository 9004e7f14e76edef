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
exports.EligibilityLimitGuard = void 0;
const common_1 = require("@nestjs/common");
const rate_limit_1 = require("../common/http/rate-limit");
const config_module_1 = require("../config/config.module");
/**
 * `POST /api/programs/:code/eligibility` is public and costs an evaluation (and, signed in, the
 * claim history). A signed-in caller is limited per user; an anonymous one per address, but with a
 * budget sized for carrier NAT (thousands of residents behind one address at launch), not for one
 * person (names in docs/auth-defenses.md). Both fail open: the route changes nothing.
 */
let EligibilityLimitGuard = class EligibilityLimitGuard {
    constructor(limiter, config) {
        this.limiter = limiter;
        this.config = config;
    }
    async canActivate(context) {
        const request = context.switchToHttp().getRequest();
        // The global AuthGuard ran first and resolved the session, if there was one.
        if (request.user) {
            await this.limiter.hit({ name: 'eligibility', limit: 60, windowSeconds: 60, onStoreDown: 'open' }, `user:${request.user.id}`);
        }
        else {
            await this.limiter.hit({
                name: 'eligibility-anonymous',
                limit: this.config.publicReads.eligibilityIpLimitPerMinute,
                windowSeconds: 60,
                onStoreDown: 'open',
            }, `ip:${request.ip}`);
        }
        return true;
    }
};
exports.EligibilityLimitGuard = EligibilityLimitGuard;
exports.EligibilityLimitGuard = EligibilityLimitGuard = __decorate([
    (0, common_1.Injectable)(),
    __param(1, (0, config_module_1.InjectConfig)()),
    __metadata("design:paramtypes", [rate_limit_1.RateLimiter, Object])
], EligibilityLimitGuard);
//# sourceMappingURL=eligibility-limit.guard.js.map