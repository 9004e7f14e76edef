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
exports.DealerRecordsService = exports.DEALER_RECORD_FIELDS = void 0;
const common_1 = require("@nestjs/common");
const shared_1 = require("@huanxin/shared");
const audit_service_1 = require("../../audit/audit.service");
const clock_1 = require("../../common/clock");
const pii_cipher_1 = require("../../common/crypto/pii-cipher");
const domain_error_1 = require("../../common/errors/domain-error");
const storage_1 = require("../../documents/storage");
const stored_upload_1 = require("../../documents/stored-upload");
const programs_repository_1 = require("../../programs/programs.repository");
const organizations_repository_1 = require("../organizations.repository");
const dealer_records_dto_1 = require("./dealer-records.dto");
const dealer_records_repository_1 = require("./dealer-records.repository");
const multipart_fields_1 = require("./multipart-fields");
/** The encrypted columns' field names (bound into each ciphertext as additional data). */
exports.DEALER_RECORD_FIELDS = {
    ownerName: 'dealer_certificate.owner_name',
    ownerIdNumber: 'dealer_certificate.owner_id_number',
    sellerIdNumber: 'dealer_recycling_receipt.seller_id_number',
};
/**
 * Dismantlers' certificates and recyclers' receipts (operations.md §2–§4). Only an organisation of
 * the right kind records them (403 ORGANIZATION_KIND_NOT_ALLOWED, checked before a byte of a scan
 * is read); the guard has already required it to be active. A number on file already is refused by
 * the unique index (409), never by a look-up first, so two recordings at once cannot both pass.
 * Names and ID numbers are encrypted with the ID's blind index beside them; every answer masks them.
 * Each record is audited with its ids, never the personal data.
 */
