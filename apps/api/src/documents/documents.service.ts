import { createHash, randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { Transform, type Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  EDITABLE_STATUSES,
  ErrorCode,
  MAX_DOCUMENT_BYTES,
  MAX_DOCUMENTS_PER_APPLICATION,
  sniffDocumentType,
} from '@huanxin/shared';
import type { DataSource } from 'typeorm';
import { ApplicationsRepository } from '../applications/applications.repository';
import { ApplicationsService } from '../applications/applications.service';
import { DomainError, validationFailed } from '../common/errors/domain-error';
import { DocumentEntity } from './document.entity';
import { DocumentStorage, streamToFile } from './storage';

export interface IncomingFile {
  stream: Readable & { truncated?: boolean };
  filename: string;
  kind: string | undefined;
}

export interface DocumentView {
  id: string;
  kind: string;
  contentType: string;
  size: number;
  sha256: string;
}

const SNIFF_BYTES = 64;

/** Uploads for a claim: streamed to disk, typed by magic bytes, hashed, stored under a server key. */
@Injectable()
export class DocumentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly applications: ApplicationsRepository,
    private readonly applicationsService: ApplicationsService,
    private readonly storage: DocumentStorage,
  ) {}

  async upload(applicantId: string, applicationId: string, file: IncomingFile): Promise<DocumentView> {
    const application = await this.applications.findOwned(applicationId, applicantId);
    if (!application) throw new DomainError(ErrorCode.APPLICATION_NOT_FOUND, 'Application not found');
    if (!EDITABLE_STATUSES.includes(application.status)) {
      throw new DomainError(
        ErrorCode.WRONG_STATE,
        `Documents cannot change while the application is ${application.status}`,
      );
    }
    const definition = await this.applicationsService.definitionOf(application);
    if (!file.kind || !definition.documents.some((doc) => doc.kind === file.kind)) {
      file.stream.resume();
      throw validationFailed({ kind: file.kind ? 'NOT_IN_OPTIONS' : 'REQUIRED' });
    }
    const count = await this.dataSource.getRepository(DocumentEntity).countBy({ applicationId });
    if (count >= MAX_DOCUMENTS_PER_APPLICATION) {
      file.stream.resume();
      throw new DomainError(
        ErrorCode.TOO_MANY_DOCUMENTS,
        `At most ${MAX_DOCUMENTS_PER_APPLICATION} documents per application`,
      );
    }

    const storageKey = randomUUID();
    const temp = await this.storage.tempPath(storageKey);
    const hash = createHash('sha256');
    let size = 0;
    let head = Buffer.alloc(0);
    const meter = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        size += chunk.length;
        if (head.length < SNIFF_BYTES)
          head = Buffer.concat([head, chunk.subarray(0, SNIFF_BYTES - head.length)]);
        hash.update(chunk);
        done(null, chunk);
      },
    });
    try {
      await streamToFile(file.stream.pipe(meter), temp);
      if (file.stream.truncated || size > MAX_DOCUMENT_BYTES) {
        throw new DomainError(
          ErrorCode.PAYLOAD_TOO_LARGE,
          `A document may be at most ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB`,
        );
      }
      const contentType = sniffDocumentType(head);
      if (!contentType) {
        throw new DomainError(
          ErrorCode.UNSUPPORTED_MEDIA_TYPE,
          'Only PDF, JPEG, PNG and OFD files are accepted (checked by content, not by name)',
        );
      }
      await this.storage.put(storageKey, temp);
      const saved = await this.dataSource.getRepository(DocumentEntity).save({
        applicationId,
        kind: file.kind,
        contentType,
        size,
        sha256: hash.digest('hex'),
        storageKey,
        originalName: sanitizeName(file.filename),
        uploadedBy: applicantId,
      });
      return { id: saved.id, kind: saved.kind, contentType, size, sha256: saved.sha256 };
    } catch (error) {
      await rm(temp, { force: true });
      throw error;
    }
  }

  async list(applicantId: string, applicationId: string): Promise<DocumentView[]> {
    if (!(await this.applications.findOwned(applicationId, applicantId)))
      throw new DomainError(ErrorCode.APPLICATION_NOT_FOUND, 'Application not found');
    const rows = await this.dataSource
      .getRepository(DocumentEntity)
      .find({ where: { applicationId }, order: { createdAt: 'ASC' } });
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
    const application = await this.applications.findOwned(applicationId, applicantId);
    const document = application
      ? await this.dataSource.getRepository(DocumentEntity).findOneBy({ id: documentId, applicationId })
      : null;
    if (!document) throw new DomainError(ErrorCode.DOCUMENT_NOT_FOUND, 'Document not found');
    return { document, stream: await this.storage.read(document.storageKey) };
  }
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
