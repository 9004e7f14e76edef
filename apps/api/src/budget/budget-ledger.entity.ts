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
import { bigintNumber } from '../database/transformers';

/**
 * `decommit` gives an approved claim's commitment back (committed → remaining): its goods were
 * returned before payment (operations.md §6).
 */
export const LEDGER_ENTRIES = ['reserve', 'release', 'commit', 'decommit', 'pay', 'adjust'] as const;
export type LedgerEntry = (typeof LEDGER_ENTRIES)[number];

/** Append-only record of every budget movement: the audit truth for the budget figures. */
@Entity({ name: 'budget_ledger' })
@Check(
  'budget_ledger_entry_known',
  `"entry" IN ('reserve', 'release', 'commit', 'decommit', 'pay', 'adjust')`,
)
@Index(['programId', 'createdAt'])
export class BudgetLedgerEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'program_id', type: 'uuid' })
  programId: string;

  @ManyToOne(() => ProgramEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'program_id' })
  program?: ProgramEntity;

  /** The claim or voucher this movement belongs to (null for budget adjustments). */
  @Index()
  @Column({ name: 'subject_id', type: 'uuid', nullable: true })
  subjectId: string | null;

  @Column({ type: 'text' })
  entry: LedgerEntry;

  /** Positive amount moved; for `adjust`, the signed change of the total. */
  @Column({ name: 'amount_fen', type: 'bigint', transformer: bigintNumber })
  amountFen: number;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
