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
exports.SecondFactorService = void 0;
const common_1 = require("@nestjs/common");
const config_module_1 = require("../config/config.module");
const users_repository_1 = require("../users/users.repository");
const enrolment_tokens_1 = require("./enrolment-tokens");
const totp_service_1 = require("./totp.service");
/**
 * Who needs a second factor and whether a code is good. With `STAFF_MFA=totp` (the production
 * default) every password account needs TOTP: staff roles and dealers alike (a dealer redeems
 * vouchers and files claims for money; one stolen password must not be enough).
 */
let SecondFactorService = class SecondFactorService {
    constructor(users, totp, tokens, config) {
        this.users = users;
        this.totp = totp;
        this.tokens = tokens;
        this.config = config;
    }
    required(role) {
        return this.config.auth.staffMfa === 'totp' && role !== 'resident';
    }
    /** The accepted time step, or null for a wrong or replayed code (each step is accepted once). */
    async verify(user, token) {
        if (!user.totpSecretEnc)
            return null;
        const step = this.totp.checkSealed(user.totpSecretEnc, token);
        if (step === null || !(await this.users.claimTotpStep(user.id, step)))
            return null;
        return step;
    }
    /** A token for the two enrolment steps (the account has a correct password and no factor yet). */
    startEnrolment(user) {
        return this.tokens.create(user.id);
    }
};
exports.SecondFactorService = SecondFactorService;
exports.SecondFactorService = SecondFactorService = __decorate([
    (0, common_1.Injectable)(),
    __param(3, (0, config_module_1.InjectConfig)()),
    __metadata("design:paramtypes", [users_repository_1.UsersRepository,
        totp_service_1.TotpService,
        enrolment_tokens_1.EnrolmentTokens, Object])
], SecondFactorService);
//# sourceMappingURL=second-factor.service.js.map