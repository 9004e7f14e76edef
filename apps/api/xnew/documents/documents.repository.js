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
exports.DocumentsRepository = void 0;
const common_1 = require("@nestjs/common");
const typeorm_1 = require("@nestjs/typeorm");
const document_entity_1 = require("./document.entity");
/** Named queries of a claim's documents; the claim row lock is the one submit takes. */
let DocumentsRepository = class DocumentsRepository {
    constructor(dataSource) {
        this.dataSource = dataSource;
    }
    /** The caller's own claim (another person's is null, answered like a missing one). */
    async findOwnClaim(applicationId, applicantId) {
        const [row] = (await this.dataSource.query(`SELECT id, status, program_version_id FROM application WHERE id = $1 AND applicant_id = $2`, [applicationId, applicantId]));
        return row ? { id: row.id, status: row.status, programVersionId: row.program_version_id } : null;
    }
    /**
     * Locks the claim row for the rest of the transaction, `FOR UPDATE` like submit and every status
     * change: an upload either commits before a submit takes the lock (and the submit sees it) or
     * waits for the submit and then reads the new status. Answers the status under the lock.
     */
    async lockClaimStatus(manager, applicationId) {
        const [row] = (await manager.query(`SELECT status FROM application WHERE id = $1 FOR UPDATE`, [
            applicationId,
        ]));
        return row?.status ?? null;
    }
    async countForClaim(applicationId, manager = this.dataSource.manager) {
        const [row] = (await manager.query(`SELECT count(*)::int AS n FROM application_document WHERE application_id = $1`, [applicationId]));
        return row.n;
    }
    async insert(manager, document) {
        const [row] = (await manager.query(`INSERT INTO application_document (application_id, kind, content_type, size, sha256, storage_key, original_name, uploaded_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`, [
            document.applicationId,
            document.kind,
            document.contentType,
            document.size,
            document.sha256,
            document.storageKey,
            document.originalName,
            document.uploadedBy,
        ]));
        return row.id;
    }
    listForClaim(applicationId) {
        return this.dataSource
            .getRepository(document_entity_1.DocumentEntity)
            .find({ where: { applicationId }, order: { createdAt: 'ASC' } });
    }
    findInClaim(applicationId, documentId) {
        return this.dataSource.getRepository(document_entity_1.DocumentEntity).findOneBy({ id: documentId, applicationId });
    }
};
exports.DocumentsRepository = DocumentsRepository;
exports.DocumentsRepository = DocumentsRepository = __decorate([
    (0, common_1.Injectable)(),
    __param(0, (0, typeorm_1.InjectDataSource)()),
    __metadata("design:paramtypes", [Function])
], DocumentsRepository);
//# sourceMappingURL=documents.repository.js.map