import { Check, Column, Entity, JoinColumn, OneToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { ProgramEntity } from '../programs/program.entity';
import { bigintNumber } from '../database/transformers';

/**
 * A program's budget (integer fen). `remaining = total − reserved − committed − paid`; reservations
 * are one guarded UPDATE (`remaining >= amount`), and the CHECKs are the backstop.
 */
@Entity({ name: 'budget' })
@Check('budget_remaining_non_negative', '"remaining_fen" >= 0')
@Check('budget_parts_non_negative', '"reserved_fen" >= 0 AND "committed_fen" >= 0 AND "paid_fen" >= 0')
@Check('budget_balances', '"total_fen" = "remaining_fen" + "reserved_fen" + "committed_fen" + "paid_fen"')
export class BudgetEntity {
  @PrimaryColumn({ name: 'program_id', type: 'uuid' })
  programId: string;

  @OneToOne(() => ProgramEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'program_id' })
  program?: ProgramEntity;

  @Column({ name: 'total_fen', type: 'bigint', transformer: bigintNumber })
  totalFen: number;

  @Column({ name: 'reserved_fen', type: 'bigint', default: 0, transformer: bigintNumber })
  reservedFen: number;

  @Column({ name: 'committed_fen', type: 'bigint', default: 0, transformer: bigintNumber })
  committedFen: number;

  @Column({ name: 'paid_fen', type: 'bigint', default: 0, transformer: bigintNumber })
  paidFen: number;

  @Column({ name: 'remaining_fen', type: 'bigint', transformer: bigintNumber })
  remainingFen: number;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
