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
exports.ProfileService = void 0;
const common_1 = require("@nestjs/common");
const shared_1 = require("@huanxin/shared");
const pii_cipher_1 = require("../common/crypto/pii-cipher");
const domain_error_1 = require("../common/errors/domain-error");
const users_repository_1 = require("../users/users.repository");
const profile_writer_service_1 = require("./profile-writer.service");
const profile_repository_1 = require("./profile.repository");
/** The resident's real-name details: encrypted at rest, masked in every answer, revealed only through RevealService. */
let ProfileService = class ProfileService {
    constructor(profiles, users, cipher, writer) {
        this.profiles = profiles;
        this.users = users;
        this.cipher = cipher;
        this.writer = writer;
    }
    async get(userId) {
        const profile = await this.profiles.find(userId);
        if (!profile)
            throw new domain_error_1.DomainError(shared_1.ErrorCode.PROFILE_NOT_FOUND, 'No real-name details yet');
        return this.masked(profile, await this.phone(userId));
    }
    /** Saves the profile (see ProfileWriter: payout-detail changes need a fresh SMS code). */
    async save(userId, input, ip) {
        const saved = await this.writer.save(userId, input, ip);
        return this.masked(saved, await this.phone(userId));
    }
    async phone(userId) {
        const user = await this.users.findById(userId);
        return user?.phoneEnc ? this.cipher.decrypt(user.phoneEnc, 'user.phone') : '';
    }
    masked(profile, phone) {
        return {
            name: (0, shared_1.maskName)(this.cipher.decrypt(profile.nameEnc, 'profile.name')),
            idNumberMasked: (0, shared_1.maskIdNumber)(this.cipher.decrypt(profile.idNumberEnc, 'profile.id_number')),
            phoneMasked: phone ? (0, shared_1.maskPhone)(phone) : '',
            street: profile.street,
            address: maskAddress(this.cipher.decrypt(profile.addressEnc, 'profile.address')),
            bankName: profile.bankName,
            bankAccountMasked: (0, shared_1.maskBankCard)(this.cipher.decrypt(profile.bankAccountEnc, 'profile.bank_account')),
            consentAt: profile.consentAt.toISOString(),
        };
    }
};
exports.ProfileService = ProfileService;
exports.ProfileService = ProfileService = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [profile_repository_1.ProfileRepository,
        users_repository_1.UsersRepository,
        pii_cipher_1.PiiCipher,
        profile_writer_service_1.ProfileWriter])
], ProfileService);
/** Keeps the first characters of an address (street level), hides the house number. */
function maskAddress(address) {
    const chars = [...address];
    return chars.length <= 6 ? `${chars.slice(0, 2).join('')}****` : `${chars.slice(0, 6).join('')}****`;
}
//# sourceMappingURL=profile.service.js.map