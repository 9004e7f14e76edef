import type { PayeeKind, PaymentLineStatus } from '@huanxin/shared';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { ApplicationEntity } from '../applications/application.entity';
import { bigintNumber } from '../database/transformers';
import { OrganizationEntity } from '../users/organization.entity';
import { UserEntity } from '../users/user.entity';
import { PaymentBatchEntity } from './payment-batch.entity';

/**
 * One claim in a batch, with the payee's details as they were when the batch was built (what the
 * releaser saw is what the bank file carries): name and account encrypted like the profile's, the
 * account's blind index to tell a corrected account from the one that failed.
 *
 * A claim has at most one live line (pending or paid): the partial unique index
 * `payment_line_one_live_per_claim` — two batches built at once cannot share a claim, and a claim
 * is never paid twice. A failed line does not count, so the claim can enter the next batch.
 */
@Entity({ name: 'payment_line' })
@Check('payment_line_status_known', `"status" IN ('pending', 'paid', 'failed')`)
@Check('payment_line_payee_kind_known', `"payee_kind" IN ('resident', 'dealer')`)
@Check(
  'payment_line_one_payee',
  `("payee_kind" = 'resident' AND "payee_user_id" IS NOT NULL AND "payee_organization_id" IS NULL) OR ("payee_kind" = 'dealer' AND "payee_organization_id" IS NOT NULL AND "payee_user_id" IS NULL)`,
)
@Check('payment_line_amounts', '"amount_fen" >= 0 AND "netted_fen" >= 0')
@Check('payment_line_settled', `("status" = 'pending') = ("settled_at" IS NULL)`)
@Index('payment_line_one_live_per_claim', ['applicationId'], {
  unique: true,
  where: `"status" IN ('pending', 'paid')`,
})
@Index(['batchId', 'id'])
export class PaymentLineEntity {
  /**
   * `PL` + 10 digits from `payment_line_seq` (given by the INSERT, payments.repository): short
   * enough for any bank's reference field, and never reused.
   */
  @PrimaryColumn({ type: 'text' })
  id: string;

  @Column({ name: 'batch_id', type: 'uuid' })
  batchId: string;

  @ManyToOne(() => PaymentBatchEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'batch_id' })
  batch?: PaymentBatchEntity;

  @Index()
  @Column({ name: 'application_id', type: 'uuid' })
  applicationId: string;

  @ManyToOne(() => ApplicationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'application_id' })
  application?: ApplicationEntity;

  @Column({ name: 'payee_kind', type: 'text' })
  payeeKind: PayeeKind;

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

  @Column({ name: 'payee_name_enc', type: 'text' })
  payeeNameEnc: string;

  @Column({ name: 'bank_name', type: 'text' })
  bankName: string;

  @Column({ name: 'account_enc', type: 'text' })
  accountEnc: string;

  @Column({ name: 'account_bidx', type: 'text' })
  accountBidx: string;

  /** What the bank pays: the claim's committed amount less `netted_fen`. */
  @Column({ name: 'amount_fen', type: 'bigint', transformer: bigintNumber })
  amountFen: number;

  /** The payee's receivables netted against this line (dealers only). */
  @Column({ name: 'netted_fen', type: 'bigint', default: 0, transformer: bigintNumber })
  nettedFen: number;

  @Column({ type: 'text', default: 'pending' })
  status: PaymentLineStatus;

  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Column({ name: 'bank_ref', type: 'text', nullable: true })
  bankRef: string | null;

  @Column({ name: 'settled_at', type: 'timestamptz', nullable: true })
  settledAt: Date | null;
}
