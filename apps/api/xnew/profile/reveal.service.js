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
var RevealService_1;
Object.defineProperty(exports, "__esModule", { value: true });
exports.RevealService = void 0;
const common_1 = require("@nestjs/common");
const shared_1 = require("@huanxin/shared");
const audit_service_1 = require("../audit/audit.service");
const pii_cipher_1 = require("../common/crypto/pii-cipher");
const domain_error_1 = require("../common/errors/domain-error");
const redact_1 = require("../common/logging/redact");
const reveal_limit_1 = require("./reveal-limit");
const reveal_repository_1 = require("./reveal.repository");
/** Claim states in which a reviewer works on the claim and may need a full value. */
const REVIEWABLE = ['in_review'];
/** Where each field is stored and under which cipher context. */
function stored(secrets, field) {
    switch (field) {
        case 'phone':
            return [secrets.phoneEnc, 'user.phone'];
        case 'name':
            return [secrets.profile?.nameEnc, 'profile.name'];
        case 'idNumber':
            return [secrets.profile?.idNumberEnc, 'profile.id_number'];
        case 'bankAccount':
            return [secrets.profile?.bankAccountEnc, 'profile.bank_account'];
        case 'address':
            return [secrets.profile?.addressEnc, 'profile.address'];
    }
}
/**
 * A reviewer's look at one full personal-data value (PIPL Art. 28; GB/T 35273 §7.1). Not "any
 * reviewer, anyone": the reveal names a claim of that resident which the reviewer is working on
 * and a published reason that justifies the field; it counts against a daily limit, beyond which
 * the auditor is alerted; and each reveal is audited with the field, the claim and the reason.
 */
let RevealService = RevealService_1 = class RevealService {
    constructor(reveals, cipher, audit, limiter) {
        this.reveals = reveals;
        this.cipher = cipher;
        this.audit = audit;
        this.limiter = limiter;
        this.logger = new common_1.Logger(RevealService_1.name);
    }
    async reveal(user, residentId, input) {
        if (!(0, shared_1.revealAllowed)(input.reason, input.field))
            throw (0, domain_error_1.validationFailed)({ field: shared_1.FieldErrorCode.NOT_IN_OPTIONS }, `The reason ${input.reason} does not justify revealing ${input.field}`);
        const secrets = await this.reveals.findResidentSecrets(residentId);
        if (!secrets)
            throw new domain_error_1.DomainError(shared_1.ErrorCode.NOT_FOUND, 'Not found');
        const claim = await this.reveals.findClaimOfResident(input.applicationId, residentId);
        if (!claim)
            throw new domain_error_1.DomainError(shared_1.ErrorCode.APPLICATION_NOT_FOUND, 'Application not found');
        this.assertInScope(claim, user);
        const detail = {
            field: input.field,
            applicationId: claim.id,
            reason: input.reason,
            ...(input.note && { note: (0, redact_1.maskText)(input.note) }),
        };
        try {
            await this.limiter.consume(user.id);
        }
        catch (error) {
            if (error instanceof domain_error_1.DomainError && error.code === shared_1.ErrorCode.REVEAL_LIMIT_EXCEEDED) {
                // The auditor's alert: a distinct action in the audit log, one row per refused reveal.
                this.logger.warn({ userId: user.id, applicationId: claim.id }, 'daily reveal limit exceeded');
                await this.audit.record({
                    action: 'pii.reveal.limit_exceeded',
                    result: 'denied',
                    objectType: 'resident',
                    objectId: residentId,
                    detail,
                });
            }
            throw error;
        }
        const [encrypted, context] = stored(secrets, input.field);
        if (!encrypted)
            throw new domain_error_1.DomainError(shared_1.ErrorCode.PROFILE_NOT_FOUND, 'No real-name details');
        const value = this.cipher.decrypt(encrypted, context);
        await this.audit.record({
            action: 'pii.reveal',
            result: 'success',
            objectType: 'resident',
            objectId: residentId,
            detail,
        });
        return { field: input.field, value };
    }
    /**
     * The claim must be one the reviewer is working on. Today that is its state: `in_review`.
     * SEAM for the review work (leases, queues): also require that the claim is assigned to or held
     * by `user` (an unexpired lease), or is in a program of the user's queue; refuse otherwise with
     * 403. `user` is passed for that check.
     */
    assertInScope(claim, _user) {
        if (!REVIEWABLE.includes(claim.status))
            throw new domain_error_1.DomainError(shared_1.ErrorCode.WRONG_STATE, `Personal data is revealed only for a claim in review (this one is ${claim.status})`);
    }
};
exports.RevealService = RevealService;
exports.RevealService = RevealService = RevealService_1 = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [reveal_repository_1.RevealRepository,
        pii_cipher_1.PiiCipher,
        audit_service_1.AuditService,
        reveal_limit_1.RevealLimiter])
], RevealService);
//# sourceMappingURL=reveal.service.js.map