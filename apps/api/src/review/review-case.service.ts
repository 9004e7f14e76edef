import type { Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import {
  CERTIFICATE_SCAN_KIND,
  ErrorCode,
  normalizeIdentifier,
  type ProgramDefinition,
  type ReviewCase,
} from '@huanxin/shared';
import { applicationNotFound } from '../applications/application-errors';
import type { ApplicationEntity } from '../applications/application.entity';
import { ApplicationsRepository } from '../applications/applications.repository';
import { AuditService } from '../audit/audit.service';
import { DomainError } from '../common/errors/domain-error';
import type { CertificateEntity } from '../dealers/certificates/certificate.entity';
import { DealerRecordsRepository } from '../dealers/certificates/dealer-records.repository';
import { DocumentStorage } from '../documents/storage';
import { ServerEvaluator } from '../eligibility/server-evaluator';
import { factAt } from '../risk/risk-rule';
import { ProgramsRepository } from '../programs/programs.repository';
import { maskFacts } from './masking';
import { MatrixRegistry } from './matrix/matrix.registry';
import { ReviewRepository } from './review.repository';

/**
 * The case screen (operations.md §7): facts masked, the clause trace re-run now under the claim's
 * program version, documents, the field matrix from every registered source, flags with weights,
 * the applicant's other claims and the decisions so far. Drafts are the resident's alone: 404.
 */
@Injectable()
export class ReviewCaseService {
  constructor(
    private readonly reviews: ReviewRepository,
    private readonly applications: ApplicationsRepository,
    private readonly programs: ProgramsRepository,
    private readonly evaluator: ServerEvaluator,
    private readonly matrix: MatrixRegistry,
    private readonly storage: DocumentStorage,
    private readonly audit: AuditService,
    private readonly records: DealerRecordsRepository,
  ) {}

  /**
   * The dismantler's certificate the claim cites (`scrap.certificateNo`), when one is on file: its
   * scan is shown among the case's documents (the certificate is the authority for the old car,
   * operations.md §4), and its fields are the matrix's `certificate` source.
   */
  private async citedCertificate(
    application: ApplicationEntity,
    definition: ProgramDefinition,
  ): Promise<CertificateEntity | null> {
    if (!definition.factFields.some((field) => field.path === 'scrap.certificateNo')) return null;
    const cited = factAt(application.facts, 'scrap.certificateNo');
    if (typeof cited !== 'string' || cited.trim() === '') return null;
    const number = normalizeIdentifier(cited);
    return (await this.records.certificatesByNumber([number])).get(number) ?? null;
  }

  /** A claim staff may look at (anything the resident has submitted at least once). */
  async reviewable(id: string): Promise<{ application: ApplicationEntity; definition: ProgramDefinition }> {
    const application = await this.reviews.findApplication(id);
    if (!application || application.status === 'draft') throw applicationNotFound();
    return {
      application,
      definition: await this.programs.definitionByVersionId(application.programVersionId),
    };
  }

  async case(id: string): Promise<ReviewCase> {
    const { application, definition } = await this.reviewable(id);
    const [evaluation, timeline, documents, matrix, flags, history, decisions, certificate] =
      await Promise.all([
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
        facts: maskFacts(application.facts) as Record<string, unknown>,
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
                kind: CERTIFICATE_SCAN_KIND,
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
  async document(
    applicationId: string,
    documentId: string,
  ): Promise<{ id: string; kind: string; contentType: string; stream: Readable }> {
    const { application, definition } = await this.reviewable(applicationId);
    const document = await this.reviews.document(applicationId, documentId);
    if (!document) {
      // Not the resident's upload: the scan of the certificate the claim cites, or nothing.
      const certificate = await this.citedCertificate(application, definition);
      if (certificate?.id !== documentId)
        throw new DomainError(ErrorCode.DOCUMENT_NOT_FOUND, 'Document not found');
      const stream = await this.storage.read(certificate.scanStorageKey);
      await this.audit.record({
        action: 'document.viewed',
        result: 'success',
        objectType: 'certificate',
        objectId: certificate.id,
        detail: { applicationId, kind: CERTIFICATE_SCAN_KIND },
      });
      return {
        id: certificate.id,
        kind: CERTIFICATE_SCAN_KIND,
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
}
