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
exports.ReviewCaseService = void 0;
const common_1 = require("@nestjs/common");
const shared_1 = require("@huanxin/shared");
const application_errors_1 = require("../applications/application-errors");
const applications_repository_1 = require("../applications/applications.repository");
const audit_service_1 = require("../audit/audit.service");
const domain_error_1 = require("../common/errors/domain-error");
const dealer_records_repository_1 = require("../dealers/certificates/dealer-records.repository");
const storage_1 = require("../documents/storage");
const server_evaluator_1 = require("../eligibility/server-evaluator");
const risk_rule_1 = require("../risk/risk-rule");
const programs_repository_1 = require("../programs/programs.repository");
const masking_1 = require("./masking");
const matrix_registry_1 = require("./matrix/matrix.registry");
const review_repository_1 = require("./review.repository");
/**
 * The case screen (operations.md §7): facts masked, the clause trace re-run now under the claim's
 * program version, documents, the field matrix from every registered source, flags with weights,
 * the applicant's other claims and the decisions so far. Drafts are the resident's alone: 404.
 */
let ReviewCaseService = class ReviewCaseService {
    constructor(reviews, applications, programs, evaluator, matrix, storage, audit, records) {
        this.reviews = reviews;
        this.applications = applications;
        this.programs = programs;
        this.evaluator = evaluator;
        this.matrix = matrix;
        this.storage = storage;
        this.audit = audit;
        this.records = records;
    }
    /**
     * The dismantler's certificate the claim cites (`scrap.certificateNo`), when one is on file: its
     * scan is shown among the case's documents (the certificate is the authority for the old car,
     * operations.md §4), and its fields are the matrix's `certificate` source.
     */
    async citedCertificate(application, definition) {
        if (!definition.factFields.some((field) => field.path === 'scrap.certificateNo'))
            return null;
        const cited = (0, risk_rule_1.factAt)(application.facts, 'scrap.certificateNo');
        if (typeof cited !== 'string' || cited.trim() === '')
            return null;
        const number = (0, shared_1.normalizeIdentifier)(cited);
        return (await this.records.certificatesByNumber([number])).get(number) ?? null;
    }
    /** A claim staff may look at (anything the resident has submitted at least once). */
    async reviewable(id) {
        const application = await this.reviews.findApplication(id);
        if (!application || application.status === 'draft')
            throw (0, application_errors_1.applicationNotFound)();
        return {
            application,
            definition: await this.programs.definitionByVersionId(application.programVersionId),
        };
    }
    async case(id) {
        const { application, definition } = await this.reviewable(id);
        const [evaluation, timeline, documents, matrix, flags, history, decisions, certificate] = await Promise.all([
            this.evaluator.evaluate(definition, application.facts, {
                applicantId: application.applicantId,
                excludeId: application.id,
            }),
            this.applications.timeline(id),
            this.reviews.documents(id),
            this.matrix.build({ application, definition }),
            this.reviews.flags(id),
            this.reviews.otherClaims(application),
            this.reviews.decisions(id),
            this.citedCertificate(application, definition),
        ]);
        await this.audit.record({
            action: 'review.case_viewed',
            result: 'success',
            objectType: 'application',
            objectId: id,
            detail: { code: application.code },
        });
        return {
            application: {
                id: application.id,
                code: application.code,
                programCode: definition.code,
                programVersion: definition.version,
                status: application.status,
                stage: application.stage,
                amountFen: application.reservedFen,
                facts: (0, masking_1.maskFacts)(application.facts),
                timeline: timeline.map((event) => ({
                    at: event.at.toISOString(),
                    status: event.toStatus,
                    note: event.note,
                })),
            },
            evaluation,
            documents: [
                ...documents.map((d) => ({
                    id: d.id,
                    kind: d.kind,
                    contentType: d.content_type,
                    size: Number(d.size),
                })),
                ...(certificate
                    ? [
                        {
                            id: certificate.id,
                            kind: shared_1.CERTIFICATE_SCAN_KIND,
                            contentType: certificate.scanContentType,
                            size: certificate.scanSize,
                        },
                    ]
                    : []),
            ],
            matrix,
            flags,
            riskScore: application.riskScore,
            history: history.map((h) => ({
                id: h.id,
                code: h.code,
                programCode: h.program_code,
                status: h.status,
                amountFen: Number(h.reserved_fen),
            })),
            decisions: decisions.map((d) => ({
                by: { id: d.decided_by, displayName: d.display_name },
                decision: d.decision,
                reasonCode: d.reason_code,
                at: d.decided_at.toISOString(),
            })),
        };
    }
    /** A document of the case for the reviewer's viewer (audited like the resident's download). */
    async document(applicationId, documentId) {
        const { application, definition } = await this.reviewable(applicationId);
        const document = await this.reviews.document(applicationId, documentId);
        if (!document) {
            // Not the resident's upload: the scan of the certificate the claim cites, or nothing.
            const certificate = await this.citedCertificate(application, definition);
            if (certificate?.id !== documentId)
                throw new domain_error_1.DomainError(shared_1.ErrorCode.DOCUMENT_NOT_FOUND, 'Document not found');
            const stream = await this.storage.read(certificate.scanStorageKey);
            await this.audit.record({
                action: 'document.viewed',
                result: 'success',
                objectType: 'certificate',
                objectId: certificate.id,
                detail: { applicationId, kind: shared_1.CERTIFICATE_SCAN_KIND },
            });
            return {
                id: certificate.id,
                kind: shared_1.CERTIFICATE_SCAN_KIND,
                contentType: certificate.scanContentType,
                stream,
            };
        }
        const stream = await this.storage.read(document.storage_key);
        await this.audit.record({
            action: 'document.viewed',
            result: 'success',
            objectType: 'document',
            objectId: document.id,
            detail: { applicationId, kind: document.kind },
        });
        return { id: document.id, kind: document.kind, contentType: document.content_type, stream };
    }
};
exports.ReviewCaseService = ReviewCaseService;
exports.ReviewCaseService = ReviewCaseService = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [review_repository_1.ReviewRepository,
        applications_repository_1.ApplicationsRepository,
        programs_repository_1.ProgramsRepository,
        server_evaluator_1.ServerEvaluator,
        matrix_registry_1.MatrixRegistry,
        storage_1.DocumentStorage,
        audit_service_1.AuditService,
        dealer_records_repository_1.DealerRecordsRepository])
], ReviewCaseService);
//# sourceMappingURL=review-case.service.js.map