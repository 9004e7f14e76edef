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
exports.DealerRecordsRepository = void 0;
const common_1 = require("@nestjs/common");
const typeorm_1 = require("@nestjs/typeorm");
const certificate_entity_1 = require("./certificate.entity");
const organization_document_entity_1 = require("./organization-document.entity");
const recycling_receipt_entity_1 = require("./recycling-receipt.entity");
/**
 * Named queries of the dismantlers' and recyclers' records and the registration documents. The
 * dealer's own reads are scoped by organisation (another organisation's id is simply not found);
 * the review reads (`…ByNumber`) take a batch of numbers in one statement through the unique
 * indexes on the numbers.
 */
let DealerRecordsRepository = class DealerRecordsRepository {
    constructor(dataSource) {
        this.dataSource = dataSource;
    }
    transaction(work) {
        return this.dataSource.transaction(work);
    }
    /** The new certificate, or null when its number is on file (decided by the unique index). */
    async insertCertificate(manager, certificate) {
        const inserted = await manager
            .createQueryBuilder()
            .insert()
            .into(certificate_entity_1.CertificateEntity)
            .values(certificate)
            .orIgnore()
            .returning(['id'])
            .execute();
        const id = inserted.raw[0]?.id;
        return id ? manager.getRepository(certificate_entity_1.CertificateEntity).findOneByOrFail({ id }) : null;
    }
    listOwnCertificates(organizationId) {
        return this.dataSource
            .getRepository(certificate_entity_1.CertificateEntity)
            .find({ where: { organizationId }, order: { createdAt: 'DESC' } });
    }
    findOwnCertificate(id, organizationId) {
        return this.dataSource.getRepository(certificate_entity_1.CertificateEntity).findOneBy({ id, organizationId });
    }
    /** The certificates on file with these (normalised) numbers, in one statement. */
    async certificatesByNumber(numbers, manager = this.dataSource.manager) {
        if (numbers.length === 0)
            return new Map();
        const rows = await manager
            .getRepository(certificate_entity_1.CertificateEntity)
            .createQueryBuilder('c')
            .where('c.certificate_no = ANY(:numbers)', { numbers: [...new Set(numbers)] })
            .getMany();
        return new Map(rows.map((row) => [row.certificateNo, row]));
    }
    /** The new receipt, or null when its number is on file (decided by the unique index). */
    async insertReceipt(manager, receipt) {
        const inserted = await manager
            .createQueryBuilder()
            .insert()
            .into(recycling_receipt_entity_1.RecyclingReceiptEntity)
            .values(receipt)
            .orIgnore()
            .returning(['id'])
            .execute();
        const id = inserted.raw[0]?.id;
        return id ? manager.getRepository(recycling_receipt_entity_1.RecyclingReceiptEntity).findOneByOrFail({ id }) : null;
    }
    listOwnReceipts(organizationId) {
        return this.dataSource
            .getRepository(recycling_receipt_entity_1.RecyclingReceiptEntity)
            .find({ where: { organizationId }, order: { createdAt: 'DESC' } });
    }
    findOwnReceipt(id, organizationId) {
        return this.dataSource.getRepository(recycling_receipt_entity_1.RecyclingReceiptEntity).findOneBy({ id, organizationId });
    }
    /** The receipts on file with these (normalised) numbers, in one statement. */
    async receiptsByNumber(numbers) {
        if (numbers.length === 0)
            return new Map();
        const rows = await this.dataSource
            .getRepository(recycling_receipt_entity_1.RecyclingReceiptEntity)
            .createQueryBuilder('r')
            .where('r.receipt_no = ANY(:numbers)', { numbers: [...new Set(numbers)] })
            .getMany();
        return new Map(rows.map((row) => [row.receiptNo, row]));
    }
    /**
     * Records a registration document unless the organisation has `max` already: the count and the
     * insert under the organisation's row lock, so two uploads at once cannot both take the last place.
     */
    async insertOrganizationDocument(manager, document, max) {
        await manager.query('SELECT 1 FROM organization WHERE id = $1 FOR UPDATE', [document.organizationId]);
        const count = await manager
            .getRepository(organization_document_entity_1.OrganizationDocumentEntity)
            .countBy({ organizationId: document.organizationId });
        if (count >= max)
            return null;
        const { identifiers } = await manager.getRepository(organization_document_entity_1.OrganizationDocumentEntity).insert(document);
        return manager
            .getRepository(organization_document_entity_1.OrganizationDocumentEntity)
            .findOneByOrFail({ id: identifiers[0].id });
    }
    listOrganizationDocuments(organizationId) {
        return this.dataSource
            .getRepository(organization_document_entity_1.OrganizationDocumentEntity)
            .find({ where: { organizationId }, order: { createdAt: 'ASC' } });
    }
    findOrganizationDocument(organizationId, id) {
        return this.dataSource.getRepository(organization_document_entity_1.OrganizationDocumentEntity).findOneBy({ id, organizationId });
    }
};
exports.DealerRecordsRepository = DealerRecordsRepository;
exports.DealerRecordsRepository = DealerRecordsRepository = __decorate([
    (0, common_1.Injectable)(),
    __param(0, (0, typeorm_1.InjectDataSource)()),
    __metadata("design:paramtypes", [Function])
], DealerRecordsRepository);
//# sourceMappingURL=dealer-records.repository.js.map