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
exports.PaymentViews = exports.LINE_FIELDS = void 0;
const common_1 = require("@nestjs/common");
const shared_1 = require("@huanxin/shared");
const pii_cipher_1 = require("../common/crypto/pii-cipher");
/** The columns the line's payee details are encrypted for (bound as additional data). */
exports.LINE_FIELDS = { name: 'payment_line.payee_name', account: 'payment_line.account' };
/** Batches, lines and receivables as every view shows them: names and accounts masked. */
let PaymentViews = class PaymentViews {
    constructor(cipher) {
        this.cipher = cipher;
    }
    summary(batch) {
        return {
            id: batch.id,
            status: batch.status,
            programCode: batch.programCode,
            totalFen: batch.totalFen,
            createdBy: batch.createdBy,
            createdAt: batch.createdAt.toISOString(),
            releasedBy: batch.releasedBy,
            releasedAt: batch.releasedAt?.toISOString() ?? null,
            counts: batch.counts,
        };
    }
    detail(batch, lines) {
        return { ...this.summary(batch), lines: lines.map((line) => this.line(line)) };
    }
    line(line) {
        return {
            lineId: line.id,
            applicationCode: line.applicationCode,
            payee: line.payeeKind,
            payeeNameMasked: (0, shared_1.maskName)(this.payeeName(line)),
            accountMasked: (0, shared_1.maskBankCard)(this.account(line)),
            bankName: line.bankName,
            amountFen: line.amountFen,
            nettedFen: line.nettedFen,
            status: line.status,
            ...(line.reason ? { reason: line.reason } : {}),
            ...(line.bankRef ? { bankRef: line.bankRef } : {}),
            ...(line.settledAt ? { settledAt: line.settledAt.toISOString() } : {}),
        };
    }
    receivable(row) {
        const name = row.payeeNameEnc
            ? this.cipher.decrypt(row.payeeNameEnc, 'profile.name')
            : (row.organizationName ?? '');
        return {
            id: row.id,
            applicationCode: row.applicationCode,
            programCode: row.programCode,
            payee: row.payeeKind,
            // A dealer's name is public (the organisation); a resident's is masked.
            payeeNameMasked: row.payeeKind === 'dealer' ? name : (0, shared_1.maskName)(name),
            amountFen: row.amountFen,
            nettedFen: row.nettedFen,
            reason: row.reason,
            status: row.status,
            source: row.source,
            dueOn: row.dueOn,
            createdAt: row.createdAt.toISOString(),
        };
    }
    /** The full name and account: only for the bank file. */
    payeeName(line) {
        return this.cipher.decrypt(line.payeeNameEnc, exports.LINE_FIELDS.name);
    }
    account(line) {
        return this.cipher.decrypt(line.accountEnc, exports.LINE_FIELDS.account);
    }
    encrypt(value, field) {
        return this.cipher.encrypt(value, exports.LINE_FIELDS[field]);
    }
};
exports.PaymentViews = PaymentViews;
exports.PaymentViews = PaymentViews = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [pii_cipher_1.PiiCipher])
], PaymentViews);
//# sourceMappingURL=payment-views.js.map