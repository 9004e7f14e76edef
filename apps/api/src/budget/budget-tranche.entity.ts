import type { TrancheSource } from '@huanxin/shared';
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
import { ProgramEntity } from '../programs/program.entity';
import { UserEntity } from '../users/user.entity';
import { bigintNumber } from '../database/transformers';

/**
 * One tranche of a program's money (operations.md §8): its source, the authorising document (文号,
 * once per program) and the date it takes effect. It enters the budget total — as an `adjust`
 * ledger row whose subject is the tranche — once, when `appliedAt` is set (BudgetRepository
 * `applyDueTranches`); until then it is announced money, not money in effect.
 */
@Entity({ name: 'budget_tranche' })
@Check('budget_tranche_amount_positive', '"amount_fen" > 0')
@Check('budget_tranche_source_known', `"source" IN ('central', 'province', 'city', 'district')`)
@Index(['programId', 'documentNo'], { unique: true })
// The due tranches not yet applied (the scheduled job and the submit's fallback look them up).
@Index('budget_tranche_pending', ['effectiveOn'], { where: '"applied_at" IS NULL' })
export class BudgetTrancheEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'program_id', type: 'uuid' })
  programId: string;

  @ManyToOne(() => ProgramEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'program_id' })
  program?: ProgramEntity;

  @Column({ name: 'amount_fen', type: 'bigint', transformer: bigintNumber })
  amountFen: number;

  @Column({ type: 'text' })
  source: TrancheSource;

  /** Asia/Shanghai calendar date from which the money is in effect. */
  @Column({ name: 'effective_on', type: 'date' })
  effectiveOn: string;

  @Column({ name: 'document_no', type: 'text' })
  documentNo: string;

  @Index()
  @Column({ name: 'created_by', type: 'uuid' })
  createdBy: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'created_by' })
  creator?: UserEntity;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  /** When the tranche entered the budget total (null while its date has not come). */
  @Column({ name: 'applied_at', type: 'timestamptz', nullable: true })
  appliedAt: Date | null;
}
