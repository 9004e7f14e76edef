import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { ProgramEntity } from '../programs/program.entity';
import { bigintNumber } from '../database/transformers';

/**
 * The budget's figures over time, written by the `budget.snapshot` job after each budget change,
 * so the office can see how fast a program is being used up. `jobKey` makes the job idempotent.
 */
@Entity({ name: 'budget_snapshot' })
@Index(['programId', 'takenAt'])
export class BudgetSnapshotEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'program_id', type: 'uuid' })
  programId: string;

  @ManyToOne(() => ProgramEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'program_id' })
  program?: ProgramEntity;

  @Index({ unique: true })
  @Column({ name: 'job_key', type: 'text' })
  jobKey: string;

  @Column({ type: 'text' })
  reason: string;

  @Column({ name: 'total_fen', type: 'bigint', transformer: bigintNumber })
  totalFen: number;

  @Column({ name: 'reserved_fen', type: 'bigint', transformer: bigintNumber })
  reservedFen: number;

  @Column({ name: 'committed_fen', type: 'bigint', transformer: bigintNumber })
  committedFen: number;

  @Column({ name: 'paid_fen', type: 'bigint', transformer: bigintNumber })
  paidFen: number;

  @Column({ name: 'remaining_fen', type: 'bigint', transformer: bigintNumber })
  remainingFen: number;

  @Column({ name: 'taken_at', type: 'timestamptz' })
  takenAt: Date;
}
