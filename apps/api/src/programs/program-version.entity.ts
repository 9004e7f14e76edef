import type { ProgramDefinition } from '@huanxin/shared';
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
import { UserEntity } from '../users/user.entity';
import { ProgramEntity } from './program.entity';

export const PROGRAM_VERSION_STATUSES = ['draft', 'published'] as const;
export type ProgramVersionStatus = (typeof PROGRAM_VERSION_STATUSES)[number];

/**
 * One rules version of a program (operations.md §10): a draft an administrator edits, or a published
 * version — immutable (a trigger refuses its UPDATE and every DELETE). Claims keep the version they
 * were evaluated under. The current version is the newest published one in effect
 * (`ProgramsRepository`); drafts are never seen outside the admin versions routes.
 */
@Entity({ name: 'program_version' })
@Index(['programId', 'version'], { unique: true })
// History is a line: one published successor per version (two drafts of v2 cannot both publish).
@Index('program_version_one_successor', ['programId', 'basedOnVersion'], {
  unique: true,
  where: `"status" = 'published'`,
})
@Check('program_version_status_known', `"status" IN ('draft', 'published')`)
@Check('program_version_published_stamped', `("status" = 'published') = ("published_at" IS NOT NULL)`)
export class ProgramVersionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'program_id', type: 'uuid' })
  programId: string;

  @ManyToOne(() => ProgramEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'program_id' })
  program?: ProgramEntity;

  @Column({ type: 'integer' })
  version: number;

  @Column({ type: 'jsonb' })
  definition: ProgramDefinition;

  @Column({ name: 'opens_on', type: 'date' })
  opensOn: string;

  @Column({ name: 'closes_on', type: 'date' })
  closesOn: string;

  @Column({ type: 'text' })
  status: ProgramVersionStatus;

  /** Asia/Shanghai date from which a published version is current (if it is the newest in effect). */
  @Column({ name: 'effective_on', type: 'date' })
  effectiveOn: string;

  /** The authorising document (文号); null for the catalogue's first versions. */
  @Column({ name: 'document_no', type: 'text', nullable: true })
  documentNo: string | null;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  /** The administrator who wrote the draft; null for catalogue versions. */
  @Index()
  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'created_by' })
  creator?: UserEntity;

  /** The second administrator who published it (never the author); null for drafts and the catalogue. */
  @Index()
  @Column({ name: 'published_by', type: 'uuid', nullable: true })
  publishedBy: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'published_by' })
  publisher?: UserEntity;

  /** The published version number the draft was edited from (null: the program's first version). */
  @Column({ name: 'based_on_version', type: 'integer', nullable: true })
  basedOnVersion: number | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt: Date | null;
}
