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
exports.PayeeRegistry = exports.ResidentPayeeResolver = exports.PAYEE_RESOLVERS = void 0;
exports.payeeKey = payeeKey;
const common_1 = require("@nestjs/common");
const pii_cipher_1 = require("../common/crypto/pii-cipher");
exports.PAYEE_RESOLVERS = Symbol('PAYEE_RESOLVERS');
/**
 * Resident claims: the resident's own bank card from their real-name profile. A claim that names a
 * dealer payee is never paid to the resident, even when the dealer's resolver holds it.
 */
let ResidentPayeeResolver = class ResidentPayeeResolver {
    constructor(cipher) {
        this.cipher = cipher;
        this.kind = 'resident';
    }
    async resolve(manager, claims) {
        const payees = new Map();
        const residents = claims.filter((claim) => claim.payeeOrganizationId === null);
        if (residents.length === 0)
            return payees;
        const rows = (await manager.query(`SELECT user_id, name_enc, bank_name, bank_account_enc, bank_account_bidx FROM resident_profile
        WHERE user_id = ANY($1::uuid[])`, [[...new Set(residents.map((claim) => claim.applicantId))]]));
        const byUser = new Map(rows.map((row) => [row.user_id, row]));
        for (const claim of residents) {
            const profile = byUser.get(claim.applicantId);
            if (!profile)
                continue; // no real-name profile, no card: nothing to pay to
            payees.set(claim.applicationId, {
                kind: 'resident',
                userId: claim.applicantId,
                organizationId: null,
                name: this.cipher.decrypt(profile.name_enc, 'profile.name'),
                bankName: profile.bank_name,
                account: this.cipher.decrypt(profile.bank_account_enc, 'profile.bank_account'),
                accountBidx: profile.bank_account_bidx,
            });
        }
        return payees;
    }
};
exports.ResidentPayeeResolver = ResidentPayeeResolver;
exports.ResidentPayeeResolver = ResidentPayeeResolver = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [pii_cipher_1.PiiCipher])
], ResidentPayeeResolver);
/** Asks the resolvers in order; a claim no resolver pays is left out of the batch. */
let PayeeRegistry = class PayeeRegistry {
    constructor(resolvers) {
        this.resolvers = resolvers;
    }
    async resolve(manager, claims) {
        const payees = new Map();
        let open = claims;
        for (const resolver of this.resolvers) {
            if (open.length === 0)
                break;
            for (const [id, payee] of await resolver.resolve(manager, open))
                payees.set(id, payee);
            open = open.filter((claim) => !payees.has(claim.applicationId));
        }
        return payees;
    }
};
exports.PayeeRegistry = PayeeRegistry;
exports.PayeeRegistry = PayeeRegistry = __decorate([
    (0, common_1.Injectable)(),
    __param(0, (0, common_1.Inject)(exports.PAYEE_RESOLVERS)),
    __metadata("design:paramtypes", [Array])
], PayeeRegistry);
/** The key netting groups a payee's lines and receivables by. */
function payeeKey(payee) {
    return payee.kind === 'dealer' ? `dealer:${payee.organizationId}` : `resident:${payee.userId}`;
}
//# sourceMappingURL=payee.js.map