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
exports.PayoutProofService = void 0;
const common_1 = require("@nestjs/common");
const shared_1 = require("@huanxin/shared");
const otp_service_1 = require("../auth/otp.service");
const pii_cipher_1 = require("../common/crypto/pii-cipher");
const domain_error_1 = require("../common/errors/domain-error");
const users_repository_1 = require("../users/users.repository");
/**
 * The fresh SMS proof a resident gives before changing what money is paid to (bank account) or
 * whom (ID number): a code of purpose `payout-change`, sent to the account's own phone (ASVS
 * 7.5.1, 6.6.2). A sign-in code is refused here and this code is refused at sign-in.
 */
let PayoutProofService = class PayoutProofService {
    constructor(otp, users, cipher) {
        this.otp = otp;
        this.users = users;
        this.cipher = cipher;
    }
    async send(userId, ip) {
        return this.otp.send(await this.phoneOf(userId), ip, 'payout-change');
    }
    /** Refuses (422 without a code, 401 for a wrong one) unless the code is this resident's, for this purpose. */
    async verify(userId, proof, ip) {
        if (!proof.otpChallengeId || !proof.otpCode) {
            throw (0, domain_error_1.validationFailed)({
                ...(proof.otpChallengeId ? {} : { otpChallengeId: shared_1.FieldErrorCode.REQUIRED }),
                ...(proof.otpCode ? {} : { otpCode: shared_1.FieldErrorCode.REQUIRED }),
            });
        }
        const user = await this.users.findById(userId);
        let phoneBidx;
        try {
            ({ phoneBidx } = await this.otp.verify(proof.otpChallengeId, proof.otpCode, 'payout-change', ip));
        }
        catch (error) {
            if (error instanceof domain_error_1.DomainError && error.code !== shared_1.ErrorCode.RATE_LIMITED) {
                throw new domain_error_1.DomainError(error.code, error.message, {
                    fields: { otpCode: error.code },
                    ...(error.details.headers ? { headers: error.details.headers } : {}),
                });
            }
            throw error;
        }
        // A code sent to another phone (another resident's challenge) proves nothing about this account.
        if (!user?.phoneBidx || user.phoneBidx !== phoneBidx) {
            throw new domain_error_1.DomainError(shared_1.ErrorCode.OTP_INVALID, 'The code is wrong or no longer valid', {
                fields: { otpCode: shared_1.ErrorCode.OTP_INVALID },
            });
        }
    }
    async phoneOf(userId) {
        const user = await this.users.findById(userId);
        if (!user?.phoneEnc)
            throw new domain_error_1.DomainError(shared_1.ErrorCode.NOT_FOUND, 'No phone on this account');
        return this.cipher.decrypt(user.phoneEnc, 'user.phone');
    }
};
exports.PayoutProofService = PayoutProofService;
exports.PayoutProofService = PayoutProofService = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [otp_service_1.OtpService,
        users_repository_1.UsersRepository,
        pii_cipher_1.PiiCipher])
], PayoutProofService);
//# sourceMappingURL=payout-proof.service.js.map