let DealerRecordsService = class DealerRecordsService {
    constructor(records, organizations, programs, storage, cipher, audit, clock) {
        this.records = records;
        this.organizations = organizations;
        this.programs = programs;
        this.storage = storage;
        this.cipher = cipher;
        this.audit = audit;
        this.clock = clock;
    }
    async createCertificate(caller, body) {
        return this.audited('certificate.recorded', 'dealer_certificate', caller, () => this.recordCertificate(caller, body));
    }
    async recordCertificate(caller, body) {
        const organizationId = caller.organizationId;
        // The fields (up to the file part) are read, not a byte of the scan yet: 415 for a body that
        // is not multipart at all comes first, then the organisation's kind.
        const file = await body.file();
        await this.requireKind(organizationId, 'dismantler');
        if (!file)
            throw (0, domain_error_1.validationFailed)({ file: shared_1.FieldErrorCode.REQUIRED }, 'Send the scan as `file`');
        const input = await (0, multipart_fields_1.validateFields)(dealer_records_dto_1.CreateCertificateFields, file.fields);
        const today = this.clock.today();
        this.checkDate('handedOverOn', input.handedOverOn, today);
        if (input.deregisteredOn !== undefined) {
            this.checkDate('deregisteredOn', input.deregisteredOn, today);
            if (input.deregisteredOn < input.handedOverOn)
                throw (0, domain_error_1.validationFailed)({ deregisteredOn: shared_1.FieldErrorCode.OUT_OF_RANGE }, 'Deregistered before hand-over');
        }
        const vin = (0, shared_1.validateVin)(input.vin, { context: 'old' });
        const ownerIdNumber = (0, shared_1.normalizeIdentifier)(input.ownerIdNumber);
        const scan = await (0, stored_upload_1.storeUpload)(this.storage, file, body);
        try {
            const certificate = await this.records.transaction(async (manager) => {
                const row = await this.records.insertCertificate(manager, {
                    organizationId,
                    certificateNo: input.certificateNo,
                    vin: vin.value,
                    vinWarning: vin.warnings.length > 0,
                    plate: (0, shared_1.normalizeIdentifier)(input.plate),
                    ownerNameEnc: this.cipher.encrypt(input.ownerName.trim(), exports.DEALER_RECORD_FIELDS.ownerName),
                    ownerIdNumberEnc: this.cipher.encrypt(ownerIdNumber, exports.DEALER_RECORD_FIELDS.ownerIdNumber),
                    ownerIdNumberBidx: this.cipher.blindIndex(ownerIdNumber, 'id_number'),
                    handedOverOn: input.handedOverOn,
                    deregisteredOn: input.deregisteredOn ?? null,
                    scanStorageKey: scan.storageKey,
                    scanContentType: scan.contentType,
                    scanSize: scan.size,
                    scanSha256: scan.sha256,
                    createdBy: caller.id,
                });
                if (!row)
                    throw new domain_error_1.DomainError(shared_1.ErrorCode.DUPLICATE_CERTIFICATE, 'A certificate with this number is on file', {
                        fields: { certificateNo: shared_1.ErrorCode.DUPLICATE_CERTIFICATE },
                    });
                await this.audit.record({
                    action: 'certificate.recorded',
                    result: 'success',
                    objectType: 'dealer_certificate',
                    objectId: row.id,
                    detail: { organizationId, vinWarning: row.vinWarning },
                }, manager);
                return row;
            });
            return this.certificateView(certificate);
        }
        catch (error) {
            await scan.discard();
            throw error;
        }
    }
    async listCertificates(caller) {
        const rows = await this.records.listOwnCertificates(caller.organizationId);
        return rows.map((row) => this.certificateView(row));
    }
    async certificate(caller, id) {
        const row = await this.records.findOwnCertificate(id, caller.organizationId);
        if (!row)
            throw new domain_error_1.DomainError(shared_1.ErrorCode.CERTIFICATE_NOT_FOUND, 'No such certificate');
        return this.certificateView(row);
    }
    async createReceipt(caller, input) {
        return this.audited('recycling_receipt.recorded', 'dealer_recycling_receipt', caller, () => this.recordReceipt(caller, input));
    }
    async recordReceipt(caller, input) {
        const organizationId = caller.organizationId;
        await this.requireKind(organizationId, 'recycler');
        if (!(await this.oldItemCategories()).has(input.category))
            throw (0, domain_error_1.validationFailed)({ category: shared_1.FieldErrorCode.NOT_IN_OPTIONS });
        this.checkDate('recycledOn', input.recycledOn, this.clock.today());
        const sellerIdNumber = (0, shared_1.normalizeIdentifier)(input.sellerIdNumber);
        const receipt = await this.records.transaction(async (manager) => {
            const row = await this.records.insertReceipt(manager, {
                organizationId,
                receiptNo: input.receiptNo,
                category: input.category,
                sellerIdNumberEnc: this.cipher.encrypt(sellerIdNumber, exports.DEALER_RECORD_FIELDS.sellerIdNumber),
                sellerIdNumberBidx: this.cipher.blindIndex(sellerIdNumber, 'id_number'),
                recycledOn: input.recycledOn,
                createdBy: caller.id,
            });
            if (!row)
                throw new domain_error_1.DomainError(shared_1.ErrorCode.DUPLICATE_RECEIPT, 'A receipt with this number is on file', {
                    fields: { receiptNo: shared_1.ErrorCode.DUPLICATE_RECEIPT },
                });
            await this.audit.record({
                action: 'recycling_receipt.recorded',
                result: 'success',
                objectType: 'dealer_recycling_receipt',
                objectId: row.id,
                detail: { organizationId, category: row.category },
            }, manager);
            return row;
        });
        return this.receiptView(receipt);
    }
    async listReceipts(caller) {
        const rows = await this.records.listOwnReceipts(caller.organizationId);
        return rows.map((row) => this.receiptView(row));
    }
    async receipt(caller, id) {
        const row = await this.records.findOwnReceipt(id, caller.organizationId);
        if (!row)
            throw new domain_error_1.DomainError(shared_1.ErrorCode.RECEIPT_NOT_FOUND, 'No such recycling receipt');
        return this.receiptView(row);
    }
    /** A refused recording is audited too, with its code (never the personal data it carried). */
    async audited(action, objectType, caller, work) {
        try {
            return await work();
        }
        catch (error) {
            await this.audit.record({
                action,
                result: 'failure',
                objectType,
                detail: {
                    organizationId: caller.organizationId,
                    code: error instanceof domain_error_1.DomainError ? error.code : 'INTERNAL_ERROR',
                },
            });
            throw error;
        }
    }
    /** The organisation must be of this kind now (read from the database, as the guard reads its status). */
    async requireKind(organizationId, kind) {
        const organization = await this.organizations.findById(organizationId);
        if (!organization?.kinds.includes(kind))
            throw new domain_error_1.DomainError(shared_1.ErrorCode.ORGANIZATION_KIND_NOT_ALLOWED, `Only an organisation registered as ${kind} records this`, { extra: { requiredKind: kind } });
    }
    /**
     * The categories an old item may have: those of the published programs that ask for a recycling
     * receipt (`oldItem.recyclingReceiptNo`) — their `item.category` options, or the program's kind
     * (`ebike`) when it has no categories.
     */
    async oldItemCategories() {
        const categories = new Set();
        for (const { definition } of await this.programs.listCurrent()) {
            if (!definition.factFields.some((field) => field.path === 'oldItem.recyclingReceiptNo'))
                continue;
            const options = definition.factFields.find((field) => field.path === 'item.category')?.options ?? [];
            if (options.length === 0)
                categories.add(definition.kind);
            for (const option of options)
                categories.add(String(option.value));
        }
        return categories;
    }
    checkDate(field, value, today) {
        if (!(0, shared_1.isIsoDate)(value))
            throw (0, domain_error_1.validationFailed)({ [field]: shared_1.FieldErrorCode.INVALID_DATE });
        if (value > today)
            throw (0, domain_error_1.validationFailed)({ [field]: shared_1.FieldErrorCode.OUT_OF_RANGE }, 'A date in the future');
    }
    certificateView(row) {
        return {
            id: row.id,
            certificateNo: row.certificateNo,
            vin: row.vin,
            vinWarning: row.vinWarning,
            plate: row.plate,
            ownerNameMasked: (0, shared_1.maskName)(this.cipher.decrypt(row.ownerNameEnc, exports.DEALER_RECORD_FIELDS.ownerName)),
            ownerIdNumberMasked: (0, shared_1.maskIdNumber)(this.cipher.decrypt(row.ownerIdNumberEnc, exports.DEALER_RECORD_FIELDS.ownerIdNumber)),
            handedOverOn: row.handedOverOn,
            deregisteredOn: row.deregisteredOn,
            scan: { contentType: row.scanContentType, size: row.scanSize, sha256: row.scanSha256 },
            createdAt: row.createdAt.toISOString(),
        };
    }
    receiptView(row) {
        return {
            id: row.id,
            receiptNo: row.receiptNo,
            category: row.category,
            sellerIdNumberMasked: (0, shared_1.maskIdNumber)(this.cipher.decrypt(row.sellerIdNumberEnc, exports.DEALER_RECORD_FIELDS.sellerIdNumber)),
            recycledOn: row.recycledOn,
            createdAt: row.createdAt.toISOString(),
        };
    }
};
exports.DealerRecordsService = DealerRecordsService;
exports.DealerRecordsService = DealerRecordsService = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [dealer_records_repository_1.DealerRecordsRepository,
        organizations_repository_1.OrganizationsRepository,
        programs_repository_1.ProgramsRepository,
        storage_1.DocumentStorage,
        pii_cipher_1.PiiCipher,
        audit_service_1.AuditService,
        clock_1.Clock])
], DealerRecordsService);
//# sourceMappingURL=dealer-records.service.js.map