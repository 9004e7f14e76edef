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
Object.defineProperty(exports, "__esModule", { value: true });
exports.PasswordSignInService = void 0;
const common_1 = require("@nestjs/common");
const shared_1 = require("@huanxin/shared");
const domain_error_1 = require("../common/errors/domain-error");
const redact_1 = require("../common/logging/redact");
const auth_limits_1 = require("./auth-limits");
const password_service_1 = require("./password.service");
const second_factor_service_1 = require("./second-factor.service");
const session_issuer_service_1 = require("./session-issuer.service");
const staff_lockout_1 = require("./staff-lockout");
/**
 * Staff and dealer sign-in: password, then TOTP where required. Unknown, locked, disabled and
 * pending accounts all run one dummy password verification and answer the same
 * INVALID_CREDENTIALS, so neither the code nor the time tells an account's state apart from
 * "no such user" (the audit row keeps the real reason).
 */
let PasswordSignInService = class PasswordSignInService {
    constructor(lockout, passwords, secondFactor, issuer, limits) {
        this.lockout = lockout;
        this.passwords = passwords;
        this.secondFactor = secondFactor;
        this.issuer = issuer;
        this.limits = limits;
    }
    async signIn(input, ip, previousSessionId) {
        await this.limits.login(ip);
        const username = input.username.trim().toLowerCase();
        const user = await this.lockout.findAccount(username);
        const fail = async (reason, code = shared_1.ErrorCode.INVALID_CREDENTIALS, message = 'Wrong username or password') => {
            await this.issuer.recordFailure({
                action: 'auth.login',
                actor: user ? { id: user.id, role: user.role } : null,
                objectType: 'user',
                objectId: user?.id,
                // An unknown username is kept to spot guessing, masked: residents type their phone number here.
                detail: {
                    method: 'password',
                    reason,
                    ...(user ? {} : { username: (0, redact_1.maskText)(username.slice(0, 64)) }),
                },
            });
            return new domain_error_1.DomainError(code, message);
        };
        if (!user) {
            await this.passwords.verify(null, input.password);
            throw await fail('unknown_user');
        }
        const { checked } = await this.lockout.reserve(user);
        if (!checked) {
            await this.passwords.verify(null, input.password);
            throw await fail('locked');
        }
        if (!(await this.passwords.verify(user.passwordHash, input.password))) {
            throw await fail((await this.lockout.failed(user)) ? 'wrong_password_locked' : 'wrong_password');
        }
        if (user.disabledAt)
            throw await fail('disabled');
        if (user.pendingActivationBy)
            throw await fail('pending_activation');
        let totpStep;
        if (this.secondFactor.required(user.role)) {
            if (!user.totpSecretEnc) {
                if (!(await this.lockout.refund(user)))
                    throw await fail('locked');
                const enrolmentToken = await this.secondFactor.startEnrolment(user);
                await this.issuer.recordFailure({
                    action: 'auth.login',
                    actor: { id: user.id, role: user.role },
                    detail: { method: 'password', reason: 'mfa_enrolment_required' },
                });
                return { enrolmentToken };
            }
            if (!input.totp) {
                // The password was right: give the slot back, but never reset the count (that would let
                // an attacker holding the password reset the TOTP guess counter by omitting the code).
                if (!(await this.lockout.refund(user)))
                    throw await fail('locked');
                throw await fail('mfa_missing', shared_1.ErrorCode.MFA_REQUIRED, 'Enter the code from your authenticator app');
            }
            const step = await this.secondFactor.verify(user, input.totp);
            if (step === null) {
                await this.lockout.failed(user);
                throw await fail('mfa_invalid', shared_1.ErrorCode.MFA_INVALID, 'The authenticator code is wrong');
            }
            totpStep = step;
        }
        if (!(await this.lockout.succeeded(user, totpStep)))
            throw await fail('locked');
        return this.issuer.issue(user, previousSessionId, totpStep === undefined ? 'password' : 'password+totp');
    }
};
exports.PasswordSignInService = PasswordSignInService;
exports.PasswordSignInService = PasswordSignInService = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [staff_lockout_1.StaffLockout,
        password_service_1.PasswordService,
        second_factor_service_1.SecondFactorService,
        session_issuer_service_1.SessionIssuer,
        auth_limits_1.AuthLimits])
], PasswordSignInService);
//# sourceMappingURL=password-sign-in.service.js.map