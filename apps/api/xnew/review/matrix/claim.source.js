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
exports.ClaimMatrixSource = void 0;
exports.keyFactPaths = keyFactPaths;
const common_1 = require("@nestjs/common");
const shared_1 = require("@huanxin/shared");
const pii_cipher_1 = require("../../common/crypto/pii-cipher");
const redact_1 = require("../../common/logging/redact");
const risk_rule_1 = require("../../risk/risk-rule");
const review_repository_1 = require("../review.repository");
/** Fact types and validators that make a fact a key field (operations.md §7: VIN, numbers, price, dates). */
const KEY_TYPES = new Set(['money', 'date']);
/** Facts that are neither claim keys nor typed as such but name a dealer's record (the recycler's receipt). */
const RECORD_FACTS = new Set(['oldItem.recyclingReceiptNo']);
/** The key fact paths of a program: its claim keys, identifier-validated facts, prices, dates and record numbers. */
function keyFactPaths(definition) {
    const paths = new Set(definition.claimKeys.map((key) => key.path));
    for (const field of definition.factFields) {
        if (field.validator || KEY_TYPES.has(field.type) || RECORD_FACTS.has(field.path))
            paths.add(field.path);
    }
    return [...paths];
}
/**
 * What the resident entered on the claim: the key facts, and the person the claim was submitted
 * for (the ID number's blind index recorded at submission, shown masked).
 */
let ClaimMatrixSource = class ClaimMatrixSource {
    constructor(reviews, cipher) {
        this.reviews = reviews;
        this.cipher = cipher;
        this.source = 'claim';
    }
    async values({ application, definition }) {
        const values = keyFactPaths(definition).map((path) => {
            const value = (0, risk_rule_1.factAt)(application.facts, path);
            // Shown masked like the facts (identifier-shaped runs), compared as entered.
            if (typeof value === 'string')
                return { field: path, value: (0, redact_1.maskText)(value), compareAs: value };
            return { field: path, value: typeof value === 'number' || typeof value === 'boolean' ? value : null };
        });
        if (application.idNumberBidx) {
            const encrypted = await this.reviews.idNumberOfPerson(application.idNumberBidx);
            values.push({
                field: 'applicant.idNumber',
                value: encrypted ? (0, shared_1.maskIdNumber)(this.cipher.decrypt(encrypted, 'profile.id_number')) : null,
                compareAs: application.idNumberBidx,
            });
        }
        return values;
    }
};
exports.ClaimMatrixSource = ClaimMatrixSource;
exports.ClaimMatrixSource = ClaimMatrixSource = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [review_repository_1.ReviewRepository,
        pii_cipher_1.PiiCipher])
], ClaimMatrixSource);
//# sourceMappingURL=claim.source.js.map