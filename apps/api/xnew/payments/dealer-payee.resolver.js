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
exports.DealerPayeeResolver = void 0;
const common_1 = require("@nestjs/common");
const pii_cipher_1 = require("../common/crypto/pii-cipher");
const organization_view_1 = require("../dealers/organization-view");
/**
 * Point-of-sale claims (operations.md §1, §8): the dealer organisation that gave the discount at
 * the till is paid on its corporate account (对公账户), decrypted like a resident's card; the
 * account name is the organisation's name, which the payee name must equal.
 *
 * Only an `active` organisation is paid. A suspended or disqualified one keeps its claims, but
 * "its pending payouts are held" (§2): they get no payee, so the batch leaves them out and a later
 * batch takes them once the organisation is active again (a disqualified one never is). The
 * resident resolver after this one never pays a claim that names a dealer payee, so a held claim
 * cannot fall through to the resident. Open receivables of the organisation (a return after
 * payment, a clawback) are netted against these lines by the batch builder (`netting.ts`: it nets
 * every line whose payee kind is `dealer`).
 *
 * An overdue receivable (§6: "while overdue, the dealer's new payouts are held") does not hold the
 * organisation's claims here: netting already withholds from its next payouts up to what it owes,
 * and it is the only way the portal collects a dealer's receivable (there is no repayment route
 * yet), so holding every payout would make an overdue receivable uncollectable.
 */
let DealerPayeeResolver = class DealerPayeeResolver {
    constructor(cipher) {
        this.cipher = cipher;
        this.kind = 'dealer';
    }
    async resolve(manager, claims) {
        const payees = new Map();
        const ids = [...new Set(claims.flatMap((claim) => claim.payeeOrganizationId ?? []))];
        if (ids.length === 0)
            return payees;
        const rows = (await manager.query(`SELECT id, name, status, payout_bank_name, payout_account_enc FROM organization WHERE id = ANY($1::uuid[])`, [ids]));
        const paid = new Map();
        for (const row of rows) {
            // Held: not active now; or no payout account on file (an organisation created before
            // registration existed): nothing to pay to.
            if (row.status !== 'active' || !row.payout_account_enc || !row.payout_bank_name)
                continue;
            const account = this.cipher.decrypt(row.payout_account_enc, organization_view_1.ORGANIZATION_FIELDS.payoutAccount);
            paid.set(row.id, {
                organizationId: row.id,
                name: row.name,
                bankName: row.payout_bank_name,
                account,
                accountBidx: this.cipher.blindIndex(account, 'bank_account'),
            });
        }
        for (const claim of claims) {
            const organization = claim.payeeOrganizationId ? paid.get(claim.payeeOrganizationId) : undefined;
            if (organization)
                payees.set(claim.applicationId, { kind: 'dealer', userId: null, ...organization });
        }
        return payees;
    }
};
exports.DealerPayeeResolver = DealerPayeeResolver;
exports.DealerPayeeResolver = DealerPayeeResolver = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [pii_cipher_1.PiiCipher])
], DealerPayeeResolver);
//# sourceMappingURL=dealer-payee.resolver.js.map