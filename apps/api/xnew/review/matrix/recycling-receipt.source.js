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
exports.RecyclingReceiptMatrixSource = void 0;
const common_1 = require("@nestjs/common");
const shared_1 = require("@huanxin/shared");
const pii_cipher_1 = require("../../common/crypto/pii-cipher");
const dealer_records_repository_1 = require("../../dealers/certificates/dealer-records.repository");
const dealer_records_service_1 = require("../../dealers/certificates/dealer-records.service");
const risk_rule_1 = require("../../risk/risk-rule");
const RECEIPT_FACT = 'oldItem.recyclingReceiptNo';
/**
 * The recycler's receipt for the old item the claim hands in (operations.md §3): its number and
 * the seller, who should be the applicant (masked, compared by the ID's blind index). A claim that
 * cites no receipt reports nothing; one citing a number no recycler recorded reports `null`s
 * (`insufficient`).
 */
let RecyclingReceiptMatrixSource = class RecyclingReceiptMatrixSource {
    constructor(records, cipher) {
        this.records = records;
        this.cipher = cipher;
        this.source = 'recycling_receipt';
    }
    async values({ application, definition }) {
        if (!definition.factFields.some((field) => field.path === RECEIPT_FACT))
            return [];
        const cited = (0, risk_rule_1.factAt)(application.facts, RECEIPT_FACT);
        if (typeof cited !== 'string' || cited.trim() === '')
            return [];
        const number = (0, shared_1.normalizeIdentifier)(cited);
        const receipt = (await this.records.receiptsByNumber([number])).get(number);
        if (!receipt)
            return [
                { field: RECEIPT_FACT, value: null },
                { field: 'applicant.idNumber', value: null },
            ];
        const sellerId = this.cipher.decrypt(receipt.sellerIdNumberEnc, dealer_records_service_1.DEALER_RECORD_FIELDS.sellerIdNumber);
        return [
            { field: RECEIPT_FACT, value: receipt.receiptNo },
            { field: 'applicant.idNumber', value: (0, shared_1.maskIdNumber)(sellerId), compareAs: receipt.sellerIdNumberBidx },
        ];
    }
};
exports.RecyclingReceiptMatrixSource = RecyclingReceiptMatrixSource;
exports.RecyclingReceiptMatrixSource = RecyclingReceiptMatrixSource = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [dealer_records_repository_1.DealerRecordsRepository,
        pii_cipher_1.PiiCipher])
], RecyclingReceiptMatrixSource);
//# sourceMappingURL=recycling-receipt.source.js.map