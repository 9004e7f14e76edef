import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  EDITABLE_STATUSES,
  ErrorCode,
  MAX_DOCUMENTS_PER_APPLICATION,
  type ApplicationDocument,
  type ApplicationStatus,
} from '@huanxin/shared';
import type { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { DomainError, validationFailed } from '../common/errors/domain-error';
import { ProgramsRepository } from '../programs/programs.repository';
import type { DocumentEntity } from './document.entity';
import { DocumentsRepository, type ClaimOfDocuments } from './documents.repository';
import type { UploadBody } from './multipart-upload';
import { DocumentStorage } from './storage';
import { receiveToScratch } from './stored-upload';

const OBJECT_TYPE = 'application_document';

/**
 * Uploads for a claim: streamed to scratch space, typed by magic bytes, hashed, stored under a
 * server key, and only then recorded, in a short transaction holding the claim's row lock (the
 * one submit takes) that checks again that the claim is editable and has room. A refusal there
 * deletes the stored object: documents freeze at submit, even for an upload begun before it.
 * Uploads and downloads are audited with ids and the kind only (never the file's name).
 */
@Injectable()
export class DocumentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly documents: DocumentsRepository,
    private readonly programs: ProgramsRepository,
    private readonly storage: DocumentStorage,
    private readonly audit: AuditService,
  ) {}

  async upload(applicantId: string, applicationId: string, body: UploadBody): Promise<ApplicationDocument> {
    const attempt: { kind?: string } = {};
    try {
      const view = await this.receive(applicantId, applicationId, body, attempt);
      return view;
    } catch (error) {
      await this.audit.record({
        action: 'document.uploaded',
        result: 'failure',
        objectType: OBJECT_TYPE,
        detail: {
          applicationId,
          ...attempt,
          code: error instanceof DomainError ? error.code : 'INTERNAL_ERROR',
        },
      });
      throw error;
    }
  }

  private async receive(
    applicantId: string,
    applicationId: string,
    body: UploadBody,
    attempt: { kind?: string },
  ): Promise<ApplicationDocument> {
    // Early refusals, before a byte of the file is read; the transaction below decides.
    const claim = await this.ownClaim(applicantId, applicationId);
    assertEditable(claim.status);
    const file = await body.file();
    if (!file) throw validationFailed({ file: 'REQUIRED' }, 'No file');
    const definition = await this.programs.definitionByVersionId(claim.programVersionId);
    if (!file.kind || !definition.documents.some((doc) => doc.kind === file.kind))
      throw validationFailed({ kind: file.kind ? 'NOT_IN_OPTIONS' : 'REQUIRED' });
    const kind = file.kind;
    attempt.kind = kind;
    if ((await this.documents.countForClaim(applicationId)) >= MAX_DOCUMENTS_PER_APPLICATION) throw tooMany();

    const storageKey = randomUUID();
    const temp = await this.storage.tempPath(storageKey);
    let stored = false;
    try {
      const received = await receiveToScratch(file.stream, temp);
      // The whole body, up to its closing boundary, before anything is kept.
      await body.end();
      await this.storage.put(storageKey, temp);
      stored = true;
      const id = await this.dataSource.transaction(async (manager) => {
        assertEditable(await this.documents.lockClaimStatus(manager, applicationId));
        if ((await this.documents.countForClaim(applicationId, manager)) >= MAX_DOCUMENTS_PER_APPLICATION)
          throw tooMany();
        const documentId = await this.documents.insert(manager, {
          applicationId,
          kind,
          ...received,
          storageKey,
          originalName: sanitizeName(file.filename),
          uploadedBy: applicantId,
        });
        await this.audit.record(
          {
            action: 'document.uploaded',
            result: 'success',
            objectType: OBJECT_TYPE,
            objectId: documentId,
            detail: { applicationId, kind },
          },
          manager,
        );
        return documentId;
      });
      return { id, kind, contentType: received.contentType, size: received.size, sha256: received.sha256 };
    } catch (error) {
      await rm(temp, { force: true });
      if (stored) await this.storage.remove(storageKey);
      throw error;
    }
  }

  async list(applicantId: string, applicationId: string): Promise<ApplicationDocument[]> {
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
  async open(
    applicantId: string,
    applicationId: string,
    documentId: string,
  ): Promise<{ document: DocumentEntity; stream: Readable }> {
    const claim = await this.documents.findOwnClaim(applicationId, applicantId);
    const document = claim ? await this.documents.findInClaim(applicationId, documentId) : null;
    if (!document) {
      await this.audit.record({
        action: 'document.downloaded',
        result: 'failure',
        objectType: OBJECT_TYPE,
        objectId: documentId,
        detail: { applicationId, code: ErrorCode.DOCUMENT_NOT_FOUND },
      });
      throw new DomainError(ErrorCode.DOCUMENT_NOT_FOUND, 'Document not found');
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

  private async ownClaim(applicantId: string, applicationId: string): Promise<ClaimOfDocuments> {
    const claim = await this.documents.findOwnClaim(applicationId, applicantId);
    if (!claim) throw new DomainError(ErrorCode.APPLICATION_NOT_FOUND, 'Application not found');
    return claim;
  }
}

function assertEditable(status: ApplicationStatus | null): void {
  if (status === null) throw new DomainError(ErrorCode.APPLICATION_NOT_FOUND, 'Application not found');
  if (!EDITABLE_STATUSES.includes(status)) {
    throw new DomainError(
      ErrorCode.WRONG_STATE,
      `Documents cannot change while the application is ${status}`,
    );
  }
}

function tooMany(): DomainError {
  return new DomainError(
    ErrorCode.TOO_MANY_DOCUMENTS,
    `At most ${MAX_DOCUMENTS_PER_APPLICATION} documents per application`,
  );
}

/** The client's file name is kept as metadata only: no path, no control characters, bounded. */
export function sanitizeName(name: string | undefined): string | null {
  if (!name) return null;
  const base = name.split(/[\\/]/).pop() ?? '';
  const clean = [...base]
    .filter((char) => char.charCodeAt(0) >= 0x20 && char.charCodeAt(0) !== 0x7f && char !== '"')
    .join('')
    .trim()
    .slice(0, 120);
  return clean || null;
}
