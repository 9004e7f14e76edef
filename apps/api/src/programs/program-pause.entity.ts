import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { UserEntity } from '../users/user.entity';
import { ProgramEntity } from './program.entity';

/**
 * An announced pause of a program (operations.md §8): from `pausesAt` new claims are refused,
 * except purchases made before it within `graceDays`; claims in flight keep their reservations.
 * Rows are only inserted: the newest announcement of a program is the one in force (an
 * announcement can be amended by a newer one until its pause starts).
 */
@Entity({ name: 'program_pause' })
@Check('program_pause_grace_range', '"grace_days" >= 0 AND "grace_days" <= 365')
@Index(['programId', 'announcedAt'])
export class ProgramPauseEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'program_id', type: 'uuid' })
  programId: string;

  @ManyToOne(() => ProgramEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'program_id' })
  program?: ProgramEntity;

  @Column({ name: 'pauses_at', type: 'timestamptz' })
  pausesAt: Date;

  @Column({ name: 'grace_days', type: 'integer' })
  graceDays: number;

  @Column({ name: 'notice_zh', type: 'text' })
  noticeZh: string;

  @Column({ name: 'notice_en', type: 'text' })
  noticeEn: string;

  @Column({ name: 'announced_at', type: 'timestamptz' })
  announcedAt: Date;

  @Index()
  @Column({ name: 'announced_by', type: 'uuid' })
  announcedBy: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'announced_by' })
  announcer?: UserEntity;
}
