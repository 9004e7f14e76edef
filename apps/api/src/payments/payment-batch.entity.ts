import type { PaymentBatchStatus } from '@huanxin/shared';
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
import { bigintNumber } from '../database/transformers';
import { ProgramEntity } from '../programs/program.entity';
import { UserEntity } from '../users/user.entity';

/**
 * A payment batch of one program (operations.md §8): built by one finance user, released by
 * another (four eyes, also a CHECK here), then paid by the bank and reconciled line by line.
 */
@Entity({ name: 'payment_batch' })
@Check('payment_batch_status_known', `"status" IN ('draft', 'released')`)
@Check(
  'payment_batch_released_consistent',
  `("status" = 'draft' AND "released_by" IS NULL AND "released_at" IS NULL) OR ("status" = 'released' AND "released_by" IS NOT NULL AND "released_at" IS NOT NULL)`,
)
@Check('payment_batch_four_eyes', `"released_by" IS NULL OR "released_by" <> "created_by"`)
@Check('payment_batch_total_non_negative', '"total_fen" >= 0')
@Index(['programId', 'createdAt'])
export class PaymentBatchEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'program_id', type: 'uuid' })
  programId: string;

  @ManyToOne(() => ProgramEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'program_id' })
  program?: ProgramEntity;

  @Column({ type: 'text', default: 'draft' })
  status: PaymentBatchStatus;

  /** What the bank pays for the batch: the sum of its lines' amounts. */
  @Column({ name: 'total_fen', type: 'bigint', transformer: bigintNumber })
  totalFen: number;

  @Index()
  @Column({ name: 'created_by', type: 'uuid' })
  createdBy: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'created_by' })
  creator?: UserEntity;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Index()
  @Column({ name: 'released_by', type: 'uuid', nullable: true })
  releasedBy: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'released_by' })
  releaser?: UserEntity;

  @Column({ name: 'released_at', type: 'timestamptz', nullable: true })
  releasedAt: Date | null;
}
