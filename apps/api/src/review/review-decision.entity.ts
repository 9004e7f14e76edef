import type { ReviewDecisionKind, ReviewStage } from '@huanxin/shared';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { ApplicationEntity } from '../applications/application.entity';
import { UserEntity } from '../users/user.entity';

/**
 * One review decision: who decided what at which stage, with the published reason and — for a
 * return — the fields the resident must fix (the resident's `correction` is the latest return).
 * Rows are only ever inserted.
 */
@Entity({ name: 'review_decision' })
@Check('review_decision_kind_known', `"decision" IN ('approve', 'reject', 'return')`)
@Check('review_decision_stage_known', `"stage" IN ('review', 'second_approval')`)
@Index(['applicationId', 'decidedAt'])
export class ReviewDecisionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'application_id', type: 'uuid' })
  applicationId: string;

  @ManyToOne(() => ApplicationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'application_id' })
  application?: ApplicationEntity;

  @Index()
  @Column({ name: 'decided_by', type: 'uuid' })
  decidedBy: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'decided_by' })
  decider?: UserEntity;

  @Column({ type: 'text' })
  decision: ReviewDecisionKind;

  /** The stage the claim was at when decided. */
  @Column({ type: 'text' })
  stage: ReviewStage;

  @Column({ name: 'reason_code', type: 'text', nullable: true })
  reasonCode: string | null;

  /** A return's fields to fix: fact paths or `document:<kind>`; empty otherwise. */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  fields: string[];

  @Column({ type: 'text', nullable: true })
  note: string | null;

  /** An approval over a matrix `conflict` (needs a note and the four-eyes second approval). */
  @Column({ type: 'boolean', default: false })
  override: boolean;

  @Column({ name: 'decided_at', type: 'timestamptz' })
  decidedAt: Date;
}
