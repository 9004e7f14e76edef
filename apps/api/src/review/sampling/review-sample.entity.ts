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
import { ApplicationEntity } from '../../applications/application.entity';
import { ProgramEntity } from '../../programs/program.entity';
import { UserEntity } from '../../users/user.entity';

/**
 * A post-approval audit sample (operations.md §7): drawn from a program's approved and paid claims,
 * at random or weighted by risk, with the seed recorded so the same claims give the same sample.
 */
@Entity({ name: 'review_sample' })
@Check('review_sample_size_positive', '"size" > 0')
@Index(['programId', 'createdAt'])
export class ReviewSampleEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'program_id', type: 'uuid' })
  programId: string;

  @ManyToOne(() => ProgramEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'program_id' })
  program?: ProgramEntity;

  @Column({ type: 'text' })
  seed: string;

  /** The size asked for; fewer items when the population is smaller. */
  @Column({ type: 'integer' })
  size: number;

  @Column({ name: 'risk_weighted', type: 'boolean' })
  riskWeighted: boolean;

  /** How many approved or paid claims it was drawn from. */
  @Column({ type: 'integer' })
  population: number;

  @Index()
  @Column({ name: 'created_by', type: 'uuid' })
  createdBy: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'created_by' })
  creator?: UserEntity;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/** One sampled claim and, once recorded, its outcome (once: a second outcome is refused). */
@Entity({ name: 'review_sample_item' })
@Index(['sampleId', 'applicationId'], { unique: true })
@Check('review_sample_item_outcome_known', `"outcome" IS NULL OR "outcome" IN ('confirmed', 'clawback')`)
export class ReviewSampleItemEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'sample_id', type: 'uuid' })
  sampleId: string;

  @ManyToOne(() => ReviewSampleEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'sample_id' })
  sample?: ReviewSampleEntity;

  @Index()
  @Column({ name: 'application_id', type: 'uuid' })
  applicationId: string;

  @ManyToOne(() => ApplicationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'application_id' })
  application?: ApplicationEntity;

  /** Rank in the draw (0 first). */
  @Column({ type: 'integer' })
  position: number;

  @Column({ type: 'text', nullable: true })
  outcome: 'confirmed' | 'clawback' | null;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Index()
  @Column({ name: 'decided_by', type: 'uuid', nullable: true })
  decidedBy: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'decided_by' })
  decider?: UserEntity;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt: Date | null;
}
