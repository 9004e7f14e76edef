import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ApplicationStatus } from '@huanxin/shared';
import type { DataSource, EntityManager } from 'typeorm';
import { DocumentEntity } from './document.entity';

/** The few facts of a claim that its documents need (read here, not through the applications domain). */
export interface ClaimOfDocuments {
  id: string;
  status: ApplicationStatus;
  programVersionId: string;
}

export type NewDocument = Pick<
  DocumentEntity,
  'applicationId' | 'kind' | 'contentType' | 'size' | 'sha256' | 'storageKey' | 'originalName' | 'uploadedBy'
>;

/** Named queries of a claim's documents; the claim row lock is the one submit takes. */
@Injectable()
export class DocumentsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The caller's own claim (another person's is null, answered like a missing one). */
  async findOwnClaim(applicationId: string, applicantId: string): Promise<ClaimOfDocuments | null> {
    const [row] = (await this.dataSource.query(
      `SELECT id, status, program_version_id FROM application WHERE id = $1 AND applicant_id = $2`,
      [applicationId, applicantId],
    )) as { id: string; status: ApplicationStatus; program_version_id: string }[];
    return row ? { id: row.id, status: row.status, programVersionId: row.program_version_id } : null;
  }

  /**
   * Locks the claim row for the rest of the transaction, `FOR UPDATE` like submit and every status
   * change: an upload either commits before a submit takes the lock (and the submit sees it) or
   * waits for the submit and then reads the new status. Answers the status under the lock.
   */
  async lockClaimStatus(manager: EntityManager, applicationId: string): Promise<ApplicationStatus | null> {
    const [row] = (await manager.query(`SELECT status FROM application WHERE id = $1 FOR UPDATE`, [
      applicationId,
    ])) as { status: ApplicationStatus }[];
    return row?.status ?? null;
  }

  async countForClaim(
    applicationId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<number> {
    const [row] = (await manager.query(
      `SELECT count(*)::int AS n FROM application_document WHERE application_id = $1`,
      [applicationId],
    )) as { n: number }[];
    return row!.n;
  }

  async insert(manager: EntityManager, document: NewDocument): Promise<string> {
    const [row] = (await manager.query(
      `INSERT INTO application_document (application_id, kind, content_type, size, sha256, storage_key, original_name, uploaded_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [
        document.applicationId,
        document.kind,
        document.contentType,
        document.size,
        document.sha256,
        document.storageKey,
        document.originalName,
        document.uploadedBy,
      ],
    )) as { id: string }[];
    return row!.id;
  }

  listForClaim(applicationId: string): Promise<DocumentEntity[]> {
    return this.dataSource
      .getRepository(DocumentEntity)
      .find({ where: { applicationId }, order: { createdAt: 'ASC' } });
  }

  findInClaim(applicationId: string, documentId: string): Promise<DocumentEntity | null> {
    return this.dataSource.getRepository(DocumentEntity).findOneBy({ id: documentId, applicationId });
  }
}
