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
exports.OrganizationDocumentsService = void 0;
const common_1 = require("@nestjs/common");
const shared_1 = require("@huanxin/shared");
const audit_service_1 = require("../../audit/audit.service");
const domain_error_1 = require("../../common/errors/domain-error");
const documents_service_1 = require("../../documents/documents.service");
const storage_1 = require("../../documents/storage");
const stored_upload_1 = require("../../documents/stored-upload");
const organizations_repository_1 = require("../organizations.repository");
const dealer_records_dto_1 = require("./dealer-records.dto");
const dealer_records_repository_1 = require("./dealer-records.repository");
const multipart_fields_1 = require("./multipart-fields");
/** A registration is documented while it waits for approval and after it (operations.md §2). */
const MAY_FILE = ['pending', 'active'];
/**
 * The documents of a registration: the business licence and the signed commitment, uploaded by the
 * organisation's own users while it is pending (that is what the commerce office reviews) or active
 * (a renewed licence), and read by the commerce office. Stored like a claim's documents; uploads
 * and every view are audited with ids and the kind only.
 */
let OrganizationDocumentsService = class OrganizationDocumentsService {
    constructor(records, organizations, storage, audit) {
        this.records = records;
        this.organizations = organizations;
        this.storage = storage;
        this.audit = audit;
    }
    async upload(caller, body) {
        const access = await this.organizations.dealerAccess(caller.id);
        if (!access)
            throw new domain_error_1.DomainError(shared_1.ErrorCode.FORBIDDEN, 'Not allowed');
        if (!MAY_FILE.includes(access.status))
            throw new domain_error_1.DomainError(shared_1.ErrorCode.ORGANIZATION_NOT_ACTIVE, `The organisation is ${access.status}: its documents can be read, not changed`, { extra: { status: access.status } });
        const file = await body.file();
        if (!file)
            throw (0, domain_error_1.validationFailed)({ file: shared_1.FieldErrorCode.REQUIRED }, 'Send the document as `file`');
        const { kind } = await (0, multipart_fields_1.validateFields)(dealer_records_dto_1.OrganizationDocumentFields, file.fields);
        const stored = await (0, stored_upload_1.storeUpload)(this.storage, file, body);
        try {
            const document = await this.records.transaction(async (manager) => {
                const row = await this.records.insertOrganizationDocument(manager, {
                    organizationId: access.organizationId,
                    kind,
                    contentType: stored.contentType,
                    size: stored.size,
                    sha256: stored.sha256,
                    storageKey: stored.storageKey,
                    originalName: (0, documents_service_1.sanitizeName)(file.filename),
                    uploadedBy: caller.id,
                }, shared_1.MAX_ORGANIZATION_DOCUMENTS);
                if (!row)
                    throw new domain_error_1.DomainError(shared_1.ErrorCode.TOO_MANY_ORGANIZATION_DOCUMENTS, `At most ${shared_1.MAX_ORGANIZATION_DOCUMENTS} documents per organisation`);
                await this.audit.record({
                    action: 'organization.document_uploaded',
                    result: 'success',
                    objectType: 'organization_document',
                    objectId: row.id,
                    detail: { organizationId: access.organizationId, kind },
                }, manager);
                return row;
            });
            return view(document);
        }
        catch (error) {
            await stored.discard();
            throw error;
        }
    }
    async listOwn(caller) {
        return (await this.records.listOrganizationDocuments(caller.organizationId)).map(view);
    }
    /** The commerce office's list of an organisation's documents (404 for an unknown organisation). */
    async list(organizationId) {
        if (!(await this.organizations.findById(organizationId)))
            throw new domain_error_1.DomainError(shared_1.ErrorCode.ORGANIZATION_NOT_FOUND, 'No such organisation');
        return (await this.records.listOrganizationDocuments(organizationId)).map(view);
    }
    /** One document's file for the commerce office's viewer (audited). */
    async open(organizationId, documentId) {
        const document = await this.records.findOrganizationDocument(organizationId, documentId);
        if (!document)
            throw new domain_error_1.DomainError(shared_1.ErrorCode.DOCUMENT_NOT_FOUND, 'Document not found');
        const stream = await this.storage.read(document.storageKey);
        await this.audit.record({
            action: 'organization.document_viewed',
            result: 'success',
            objectType: 'organization_document',
            objectId: document.id,
            detail: { organizationId, kind: document.kind },
        });
        return { document, stream };
    }
};
exports.OrganizationDocumentsService = OrganizationDocumentsService;
exports.OrganizationDocumentsService = OrganizationDocumentsService = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [dealer_records_repository_1.DealerRecordsRepository,
        organizations_repository_1.OrganizationsRepository,
        storage_1.DocumentStorage,
        audit_service_1.AuditService])
], OrganizationDocumentsService);
function view(row) {
    return {
        id: row.id,
        kind: row.kind,
        contentType: row.contentType,
        size: row.size,
        sha256: row.sha256,
        createdAt: row.createdAt.toISOString(),
    };
}
//# sourceMappingURL=organization-documents.service.js.map