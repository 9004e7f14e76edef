import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { CertificateEntity } from './certificate.entity';
import { OrganizationDocumentEntity } from './organization-document.entity';
import { RecyclingReceiptEntity } from './recycling-receipt.entity';

export type NewCertificate = Omit<CertificateEntity, 'id' | 'createdAt' | 'organization' | 'creator'>;
export type NewRecyclingReceipt = Omit<
  RecyclingReceiptEntity,
  'id' | 'createdAt' | 'organization' | 'creator'
>;
export type NewOrganizationDocument = Omit<
  OrganizationDocumentEntity,
  'id' | 'createdAt' | 'organization' | 'uploader'
>;

/**
 * Named queries of the dismantlers' and recyclers' records and the registration documents. The
 * dealer's own reads are scoped by organisation (another organisation's id is simply not found);
 * the review reads (`…ByNumber`) take a batch of numbers in one statement through the unique
 * indexes on the numbers.
 */
@Injectable()
export class DealerRecordsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /** The new certificate, or null when its number is on file (decided by the unique index). */
  async insertCertificate(
    manager: EntityManager,
    certificate: NewCertificate,
  ): Promise<CertificateEntity | null> {
    const inserted = await manager
      .createQueryBuilder()
      .insert()
      .into(CertificateEntity)
      .values(certificate)
      .orIgnore()
      .returning(['id'])
      .execute();
    const id = (inserted.raw as { id: string }[])[0]?.id;
    return id ? manager.getRepository(CertificateEntity).findOneByOrFail({ id }) : null;
  }

  listOwnCertificates(organizationId: string): Promise<CertificateEntity[]> {
    return this.dataSource
      .getRepository(CertificateEntity)
      .find({ where: { organizationId }, order: { createdAt: 'DESC' } });
  }

  findOwnCertificate(id: string, organizationId: string): Promise<CertificateEntity | null> {
    return this.dataSource.getRepository(CertificateEntity).findOneBy({ id, organizationId });
  }

  /** The certificates on file with these (normalised) numbers, in one statement. */
  async certificatesByNumber(
    numbers: readonly string[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Map<string, CertificateEntity>> {
    if (numbers.length === 0) return new Map();
    const rows = await manager
      .getRepository(CertificateEntity)
      .createQueryBuilder('c')
      .where('c.certificate_no = ANY(:numbers)', { numbers: [...new Set(numbers)] })
      .getMany();
    return new Map(rows.map((row) => [row.certificateNo, row]));
  }

  /** The new receipt, or null when its number is on file (decided by the unique index). */
  async insertReceipt(
    manager: EntityManager,
    receipt: NewRecyclingReceipt,
  ): Promise<RecyclingReceiptEntity | null> {
    const inserted = await manager
      .createQueryBuilder()
      .insert()
      .into(RecyclingReceiptEntity)
      .values(receipt)
      .orIgnore()
      .returning(['id'])
      .execute();
    const id = (inserted.raw as { id: string }[])[0]?.id;
    return id ? manager.getRepository(RecyclingReceiptEntity).findOneByOrFail({ id }) : null;
  }

  listOwnReceipts(organizationId: string): Promise<RecyclingReceiptEntity[]> {
    return this.dataSource
      .getRepository(RecyclingReceiptEntity)
      .find({ where: { organizationId }, order: { createdAt: 'DESC' } });
  }

  findOwnReceipt(id: string, organizationId: string): Promise<RecyclingReceiptEntity | null> {
    return this.dataSource.getRepository(RecyclingReceiptEntity).findOneBy({ id, organizationId });
  }

  /** The receipts on file with these (normalised) numbers, in one statement. */
  async receiptsByNumber(numbers: readonly string[]): Promise<Map<string, RecyclingReceiptEntity>> {
    if (numbers.length === 0) return new Map();
    const rows = await this.dataSource
      .getRepository(RecyclingReceiptEntity)
      .createQueryBuilder('r')
      .where('r.receipt_no = ANY(:numbers)', { numbers: [...new Set(numbers)] })
      .getMany();
    return new Map(rows.map((row) => [row.receiptNo, row]));
  }

  /**
   * Records a registration document unless the organisation has `max` already: the count and the
   * insert under the organisation's row lock, so two uploads at once cannot both take the last place.
   */
  async insertOrganizationDocument(
    manager: EntityManager,
    document: NewOrganizationDocument,
    max: number,
  ): Promise<OrganizationDocumentEntity | null> {
    await manager.query('SELECT 1 FROM organization WHERE id = $1 FOR UPDATE', [document.organizationId]);
    const count = await manager
      .getRepository(OrganizationDocumentEntity)
      .countBy({ organizationId: document.organizationId });
    if (count >= max) return null;
    const { identifiers } = await manager.getRepository(OrganizationDocumentEntity).insert(document);
    return manager
      .getRepository(OrganizationDocumentEntity)
      .findOneByOrFail({ id: (identifiers[0] as { id: string }).id });
  }

  listOrganizationDocuments(organizationId: string): Promise<OrganizationDocumentEntity[]> {
    return this.dataSource
      .getRepository(OrganizationDocumentEntity)
      .find({ where: { organizationId }, order: { createdAt: 'ASC' } });
  }

  findOrganizationDocument(organizationId: string, id: string): Promise<OrganizationDocumentEntity | null> {
    return this.dataSource.getRepository(OrganizationDocumentEntity).findOneBy({ id, organizationId });
  }
}
