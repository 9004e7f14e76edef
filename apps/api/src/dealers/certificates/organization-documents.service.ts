import type { Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import {
  ErrorCode,
  FieldErrorCode,
  MAX_ORGANIZATION_DOCUMENTS,
  type OrganizationDocumentView,
  type OrganizationStatus,
} from '@huanxin/shared';
import { AuditService } from '../../audit/audit.service';
import { DomainError, validationFailed } from '../../common/errors/domain-error';
import type { AuthUser } from '../../common/http/request-context';
import type { UploadBody } from '../../documents/multipart-upload';
import { sanitizeName } from '../../documents/documents.service';
import { DocumentStorage } from '../../documents/storage';
import { storeUpload } from '../../documents/stored-upload';
import { OrganizationsRepository } from '../organizations.repository';
import { OrganizationDocumentFields } from './dealer-records.dto';
import { DealerRecordsRepository } from './dealer-records.repository';
import { validateFields } from './multipart-fields';
import type { OrganizationDocumentEntity } from './organization-document.entity';

/** A registration is documented while it waits for approval and after it (operations.md §2). */
const MAY_FILE: readonly OrganizationStatus[] = ['pending', 'active'];

/**
 * The documents of a registration: the business licence and the signed commitment, uploaded by the
 * organisation's own users while it is pending (that is what the commerce office reviews) or active
 * (a renewed licence), and read by the commerce office. Stored like a claim's documents; uploads
 * and every view are audited with ids and the kind only.
 */
@Injectable()
export class OrganizationDocumentsService {
  constructor(
    private readonly records: DealerRecordsRepository,
    private readonly organizations: OrganizationsRepository,
    private readonly storage: DocumentStorage,
    private readonly audit: AuditService,
  ) {}

  async upload(caller: AuthUser, body: UploadBody): Promise<OrganizationDocumentView> {
    const access = await this.organizations.dealerAccess(caller.id);
    if (!access) throw new DomainError(ErrorCode.FORBIDDEN, 'Not allowed');
    if (!MAY_FILE.includes(access.status))
      throw new DomainError(
        ErrorCode.ORGANIZATION_NOT_ACTIVE,
        `The organisation is ${access.status}: its documents can be read, not changed`,
        { extra: { status: access.status } },
      );
    const file = await body.file();
    if (!file) throw validationFailed({ file: FieldErrorCode.REQUIRED }, 'Send the document as `file`');
    const { kind } = await validateFields(OrganizationDocumentFields, file.fields);
    const stored = await storeUpload(this.storage, file, body);
    try {
      const document = await this.records.transaction(async (manager) => {
        const row = await this.records.insertOrganizationDocument(
          manager,
          {
            organizationId: access.organizationId,
            kind,
            contentType: stored.contentType,
            size: stored.size,
            sha256: stored.sha256,
            storageKey: stored.storageKey,
            originalName: sanitizeName(file.filename),
            uploadedBy: caller.id,
          },
          MAX_ORGANIZATION_DOCUMENTS,
        );
        if (!row)
          throw new DomainError(
            ErrorCode.TOO_MANY_ORGANIZATION_DOCUMENTS,
            `At most ${MAX_ORGANIZATION_DOCUMENTS} documents per organisation`,
          );
        await this.audit.record(
          {
            action: 'organization.document_uploaded',
            result: 'success',
            objectType: 'organization_document',
            objectId: row.id,
            detail: { organizationId: access.organizationId, kind },
          },
          manager,
        );
        return row;
      });
      return view(document);
    } catch (error) {
      await stored.discard();
      throw error;
    }
  }

  async listOwn(caller: AuthUser): Promise<OrganizationDocumentView[]> {
    return (await this.records.listOrganizationDocuments(caller.organizationId!)).map(view);
  }

  /** The commerce office's list of an organisation's documents (404 for an unknown organisation). */
  async list(organizationId: string): Promise<OrganizationDocumentView[]> {
    if (!(await this.organizations.findById(organizationId)))
      throw new DomainError(ErrorCode.ORGANIZATION_NOT_FOUND, 'No such organisation');
    return (await this.records.listOrganizationDocuments(organizationId)).map(view);
  }

  /** One document's file for the commerce office's viewer (audited). */
  async open(
    organizationId: string,
    documentId: string,
  ): Promise<{ document: OrganizationDocumentEntity; stream: Readable }> {
    const document = await this.records.findOrganizationDocument(organizationId, documentId);
    if (!document) throw new DomainError(ErrorCode.DOCUMENT_NOT_FOUND, 'Document not found');
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
}

function view(row: OrganizationDocumentEntity): OrganizationDocumentView {
  return {
    id: row.id,
    kind: row.kind,
    contentType: row.contentType,
    size: row.size,
    sha256: row.sha256,
    createdAt: row.createdAt.toISOString(),
  };
}
