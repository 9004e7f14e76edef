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
exports.AuthLimits = void 0;
const common_1 = require("@nestjs/common");
const rate_limit_1 = require("../common/http/rate-limit");
const config_module_1 = require("../config/config.module");
/**
 * The per-address limits of the public sign-in routes, in one place (names in docs/auth-defenses.md).
 * They fail closed. Refusals are audited by the RateLimiter, summed per limiter and address.
 */
let AuthLimits = class AuthLimits {
    constructor(limiter, config) {
        this.limiter = limiter;
        this.config = config;
        this.hit = (rule, key) => this.limiter.hit(rule, key);
    }
    /** `POST /api/auth/login`. */
    login(ip) {
        return this.limiter.hit({
            name: 'login-ip-hour',
            limit: this.config.auth.authIpLimitPerHour,
            windowSeconds: 3600,
            onStoreDown: 'closed',
        }, `ip:${ip}`);
    }
    /** `POST /api/auth/otp/verify` and the payout-change code: as many as password sign-ins. */
    otpVerify(ip) {
        return this.limiter.hit({
            name: 'otp-verify-ip-hour',
            limit: this.config.auth.authIpLimitPerHour,
            windowSeconds: 3600,
            onStoreDown: 'closed',
        }, `ip:${ip}`);
    }
    /** Sending a code, per address (the per-phone limits are OTP_SEND_LIMITS). */
    otpSend(ip) {
        return this.limiter.hit({
            name: 'otp-send-ip-hour',
            limit: this.config.auth.otpIpLimitPerHour,
            windowSeconds: 3600,
            onStoreDown: 'closed',
        }, `ip:${ip}`);
    }
};
exports.AuthLimits = AuthLimits;
exports.AuthLimits = AuthLimits = __decorate([
    (0, common_1.Injectable)(),
    __param(1, (0, config_module_1.InjectConfig)()),
    __metadata("design:paramtypes", [rate_limit_1.RateLimiter, Object])
], AuthLimits);
//# sourceMappingURL=auth-limits.js.map