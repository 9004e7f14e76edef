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
exports.DocumentsService = void 0;
exports.sanitizeName = sanitizeName;
const node_crypto_1 = require("node:crypto");
const promises_1 = require("node:fs/promises");
const common_1 = require("@nestjs/common");
const typeorm_1 = require("@nestjs/typeorm");
const shared_1 = require("@huanxin/shared");
const audit_service_1 = require("../audit/audit.service");
const domain_error_1 = require("../common/errors/domain-error");
const programs_repository_1 = require("../programs/programs.repository");
const documents_repository_1 = require("./documents.repository");
const storage_1 = require("./storage");
const stored_upload_1 = require("./stored-upload");
const OBJECT_TYPE = 'application_document';
/**
 * Uploads for a claim: streamed to scratch space, typed by magic bytes, hashed, stored under a
 * server key, and only then recorded, in a short transaction holding the claim's row lock (the
 * one submit takes) that checks again that the claim is editable and has room. A refusal there
 * deletes the stored object: documents freeze at submit, even for an upload begun before it.
 * Uploads and downloads are audited with ids and the kind only (never the file's name).
 */
let DocumentsService = class DocumentsService {
    constructor(dataSource, documents, programs, storage, audit) {
        this.dataSource = dataSource;
        this.documents = documents;
        this.programs = programs;
        this.storage = storage;
        this.audit = audit;
    }
    async upload(applicantId, applicationId, body) {
        const attempt = {};
        try {
            const view = await this.receive(applicantId, applicationId, body, attempt);
            return view;
        }
        catch (error) {
            await this.audit.record({
                action: 'document.uploaded',
                result: 'failure',
                objectType: OBJECT_TYPE,
                detail: {
                    applicationId,
                    ...attempt,
                    code: error instanceof domain_error_1.DomainError ? error.code : 'INTERNAL_ERROR',
                },
            });
            throw error;
        }
    }
    async receive(applicantId, applicationId, body, attempt) {
        // Early refusals, before a byte of the file is read; the transaction below decides.
        const claim = await this.ownClaim(applicantId, applicationId);
        assertEditable(claim.status);
        const file = await body.file();
        if (!file)
            throw (0, domain_error_1.validationFailed)({ file: 'REQUIRED' }, 'No file');
        const definition = await this.programs.definitionByVersionId(claim.programVersionId);
        if (!file.kind || !definition.documents.some((doc) => doc.kind === file.kind))
            throw (0, domain_error_1.validationFailed)({ kind: file.kind ? 'NOT_IN_OPTIONS' : 'REQUIRED' });
        const kind = file.kind;
        attempt.kind = kind;
        if ((await this.documents.countForClaim(applicationId)) >= shared_1.MAX_DOCUMENTS_PER_APPLICATION)
            throw tooMany();
        const storageKey = (0, node_crypto_1.randomUUID)();
        const temp = await this.storage.tempPath(storageKey);
        let stored = false;
        try {
            const received = await (0, stored_upload_1.receiveToScratch)(file.stream, temp);
            // The whole body, up to its closing boundary, before anything is kept.
            await body.end();
            await this.storage.put(storageKey, temp);
            stored = true;
            const id = await this.dataSource.transaction(async (manager) => {
                assertEditable(await this.documents.lockClaimStatus(manager, applicationId));
                if ((await this.documents.countForClaim(applicationId, manager)) >= shared_1.MAX_DOCUMENTS_PER_APPLICATION)
                    throw tooMany();
                const documentId = await this.documents.insert(manager, {
                    applicationId,
                    kind,
                    ...received,
                    storageKey,
                    originalName: sanitizeName(file.filename),
                    uploadedBy: applicantId,
                });
                await this.audit.record({
                    action: 'document.uploaded',
                    result: 'success',
                    objectType: OBJECT_TYPE,
                    objectId: documentId,
                    detail: { applicationId, kind },
                }, manager);
                return documentId;
            });
            return { id, kind, contentType: received.contentType, size: received.size, sha256: received.sha256 };
        }
        catch (error) {
            await (0, promises_1.rm)(temp, { force: true });
            if (stored)
                await this.storage.remove(storageKey);
            throw error;
        }
    }
    async list(applicantId, applicationId) {
        await this.ownClaim(applicantId, applicationId);
        const rows = await this.documents.listForClaim(applicationId);
        return rows.map((row) => ({
            id: row.id,
            kind: row.kind,
            contentType: row.contentType,
            size: row.size,
            sha256: row.sha256,
        }));
    }
    /** The file for its owner only; another person's document answers 404 like a missing one. */
    async open(applicantId, applicationId, documentId) {
        const claim = await this.documents.findOwnClaim(applicationId, applicantId);
        const document = claim ? await this.documents.findInClaim(applicationId, documentId) : null;
        if (!document) {
            await this.audit.record({
                action: 'document.downloaded',
                result: 'failure',
                objectType: OBJECT_TYPE,
                objectId: documentId,
                detail: { applicationId, code: shared_1.ErrorCode.DOCUMENT_NOT_FOUND },
            });
            throw new domain_error_1.DomainError(shared_1.ErrorCode.DOCUMENT_NOT_FOUND, 'Document not found');
        }
        const stream = await this.storage.read(document.storageKey);
        await this.audit.record({
            action: 'document.downloaded',
            result: 'success',
            objectType: OBJECT_TYPE,
            objectId: document.id,
            detail: { applicationId, kind: document.kind },
        });
        return { document, stream };
    }
    async ownClaim(applicantId, applicationId) {
        const claim = await this.documents.findOwnClaim(applicationId, applicantId);
        if (!claim)
            throw new domain_error_1.DomainError(shared_1.ErrorCode.APPLICATION_NOT_FOUND, 'Application not found');
        return claim;
    }
};
exports.DocumentsService = DocumentsService;
exports.DocumentsService = DocumentsService = __decorate([
    (0, common_1.Injectable)(),
    __param(0, (0, typeorm_1.InjectDataSource)()),
    __metadata("design:paramtypes", [Function, documents_repository_1.DocumentsRepository,
        programs_repository_1.ProgramsRepository,
        storage_1.DocumentStorage,
        audit_service_1.AuditService])
], DocumentsService);
function assertEditable(status) {
    if (status === null)
        throw new domain_error_1.DomainError(shared_1.ErrorCode.APPLICATION_NOT_FOUND, 'Application not found');
    if (!shared_1.EDITABLE_STATUSES.includes(status)) {
        throw new domain_error_1.DomainError(shared_1.ErrorCode.WRONG_STATE, `Documents cannot change while the application is ${status}`);
    }
}
function tooMany() {
    return new domain_error_1.DomainError(shared_1.ErrorCode.TOO_MANY_DOCUMENTS, `At most ${shared_1.MAX_DOCUMENTS_PER_APPLICATION} documents per application`);
}
/** The client's file name is kept as metadata only: no path, no control characters, bounded. */
function sanitizeName(name) {
    if (!name)
        return null;
    const base = name.split(/[\\/]/).pop() ?? '';
    const clean = [...base]
        .filter((char) => char.charCodeAt(0) >= 0x20 && char.charCodeAt(0) !== 0x7f && char !== '"')
        .join('')
        .trim()
        .slice(0, 120);
    return clean || null;
}
//# sourceMappingURL=documents.service.js.map