"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.AuthModule = exports.AuthCoreModule = void 0;
const common_1 = require("@nestjs/common");
const pii_cipher_1 = require("../common/crypto/pii-cipher");
const config_module_1 = require("../config/config.module");
const tracked_cache_1 = require("../redis/tracked-cache");
const notifications_module_1 = require("../notifications/notifications.module");
const auth_controller_1 = require("./auth.controller");
const auth_guard_1 = require("./auth.guard");
const auth_limits_1 = require("./auth-limits");
const enrolment_tokens_1 = require("./enrolment-tokens");
const otp_challenge_store_1 = require("./otp-challenge.store");
const otp_sign_in_service_1 = require("./otp-sign-in.service");
const otp_service_1 = require("./otp.service");
const password_sign_in_service_1 = require("./password-sign-in.service");
const password_service_1 = require("./password.service");
const second_factor_service_1 = require("./second-factor.service");
const session_issuer_service_1 = require("./session-issuer.service");
const session_service_1 = require("./session.service");
const staff_lockout_1 = require("./staff-lockout");
const totp_enrolment_service_1 = require("./totp-enrolment.service");
const totp_service_1 = require("./totp.service");
/** Sessions, the cipher and passwords are used across domains (admin, profile, jobs). */
let AuthCoreModule = class AuthCoreModule {
};
exports.AuthCoreModule = AuthCoreModule;
exports.AuthCoreModule = AuthCoreModule = __decorate([
    (0, common_1.Global)(),
    (0, common_1.Module)({
        providers: [
            session_service_1.SessionService,
            pii_cipher_1.PiiCipher,
            password_service_1.PasswordService,
            {
                provide: session_service_1.SESSION_CACHE,
                inject: [config_module_1.APP_CONFIG],
                // Opens its connections at the first look-up: the worker, which only ends sessions, never does.
                useFactory: (config) => config.sessionCache.entries > 0
                    ? new tracked_cache_1.TrackedCache({
                        url: config.redis.url,
                        clientPrefix: `${config.redis.prefix}:`,
                        prefix: session_service_1.SESSION_KEY_PREFIX,
                        maxEntries: config.sessionCache.entries,
                    })
                    : null,
            },
        ],
        exports: [session_service_1.SessionService, pii_cipher_1.PiiCipher, password_service_1.PasswordService],
    })
], AuthCoreModule);
/**
 * Sign-in, split by concern: OTP codes (store + service), resident sign-in, password sign-in with
 * its lock-out, the second factor and its enrolment, and the session issuer they all end in.
 * OtpService is exported for flows that need a fresh SMS proof (the payout-details change).
 */
let AuthModule = class AuthModule {
};
exports.AuthModule = AuthModule;
exports.AuthModule = AuthModule = __decorate([
    (0, common_1.Module)({
        imports: [notifications_module_1.NotificationsModule],
        controllers: [auth_controller_1.AuthController],
        providers: [
            auth_limits_1.AuthLimits,
            otp_challenge_store_1.OtpChallengeStore,
            otp_service_1.OtpService,
            otp_sign_in_service_1.OtpSignInService,
            staff_lockout_1.StaffLockout,
            totp_service_1.TotpService,
            enrolment_tokens_1.EnrolmentTokens,
            second_factor_service_1.SecondFactorService,
            totp_enrolment_service_1.TotpEnrolmentService,
            session_issuer_service_1.SessionIssuer,
            password_sign_in_service_1.PasswordSignInService,
            auth_guard_1.AuthGuard,
        ],
        exports: [auth_guard_1.AuthGuard, otp_service_1.OtpService],
    })
], AuthModule);
//# sourceMappingURL=auth.module.js.map