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
exports.ApplicantFactsService = void 0;
const common_1 = require("@nestjs/common");
const shared_1 = require("@huanxin/shared");
const pii_cipher_1 = require("../common/crypto/pii-cipher");
const profile_repository_1 = require("./profile.repository");
/** Server-side applicant facts for the eligibility engine, derived from the verified profile. */
let ApplicantFactsService = class ApplicantFactsService {
    constructor(profiles, cipher) {
        this.profiles = profiles;
        this.cipher = cipher;
    }
    /** The birth date encoded in the resident's ID number, when they have given one. */
    async applicantFacts(userId, manager) {
        return this.factsOf(await this.profiles.findIdNumberEnc(userId, manager));
    }
    /** `applicantFacts` of several residents, read in one statement. */
    async applicantFactsMany(userIds, manager) {
        const encrypted = await this.profiles.findIdNumberEncs(userIds, manager);
        return new Map(userIds.map((userId) => [userId, this.factsOf(encrypted.get(userId) ?? null)]));
    }
    factsOf(idNumberEnc) {
        if (!idNumberEnc)
            return {};
        const birthDate = (0, shared_1.validateResidentId)(this.cipher.decrypt(idNumberEnc, 'profile.id_number')).birthDate;
        return birthDate ? { birthDate } : {};
    }
};
exports.ApplicantFactsService = ApplicantFactsService;
exports.ApplicantFactsService = ApplicantFactsService = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [profile_repository_1.ProfileRepository,
        pii_cipher_1.PiiCipher])
], ApplicantFactsService);
//# sourceMappingURL=applicant-facts.service.js.map