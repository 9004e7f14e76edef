import type { VoucherStatus } from '@huanxin/shared';
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
import { ApplicationEntity } from '../applications/application.entity';
import { bigintNumber } from '../database/transformers';
import { DealerSaleEntity } from '../dealers/sales/dealer-sale.entity';
import { ProgramVersionEntity } from '../programs/program-version.entity';
import { ProgramEntity } from '../programs/program.entity';
import { UserEntity } from '../users/user.entity';

/**
 * A point-of-sale voucher (operations.md §5). While `issued` it holds `reserved_fen` of the
 * program's budget (the category's maximum subsidy; the ledger rows have the voucher as subject);
 * cancelling or expiring gives all of it back, redemption at the till (TillRedemption) shrinks it
 * to the sale's subsidy and hands it to the point-of-sale claim it creates (`application_id`, the
 * sale in `sale_id`), holding nothing itself from then on. The person it counts for is the blind
 * index of the holder's ID number at issue (quota §5 is per person, whatever account holds it).
 */
@Entity({ name: 'voucher' })
@Check('voucher_status_known', `"status" IN ('issued', 'redeemed', 'expired', 'cancelled')`)
@Check('voucher_reserved_range', '"reserved_fen" >= 0 AND "reserved_fen" <= "max_subsidy_fen"')
@Check('voucher_released_holds_nothing', `"status" IN ('issued', 'redeemed') OR "reserved_fen" = 0`)
@Check('voucher_closed_consistent', `("status" = 'issued') = ("closed_at" IS NULL)`)
@Check(
  'voucher_redeemed_consistent',
  `("status" = 'redeemed') = ("application_id" IS NOT NULL AND "redeemed_fen" IS NOT NULL)`,
)
// The quota count (person, program, category) and the holder's list.
@Index(['idNumberBidx', 'programId', 'category'])
@Index(['holderId', 'createdAt'])
// The expiry sweep: live vouchers by expiry (a partial index: it stays the size of what is live).
@Index('voucher_issued_by_expiry', ['expiresAt'], { where: `"status" = 'issued'` })
export class VoucherEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** 10 characters (VOUCHER_CODE_ALPHABET, last one a check character); what the dealer types. */
  @Index({ unique: true })
  @Column({ type: 'text' })
  code: string;

  @Column({ name: 'holder_id', type: 'uuid' })
  holderId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'holder_id' })
  holder?: UserEntity;

  /** The holder's ID number's blind index when the voucher was issued: the person it counts for. */
  @Column({ name: 'id_number_bidx', type: 'text' })
  idNumberBidx: string;

  @Index()
  @Column({ name: 'program_id', type: 'uuid' })
  programId: string;

  @ManyToOne(() => ProgramEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'program_id' })
  program?: ProgramEntity;

  /** The rules in force at issue: redemption evaluates the sale under them. */
  @Index()
  @Column({ name: 'program_version_id', type: 'uuid' })
  programVersionId: string;

  @ManyToOne(() => ProgramVersionEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'program_version_id' })
  programVersion?: ProgramVersionEntity;

  @Column({ type: 'text' })
  category: string;

  @Column({ name: 'max_subsidy_fen', type: 'bigint', transformer: bigintNumber })
  maxSubsidyFen: number;

  /** What the voucher holds of the budget now (the ledger's reserve − release for it). */
  @Column({ name: 'reserved_fen', type: 'bigint', transformer: bigintNumber })
  reservedFen: number;

  @Column({ type: 'text', default: 'issued' })
  status: VoucherStatus;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;

  /** When the holder was told the voucher lapses within a day (once). */
  @Column({ name: 'reminded_at', type: 'timestamptz', nullable: true })
  remindedAt: Date | null;

  /** When it left `issued` (redeemed, cancelled or expired). */
  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt: Date | null;

  /**
   * The point-of-sale claim the redemption created (one voucher, one claim): set exactly when the
   * voucher is `redeemed`. Unique; the quota count leaves this claim out (the voucher counts).
   */
  @Index({ unique: true, where: '"application_id" IS NOT NULL' })
  @Column({ name: 'application_id', type: 'uuid', nullable: true })
  applicationId: string | null;

  @ManyToOne(() => ApplicationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'application_id' })
  application?: ApplicationEntity;

  /** The dealer's sale record it was redeemed with (written in the sale's transaction, after the sale). */
  @Index({ unique: true, where: '"sale_id" IS NOT NULL' })
  @Column({ name: 'sale_id', type: 'uuid', nullable: true })
  saleId: string | null;

  @ManyToOne(() => DealerSaleEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'sale_id' })
  sale?: DealerSaleEntity;

  /** The subsidy granted at the till (the engine's answer for the sale); null until redeemed. */
  @Column({ name: 'redeemed_fen', type: 'bigint', nullable: true, transformer: bigintNumber })
  redeemedFen: number | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
