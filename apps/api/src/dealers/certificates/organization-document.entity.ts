import { ORGANIZATION_DOCUMENT_KINDS, type OrganizationDocumentKind } from '@huanxin/shared';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { bigintNumber } from '../../database/transformers';
import { OrganizationEntity } from '../../users/organization.entity';
import { UserEntity } from '../../users/user.entity';

const quoted = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');

/**
 * A document filed with an organisation's registration (operations.md §2: "pending (registered,
 * documents uploaded)"): the business licence, the signed commitment. Stored like a claim's
 * documents (server key, sniffed type, SHA-256); the original name is metadata only.
 */
@Entity({ name: 'organization_document' })
@Index(['organizationId', 'createdAt'])
@Check('organization_document_kind_known', `"kind" IN (${quoted(ORGANIZATION_DOCUMENT_KINDS)})`)
export class OrganizationDocumentEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organization_id' })
  organization?: OrganizationEntity;

  @Column({ type: 'text' })
  kind: OrganizationDocumentKind;

  @Column({ name: 'content_type', type: 'text' })
  contentType: string;

  @Column({ type: 'bigint', transformer: bigintNumber })
  size: number;

  @Column({ type: 'text' })
  sha256: string;

  @Column({ name: 'storage_key', type: 'text' })
  storageKey: string;

  @Column({ name: 'original_name', type: 'text', nullable: true })
  originalName: string | null;

  @Index()
  @Column({ name: 'uploaded_by', type: 'uuid' })
  uploadedBy: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'uploaded_by' })
  uploader?: UserEntity;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
