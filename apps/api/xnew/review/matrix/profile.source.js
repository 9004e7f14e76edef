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
exports.ProfileMatrixSource = void 0;
const common_1 = require("@nestjs/common");
const shared_1 = require("@huanxin/shared");
const pii_cipher_1 = require("../../common/crypto/pii-cipher");
const review_repository_1 = require("../review.repository");
/**
 * The applicant's real-name profile as it stands now: ID number, name, payout account, street.
 * Values are masked; ID and account are compared by their blind indexes.
 */
let ProfileMatrixSource = class ProfileMatrixSource {
    constructor(reviews, cipher) {
        this.reviews = reviews;
        this.cipher = cipher;
        this.source = 'profile';
    }
    async values({ application }) {
        const profile = await this.reviews.profileOf(application.applicantId);
        if (!profile)
            return [];
        return [
            {
                field: 'applicant.idNumber',
                value: (0, shared_1.maskIdNumber)(this.cipher.decrypt(profile.idNumberEnc, 'profile.id_number')),
                compareAs: profile.idNumberBidx,
            },
            { field: 'applicant.name', value: (0, shared_1.maskName)(this.cipher.decrypt(profile.nameEnc, 'profile.name')) },
            {
                field: 'payout.bankAccount',
                value: profile.bankAccountEnc
                    ? (0, shared_1.maskBankCard)(this.cipher.decrypt(profile.bankAccountEnc, 'profile.bank_account'))
                    : null,
                compareAs: profile.bankAccountBidx,
            },
            { field: 'applicant.street', value: profile.street },
        ];
    }
};
exports.ProfileMatrixSource = ProfileMatrixSource;
exports.ProfileMatrixSource = ProfileMatrixSource = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [review_repository_1.ReviewRepository,
        pii_cipher_1.PiiCipher])
], ProfileMatrixSource);
//# sourceMappingURL=profile.source.js.map