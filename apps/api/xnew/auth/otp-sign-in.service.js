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
exports.OtpSignInService = void 0;
const common_1 = require("@nestjs/common");
const shared_1 = require("@huanxin/shared");
const clock_1 = require("../common/clock");
const pii_cipher_1 = require("../common/crypto/pii-cipher");
const domain_error_1 = require("../common/errors/domain-error");
const users_repository_1 = require("../users/users.repository");
const otp_service_1 = require("./otp.service");
const session_issuer_service_1 = require("./session-issuer.service");
/** Resident sign-in with an SMS code: the account is created on the first verified code. */
let OtpSignInService = class OtpSignInService {
    constructor(otp, users, cipher, issuer, clock) {
        this.otp = otp;
        this.users = users;
        this.cipher = cipher;
        this.issuer = issuer;
        this.clock = clock;
    }
    async signIn(challengeId, code, ip, previousSessionId) {
        // Failures are audited by OtpService (summed per phone, with its keyed hash).
        const verified = await this.otp.verify(challengeId, code, 'login', ip);
        const user = await this.users.findOrCreateResident(verified.phoneBidx, this.cipher.encrypt(verified.phone, 'user.phone'), (0, shared_1.maskPhone)(verified.phone));
        if (user.disabledAt) {
            await this.issuer.recordFailure({
                action: 'auth.login',
                actor: { id: user.id, role: user.role },
                detail: { method: 'otp', reason: 'disabled' },
            });
            throw new domain_error_1.DomainError(shared_1.ErrorCode.INVALID_CREDENTIALS, 'This account is disabled');
        }
        await this.users.recordLoginSuccess(user.id, this.clock.now());
        return this.issuer.issue(user, previousSessionId, 'otp');
    }
};
exports.OtpSignInService = OtpSignInService;
exports.OtpSignInService = OtpSignInService = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [otp_service_1.OtpService,
        users_repository_1.UsersRepository,
        pii_cipher_1.PiiCipher,
        session_issuer_service_1.SessionIssuer,
        clock_1.Clock])
], OtpSignInService);
//# sourceMappingURL=otp-sign-in.service.js.map