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
exports.CertificateMatrixSource = void 0;
const common_1 = require("@nestjs/common");
const shared_1 = require("@huanxin/shared");
const pii_cipher_1 = require("../../common/crypto/pii-cipher");
const redact_1 = require("../../common/logging/redact");
const dealer_records_repository_1 = require("../../dealers/certificates/dealer-records.repository");
const dealer_records_service_1 = require("../../dealers/certificates/dealer-records.service");
const risk_rule_1 = require("../../risk/risk-rule");
/** The claim's fact naming the certificate, and the fields the certificate speaks to. */
const CERTIFICATE_FACT = 'scrap.certificateNo';
const FIELDS = [
    CERTIFICATE_FACT,
    'oldVehicle.vin',
    'oldVehicle.plate',
    'scrap.scrappedOn',
    'scrap.deregisteredOn',
    'applicant.idNumber',
];
/**
 * The dismantler's 《报废机动车回收证明》 the car-scrap claim cites (operations.md §4: the
 * certificate is the authority for the old car): its number, the old VIN and plate, the hand-over
 * and deregistration dates, and the owner (masked, compared by the ID's blind index, as the claim
 * source does). Same certificate and VIN: `match`; another VIN: `conflict`; no dismantler recorded
 * the number: every field `null` here, so the claim's values stand alone (`insufficient`).
 */
let CertificateMatrixSource = class CertificateMatrixSource {
    constructor(records, cipher) {
        this.records = records;
        this.cipher = cipher;
        this.source = 'certificate';
    }
    async values({ application, definition }) {
        if (!definition.factFields.some((field) => field.path === CERTIFICATE_FACT))
            return [];
        const cited = (0, risk_rule_1.factAt)(application.facts, CERTIFICATE_FACT);
        if (typeof cited !== 'string' || cited.trim() === '')
            return [];
        const number = (0, shared_1.normalizeIdentifier)(cited);
        const certificate = (await this.records.certificatesByNumber([number])).get(number);
        if (!certificate)
            return FIELDS.map((field) => ({ field, value: null }));
        const ownerId = this.cipher.decrypt(certificate.ownerIdNumberEnc, dealer_records_service_1.DEALER_RECORD_FIELDS.ownerIdNumber);
        return [
            { field: CERTIFICATE_FACT, value: certificate.certificateNo },
            { field: 'oldVehicle.vin', value: (0, redact_1.maskText)(certificate.vin), compareAs: certificate.vin },
            { field: 'oldVehicle.plate', value: certificate.plate },
            { field: 'scrap.scrappedOn', value: certificate.handedOverOn },
            { field: 'scrap.deregisteredOn', value: certificate.deregisteredOn },
            { field: 'applicant.idNumber', value: (0, shared_1.maskIdNumber)(ownerId), compareAs: certificate.ownerIdNumberBidx },
        ];
    }
};
exports.CertificateMatrixSource = CertificateMatrixSource;
exports.CertificateMatrixSource = CertificateMatrixSource = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [dealer_records_repository_1.DealerRecordsRepository,
        pii_cipher_1.PiiCipher])
], CertificateMatrixSource);
//# sourceMappingURL=certificate.source.js.map