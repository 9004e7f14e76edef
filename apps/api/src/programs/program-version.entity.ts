import type { ProgramDefinition } from '@huanxin/shared';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { ProgramEntity } from './program.entity';

/** One immutable rules version of a program. Claims keep the version they were evaluated under. */
@Entity({ name: 'program_version' })
@Index(['programId', 'version'], { unique: true })
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

  @CreateDateColumn({ name: 'published_at', type: 'timestamptz' })
  publishedAt: Date;
}
