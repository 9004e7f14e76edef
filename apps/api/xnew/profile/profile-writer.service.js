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
exports.ProfileWriter = void 0;
const node_crypto_1 = require("node:crypto");
const common_1 = require("@nestjs/common");
const shared_1 = require("@huanxin/shared");
const typeorm_1 = require("typeorm");
const audit_service_1 = require("../audit/audit.service");
const clock_1 = require("../common/clock");
const pii_cipher_1 = require("../common/crypto/pii-cipher");
const domain_error_1 = require("../common/errors/domain-error");
const payout_proof_service_1 = require("./payout-proof.service");
const profile_repository_1 = require("./profile.repository");
const BANK_CHANGE_SMS = '【章丘换新】您在平台登记的收款银行账户已修改。如非本人操作，请立即联系章丘区商务服务中心。';
/**
 * Saves a resident's real-name details. Changing the payout details of an existing profile (the
 * bank account, or the ID number) needs a fresh SMS code of purpose `payout-change`; the first save
 * does not. Once the account has a submitted claim the ID number is fixed (409 ID_NUMBER_LOCKED).
 * A changed bank account is audited (no values), flags the resident's claims still heading for a
 * payout (BANK_ACCOUNT_CHANGED) and sends the resident an SMS through the outbox. Every save
 * audits the names of the fields it changed, never their values.
 */
let ProfileWriter = class ProfileWriter {
    constructor(profiles, proof, cipher, audit, clock) {
        this.profiles = profiles;
        this.proof = proof;
        this.cipher = cipher;
        this.audit = audit;
        this.clock = clock;
    }
    async save(userId, input, ip) {
        const next = {
            name: input.name.trim(),
            idNumber: (0, shared_1.validateResidentId)(input.idNumber).value,
            street: input.street,
            address: input.address.trim(),
            bankName: input.bankName.trim(),
            bankAccount: (0, shared_1.validateBankCard)(input.bankAccount).value,
        };
        // A first look outside the transaction decides whether a code is needed (checking it consumes
        // it, and an SMS round trip does not belong inside a transaction); the locked re-read below
        // refuses the save if the profile changed meanwhile in a way the proof did not cover.
        const before = await this.profiles.find(userId);
        const needsProof = (changed) => changed.includes('bankAccount') || changed.includes('idNumber');
        const firstChanged = before ? this.changedFields(before, next) : [];
        if (firstChanged.includes('idNumber') && (await this.profiles.hasSubmittedClaim(userId)))
            throw idLocked();
        const proven = needsProof(firstChanged);
        if (proven)
            await this.proof.verify(userId, input, ip);
        const idNumberBidx = this.cipher.blindIndex(next.idNumber, 'id_number');
        const now = this.clock.now();
        return this.profiles
            .transaction(async (manager) => {
            const current = await this.profiles.lock(userId, manager);
            const changed = current ? this.changedFields(current, next) : [];
            if (current && needsProof(changed) && !proven) {
                throw (0, domain_error_1.validationFailed)({ otpCode: shared_1.FieldErrorCode.REQUIRED }, 'A fresh SMS code is required');
            }
            if (changed.includes('idNumber') && (await this.profiles.hasSubmittedClaim(userId, manager)))
                throw idLocked();
            const owner = await this.profiles.ownerOfIdNumber(idNumberBidx, manager);
            if (owner && owner !== userId)
                throw idNumberInUse();
            await this.profiles.insertConsent({
                userId,
                purpose: 'sensitive-personal-information',
                version: shared_1.PRIVACY_CONSENT_VERSION,
                grantedAt: now,
            }, manager);
            await this.profiles.upsert({
                userId,
                nameEnc: this.cipher.encrypt(next.name, 'profile.name'),
                idNumberEnc: this.cipher.encrypt(next.idNumber, 'profile.id_number'),
                idNumberBidx,
                street: next.street,
                addressEnc: this.cipher.encrypt(next.address, 'profile.address'),
                bankName: next.bankName,
                bankAccountEnc: this.cipher.encrypt(next.bankAccount, 'profile.bank_account'),
                bankAccountBidx: this.cipher.blindIndex(next.bankAccount, 'bank_account'),
                consentVersion: shared_1.PRIVACY_CONSENT_VERSION,
                consentAt: now,
            }, manager);
            await this.audit.record({
                action: 'profile.updated',
                result: 'success',
                objectType: 'resident',
                objectId: userId,
                detail: {
                    consentVersion: shared_1.PRIVACY_CONSENT_VERSION,
                    created: current === null,
                    changed: current ? changed : Object.keys(next),
                },
            }, manager);
            if (current && changed.includes('bankAccount')) {
                const flaggedClaims = await this.profiles.flagBankAccountChanged(userId, now, manager);
                await this.audit.record({
                    action: 'profile.bank_account_changed',
                    result: 'success',
                    objectType: 'resident',
                    objectId: userId,
                    detail: { flaggedClaims },
                }, manager);
                await this.profiles.queueAccountNotice(userId, `payout-change-${(0, node_crypto_1.randomUUID)()}`, 'payout_details_changed', BANK_CHANGE_SMS, manager);
            }
            return this.profiles.findOrFail(userId, manager);
        })
            .catch((error) => {
            // Two residents saving one ID number at once: the unique blind index refuses the second
            // (the only unique key the upsert does not resolve), which is the same conflict as above.
            if (error instanceof typeorm_1.QueryFailedError && error.driverError.code === '23505')
                throw idNumberInUse();
            throw error;
        });
    }
    /** The names of the fields whose value differs from the stored one (decrypted to compare). */
    changedFields(stored, next) {
        const current = {
            name: this.cipher.decrypt(stored.nameEnc, 'profile.name'),
            idNumber: this.cipher.decrypt(stored.idNumberEnc, 'profile.id_number'),
            street: stored.street,
            address: this.cipher.decrypt(stored.addressEnc, 'profile.address'),
            bankName: stored.bankName,
            bankAccount: this.cipher.decrypt(stored.bankAccountEnc, 'profile.bank_account'),
        };
        return Object.keys(next).filter((field) => current[field] !== next[field]);
    }
};
exports.ProfileWriter = ProfileWriter;
exports.ProfileWriter = ProfileWriter = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [profile_repository_1.ProfileRepository,
        payout_proof_service_1.PayoutProofService,
        pii_cipher_1.PiiCipher,
        audit_service_1.AuditService,
        clock_1.Clock])
], ProfileWriter);
function idNumberInUse() {
    return new domain_error_1.DomainError(shared_1.ErrorCode.ID_NUMBER_IN_USE, 'This ID number is already registered to another account', {
        fields: { idNumber: shared_1.ErrorCode.ID_NUMBER_IN_USE },
    });
}
function idLocked() {
    return new domain_error_1.DomainError(shared_1.ErrorCode.ID_NUMBER_LOCKED, 'The ID number cannot change once a claim has been submitted', { fields: { idNumber: shared_1.ErrorCode.ID_NUMBER_LOCKED } });
}
//# sourceMappingURL=profile-writer.service.js.map