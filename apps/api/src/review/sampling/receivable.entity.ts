import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  OneToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { ApplicationEntity } from '../../applications/application.entity';
import { DealerSaleEntity } from '../../dealers/sales/dealer-sale.entity';
import { bigintNumber } from '../../database/transformers';
import { OrganizationEntity } from '../../users/organization.entity';
import { UserEntity } from '../../users/user.entity';
import { ReviewSampleItemEntity } from './review-sample.entity';

export const RECEIVABLE_STATUSES = ['open', 'collected', 'waived'] as const;
export type ReceivableStatus = (typeof RECEIVABLE_STATUSES)[number];

/**
 * Money to recover from a claim's payee: after a sampled case was found wrong (`clawback`,
 * operations.md §7–8; `sample_item_id`) — the resident (their own card) or, for point-of-sale
 * claims, the dealer — or after a paid sale's goods were returned (§6; `sale_id`, always the
 * dealer, due on `due_on`). Exactly one source. Dealers' are netted against their next batch
 * (payments); while one is overdue the dealer's new payouts are held.
 */
@Entity({ name: 'receivable' })
@Check('receivable_amount_positive', '"amount_fen" > 0')
@Check('receivable_status_known', `"status" IN ('open', 'collected', 'waived')`)
@Check('receivable_one_source', `("sample_item_id" IS NULL) <> ("sale_id" IS NULL)`)
@Check('receivable_return_due', `"sale_id" IS NULL OR ("due_on" IS NOT NULL AND "payee_kind" = 'dealer')`)
@Check(
  'receivable_one_payee',
  `("payee_kind" = 'resident' AND "payee_user_id" IS NOT NULL AND "payee_organization_id" IS NULL) OR ("payee_kind" = 'dealer' AND "payee_organization_id" IS NOT NULL AND "payee_user_id" IS NULL)`,
)
export class ReceivableEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ name: 'application_id', type: 'uuid' })
  applicationId: string;

  @ManyToOne(() => ApplicationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'application_id' })
  application?: ApplicationEntity;

  @Column({ name: 'payee_kind', type: 'text' })
  payeeKind: 'resident' | 'dealer';

  @Index()
  @Column({ name: 'payee_user_id', type: 'uuid', nullable: true })
  payeeUserId: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'payee_user_id' })
  payeeUser?: UserEntity;

  @Index()
  @Column({ name: 'payee_organization_id', type: 'uuid', nullable: true })
  payeeOrganizationId: string | null;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'payee_organization_id' })
  payeeOrganization?: OrganizationEntity;

  @Column({ name: 'amount_fen', type: 'bigint', transformer: bigintNumber })
  amountFen: number;

  @Column({ type: 'text' })
  reason: string;

  @Column({ type: 'text', default: 'open' })
  status: ReceivableStatus;

  /** The sampled case that found it (one receivable per case). */
  @Index({ unique: true })
  @Column({ name: 'sample_item_id', type: 'uuid', nullable: true })
  sampleItemId: string | null;

  @OneToOne(() => ReviewSampleItemEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'sample_item_id' })
  sampleItem?: ReviewSampleItemEntity;

  /** The returned sale that owes it (one receivable per sale). */
  @Index({ unique: true })
  @Column({ name: 'sale_id', type: 'uuid', nullable: true })
  saleId: string | null;

  @ManyToOne(() => DealerSaleEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'sale_id' })
  sale?: DealerSaleEntity;

  /** When it is due (Asia/Shanghai date); null for a clawback: opened + RECEIVABLE_DUE_DAYS. */
  @Column({ name: 'due_on', type: 'date', nullable: true })
  dueOn: string | null;

  @Index()
  @Column({ name: 'created_by', type: 'uuid' })
  createdBy: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'created_by' })
  creator?: UserEntity;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
