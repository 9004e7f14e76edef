import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { bigintNumber } from '../database/transformers';
import { ReceivableEntity } from '../review/sampling/receivable.entity';
import { PaymentLineEntity } from './payment-line.entity';

/**
 * A receivable netted against a dealer's batch line (operations.md §6, §8). It counts while its line
 * is live (pending or paid); a failed line's netting no longer does, so the receivable is netted
 * again in the next batch. Paid lines collect the receivables they fully netted.
 */
@Entity({ name: 'payment_netting' })
@Check('payment_netting_amount_positive', '"amount_fen" > 0')
@Index(['lineId', 'receivableId'], { unique: true })
export class PaymentNettingEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'line_id', type: 'text' })
  lineId: string;

  @ManyToOne(() => PaymentLineEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'line_id' })
  line?: PaymentLineEntity;

  @Index()
  @Column({ name: 'receivable_id', type: 'uuid' })
  receivableId: string;

  @ManyToOne(() => ReceivableEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'receivable_id' })
  receivable?: ReceivableEntity;

  @Column({ name: 'amount_fen', type: 'bigint', transformer: bigintNumber })
  amountFen: number;
}
